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

    public init(_ docid: UInt32, _ d: StoredDocument, relation: String? = nil, mentions: Int? = nil) {
        self.docid = docid; path = d.path; number = d.number; type = d.type; issuer = d.issuer
        date = d.date; title = d.title; titleDerived = d.titleDerived; self.relation = relation; self.mentions = mentions
    }

    /// Every key is written, missing metadata as `null`; `relation` (with its `relation_label`, "nhắc đến" when
    /// none is stated) and `mentions` only for a citing document
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
            try c.encode(Relation.label(ofCode: relation), forKey: .relationLabel)
            try c.encode(mentions, forKey: .mentions)
        }
    }

    enum CodingKeys: String, CodingKey {
        case docid, path, number, type, issuer, date, title, titleDerived = "title_derived", relation
        case relationLabel = "relation_label", mentions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        docid = try c.decode(UInt32.self, forKey: .docid)
        path = try c.decode(String.self, forKey: .path)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        titleDerived = try c.decodeIfPresent(Bool.self, forKey: .titleDerived) ?? false
        relation = try c.decodeIfPresent(String.self, forKey: .relation)
        mentions = try c.decodeIfPresent(Int.self, forKey: .mentions)
    }
}

/// A document as `vanban show --json` prints it: its docid, metadata and citations, and its text unless left out.
public struct ShownDocument: Encodable, Sendable {
    public var docid: UInt32
    public var document: StoredDocument
    /// The decoded text; absent from the JSON when left out.
    public var text: String?

    public init(docid: UInt32, document: StoredDocument, withText: Bool = true) {
        self.docid = docid; self.document = document; text = withText ? document.text : nil
    }
}

/// What a look-up by number finds: the documents bearing it and the documents citing it.
public struct NumberLookup: Codable, Sendable {
    /// The number as asked.
    public var query: String
    /// Its key (`565-CV/DDTLD`).
    public var key: String
    /// The canonical written form (`565-CV/ĐĐTLĐ`, `08/2025/NQ-CP`): the indexed document's own when there is one.
    public var number: String
    /// Every document of the index bearing the number (copies, consolidated texts), in docid order; empty when none.
    public var documents: [DocumentSummary]
    public var citedBy: [DocumentSummary]

    enum CodingKeys: String, CodingKey { case query, key, number, documents, citedBy = "cited_by" }
}

extension SearchIndex {
    /// The documents citing `target`, newest first, with the relation and mention count.
    public func citing(_ target: ReferenceTarget) throws -> [DocumentSummary] {
        let resolver = self.resolver
        return try documents(citing: target.candidateKeys).compactMap { docid, doc in
            let hits = try doc.citations.filter { try target.matches($0, resolver: resolver) }
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

    /// The documents numbered `text` (any spelling) and the documents citing that number. A number written
    /// without its issuer (`Nghị quyết 380`, `NQ 380`) or its year stands for the one number of the index it
    /// can be: nil when none, an error listing them when several.
    public func lookUp(number text: String) throws -> NumberLookup? {
        let notANumber = VanBanError.badQuery(message: "\"\(text)\" is not a document number (e.g. 565-CV/ĐĐTLĐ, 145/2020/NĐ-CP)", position: 0)
        func ambiguous(_ numbers: [String]) -> VanBanError {
            .badQuery(message: "\"\(text)\" is the number of \(numbers.count) documents: \(numbers.joined(separator: ", ")); give the full number", position: 0)
        }
        let number: DocNumber
        if let parsed = DocNumberParser.parse(text) ?? DocNumberParser.find(in: text).first?.number {
            number = parsed
        } else if let partial = DocNumberParser.parsePartial(text) {
            let numbers = try documents(partial: partial.partialKey).compactMap { $0.document.number }
            let distinct = numbers.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard !distinct.isEmpty else { return nil }
            guard distinct.count == 1, let only = DocNumberParser.parse(distinct[0]) else { throw ambiguous(distinct) }
            number = only
        } else {
            throw notANumber
        }
        // Asked without its year, the number stands for the one number of the index it can be.
        var resolution = try resolver.resolve(number)
        if resolution.key == nil {
            let candidates = try resolver.candidates(withoutYear: number)
            guard candidates.count == 1, let only = DocNumberParser.parse(candidates[0]) else { throw ambiguous(candidates) }
            resolution = try resolver.resolve(only)
        }
        guard let key = resolution.key, let resolved = DocNumberParser.parse(key) else { throw notANumber }
        let bearing = try resolution.docids.map { DocumentSummary($0, try stored($0, withText: false)) }
        guard let target = ReferenceTarget.parse(resolved.display) else { throw notANumber }
        let display = bearing.first?.number ?? (resolved.key == number.key ? number.display : resolved.display)
        return NumberLookup(query: text, key: resolved.key, number: display, documents: bearing, citedBy: try citing(target))
    }
}

extension CitationList {
    /// The citation list of `source`, each citation resolved against `index` (none: every entry is out of the index).
    public static func of(_ source: StoredDocument, in index: SearchIndex?, order: Order = .first) throws -> CitationList {
        let resolver = index?.resolver ?? CitationResolver(documents: [])
        return try build(source: source.path, number: source.number, citations: source.citations, resolve: resolver.resolve) {
            try index?.stored($0, withText: false)
        }.sorted(by: order)
    }
}

extension StoredDocument {
    /// Reads and analyses a file that is not in the index: what indexing it would store.
    public static func reading(_ url: URL, registry: ReaderRegistry = ReaderRegistry()) throws -> StoredDocument {
        let file = try registry.read(url)
        return DocumentBuilder.stored(path: url.standardizedFileURL.path, file: file, metadata: .extract(from: file, fileName: url.lastPathComponent))
    }
}
