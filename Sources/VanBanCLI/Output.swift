import ArgumentParser
import Foundation
import VanBan

/// The formats a command prints: `json` among them, `standard` the one printed without `--format`.
protocol OutputFormat: ExpressibleByArgument, CaseIterable, RawRepresentable, Equatable where RawValue == String {
    static var json: Self { get }
    static var standard: Self { get }
}

/// Text for people or JSON for scripts: the formats of most commands.
enum PlainFormat: String, OutputFormat {
    case text, json
    static let standard = PlainFormat.text
}

/// The language of the messages. Only the option is wired through so far: every message is English.
enum Language: String, ExpressibleByArgument, CaseIterable {
    case vi, en

    /// `--lang` when given, else the language part of `$VANBAN_LANG` (`vi`, `vi_VN.UTF-8`) when it is one
    /// of ours, else English.
    static func resolve(_ option: Language?, environment: [String: String]) -> Language {
        if let option { return option }
        let code = (environment["VANBAN_LANG"] ?? "").lowercased().prefix { $0.isLetter }
        return Language(rawValue: String(code)) ?? .en
    }
}

/// `--format`, its synonym `--json`, and `--lang`: the output options of every command, which names in
/// `Format` the formats it prints and its default.
struct OutputOptions<Format: OutputFormat>: ParsableArguments {
    @Option(name: .customLong("format"), help: ArgumentHelp("How to print the result.", valueName: "format"))
    var requested: Format = Format.standard

    @Flag(help: "Same as --format json.")
    var json = false

    @Option(help: ArgumentHelp("Language of the messages.", discussion: "Default: $VANBAN_LANG, else en. For now every message is in English.",
                               valueName: "vi|en"))
    var lang: Language?

    /// The format to print: `--json` wins over `--format`.
    var format: Format { json ? .json : requested }

    /// The printer of this run, its language and styling decided here once.
    func printer() -> Printer {
        let environment = ProcessInfo.processInfo.environment
        return Printer(language: Language.resolve(lang, environment: environment),
                       styled: Printer.styles(environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1))
    }
}

/// What every command prints through: results on stdout (JSON, or text styled when `styled`), errors on stderr.
struct Printer {
    let language: Language
    /// Whether stdout gets escape codes (bold, dim, highlighted matches).
    let styled: Bool

    /// Styling only on a terminal, and never when `NO_COLOR` is set to anything but "" (https://no-color.org).
    static func styles(environment: [String: String], isTerminal: Bool) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    func bold(_ s: String) -> String { styled ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { styled ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    /// The snippet with its matches in bold, or in `[ ]` without styling.
    func highlighted(_ snippet: Snippet) -> String {
        let (open, close) = styled ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
        return SnippetBuilder.render(snippet, open: open, close: close)
    }

    /// Prints `value` as one line of JSON, its keys sorted so that the same result prints the same bytes.
    func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    func error(_ message: String) {
        FileHandle.standardError.write(Data("vanban: error: \(message)\n".utf8))
    }

    /// Prints `message` as an error and ends the command with exit code 2.
    func fail(_ message: String) throws -> Never {
        error(message)
        throw Exit.error
    }

    func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Runs `body`, turning its errors into a message and exit code 2 (an `ExitCode` passes through).
    /// Xapian's word for damage of the indexes at `index` becomes a message saying so and what to do.
    func reportingErrors<T>(index: [String] = [], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let explained = index.isEmpty ? error : VanBanError.explaining(error, index: index.joined(separator: ", "))
            self.error((explained as? VanBanError)?.description ?? "\(explained)")
            throw Exit.error
        }
    }

    /// One line describing a document: number · type · issuer · date.
    static func describe(number: String?, type: String?, issuer: String?, date: String?) -> String {
        [number, type, issuer, date].compactMap { $0 }.joined(separator: " · ")
    }
}
