import ArgumentParser
import Foundation
import VanBan

struct ShowCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban show 380/NQ-CP
          vanban show corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt
          vanban show 12 --json
        """

    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: Help.text("Show a document's metadata, citations and text.",
                            vi: "Hiện siêu dữ liệu, các trích dẫn và nội dung của một văn bản."),
        discussion: Help.text("""
        ID is a docid (from search --json), a file path or a document number.
        JSON: {docid, document (metadata and citations), text}.
        Exit codes: 0 shown, 1 not found, 2 error.

        Examples:
        \(examples)
        """, vi: """
        ID là một docid (lấy từ search --json), đường dẫn tệp hoặc số hiệu.
        JSON: {docid, document (siêu dữ liệu và trích dẫn), text}.
        Mã thoát: 0 đã hiện, 1 không tìm thấy, 2 lỗi.

        Ví dụ:
        \(examples)
        """)
    )

    @Argument(help: Help.argument("Docid, path or number.", vi: "Docid, đường dẫn hoặc số hiệu.")) var id: String
    @OptionGroup var index: IndexSelection
    @Flag(help: Help.argument("Metadata only, without the text.", vi: "Chỉ hiện siêu dữ liệu, không kèm nội dung.")) var noText = false
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let (docid, doc) = try out.reportingErrors(index: index.resolved) {
            do { return try index.open().lookup(id) } catch VanBanError.notFound { throw out.nothingFound { $0.noDocument(id) } }
        }
        if output.format == .json {
            try out.json(ShownDocument(docid: docid, document: doc, withText: !noText))
            return
        }
        DocumentSummary(docid, doc).printText(to: out)
        if let signer = doc.signer { print("  \(out.say.signedBy): \(signer)") }
        print("  " + out.say.formatLine(doc.format, doc.encoding, docid))
        if !doc.citations.isEmpty {
            print("  \(out.say.cites): " + doc.citations.map { $0.number?.display ?? $0.text }.uniqued().joined(separator: ", "))
        }
        if !noText { print("\n" + doc.text) }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, without repeats.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

struct StatsCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban stats
          vanban stats --index ~/.vanban --json
        """

    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: Help.text("Show the size and contents of an index: documents, terms, counts by type, issuer and year.",
                            vi: "Hiện dung lượng và nội dung của một chỉ mục: văn bản, mục từ, số văn bản theo loại văn bản, cơ quan ban hành và năm."),
        discussion: Help.text("""
        JSON: {locations, documents, terms, average_length, size_bytes, last_update, by_type, by_issuer, by_year}.
        Exit codes: 0 shown, 2 error.

        Examples:
        \(examples)
        """, vi: """
        JSON: {locations, documents, terms, average_length, size_bytes, last_update, by_type, by_issuer, by_year}.
        Mã thoát: 0 đã hiện, 2 lỗi.

        Ví dụ:
        \(examples)
        """)
    )

    @OptionGroup var index: IndexSelection
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let s = try out.reportingErrors(index: index.resolved) { try index.open().stats() }
        if output.format == .json { try out.json(s); return }
        let say = out.say
        print("\(say.indexLabel): \(s.locations.joined(separator: ", "))")
        print(say.statsLine(s.documents, s.terms, Int(s.averageLength), String(format: "%.1f", Double(s.sizeBytes) / 1_048_576)))
        print(say.lastUpdate(s.lastUpdate))
        for (name, counts) in [(say.byType, s.byType), (say.byIssuer, s.byIssuer), (say.byYear, s.byYear)] {
            print("\n\(name):")
            for c in counts.prefix(15) { print("  \(String(c.count).leftPadded(5))  \(c.value)") }
            if counts.count > 15 { print("  " + say.more(counts.count - 15)) }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
