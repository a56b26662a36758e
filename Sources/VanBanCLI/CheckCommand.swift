import ArgumentParser
import Foundation
import VanBan

struct CheckCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban check
          vanban check --index ~/.vanban --json
        """

    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: Help.text("Check an index for damage with Xapian's consistency check, and say what to do.",
                            vi: "Kiểm tra chỉ mục có bị hỏng không bằng phép kiểm tra nhất quán của Xapian, và cho biết cần làm gì."),
        discussion: Help.text("""
        Runs Xapian's own check (Xapian::Database::check, what xapian-check does) on the database the index \
        folder names, then reads its schema version. Damage — a table cut short by a full disk or a crash, a \
        missing or overwritten file — is said in words with the remedy: `vanban index FOLDER… --rebuild` \
        builds a new index from the files beside the damaged one and switches to it when it is complete. \
        A rebuild left unfinished is noted with the command that finishes it.

        JSON: [{index, database, status (sound, damaged or outdated), problems, remedy, notes, documents, \
        schema, xapian_report}], one per --index.

        Exit codes: 0 sound, 1 damaged or of another schema version, 2 error (no index there, or a remote one).

        Examples:
        \(examples)
        """, vi: """
        Chạy phép kiểm tra của chính Xapian (Xapian::Database::check, việc mà xapian-check làm) trên cơ sở dữ liệu mà thư mục \
        chỉ mục trỏ đến, rồi đọc phiên bản lược đồ của nó. Hư hỏng — một bảng bị cắt cụt do đầy đĩa hoặc máy bị sập, một \
        tệp bị thiếu hoặc bị ghi đè — được mô tả bằng lời kèm cách khắc phục: `vanban index FOLDER… --rebuild` \
        xây dựng một chỉ mục mới từ các tệp, bên cạnh chỉ mục bị hỏng, và chuyển sang chỉ mục mới khi hoàn tất. \
        Việc xây dựng lại còn dang dở được ghi chú kèm lệnh để làm nốt.

        JSON: [{index, database, status (sound, damaged hoặc outdated), problems, remedy, notes, documents, \
        schema, xapian_report}], mỗi --index một phần tử.

        Mã thoát: 0 nguyên vẹn, 1 bị hỏng hoặc thuộc phiên bản lược đồ khác, 2 lỗi (không có chỉ mục ở đó, hoặc là chỉ mục từ xa).

        Ví dụ:
        \(examples)
        """)
    )

    @OptionGroup var index: IndexSelection
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let results = try out.reportingErrors {
            try index.resolved.map { location in
                guard !location.hasPrefix("tcp://") else {
                    out.error(code: "unreadable") { "\(location): \($0.remoteCheck)" }
                    throw Exit.error
                }
                return try IndexHealth.check(location)
            }
        }
        if output.format == .json {
            try out.json(results)
        } else {
            for health in results { Self.printText(health, to: out) }
        }
        if results.contains(where: { $0.status != .sound }) { throw Exit.noResults }
    }

    static func printText(_ health: IndexHealth, to out: Printer) {
        let say = out.say
        switch health.status {
        case .sound:
            print("\(out.bold(health.index)): " + say.sound(health.documents ?? 0, health.schema ?? "-", health.database ?? health.index))
        case .damaged:
            print("\(out.bold(health.index)): \(say.damaged)")
        case .outdated:
            print("\(out.bold(health.index)): \(say.outdated)")
        }
        // The library's sentences are English; in a Vietnamese run they are put in Vietnamese (JSON keeps them).
        func words(_ text: String) -> String { out.language == .vi ? DetailWords.vietnamese(text) : text }
        for problem in health.problems { print("  \(say.whatIsWrong): \(words(problem))") }
        if let remedy = health.remedy { print("  \(say.whatToDo): \(words(remedy)).") }
        for note in health.notes { print("  \(say.note): \(words(note)).") }
    }
}
