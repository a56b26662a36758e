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
