import DocRefs
import Foundation
import VietText
import Xapian

/// Result order.
public enum SearchSort: String, Sendable, CaseIterable {
    case relevance, date
    /// Newest first.
    case dateDescending = "-date"
}

/// Everything a search can be asked for besides the query text.
public struct SearchOptions: Sendable {
    public var limit = 10
    public var offset = 0
    public var sort: SearchSort = .relevance
    public var mode: MatchMode = .auto
    /// Filters: type (name or abbreviation), issuer words, date range (`YYYY-MM-DD`, `DD/MM/YYYY` or `YYYY`).
    public var type: String?
    public var issuer: String?
    public var from: String?
    public var to: String?
    public var facets = false
    public var suggest = true
    /// Documents the first pass ranks for the proximity boost to reorder (see ``SearchIndex/search(_:options:)``).
    public var rerankDepth = 100
    public init() {}
}

/// One result; `--json` prints it as is.
public struct SearchHit: Codable, Sendable {
    public var rank: Int
    public var docid: UInt32
    public var path: String
    public var number: String?
    public var type: String?
    public var issuer: String?
    public var date: String?
    public var title: String?
    public var score: Double
    public var snippet: String
    /// UTF-8 byte ranges of the matches inside ``snippet``.
    public var highlights: [[Int]]

    /// Every key is written, missing metadata as `null`, so that scripts see one shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rank, forKey: .rank)
        try c.encode(docid, forKey: .docid)
        try c.encode(path, forKey: .path)
        try c.encode(number, forKey: .number)
        try c.encode(type, forKey: .type)
        try c.encode(issuer, forKey: .issuer)
        try c.encode(date, forKey: .date)
        try c.encode(title, forKey: .title)
        try c.encode(score, forKey: .score)
        try c.encode(snippet, forKey: .snippet)
        try c.encode(highlights, forKey: .highlights)
    }
}

/// Counts of matching documents by a value.
public struct FacetCount: Codable, Sendable, Hashable {
    public var value: String
    public var count: Int
}

public struct Facets: Codable, Sendable, Equatable {
    public var type: [FacetCount]
    public var issuer: [FacetCount]
    public var year: [FacetCount]
}

/// What `vanban search --json` prints.
public struct SearchResponse: Codable, Sendable {
    public var query: String
    public var estimatedTotal: Int
    public var results: [SearchHit]
    public var suggestion: String?
    public var facets: Facets?

    enum CodingKeys: String, CodingKey { case query, estimatedTotal = "estimated_total", results, suggestion, facets }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(query, forKey: .query)
        try c.encode(estimatedTotal, forKey: .estimatedTotal)
        try c.encode(results, forKey: .results)
        try c.encode(suggestion, forKey: .suggestion)
        try c.encode(facets, forKey: .facets)
    }
}

extension SearchIndex {
    /// Parses `text` with ``QueryLanguage``, runs it and builds snippets, facets and a suggestion.
    ///
    /// Ranked by relevance, a query of words side by side runs in two passes: BM25 with the title boost
    /// picks the best ``SearchOptions/rerankDepth`` documents (and counts the facets), then the proximity
    /// boost reorders those alone, so its positional check never runs over thousands of matches.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResponse {
        let node = try QueryLanguage.parse(text)
        var compiler = QueryCompiler(mode: options.mode)
        compiler.proximity = options.sort == .relevance
        var filters: [Query] = []
        if let type = options.type { filters.append(QueryCompiler.typeFilter(type)) }
        if let issuer = options.issuer { filters.append(QueryCompiler.issuerFilter(issuer)) }
        if options.from != nil || options.to != nil { filters.append(try QueryCompiler.dateRange(from: options.from, to: options.to)) }
        func filtered(_ query: Query) -> Query {
            filters.isEmpty ? query : .filter(query, filters.count == 1 ? filters[0] : .and(filters))
        }
        let query = filtered(try compiler.compile(node))
        let spies = options.facets ? [Schema.Slot.type, Schema.Slot.issuer, Schema.Slot.year].map { ValueCountMatchSpy(slot: $0) } : []
        let checkAtLeast = options.facets ? database.documentCount : 0

