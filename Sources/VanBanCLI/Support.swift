import ArgumentParser
import Foundation
import VanBan

/// `--index`, shared by every command that reads an index.
struct IndexSelection: ParsableArguments {
    @Option(name: .customLong("index"), help: ArgumentHelp(
        "Index folder, or tcp://HOST:PORT of an xapian-tcpsrv shard. Repeat to search several as one.",
        discussion: "Default: $VANBAN_INDEX, else ./index.", valueName: "DIR|URL"))
    var locations: [String] = []

    /// The locations asked for, or the default.
    var resolved: [String] {
        if !locations.isEmpty { return locations }
        return [ProcessInfo.processInfo.environment["VANBAN_INDEX"] ?? "index"]
    }

    func open() throws -> SearchIndex { try SearchIndex(locations: resolved) }
}

/// Output helpers: JSON for scripts, bold on terminals, errors on stderr.
enum Output {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("vanban: error: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("\(message)\n".utf8))
    }

    static func bold(_ s: String) -> String { stdoutIsTerminal ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    static func dim(_ s: String) -> String { stdoutIsTerminal ? "\u{1B}[2m\(s)\u{1B}[0m" : s }

    /// One line describing a document: number · type · issuer · date.
    static func describe(number: String?, type: String?, issuer: String?, date: String?) -> String {
        [number, type, issuer, date].compactMap { $0 }.joined(separator: " · ")
    }
}

/// Exit codes shared by the commands (documented in `vanban --help`).
enum Exit {
    static let noResults = ExitCode(1)
    static let error = ExitCode(2)
    static let someFilesFailed = ExitCode(3)
}

/// Runs `body`, turning VanBan's errors into a message and exit code 2.
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as VanBanError {
        Output.error(error.description)
        throw Exit.error
    } catch {
        Output.error("\(error)")
        throw Exit.error
    }
}
