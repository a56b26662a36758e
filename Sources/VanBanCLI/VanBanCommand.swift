import ArgumentParser
import Foundation
import VanBan
import Xapian

@main
struct VanBanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: "Search Vietnamese official documents by number, keyword and citation.",
        discussion: """
        Index a folder once, then search it:
          vanban index corpus/
          vanban search "nghi quyet cong doan"
          vanban number 565-CV/ĐĐTLĐ
          vanban mentions "Nghị quyết 02-NQ/TW"
          vanban cite corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt

        The index is ./index unless --index or $VANBAN_INDEX names another.
        Every command takes --format (--json is --format json) and --lang vi|en: the language of what it prints \
        for people (default: $VANBAN_LANG, else the locale's $LC_ALL, $LC_MESSAGES or $LANG: Vietnamese when it \
        starts with vi, else English; JSON is the same in both). Text is bold only on a terminal, and never when \
        NO_COLOR is set.
        Exit codes: 0 success (results found), 1 no results (check: damage found; remove: a PATH named no document), \
        2 error, 3 some files failed (index, extract: the rest was done), 130/143 indexing interrupted (SIGINT/SIGTERM).

        A damaged index is reported as such by every command, with the remedy; `vanban check` says what is wrong.
        """,
        version: "vanban \(VanBanInfo.version) (Xapian \(xapianVersion))",
        subcommands: [
            IndexCommand.self, RemoveCommand.self, CheckCommand.self, CompactCommand.self, SearchCommand.self, NumberCommand.self, ShowCommand.self, StatsCommand.self,
            MentionsCommand.self, CiteCommand.self, CitedByCommand.self, GraphCommand.self, ServeCommand.self,
            AnalyzeCommand.self, ExtractCommand.self,
        ]
    )

    /// Whether the arguments ask for JSON (`--json`, `--format json`, `--format=json`): a usage error is then
    /// printed on stdout as a JSON error object too.
    static func asksForJSON(_ arguments: [String]) -> Bool {
        arguments.contains("--json") || arguments.contains("--format=json")
            || zip(arguments, arguments.dropFirst()).contains { $0 == "--format" && $1 == "json" }
    }

    /// Like ArgumentParser's main, but usage errors exit with 2, as every other error does.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var server = command as? any AsyncParsableCommand {
                try await server.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                if asksForJSON(CommandLine.arguments) {
                    Printer(language: .en, styled: false, jsonErrors: true).json(error: message(for: error), code: "usage")
                }
                Foundation.exit(Exit.error.rawValue)
            }
            exit(withError: error)
        }
    }
}
