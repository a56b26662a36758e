import ArgumentParser
import DocRefs
import Foundation
import VanBan

extension CitationList.Order: ExpressibleByArgument {}

struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite",
        abstract: "Print the citation list of a document: what it cites, in order.",
        discussion: """
        FILE may be indexed or not (then it is read and analysed now); NUMBER or docid names an indexed document.
        Cited documents found in the index are shown with their canonical number, type, issuer, date and title.

        Examples:
          vanban cite corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt
          vanban cite 380/NQ-CP --format md
          vanban cite 380/NQ-CP --format csv --sort date > trich-dan.csv
        """
    )

    @Argument(help: "A file, a document number or a docid.") var document: String
    @OptionGroup var index: IndexSelection
    @Option(help: "Order: first (first mention), date or type.") var sort: CitationList.Order = .first
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
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Export the citation graph: documents as nodes, citations as typed edges.",
        discussion: """
        References to documents that are not in the index are nodes of their own (dashed in DOT).

        Examples:
          vanban graph --format dot | dot -Tsvg > graph.svg
          vanban graph --root 380/NQ-CP --depth 1 --format json
        """
    )

    @OptionGroup var index: IndexSelection
    @Option(help: "Only the neighbourhood of this document (number, short form or name).") var root: String?
    @Option(help: "Citation steps from --root, both directions.") var depth = 2
    @OptionGroup var output: OutputOptions<Format>

    enum Format: String, OutputFormat {
        case dot, json, csv
        static let standard = Format.dot
    }

    func validate() throws {
        guard depth >= 0 else { throw ValidationError("--depth must not be negative") }
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
