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
    public init() {}

    /// The options of the query alone: its first page by relevance, no filter, no facets, no suggestion.
    var queryAlone: SearchOptions {
        var alone = SearchOptions()
        alone.mode = mode
        alone.suggest = false
        return alone
    }
}

/// One result; `--json` prints it as is, every key written (missing metadata as `null`).
public struct SearchHit: Codable, Sendable {
    public var rank: Int
    public var docid: UInt32
    public var path: String
    @NullEncoded public var number: String?
    @NullEncoded public var type: String?
    @NullEncoded public var issuer: String?
    @NullEncoded public var date: String?
    @NullEncoded public var title: String?
    /// Whether ``title`` is the text's first sentence standing in for a title.
    public var titleDerived: Bool
    /// BM25 weight (with VanBan's boosts): comparable within one search only.
    public var score: Double
    /// Xapian's percentage: the weight as a share of the best match's, scaled by the share of the query's
    /// terms it holds. What people are shown.
    public var relevance: Int
    public var snippet: String
    /// UTF-8 byte ranges of the matches inside ``snippet``.
    public var highlights: [[Int]]
    /// Whether the document holds a word of the query only with its syllables apart (``SearchResponse/wordsApartTotal``).
    public var wordsApart: Bool

    enum CodingKeys: String, CodingKey {
        case rank, docid, path, number, type, issuer, date, title, titleDerived = "title_derived", score, relevance, snippet
        case highlights, wordsApart = "words_apart"
    }
}

/// Counts of matching documents by a value.
public struct FacetCount: Codable, Sendable, Hashable {
    public var value: String
    public var count: Int

    /// The values a spy counted, those written alike but for case, tone placement, Unicode form or
    /// spacing (`CHÍNH PHỦ`, `Chính phủ`; `UỶ BAN`, `ỦY BAN`) counted as one, most frequent first (ties in
    /// byte order). The one shown is the most frequent spelling not in capitals, else the most frequent.
    public static func merged(_ counts: [(value: String, count: Int)]) -> [FacetCount] {
        let analyzer = Analyzer()
        var groups: [String: (total: Int, spellings: [(value: String, count: Int)])] = [:]
        var order: [String] = []
        for (value, count) in counts where !value.isEmpty {
            let key = analyzer.tokens(in: value).map(\.exact).joined(separator: " ")
            if groups[key] == nil { order.append(key) }
            groups[key, default: (0, [])].total += count
            groups[key]!.spellings.append((value, count))
        }
        func isCapitals(_ s: String) -> Bool { !s.unicodeScalars.contains { $0.properties.isLowercase } }
        return order.map { key -> FacetCount in
            let group = groups[key]!
            let shown = group.spellings.first { !isCapitals($0.value) } ?? group.spellings[0]
            return FacetCount(value: shown.value, count: group.total)
        }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.value.utf8.lexicographicallyPrecedes($1.value.utf8) }
    }
}

public struct Facets: Codable, Sendable, Equatable {
    public var type: [FacetCount]
    public var issuer: [FacetCount]
    public var year: [FacetCount]
}

/// What `vanban search --json` prints; `suggestion` and `facets` are `null` when absent.
public struct SearchResponse: Codable, Sendable {
    public var query: String
    public var estimatedTotal: Int
    /// Whether ``estimatedTotal`` is the count, not an estimate.
    public var totalIsExact: Bool
    /// Documents holding every word of the query, but the syllables of one of its words only apart; they
    /// follow the ``estimatedTotal`` documents holding them as words, their hits marked ``SearchHit/wordsApart``.
    public var wordsApartTotal: Int
    /// The words of a question typed in full that its reading left out: its interrogatives and the function
    /// words around them ("bao lâu", "mất"); empty for any other query.
    public var leftOut: [String]
    /// `all_words`, or `best_match` when no document holds every word of a plain query.
    public var reading: SearchReading
    public var results: [SearchHit]
    @NullEncoded public var suggestion: String?
    @NullEncoded public var facets: Facets?

    enum CodingKeys: String, CodingKey {
        case query, estimatedTotal = "estimated_total", totalIsExact = "total_is_exact", wordsApartTotal = "words_apart_total"
        case leftOut = "left_out", reading, results, suggestion, facets
    }
}

