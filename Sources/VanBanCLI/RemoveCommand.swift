import ArgumentParser
import Foundation
import VanBan

struct RemoveCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban remove /mnt/share/cong-van --dry-run
          vanban remove corpus/cu/qd-12.txt corpus/cu/qd-13.txt
          vanban remove /mnt/share --index ~/.vanban --json
        """

    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: Help.text("Take documents out of the index: a file's, or those of every file under a folder.",
                            vi: "Xóa văn bản khỏi chỉ mục: văn bản của một tệp, hoặc của mọi tệp trong một thư mục."),
        discussion: Help.text("""
        `vanban index` removes a document only when its file is gone from a folder it could list; a document \
        whose folder could not be read (permissions, an unmounted share, an I/O error) is kept. This command \
        removes documents on your word, whether or not their files are still there. A file still under an \
        indexed folder comes back at the next `vanban index` of that folder: list it in a .vanbanignore there \
        to keep it out.

        JSON: {removed ([path]), unmatched ([PATH given that names no document]), dry_run, documents (in the index after)}.

        Exit codes: 0 every PATH named documents (removed, or listed with --dry-run), 1 some PATH named none \
        (the others are removed), 2 error (no index, or another `vanban index` is writing it).

        Examples:
        \(examples)
        """, vi: """
        `vanban index` chỉ xóa một văn bản khi tệp của nó không còn trong một thư mục liệt kê được; văn bản \
        có thư mục không đọc được (do quyền truy cập, thư mục chia sẻ chưa được gắn, lỗi I/O) được giữ lại. Lệnh này \
        xóa văn bản theo yêu cầu của bạn, dù tệp của chúng còn hay không. Tệp vẫn nằm trong một thư mục \
        đã lập chỉ mục sẽ quay lại ở lần `vanban index` thư mục đó tiếp theo: hãy ghi tệp vào .vanbanignore ở đó \
        để loại nó ra.

        JSON: {removed ([path]), unmatched ([các đường dẫn đã cho không ứng với văn bản nào]), dry_run, documents (số văn bản còn trong chỉ mục sau đó)}.

        Mã thoát: 0 mọi đường dẫn đã cho đều ứng với văn bản (đã xóa, hoặc đã liệt kê với --dry-run), 1 có đường dẫn không ứng với văn bản nào \
        (văn bản của các đường dẫn còn lại vẫn được xóa), 2 lỗi (không có chỉ mục, hoặc một lệnh `vanban index` khác đang ghi vào đó).

        Ví dụ:
        \(examples)
        """)
    )

    @Argument(help: Help.argument("Files or folders whose documents to remove.", vi: "Các tệp hoặc thư mục có văn bản cần xóa."))
    var paths: [String]

    @Option(name: .customLong("index"), help: Help.argument("Index folder (default: $VANBAN_INDEX, else ./index).",
                                                            vi: "Thư mục chỉ mục (mặc định: $VANBAN_INDEX, nếu không thì ./index)."))
    var index: String?

    @Flag(help: Help.argument("List what would be removed, and change nothing.", vi: "Liệt kê những gì sẽ bị xóa, không thay đổi gì."))
    var dryRun = false

    @OptionGroup var output: OutputOptions<PlainFormat>

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError(Help.text("name at least one file or folder to remove", vi: "hãy nêu ít nhất một tệp hoặc thư mục cần xóa")) }
    }

    func run() throws {
        let out = output.printer()
        let indexPath = index ?? ProcessInfo.processInfo.environment["VANBAN_INDEX"] ?? "index"
        let result = try out.reportingErrors(index: [indexPath]) {
            try DocumentRemoval.remove(paths, from: indexPath, dryRun: dryRun)
        }
        if output.format == .json {
            try out.json(result)
        } else {
            print(out.say.removed(dryRun, result.removed.count, indexPath, result.documents))
            for path in result.removed { print("  \(path)") }
        }
        for path in result.unmatched { out.problem(out.say.notIndexed(path)) }
        if !result.unmatched.isEmpty { throw Exit.noResults }
    }
}