        let mset: MSet
        let estimatedTotal: Int
        // The proximity boost checks positions in every document holding all its words: worth a first pass
        // only when that can be many more than the candidates.
        let candidatesBound = compiler.proximityTerms.map { $0.map(database.termFrequency).min() ?? 0 }.max() ?? 0
        if candidatesBound > 2 * options.rerankDepth {
            var first = QueryCompiler(mode: options.mode)
            first.proximity = false
            let depth = max(options.rerankDepth, options.offset + options.limit)
            let candidates = try run(filtered(try first.compile(node)), offset: 0, limit: depth,
                                     sort: options.sort, spies: spies, checkAtLeast: checkAtLeast)
            estimatedTotal = candidates.estimatedTotal
            let ids = candidates.map { Query.term(Schema.idTerm(forPath: $0.document.value(Schema.Slot.path))) }
            mset = ids.isEmpty ? candidates
                : try run(.filter(query, .or(ids)), offset: options.offset, limit: options.limit, sort: options.sort, spies: [], checkAtLeast: 0)
        } else {
            mset = try run(query, offset: options.offset, limit: options.limit, sort: options.sort, spies: spies, checkAtLeast: checkAtLeast)
            estimatedTotal = mset.estimatedTotal
        }
        let snippets = SnippetBuilder(terms: compiler.highlights)
        var hits: [SearchHit] = []
        for item in mset {
            let (doc, snippet) = try item.document.withData { data in
                let (doc, text) = try HitMetadata.decode(data)
                return (doc, snippets.snippet(in: text))
            }
            hits.append(SearchHit(rank: item.rank + 1, docid: item.docid, path: doc.path, number: doc.number, type: doc.type,
                                  issuer: doc.issuer, date: doc.date, title: doc.title, score: item.weight,
                                  snippet: snippet.text, highlights: snippet.highlights))
        }
        var facets: Facets?
        if options.facets {
            func counts(_ spy: ValueCountMatchSpy) -> [FacetCount] {
                spy.counts.filter { !$0.value.isEmpty }.map { FacetCount(value: $0.value, count: $0.count) }
            }
            facets = Facets(type: counts(spies[0]), issuer: counts(spies[1]), year: counts(spies[2]))
        }
        let suggestion = options.suggest
            ? try Suggester(database: database).suggestion(for: text, node: node, passages: hits.map(\.snippet))
            : nil
        return SearchResponse(query: text, estimatedTotal: estimatedTotal, results: hits, suggestion: suggestion, facets: facets)
    }
}

extension SearchIndex {
    func run(_ query: Query, offset: Int, limit: Int, sort: SearchSort, spies: [ValueCountMatchSpy], checkAtLeast: Int) throws -> MSet {
        let enquire = Enquire(database)
        enquire.query = query
        enquire.setWeighting(BM25())
        switch sort {
        case .relevance: enquire.setSortByRelevance()
        case .date: enquire.setSort(byValueThenRelevance: Schema.Slot.date, reverse: false)
        case .dateDescending: enquire.setSort(byValueThenRelevance: Schema.Slot.date, reverse: true)
        }
        spies.forEach(enquire.add)
        do {
            return try enquire.mset(offset: offset, limit: limit, checkAtLeast: checkAtLeast)
        } catch let error as XapianError {
            throw VanBanError.xapian(error)
        }
    }
}

/// The part of ``StoredDocument`` a result shows: decoding skips the citation list, which is most
/// of the metadata line of a long document.
struct HitMetadata: Decodable {
    var path: String
    var number: String?
    var type: String?
    var issuer: String?
    var date: String?
    var title: String?

    /// The metadata and the text of Xapian document data (see ``StoredDocument``).
    static func decode(_ data: UnsafeBufferPointer<UInt8>) throws -> (HitMetadata, UnsafeBufferPointer<UInt8>) {
        let newline = data.firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
        let meta = try JSONDecoder().decode(HitMetadata.self, from: Data(buffer: UnsafeBufferPointer(rebasing: data[..<newline])))
        return (meta, UnsafeBufferPointer(rebasing: data[min(data.endIndex, newline + 1)...]))
    }
}
