import ArgumentParser
import Foundation
import VanBan

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a document's metadata, citations and text.",
        discussion: """
        ID is a docid (from search --json), a file path or a document number.
        JSON: {docid, document (metadata and citations), text}.
        Exit codes: 0 shown, 1 not found, 2 error.

        Examples:
          vanban show 380/NQ-CP
          vanban show corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt
          vanban show 12 --json
        """
    )

    @Argument(help: "Docid, path or number.") var id: String
    @OptionGroup var index: IndexSelection
    @Flag(help: "Metadata only, without the text.") var noText = false
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let (docid, doc) = try out.reportingErrors(index: index.resolved) { try index.open().lookup(id) }
        if output.format == .json {
            try out.json(ShownDocument(docid: docid, document: doc, withText: !noText))
            return
        }
        DocumentSummary(docid, doc).printText(to: out)
        if let signer = doc.signer { print("  ký: \(signer)") }
        print("  format: \(doc.format), encoding: \(doc.encoding), docid \(docid)")
        if !doc.citations.isEmpty {
            print("  cites: " + doc.citations.map { $0.number?.display ?? $0.text }.uniqued().joined(separator: ", "))
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
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show the size and contents of an index: documents, terms, counts by type, issuer and year.",
        discussion: """
        JSON: {locations, documents, terms, average_length, size_bytes, last_update, by_type, by_issuer, by_year}.
        Exit codes: 0 shown, 2 error.

        Examples:
          vanban stats
          vanban stats --index ~/.vanban --json
        """
    )

    @OptionGroup var index: IndexSelection
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let s = try out.reportingErrors(index: index.resolved) { try index.open().stats() }
        if output.format == .json { try out.json(s); return }
        print("Index: \(s.locations.joined(separator: ", "))")
        print("Documents: \(s.documents)   terms: \(s.terms)   average length: \(Int(s.averageLength))   size: \(String(format: "%.1f", Double(s.sizeBytes) / 1_048_576)) MB")
        print("Last update: \(s.lastUpdate ?? "unknown")")
        for (name, counts) in [("By type", s.byType), ("By issuer", s.byIssuer), ("By year", s.byYear)] {
            print("\n\(name):")
            for c in counts.prefix(15) { print("  \(String(c.count).leftPadded(5))  \(c.value)") }
            if counts.count > 15 { print("  … \(counts.count - 15) more") }
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
