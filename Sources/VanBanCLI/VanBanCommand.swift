import ArgumentParser
import Foundation
import VanBan
import Xapian

@main
struct VanBanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban",
        abstract: Help.text("Search Vietnamese official documents by number, keyword and citation.",
                            vi: "Tìm văn bản hành chính tiếng Việt theo số hiệu, từ khóa và trích dẫn."),
        discussion: Help.text("""
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
        """, vi: """
        Lập chỉ mục một thư mục một lần, rồi tìm trong đó:
          vanban index corpus/
          vanban search "nghi quyet cong doan"
          vanban number 565-CV/ĐĐTLĐ
          vanban mentions "Nghị quyết 02-NQ/TW"
          vanban cite corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt

        Chỉ mục là ./index, trừ khi --index hoặc $VANBAN_INDEX chỉ tới chỉ mục khác.
        Mọi lệnh nhận --format (--json là --format json) và --lang vi|en: ngôn ngữ của những gì lệnh in ra cho người \
        đọc (mặc định: $VANBAN_LANG, nếu không thì $LC_ALL, $LC_MESSAGES hoặc $LANG của locale: tiếng Việt khi giá \
        trị bắt đầu bằng vi, còn lại là tiếng Anh; JSON như nhau trong cả hai). Chữ chỉ in đậm trên terminal, và \
        không bao giờ khi NO_COLOR được đặt.
        Mã thoát: 0 thành công (có kết quả), 1 không có kết quả (check: thấy hư hỏng; remove: một PATH không ứng với \
        văn bản nào), 2 lỗi, 3 một số tệp lỗi (index, extract: phần còn lại đã làm xong), 130/143 việc lập chỉ mục bị \
        ngắt (SIGINT/SIGTERM).

        Mọi lệnh đều báo một chỉ mục bị hỏng là bị hỏng, kèm cách khắc phục; `vanban check` cho biết hỏng ở đâu.
        """),
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
            let vietnamese = Language.ofRun == .vi
            if code == .validationFailure {
                let text = fullMessage(for: error)
                FileHandle.standardError.write(Data(((vietnamese ? ParserWords.vietnamese(text) : text) + "\n").utf8))
                if asksForJSON(CommandLine.arguments) {
                    Printer(language: .en, styled: false, jsonErrors: true).json(error: message(for: error), code: "usage")
                }
                Foundation.exit(Exit.error.rawValue)
            }
            if vietnamese, code == .success, asksForHelp(Array(CommandLine.arguments.dropFirst())) {
                print(ParserWords.vietnamese(fullMessage(for: error)))
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }

    /// Whether the arguments ask for help (`-h`, `--help`, `help COMMAND`), which ArgumentParser answers itself.
    static func asksForHelp(_ arguments: [String]) -> Bool {
        arguments.first == "help" || arguments.prefix { $0 != "--" }.contains { $0 == "-h" || $0 == "--help" }
    }
}
