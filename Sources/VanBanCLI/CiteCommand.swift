import ArgumentParser
import DocRefs
import Foundation
import VanBan

extension CitationList.Order: ExpressibleByArgument {}

struct CiteCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban cite corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt
          vanban cite 380/NQ-CP --format md
          vanban cite 380/NQ-CP --format csv --sort date > trich-dan.csv
        """

    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: Help.text("Print the citation list of a document: what it cites, in order.",
                            vi: "In danh mục trích dẫn của một văn bản: những gì văn bản đó trích dẫn, theo thứ tự."),
        discussion: Help.text("""
        FILE may be indexed or not (then it is read and analysed now); NUMBER or docid names an indexed document.
        Cited documents found in the index are shown with their canonical number, type, issuer, date and title.

        Examples:
        \(examples)
        """, vi: """
        Tệp có thể đã hoặc chưa được lập chỉ mục (nếu chưa, tệp được đọc và phân tích ngay khi chạy); số hiệu hoặc docid chỉ một văn bản đã lập chỉ mục.
        Các văn bản được trích dẫn có trong chỉ mục được hiện kèm số hiệu ở dạng chuẩn, loại văn bản, cơ quan ban hành, ngày và trích yếu.

        Ví dụ:
        \(examples)
        """)
    )

    @Argument(help: Help.argument("A file, a document number or a docid.", vi: "Một tệp, một số hiệu hoặc một docid.")) var document: String
    @OptionGroup var index: IndexSelection
    @Option(help: Help.argument("Order: first (first mention), date or type.",
                                vi: "Thứ tự: first (lần nhắc đến đầu tiên), date (ngày) hoặc type (loại văn bản).")) var sort: CitationList.Order = .first
    @OptionGroup var output: OutputOptions<Format>

    enum Format: String, OutputFormat {
        case text, md, csv, json
        static let standard = Format.text
    }

    func run() throws {
        let out = output.printer()
        let list = try out.reportingErrors(index: index.resolved) { () -> CitationList in
            // Without an index (or with one of another schema) the file is read now; a damaged one is
            // reported, not passed over.
            let idx: SearchIndex?
            do { idx = try index.open() } catch VanBanError.indexMissing, VanBanError.schemaMismatch { idx = nil }
            let found: StoredDocument?
            do { found = try idx?.lookup(document).document } catch VanBanError.notFound { found = nil }
            let source: StoredDocument
            if let found {
                source = found
            } else if FileManager.default.fileExists(atPath: document) {
                source = try StoredDocument.reading(URL(fileURLWithPath: document))
            } else if idx != nil {
                throw out.nothingFound { $0.noDocument(document) }
            } else {
                throw VanBanError.indexMissing(index.resolved.joined(separator: ", "))
            }
            return try CitationList.of(source, in: idx, order: sort)
        }
        switch output.format {
        case .text: print(Self.text(list, to: out))
        case .md: print(list.markdown())
        case .csv: print(list.csv())
        case .json: try out.json(list)
        }
    }
}

extension CiteCommand {
    /// The list as numbered lines, each a Vietnamese reference line with notes in the run's language.
    static func text(_ list: CitationList, to out: Printer) -> String {
        var lines = [out.say.citationsIn(list.number ?? list.source, list.entries.count)]
        for (i, e) in list.entries.enumerated() {
            var line = "\(i + 1). \(CitationList.referenceLine(e))"
            var notes: [String] = []
            if let r = e.relationLabel { notes.append(r) }
            if e.mentions > 1 { notes.append(out.say.times(e.mentions)) }
            if e.resolution == .unresolved {
                notes.append(out.say.unsettled + (e.reason.map { ": " + $0 } ?? ""))
            } else if !e.inIndex {
                notes.append(out.say.notInIndex)
            }
            if !notes.isEmpty { line += " [" + notes.joined(separator: "; ") + "]" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

struct GraphCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban graph --format dot | dot -Tsvg > graph.svg
          vanban graph --root 380/NQ-CP --depth 1 --format json
        """

    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: Help.text("Export the citation graph: documents as nodes, citations as typed edges.",
                            vi: "Xuất đồ thị trích dẫn: văn bản là nút, trích dẫn là cạnh mang loại quan hệ."),
        discussion: Help.text("""
        References to documents that are not in the index are nodes of their own (dashed in DOT).

        Examples:
        \(examples)
        """, vi: """
        Trích dẫn đến văn bản không có trong chỉ mục được thể hiện bằng nút riêng (nét đứt trong DOT).

        Ví dụ:
        \(examples)
        """)
    )

    @OptionGroup var index: IndexSelection
    @Option(help: Help.argument("Only the neighbourhood of this document (number, short form or name).",
                                vi: "Chỉ vùng lân cận của văn bản này (số hiệu, dạng viết tắt hoặc tên gọi).")) var root: String?
    @Option(help: Help.argument("Citation steps from --root, both directions.",
                                vi: "Số bước trích dẫn tính từ --root, theo cả hai chiều.")) var depth = 2
    @OptionGroup var output: OutputOptions<Format>

    enum Format: String, OutputFormat {
        case dot, json, csv
        static let standard = Format.dot
    }

    func validate() throws {
        guard depth >= 0 else { throw ValidationError(Help.text("--depth must not be negative", vi: "--depth không được âm")) }
    }

    func run() throws {
        let out = output.printer()
        let graph = try out.reportingErrors(index: index.resolved) {
            try CitationGraph.build(documents: try index.open().allDocuments(), root: root, depth: depth)
        }
        if let root, graph.nodes.isEmpty {
            throw out.nothingFound { $0.notInGraph(root) }
        }
        switch output.format {
        case .dot: print(graph.dot())
        case .json: try out.json(graph)
        case .csv: print(graph.csv())
        }
    }
}
