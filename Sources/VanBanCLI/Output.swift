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

/// The language of the messages a command prints for people (JSON is the same in both).
enum Language: String, ExpressibleByArgument, CaseIterable {
    case vi, en

    /// The environment variables that name the language, first set (and not empty) first: `VANBAN_LANG`, to
    /// choose VanBan's language alone, then the locale's, in POSIX order.
    static let variables = ["VANBAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]

    /// `--lang` when given, else Vietnamese when the first of ``variables`` set to a value names it (`vi`,
    /// `vi_VN.UTF-8`, `vi-VN`), else English (`C`, `POSIX`, `en_US`, any other language).
    static func resolve(_ option: Language?, environment: [String: String]) -> Language {
        if let option { return option }
        guard let value = variables.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else { return .en }
        let code = value.unicodeScalars.prefix { !["_", "-", ".", "@"].contains($0) }
        return String(code).lowercased() == "vi" ? .vi : .en
    }
}

/// `--lang`: the option of every command that prints for people.
struct LanguageOption: ParsableArguments {
    @Option(help: Help.argument("Language of the messages.", vi: "Ngôn ngữ của thông báo.", discussion: (en: """
        Default: $VANBAN_LANG, else the locale ($LC_ALL, $LC_MESSAGES, $LANG: the first one set): Vietnamese when \
        it starts with vi, else English. Types and relations are Vietnamese words in both; JSON is the same in both.
        """, vi: """
        Mặc định: $VANBAN_LANG, nếu không thì theo locale ($LC_ALL, $LC_MESSAGES, $LANG: biến đầu tiên có giá trị): \
        tiếng Việt khi giá trị bắt đầu bằng vi, còn lại là tiếng Anh. Loại văn bản và quan hệ là từ tiếng Việt trong \
        cả hai; JSON như nhau trong cả hai.
        """), valueName: "vi|en"))
    var lang: Language?

    /// The language of this run.
    var resolved: Language { Language.resolve(lang, environment: ProcessInfo.processInfo.environment) }
}

/// `--format`, its synonym `--json`, and `--lang`: the output options of every command, which names in
/// `Format` the formats it prints and its default.
struct OutputOptions<Format: OutputFormat>: ParsableArguments {
    @Option(name: .customLong("format"), help: Help.argument("How to print the result.", vi: "Cách in kết quả.", valueName: "format"))
    var requested: Format = Format.standard

    @Flag(help: Help.argument("Same as --format json.", vi: "Như --format json."))
    var json = false

    @OptionGroup var language: LanguageOption

    /// The format to print: `--json` wins over `--format`.
    var format: Format { json ? .json : requested }

    /// The printer of this run, its language and styling decided here once.
    func printer() -> Printer {
        let environment = ProcessInfo.processInfo.environment
        return Printer(language: language.resolved,
                       styled: Printer.styles(environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1),
                       jsonErrors: format == .json)
    }
}

/// What every command prints through: results on stdout (JSON, or text styled when `styled`), errors on stderr
/// in the run's language and, under `--json`, also on stdout as `{"error": {"code", "message"}}` in English, so
/// that a script always reads JSON, the same in every language.
struct Printer {
    let language: Language
    /// Whether stdout gets escape codes (bold, dim, highlighted matches).
    let styled: Bool
    /// Whether an error is also printed on stdout as a JSON object.
    var jsonErrors = false

    /// A message, picked from the catalogue of a language.
    typealias Message = (Messages) -> String

    /// The messages of the run's language.
    var say: Messages { language.messages }

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

    /// An error on stderr, and under `--json` as `{"error": {"code": code, "message": message}}` on stdout.
    func error(code: String = "error", _ message: Message) {
        problem(message(say))
        if jsonErrors { json(error: message(.en), code: code) }
    }

    /// The JSON error object on stdout.
    func json(error message: String, code: String) {
        try? json(["error": ["code": code, "message": message]])
    }

    /// A problem with one item of a run that goes on (a file of `extract`, a path of `remove`): stderr only, the
    /// JSON result on stdout lists it.
    func problem(_ message: String) {
        note("vanban: \(say.error): \(message)")
    }

    /// A warning on stderr.
    func warning(_ message: String) {
        note("vanban: \(say.warning): \(message)")
    }

    /// Says that nothing was found (code `not_found`) and gives exit code 1 to throw.
    func nothingFound(_ message: Message) -> ExitCode {
        error(code: "not_found", message)
        return Exit.noResults
    }

    /// Prints `message` as an error in what was asked (code `invalid_input`) and ends the command with exit code 2.
    func fail(_ message: Message) throws -> Never {
        error(code: "invalid_input", message)
        throw Exit.error
    }

    func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    /// Runs `body`, turning its errors into a message and exit code 2, or 1 for a document not found (an
    /// `ExitCode` passes through). Xapian's word for damage of the indexes at `index` becomes a message saying
    /// so and what to do.
    func reportingErrors<T>(index: [String] = [], _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let explained = index.isEmpty ? error : VanBanError.explaining(error, index: index.joined(separator: ", "))
            guard let known = explained as? VanBanError else {
                self.error { _ in "\(explained)" }
                throw Exit.error
            }
            self.error(code: known.code) { $0.vanBanError(known) }
            if case .notFound = known { throw Exit.noResults }
            throw Exit.error
        }
    }

    /// One line describing a document: number · type · issuer · date.
    static func describe(number: String?, type: String?, issuer: String?, date: String?) -> String {
        [number, type, issuer, date].compactMap { $0 }.joined(separator: " · ")
    }
}