/// A search parsed and compiled, before it meets an index: the first of its three steps (plan → execute →
/// present, ``SearchIndex/search(_:options:)``), so that a server can check a query before it takes a handle.
public struct SearchPlan {
    public let text: String
    public private(set) var options: SearchOptions
    let node: QueryNode
    /// The query, filtered.
    private(set) var query: Query
    /// What the snippets highlight.
    let highlights: HighlightTerms
    /// For a query of plain words only: any of them, ranked by BM25 (documents holding more of the words, and
    /// the rarer ones, first): the reading that follows when no document holds them all (fewer than
    /// ``SearchIndex/fewMatches``), as a question typed in full ("tuổi nghỉ hưu là bao nhiêu") mostly finds.
    let bestMatch: Query?
    /// The words typed side by side (``QueryCompiler/pairs``): those that form words must stand together.
    private(set) var pairs: [TypedPair]
    /// For a question typed as a person asks it (plain words holding an interrogative): each word's role.
    let question: [QuestionWords.Role]?

    /// Parses `text` with ``QueryLanguage`` and compiles it and the options' filters; throws
    /// ``VanBanError/badQuery(message:position:)`` for a query or filter that cannot be read.
    public init(_ text: String, options: SearchOptions = SearchOptions()) throws {
        try self.init(text, node: QueryLanguage.parse(text), options: options)
    }

    /// Compiles `node`, read from `text`, and the options' filters.
    init(_ text: String, node: QueryNode, options: SearchOptions) throws {
        self.text = text
        self.options = options
        self.node = node
        var filters: [Query] = []
        if let type = options.type { filters.append(try QueryCompiler.typeFilter(type)) }
        if let issuer = options.issuer { filters.append(QueryCompiler.issuerFilter(issuer)) }
        if options.from != nil || options.to != nil { filters.append(try QueryCompiler.dateRange(from: options.from, to: options.to)) }
        func filtered(_ query: Query) -> Query {
            filters.isEmpty ? query : .filter(query, filters.count == 1 ? filters[0] : .and(filters))
        }
        var compiler = QueryCompiler(mode: options.mode)
        query = filtered(try compiler.compile(node))
        highlights = compiler.highlights
        pairs = compiler.pairs
        if case .and(let items) = node, items.count >= 2, items.allSatisfy({ if case .word(_, false) = $0 { true } else { false } }) {
            var any = QueryCompiler(mode: options.mode)
            bestMatch = filtered(try any.compile(.or(items)))
            let marked = options.mode == .exact || (options.mode == .auto && QueryCompiler.typedWithMarks(node))
            let analyzer = Analyzer()
            let words = items.map { item -> String in
                guard case .word(let text, _) = item else { return "" }
                let tokens = analyzer.tokens(in: text)
                return tokens.count == 1 && tokens[0].kind == .word ? (marked ? tokens[0].exact : tokens[0].folded) : ""
            }
            question = QuestionWords.roles(of: words, marked: marked, endsWithMark: text.hasSuffix("?"))
        } else {
            bestMatch = nil
            question = nil
        }
    }

    /// The plan of a question's content words: those of `self` but its interrogatives, and its function words
    /// outside `words` (a function word standing in a word with its neighbour stays: "… có bị kỷ luật không"
    /// drops "có", "bị" and "không"; "co quan" keeps "co"). Nil when `self` is no question or nothing would be left out.
    func content(keeping words: [TypedPair]) throws -> (plan: SearchPlan, leftOut: [String])? {
        guard let roles = question, case .and(let items) = node else { return nil }
        var keep = roles.map { $0 == .content }
        for pair in words {
            let (a, b) = (pair.at, pair.at + 1)
            if roles[a] == .function && roles[b] == .content { keep[a] = true }
            if roles[b] == .function && roles[a] == .content { keep[b] = true }
        }
        guard keep.contains(false), keep.contains(true) else { return nil }
        var options = self.options
        // The question's typing stays when the words left out were its only marked ones.
        if options.mode == .auto && QueryCompiler.typedWithMarks(node) { options.mode = .exact }
        let kept = items.indices.filter { keep[$0] }
        let analyzer = Analyzer()
        let leftOut = items.indices.filter { !keep[$0] }.compactMap { i -> String? in
            if case .word(let text, _) = items[i] { analyzer.tokens(in: text).map(\.text).joined(separator: " ") } else { nil }
        }
        var plan = try SearchPlan(text, node: kept.count == 1 ? items[kept[0]] : .and(kept.map { items[$0] }), options: options)
        // Words that stood apart in the question are no pair ("bản sao từ bản chính" without "từ").
        plan.pairs.removeAll { kept[$0.at + 1] != kept[$0.at] + 1 }
        return (plan, leftOut)
    }

