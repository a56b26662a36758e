import ArgumentParser
import DocRefs
import Foundation
import VanBan

/// A document's metadata as `number`, `show` and `cited-by` print it.
struct DocumentSummary: Codable {
    var docid: UInt32
    var path: String
    var number: String?
    var type: String?
    var issuer: String?
    var date: String?
    var title: String?
    /// For a citing document: the relation stated and how many times it mentions the target.
    var relation: String?
    var mentions: Int?

    init(_ docid: UInt32, _ d: StoredDocument, relation: String? = nil, mentions: Int? = nil) {
        self.docid = docid; path = d.path; number = d.number; type = d.type; issuer = d.issuer
        date = d.date; title = d.title; self.relation = relation; self.mentions = mentions
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docid, forKey: .docid)
        try c.encode(path, forKey: .path)
        try c.encode(number, forKey: .number)
        try c.encode(type, forKey: .type)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        if mentions != nil {
            try c.encode(relation, forKey: .relation)
            try c.encode(mentions, forKey: .mentions)
        }
    }

    func printText(indent: String = "") {
        print(indent + Output.bold(title ?? number ?? path))
        let head = Output.describe(number: number, type: type, issuer: issuer, date: date)
        if !head.isEmpty { print(indent + "  " + head) }
        print(indent + "  " + path)
    }
}

/// The documents citing `target`, newest first, with the relation and mention count.
func citingDocuments(_ index: SearchIndex, _ target: ReferenceTarget) throws -> [DocumentSummary] {
    try index.documents(citing: Array(target.keys)).compactMap { docid, doc in
        let hits = doc.citations.filter(target.matches)
        guard !hits.isEmpty else { return nil }
        return DocumentSummary(docid, doc, relation: hits.compactMap(\.relation).first?.rawValue, mentions: hits.count)
    }.sorted { ($0.date ?? "", $0.path) > ($1.date ?? "", $1.path) }
}

struct NumberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "number",
        abstract: "Look a document up by its number, in any spelling, with the documents citing it.",
        discussion: """
        565-CV/ĐĐTLĐ, 565/CV-DDTLD, "565 cv ddtld" and "số 565-CV/ĐĐTLĐ" are the same number. A number \
        without its issuer ("Nghị quyết 380", "NQ 380") names the one document of the index bearing it.
        Exit codes: 0 found (the document or a citation of it), 1 neither, 2 error.
        """
    )

    @Argument(help: "The document number.") var symbol: String
    @OptionGroup var index: IndexSelection
    @Flag(help: "Print JSON: {query, key, document, cited_by}.") var json = false

    struct Response: Codable {
        var query: String
        var key: String
        var document: DocumentSummary?
        var citedBy: [DocumentSummary]
        enum CodingKeys: String, CodingKey { case query, key, document, citedBy = "cited_by" }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(query, forKey: .query)
            try c.encode(key, forKey: .key)
            try c.encode(document, forKey: .document)
            try c.encode(citedBy, forKey: .citedBy)
        }
    }

    func run() throws {
        let response = try reportingErrors { () -> Response in
            let idx = try index.open()
            guard let number = try DocNumberParser.parse(symbol) ?? DocNumberParser.find(in: symbol).first?.number
                    ?? resolvePartial(in: idx),
                  let target = ReferenceTarget.parse(number.display) else {
                throw VanBanError.badQuery(message: "\"\(symbol)\" is not a document number (e.g. 565-CV/ĐĐTLĐ, 145/2020/NĐ-CP)", position: 0)
            }
            let own = try idx.documents(numbered: number).first.map { DocumentSummary($0.docid, $0.document) }
            return Response(query: symbol, key: number.key, document: own, citedBy: try citingDocuments(idx, target))
        }
        if json {
            try Output.json(response)
        } else {
            print("Number \(response.key)")
            if let d = response.document { d.printText(indent: "  ") } else { print("  not in the index") }
            print("\nCited by \(response.citedBy.count) document(s):")
            for d in response.citedBy {
                d.printText(indent: "  ")
                print("    " + [d.relation.map { "relation: \($0)" }, d.mentions.map { "\($0) mention(s)" }].compactMap { $0 }.joined(separator: ", "))
            }
        }
        if response.document == nil && response.citedBy.isEmpty { throw Exit.noResults }
    }

    /// A number written without its issuer (`Nghị quyết 380`, `NQ 380`) stands for the one document of the
    /// index that bears it; when several or none do, the error says which, or where to look instead.
    func resolvePartial(in idx: SearchIndex) throws -> DocNumber? {
        guard let partial = DocNumberParser.parsePartial(symbol) else { return nil }
        let numbers = try idx.documents(partial: partial.partialKey).compactMap { $0.document.number }
        let distinct = numbers.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if distinct.count == 1, let number = DocNumberParser.parse(distinct[0]) { return number }
        if distinct.isEmpty {
            Output.error("no document numbered \"\(symbol)\" in the index; `vanban cited-by \"\(symbol)\"` lists the documents citing it")
            throw Exit.noResults
        }
        throw VanBanError.badQuery(message: "\"\(symbol)\" is the number of \(distinct.count) documents: \(distinct.joined(separator: ", ")); give the full number", position: 0)
    }
}

struct CitedByCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cited-by",
        abstract: "List the documents that cite a document, with the relation and date.",
        discussion: "REF is a number in any spelling, a short form (NQ 02) or a name (Luật Công đoàn).\nExit codes: 0 found, 1 none, 2 error."
    )

    @Argument(help: "The cited document.") var reference: String
    @OptionGroup var index: IndexSelection
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let list = try reportingErrors { () -> [DocumentSummary] in
            guard let target = ReferenceTarget.parse(reference) else {
                throw VanBanError.badQuery(message: "\"\(reference)\" is not a reference VanBan can read", position: 0)
            }
            return try citingDocuments(try index.open(), target)
        }
        if json {
            try Output.json(list)
        } else {
            for (i, d) in list.enumerated() {
                print("\(i + 1). " + [d.date ?? "----------", d.number ?? "(no number)", d.relation ?? "mentions"].joined(separator: "  ")
                      + "  " + (d.title ?? d.path))
            }
            if list.isEmpty { print("No document in the index cites \(reference).") }
        }
        if list.isEmpty { throw Exit.noResults }
    }
}
