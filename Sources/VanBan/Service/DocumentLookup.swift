import DocRefs
import Foundation

/// A document's metadata as a look-up by number, `show` and `cited-by` list it.
public struct DocumentSummary: Codable, Sendable, Equatable {
    public var docid: UInt32
    public var path: String
    public var number: String?
    public var type: String?
    public var issuer: String?
    public var date: String?
    public var title: String?
    /// Whether ``title`` is the text's first sentence standing in for a title.
    public var titleDerived: Bool
    /// For a citing document: the relation it states and how many times it mentions the target.
    public var relation: String?
    public var mentions: Int?

    enum CodingKeys: String, CodingKey {
        case docid, path, number, type, issuer, date, title, titleDerived = "title_derived", relation, mentions
    }

    public init(_ docid: UInt32, _ d: StoredDocument, relation: String? = nil, mentions: Int? = nil) {
        self.docid = docid; path = d.path; number = d.number; type = d.type; issuer = d.issuer
        date = d.date; title = d.title; titleDerived = d.titleDerived; self.relation = relation; self.mentions = mentions
    }

    /// Every key is written, missing metadata as `null`; `relation` and `mentions` only for a citing document
    /// (written by hand: whether `relation` is written depends on `mentions`, more than ``NullEncoded`` says).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(docid, forKey: .docid)
        try c.encode(path, forKey: .path)
        try c.encode(number, forKey: .number)
        try c.encode(type, forKey: .type)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(titleDerived, forKey: .titleDerived)
        if mentions != nil {
            try c.encode(relation, forKey: .relation)
            try c.encode(mentions, forKey: .mentions)
        }
    }
}

/// What a look-up by number finds: the document bearing it and the documents citing it.
public struct NumberLookup: Codable, Sendable {
    /// The number as asked.
    public var query: String
    /// Its key (`565-CV/DDTLD`).
    public var key: String
    /// `null` in the JSON when no document of the index bears the number.
    @NullEncoded public var document: DocumentSummary?
    public var citedBy: [DocumentSummary]

    enum CodingKeys: String, CodingKey { case query, key, document, citedBy = "cited_by" }
}

extension SearchIndex {
    /// The documents citing `target`, newest first, with the relation and mention count.
    public func citing(_ target: ReferenceTarget) throws -> [DocumentSummary] {
        try documents(citing: Array(target.keys)).compactMap { docid, doc in
            let hits = doc.citations.filter(target.matches)
            guard !hits.isEmpty else { return nil }
            return DocumentSummary(docid, doc, relation: hits.compactMap(\.relation).first?.rawValue, mentions: hits.count)
        }.sorted { ($0.date ?? "", $0.path) > ($1.date ?? "", $1.path) }
    }

    /// The documents citing `reference` (a number in any spelling, a short form or a name).
    public func citing(_ reference: String) throws -> [DocumentSummary] {
        guard let target = ReferenceTarget.parse(reference) else {
            throw VanBanError.badQuery(message: "\"\(reference)\" is not a reference VanBan can read", position: 0)
        }
        return try citing(target)
    }

    /// The document numbered `text` (any spelling) and the documents citing it. A number written without
    /// its issuer (`Nghị quyết 380`, `NQ 380`) stands for the one document of the index bearing it: nil
    /// when none does; when several do, the error lists them.
    public func lookUp(number text: String) throws -> NumberLookup? {
        let notANumber = VanBanError.badQuery(message: "\"\(text)\" is not a document number (e.g. 565-CV/ĐĐTLĐ, 145/2020/NĐ-CP)", position: 0)
        let number: DocNumber
        if let parsed = DocNumberParser.parse(text) ?? DocNumberParser.find(in: text).first?.number {
            number = parsed
        } else if let partial = DocNumberParser.parsePartial(text) {
            let numbers = try documents(partial: partial.partialKey).compactMap { $0.document.number }
            let distinct = numbers.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard !distinct.isEmpty else { return nil }
            guard distinct.count == 1, let only = DocNumberParser.parse(distinct[0]) else {
                throw VanBanError.badQuery(message: "\"\(text)\" is the number of \(distinct.count) documents: \(distinct.joined(separator: ", ")); give the full number", position: 0)
            }
            number = only
        } else {
            throw notANumber
        }
        guard let target = ReferenceTarget.parse(number.display) else { throw notANumber }
        let own = try documents(numbered: number).first.map { DocumentSummary($0.docid, $0.document) }
        return NumberLookup(query: text, key: number.key, document: own, citedBy: try citing(target))
    }
}

extension CitationList {
    /// The citation list of `source`, each cited number looked up in `index` (none: every entry is out of the index).
    public static func of(_ source: StoredDocument, in index: SearchIndex?, order: Order = .first) -> CitationList {
        build(source: source.path, number: source.number, citations: source.citations) { key in
            guard let index, let n = DocNumberParser.parse(key) else { return nil }
            return try? index.documents(numbered: n).first?.document
        }.sorted(by: order)
    }
}

extension StoredDocument {
    /// Reads and analyses a file that is not in the index: what indexing it would store.
    public static func reading(_ url: URL, registry: ReaderRegistry = ReaderRegistry()) throws -> StoredDocument {
        let file = try registry.read(url)
        return DocumentBuilder.stored(path: url.standardizedFileURL.path, file: file, metadata: .extract(from: file))
    }
}