    /// What a page showing a document's text highlights for this query.
    public var snippetBuilder: SnippetBuilder { SnippetBuilder(terms: highlights) }

    /// Whether matching checks positions (a phrase).
    var isPositional: Bool { !highlights.phrases.isEmpty }

    /// The same plan, its matches narrowed to those meeting `condition` (or, `excluding`, those that do not).
    func narrowed(_ condition: Query, excluding: Bool = false) -> SearchPlan {
        var plan = self
        plan.query = excluding ? .andNot(query, condition) : .filter(query, condition)
        return plan
    }

    /// The same plan for another page.
    func paged(offset: Int, limit: Int) -> SearchPlan {
        var plan = self
        plan.options.offset = offset
        plan.options.limit = limit
        return plan
    }
}

/// How a search read its query.
public enum SearchReading: String, Codable, Sendable {
    /// Every word (phrase, number…) required: the query as typed.
    case allWords = "all_words"
    /// No document holds every word: the documents holding most of them, and the rarer ones, first.
    case bestMatch = "best_match"
}

/// One page of matches of a ``SearchPlan``, before snippets: the second step of a search.
public struct SearchMatches {
    /// The page, each match with its 0-based rank.
    let page: [(rank: Int, item: MatchItem)]
    /// Matches in all, estimated by Xapian beyond the first ``SearchIndex/countedMatches``.
    public let estimatedTotal: Int
    /// Whether ``estimatedTotal`` is the count (Xapian's bounds met).
    public let totalIsExact: Bool
    /// How the query was read: every word required, or the best matches when too few hold them all.
    public var reading: SearchReading = .allWords
    /// The facets' counters (type, issuer, year), when facets were asked for.
    let spies: [ValueCountMatchSpy]
    /// Documents holding every word, but the syllables of a word of the query only apart: they follow the
    /// ``estimatedTotal`` documents that hold the words as words (0 when the query has no word of two syllables).
    public var wordsApartTotal = 0
    /// The 0-based rank from which the page's matches hold the words apart (nil when none does).
    var apartFrom: Int?
    /// The query's words of two syllables held together (``SearchIndex/words(of:)``): a passage shows one.
    var words: [TypedPair] = []
    /// The words of a question left out of its reading (``SearchPlan/content(keeping:)``), and the plan it was read by.
    public var leftOut: [String] = []
    var readAs: SearchPlan?
}

