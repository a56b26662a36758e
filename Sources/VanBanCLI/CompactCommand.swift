import ArgumentParser
import Foundation
import VanBan

struct CompactCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban compact
          vanban compact --index ~/.vanban --merge --json
        """

    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: Help.text("Compact an index with xapian-compact, and switch to the compacted copy in one step.",
                            vi: "Nén chỉ mục bằng xapian-compact, và chuyển sang bản đã nén trong một bước."),
        discussion: Help.text("""
        Xapian leaves room in its tables as documents are written; `xapian-compact` writes them anew, full, which \
        makes an index after a first build or a rebuild smaller and a little faster to search. The copy is \
        written beside the index, which searches keep using until the copy replaces it in one step, as a rebuild \
        does; no other `vanban index` can write the index meanwhile. Each shard is compacted on its own; --merge \
        joins them into one database (later runs then write it with one writer).

        JSON: {index, bytes_before, bytes_after, shards}.

        Exit codes: 0 compacted, 2 error (no index there, another writer has it, xapian-compact failed).

        Examples:
        \(examples)
        """, vi: """
        Xapian chừa chỗ trống trong các bảng khi ghi văn bản; `xapian-compact` ghi lại các bảng cho kín chỗ, nhờ đó \
        chỉ mục sau lần xây dựng đầu tiên hoặc sau khi xây dựng lại sẽ nhỏ hơn và tìm kiếm nhanh hơn một chút. Bản sao được \
        ghi bên cạnh chỉ mục; việc tìm kiếm vẫn dùng chỉ mục cũ cho đến khi bản sao thay thế nó trong một bước, như khi xây dựng lại; \
        trong lúc đó không lệnh `vanban index` nào khác ghi được vào chỉ mục. Mỗi phân mảnh được nén riêng; --merge \
        gộp chúng thành một cơ sở dữ liệu (các lần chạy sau sẽ ghi vào đó bằng một luồng ghi).

        JSON: {index, bytes_before, bytes_after, shards}.

        Mã thoát: 0 đã nén, 2 lỗi (không có chỉ mục ở đó, một tiến trình ghi khác đang giữ chỉ mục, xapian-compact thất bại).

        Ví dụ:
        \(examples)
        """)
    )

    @Option(name: .customLong("index"), help: Help.argument("Index folder (default: $VANBAN_INDEX, else ./index).",
                                                            vi: "Thư mục chỉ mục (mặc định: $VANBAN_INDEX, nếu không thì ./index)."))
    var index: String?

    @Flag(help: Help.argument("Join the shards into one database.", vi: "Gộp các phân mảnh thành một cơ sở dữ liệu."))
    var merge = false

    @OptionGroup var output: OutputOptions<PlainFormat>

    struct Report: Encodable {
        var index: String
        var bytesBefore: Int
        var bytesAfter: Int
        var shards: Int

        enum CodingKeys: String, CodingKey {
            case index, bytesBefore = "bytes_before", bytesAfter = "bytes_after", shards
        }
    }

    func run() throws {
        let out = output.printer()
        let path = index ?? ProcessInfo.processInfo.environment["VANBAN_INDEX"] ?? "index"
        let report = try out.reportingErrors(index: [path]) { () throws -> Report in
            let sink = try XapianSink(editing: path)
            defer { sink.close() }
            let (before, after, shards) = try sink.compact(merge: merge)
            return Report(index: path, bytesBefore: before, bytesAfter: after, shards: shards)
        }
        if output.format == .json { try out.json(report); return }
        let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1e6) }
        print(out.say.compacted(path, mb(report.bytesBefore), mb(report.bytesAfter), report.shards))
    }
}