extension SearchIndex {
    /// Runs `text` and shows its page: ``SearchPlan``, then ``execute(_:)``, then ``present(_:_:)``.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResponse {
        let plan = try SearchPlan(text, options: options)
        return try present(plan, try execute(plan))
    }

    /// Finds the page of matches of `plan`: with the words of the query held as words first
    /// (``executeWordsFirst(_:words:)``), and the best-match reading when no document holds every word.
    public func execute(_ plan: SearchPlan) throws -> SearchMatches {
        if plan.question != nil, let (content, leftOut) = try plan.content(keeping: words(of: plan, share: Self.functionWordShare)) {
            var matches = try execute(content)
            (matches.leftOut, matches.readAs) = (leftOut, content)
            return matches
        }
        let words = try words(of: plan)
        let strict = try words.isEmpty ? executeAsTyped(plan) : executeWordsFirst(plan, words: words)
        guard let best = plan.bestMatch, strict.totalIsExact, strict.estimatedTotal + strict.wordsApartTotal < Self.fewMatches else {
            return strict
        }
        let options = plan.options
        let spies = options.facets ? [Schema.Slot.type, Schema.Slot.issuer, Schema.Slot.year].map { ValueCountMatchSpy(slot: $0) } : []
        let checkAtLeast = try options.facets ? database.documentCount : max(Self.countedMatches, options.offset + options.limit)
        let page = try options.sort == .date
            ? runOldestFirst(best, offset: options.offset, limit: options.limit, spies: spies, checkAtLeast: checkAtLeast).page
            : run(best, offset: options.offset, limit: options.limit, sort: options.sort, spies: spies, checkAtLeast: checkAtLeast)
                .map { ($0.rank, $0) }
        let total = try run(best, offset: 0, limit: 0, sort: .relevance, spies: [], checkAtLeast: checkAtLeast)
        var matches = SearchMatches(page: page, estimatedTotal: total.estimatedTotal, totalIsExact: total.lowerBound == total.upperBound,
                                    spies: spies)
        matches.reading = .bestMatch
        return matches
    }

    /// Of the words typed side by side in `plan`, the pairs that form a word in this index: those that stand
    /// together at least ``wordShare`` of the times the rarer of the two syllables stands anywhere.
    public func words(of plan: SearchPlan, share: Double = wordShare) throws -> [TypedPair] {
        try plan.pairs.filter { pair in
            let together = try database.collectionFrequency(pair.term)
            guard together > 0 else { return false }
            let rarer = try min(database.collectionFrequency(pair.folded.0), database.collectionFrequency(pair.folded.1))
            return Double(together) >= share * Double(rarer)
        }
    }

    /// The share a function word of a question and its neighbour must have to be kept as one word
    /// (``SearchPlan/content(keeping:)``): more than ``wordShare``, since a function word stands beside
    /// every word often ("thì không" 0.011, "bị kỷ" 0.005 in corpus-vn; "cơ quan" 0.37, "thi đua" 0.21,
    /// "cơ sở" 0.14). 0.1 ranked the tuning set's questions best (of 0.003, 0.1, 0.2, 0.3 and never).
    public static let functionWordShare = 0.1

    /// The share of a syllable's occurrences its pair with the next must have to be read as a word
    /// (`công đoàn` 0.28 and `nghị quyết` 0.14 of the rarer syllable's in corpus-vn; `quyết công` 0.002).
    public static let wordShare = 0.003

    /// The page of `plan` with `words` held as words first: the documents where each stands together, then
    /// those holding its syllables only apart, counted apart.
    func executeWordsFirst(_ plan: SearchPlan, words: [TypedPair]) throws -> SearchMatches {
        let condition: Query = words.count == 1 ? words[0].together : .and(words.map(\.together))
        let options = plan.options
        let together = try executeAsTyped(plan.narrowed(condition))
        let held = together.estimatedTotal
        let apartOffset = max(0, options.offset - held)
        let apartLimit = max(0, options.limit - together.page.count)
        let apart: SearchMatches
        if apartLimit > 0 {
            apart = try executeAsTyped(plan.narrowed(condition, excluding: true).paged(offset: apartOffset, limit: apartLimit))
        } else {
            // The page is full of documents holding the words together: the others are only counted, as all the
            // matches less those. Counting them directly (the query AND NOT the words) would make Xapian read
            // every document holding the words together to find the few that do not: work that grows with the
            // corpus (75 % of a keyword search at 100,000 documents). Weighing nothing, the count stops after
            // `countedMatches`, where a weighted one would go on looking for better ones. Exact when both counts are.
            let all = try run(.scaleWeight(plan.query, 0), offset: 0, limit: 0, sort: .relevance, spies: [],
                              checkAtLeast: Self.countedMatches)
            apart = SearchMatches(page: [], estimatedTotal: max(0, all.estimatedTotal - held),
                                  totalIsExact: together.totalIsExact && all.lowerBound == all.upperBound, spies: [])
        }
        var matches = SearchMatches(page: together.page + apart.page.map { (held + $0.rank, $0.item) },
                                    estimatedTotal: held, totalIsExact: together.totalIsExact, spies: together.spies)
        matches.wordsApartTotal = apart.estimatedTotal
        matches.apartFrom = apart.page.isEmpty ? nil : held
        matches.words = words
        return matches
    }

    /// Fewer documents than this holding every word of a plain query bring in the best-match reading: none.
    /// (A page of one or two documents holding every word is the answer as typed, and stays so.)
    public static let fewMatches = 1

    /// The page of matches of `plan` as typed, every word required.
    func executeAsTyped(_ plan: SearchPlan) throws -> SearchMatches {
        let options = plan.options
        let spies = options.facets ? [Schema.Slot.type, Schema.Slot.issuer, Schema.Slot.year].map { ValueCountMatchSpy(slot: $0) } : []
        // Facets count every match; otherwise the first `countedMatches` are counted, not estimated, unless a
        // phrase would make that a positional check of each (the total stays an estimate).
        let checkAtLeast = try options.facets ? database.documentCount
            : plan.isPositional ? 0 : max(Self.countedMatches, options.offset + options.limit)
        if options.sort == .date {
            let (page, total, exact) = try runOldestFirst(plan.query, offset: options.offset, limit: options.limit,
                                                          spies: spies, checkAtLeast: checkAtLeast)
            return SearchMatches(page: page, estimatedTotal: total, totalIsExact: exact, spies: spies)
        }
        let mset = try run(plan.query, offset: options.offset, limit: options.limit, sort: options.sort, spies: spies, checkAtLeast: checkAtLeast)
        return SearchMatches(page: mset.map { ($0.rank, $0) }, estimatedTotal: mset.estimatedTotal,
                             totalIsExact: mset.lowerBound == mset.upperBound, spies: spies)
    }

    /// Shows `matches`: each result's card and snippet, the facets and a suggestion.
    public func present(_ plan: SearchPlan, _ matches: SearchMatches) throws -> SearchResponse {
        let highlights = (matches.readAs ?? plan).highlights
        let snippets = SnippetBuilder(terms: highlights)
        // The positional terms of what is highlighted, a document number as the text writes it
        // (`565-cv/ddtld`, in every separator variant); only those the index holds.
        let positional = try (highlights.exact.map { Terms.word($0, exact: true) }
            + highlights.folded.map { Terms.word($0, exact: false) }
            + highlights.numberKeys.map(Terms.numberText))
            .filter { try database.termFrequency($0) > 0 }
        // A quoted phrase is highlighted only where it stands whole: its passage is where its terms follow
        // each other (the longest phrase's).
        let phrase = highlights.phrases.max { $0.count < $1.count }?.map { Terms.word($0.form, exact: $0.isExact) } ?? []
        // Else, where a word of two syllables stands together (in the documents that hold it so).
        let word = matches.words.first.map { [$0.matched.0, $0.matched.1] } ?? []
        var hits: [SearchHit] = []
        for (rank, item) in matches.page {
            let apart = matches.apartFrom.map { rank >= $0 } ?? false
            // A document without a card (not written by VanBan) still shows its path.
            let card = try item.document.withValue(Schema.Slot.card, Schema.HitCard.decode)
                ?? [item.document.value(Schema.Slot.path)] + Array(repeating: nil, count: 6)
            let from = try passageStart(item.docid, item.document, terms: positional, phrase: phrase.isEmpty && !apart ? word : phrase)
            let snippet = try snippet(of: item.document, from: from, with: snippets)
            hits.append(SearchHit(rank: rank + 1, docid: item.docid, path: card[0] ?? "", number: card[1], type: card[2],
                                  issuer: card[3], date: card[4], title: card[5], titleDerived: card[6] != nil,
                                  score: item.weight, relevance: item.percent,
                                  snippet: snippet.text, highlights: snippet.highlights,
                                  wordsApart: apart))
        }
        let spies = matches.spies
        let facets = spies.isEmpty ? nil : Facets(type: FacetCount.merged(spies[0].counts), issuer: FacetCount.merged(spies[1].counts),
                                                  year: FacetCount.merged(spies[2].counts))
        var suggestion: String?
        if plan.options.suggest {
            // The suggestion reads the passages of the query's own first page, whatever page or filters were asked.
            let alone = plan.options.queryAlone
            let options = plan.options
            let sameAsAlone = options.offset == 0 && options.limit >= alone.limit && options.sort == .relevance
                && options.type == nil && options.issuer == nil && options.from == nil && options.to == nil
            let passages = try sameAsAlone ? hits.prefix(alone.limit).map(\.snippet)
                : present(try SearchPlan(plan.text, options: alone), try execute(try SearchPlan(plan.text, options: alone))).results.map(\.snippet)
            suggestion = try Suggester(database: database).suggestion(for: plan.text, node: plan.node, passages: passages)
        }
        return SearchResponse(query: plan.text, estimatedTotal: matches.estimatedTotal, totalIsExact: matches.totalIsExact,
                              wordsApartTotal: matches.wordsApartTotal, leftOut: matches.leftOut, reading: matches.reading, results: hits, suggestion: suggestion, facets: facets)
    }
}

extension SearchIndex {
    /// Where the snippet of document `docid` starts analysing: the block of positions (see
    /// ``Schema/Slot/positionOffsets``) where most of `terms` stand within a few words of each other, read
    /// from Xapian's positions, so a long document is not analysed from its start. Nil when none of
    /// `terms` has positions there (a query of numbers or wildcards) or the document has no offsets.
    /// With `phrase` (positional terms in order), the passage is where they follow each other, if they do.
    func passageStart(_ docid: UInt32, _ document: Document, terms: [String], phrase: [String] = []) throws -> Int? {
        /// The index of the first element of sorted `list` that is at least `value`.
        func lowerBound(_ list: [UInt32], _ value: UInt32) -> Int {
            var low = 0, high = list.count
            while low < high {
                let mid = (low + high) / 2
                if list[mid] < value { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let span: UInt32 = 12
        var best: (terms: Int, position: UInt32)?
        if phrase.count > 1 {
            let lists = try phrase.map { try database.positions(of: $0, in: docid) }
            if let firsts = lists.first {
                best = firsts.prefix(4_096).first { p in
                    lists.indices.dropFirst().allSatisfy { k in
                        let i = lowerBound(lists[k], p + UInt32(k))
                        return i < lists[k].count && lists[k][i] == p + UInt32(k)
                    }
                }.map { (phrase.count, $0) }
            }
        }
        if best == nil {
            let lists = try terms.map { try database.positions(of: $0, in: docid) }.filter { !$0.isEmpty }.sorted { $0.count < $1.count }
            guard let anchors = lists.first else { return nil }
            // Each position of the rarest term, with how many of the other terms stand within `span` of it;
            // the first position with the most wins. Binary searches, so common words cost little.
            best = (0, anchors[0])
            for anchor in anchors.prefix(4_096) {
                var near = 1
                for list in lists.dropFirst() {
                    let i = lowerBound(list, anchor > span ? anchor - span : 0)
                    if i < list.count, list[i] <= anchor + span { near += 1 }
                }
                if near > best!.terms { best = (near, anchor) }
                if near == lists.count { break }
            }
        }
        guard let best else { return nil }
        let first = best.position > span ? best.position - span : 1
        let block = Int(first - 1) / Schema.positionBlock
        return try document.withValue(Schema.Slot.positionOffsets) { bytes in
            guard (block + 1) * 4 <= bytes.count else { return nil }
            return (0..<4).reduce(0) { $0 | Int(bytes[block * 4 + $1]) << (8 * $1) }
        }
    }

    /// The snippet of `document`: from the text around `from` (where the positions put the passage), read
    /// from the piece or two that hold it; else, or when nothing matches there, from the text's opening.
    func snippet(of document: Document, from: Int?, with builder: SnippetBuilder) throws -> Snippet {
        if let from {
            // The passage may open a little before its first match, and ends within its budget after it.
            let window = try TextPieces.bytes(of: document, in: max(0, from - 256)..<(from + SnippetBuilder.passageBudget + 2 * builder.length))
            let found = window.bytes.withUnsafeBufferPointer { builder.snippet(in: $0, from: from - window.offset, orOpening: false) }
            if !found.highlights.isEmpty {
                return Snippet(text: found.text, highlights: found.highlights, offset: found.offset + window.offset)
            }
        }
        let opening = try TextPieces.bytes(of: document, in: 0..<builder.openingLimit)
        return opening.bytes.withUnsafeBufferPointer { builder.snippet(in: $0) }
    }

    /// Matches counted exactly (Xapian's estimate of a small result set can be far off).
    static let countedMatches = 100

    /// Oldest first with undated documents last: Xapian sorts an empty value first, and a key maker that
    /// would say otherwise cannot travel to a `tcp://` shard. So the dated matches come first, then the
    /// undated ones; when the dated ones do not fill the page, their count is exact and the page goes on.
    func runOldestFirst(_ query: Query, offset: Int, limit: Int, spies: [ValueCountMatchSpy],
                        checkAtLeast: Int) throws -> (page: [(rank: Int, item: MatchItem)], estimatedTotal: Int, exact: Bool) {
        let dated = try QueryCompiler.dateRange(from: nil, to: nil)
        let first = try run(.filter(query, dated), offset: offset, limit: limit, sort: .date, spies: spies, checkAtLeast: checkAtLeast)
        var page = first.map { (rank: $0.rank, item: $0) }
        let isFull = first.count == limit
        // A page not filled means the matcher ran out: the bound is the count.
        let datedCount = isFull ? first.estimatedTotal : first.lowerBound
        // The undated part runs even for a full page: its estimate, and the facets' counts.
        let rest = try run(.andNot(query, dated), offset: isFull ? 0 : max(0, offset - datedCount),
                           limit: isFull ? 1 : limit - first.count, sort: .date, spies: spies, checkAtLeast: checkAtLeast)
        if !isFull { page += rest.map { (rank: datedCount + $0.rank, item: $0) } }
        let exact = (!isFull || first.lowerBound == first.upperBound) && rest.lowerBound == rest.upperBound
        return (page, datedCount + rest.estimatedTotal, exact)
    }

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
