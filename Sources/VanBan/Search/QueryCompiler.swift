import DocRefs
import Foundation
import VietText
import Xapian

/// How typed words meet the two term spaces.
public enum MatchMode: String, Sendable, CaseIterable {
    /// The query's typing decides: typed with marks (any word outside quotes bears one), every word matches
    /// its exact form (`an` is not `án`); typed without, every word matches its folded form. A quoted phrase
    /// follows its own typing.
    case auto
    /// Every word matches its exact form.
    case exact
    /// Every word matches its folded form.
    case fold
}

/// What the snippet builder highlights: the exact and folded forms and number keys the query asked for.
public struct HighlightTerms: Sendable {
    /// One word of a query as it is matched: its exact form, or its folded form.
    public struct Word: Sendable, Hashable {
        public var form: String
        public var isExact: Bool
        public init(form: String, isExact: Bool) { self.form = form; self.isExact = isExact }
    }

    /// Every exact and folded form asked for (in phrases too).
    public var exact = Set<String>()
    public var folded = Set<String>()
    public var foldedPrefixes = Set<String>()
    public var numberKeys = Set<String>()
    /// Quoted phrases: their words are highlighted only where the whole phrase stands, unless
    /// the query also asks for the word on its own (``single``).
    public var phrases: [[Word]] = []
    /// The words asked for on their own.
    public var single = Set<Word>()
    public var isEmpty: Bool { exact.isEmpty && folded.isEmpty && foldedPrefixes.isEmpty && numberKeys.isEmpty }
    /// Words asked for only inside phrases of two or more words.
    var phraseOnly: Set<Word> { Set(phrases.joined()).subtracting(single) }
}

/// Two words typed side by side in a query, as the index can hold them together.
public struct TypedPair: Sendable {
    /// The ``Schema/Prefix/pair`` term of their folded forms.
    public let term: String
    /// Their folded body terms, whose statistics say whether the two stand together often enough to be a word.
    let folded: (String, String)
    /// Their terms as matched (exact or folded, by the typing rule).
    let matched: (String, String)
    /// The index of the first of the two among the query's top-level items.
    let at: Int

    /// The condition of the two standing together: the pair term, and for words matched by their exact form
    /// (typed with marks) their exact terms in a row too, since the pair term is folded.
    var together: Query {
        let pair = Query.term(term)
        guard matched.0 != folded.0 || matched.1 != folded.1 else { return pair }
        return .and([pair, .phrase([.term(matched.0), .term(matched.1)])])
    }
}

/// Turns a ``QueryNode`` into a Xapian query under ``Schema``.
public struct QueryCompiler {
    public var mode: MatchMode = .auto
    /// The words typed side by side in the query's top-level run of words (empty for any other query):
    /// the search decides which of them form words (``SearchIndex/words(of:)``).
    public private(set) var pairs: [TypedPair] = []
    /// How deep ``compile(_:)`` is: pairs are taken from the top level alone.
    private var depth = 0
    let analyzer = Analyzer()
    /// Filled while compiling.
    public private(set) var highlights = HighlightTerms()

    /// Whether the query was typed with marks (set from the whole query on the first ``compile(_:)``).
    private var typedWithMarks: Bool?

    public init(mode: MatchMode = .auto) { self.mode = mode }

    /// Whether any word of `node` outside quotes bears a mark.
    static func typedWithMarks(_ node: QueryNode) -> Bool {
        switch node {
        case .word(let text, _): Folding.hasMarks(text)
        case .and(let items), .or(let items): items.contains(where: typedWithMarks)
        case .not(let inner): typedWithMarks(inner)
        case .phrase, .number, .partial, .field: false
        }
    }

    public mutating func compile(_ node: QueryNode) throws -> Query {
        if typedWithMarks == nil { typedWithMarks = Self.typedWithMarks(node) }
        depth += 1
        defer { depth -= 1 }
        switch node {
        case .word(let text, let prefix):
            return wordQuery(text, prefix: prefix)
        case .phrase(let text):
            let words = matchedWords(text, highlight: true, inPhrase: true)
            if words.count > 1 { highlights.phrases.append(words) }
            let terms = words.map { Query.term(Terms.word($0.form, exact: $0.isExact)) }
            guard !terms.isEmpty else { return .matchNothing }
            let title = termsFor(text, in: .title, highlight: false)
            return .andMaybe(terms.count == 1 ? terms[0] : .phrase(terms), Self.titleBoost(title))
        case .number(let number, _):
            return numberQuery(number)
        case .partial(let key, _):
            // As for a full number: the documents bearing it first, then those citing it.
            return .or([.scaleWeight(.term(Terms.partial(key)), Self.ownNumberBoost),
                        .scaleWeight(.term(Terms.cites(key)), Schema.Weight.citation)])
        case .field(let field, let value):
            return try fieldQuery(field, value)
        case .and(let items):
            var positive: [Query] = []
            var negative: [Query] = []
            var plainWords = 0
            var titleWords: [Query] = []
            var pairs: [TypedPair] = []
            // The word before, when it is one syllable typed as a plain word: its folded and matched terms.
            var previous: (folded: String, matched: String)?
            for (at, item) in items.enumerated() {
                if case .not(let inner) = item {
                    var sub = self
                    sub.highlights = HighlightTerms()
                    negative.append(try sub.compile(inner))
                    previous = nil
                } else if case .word(let text, false) = item {
                    let words = termStrings(text, in: .body, highlight: true)
                    let terms = words.map { Query.term($0) }
                    if words.count == 1 {
                        plainWords += 1
                        titleWords += termsFor(text, in: .title, highlight: false)
                    }
                    let tokens = analyzer.tokens(in: text)
                    if words.count == 1, tokens.count == 1, tokens[0].kind == .word {
                        let current = (folded: Terms.word(tokens[0].folded, exact: false), matched: words[0])
                        if let before = previous {
                            pairs.append(TypedPair(term: Terms.pair(before.folded, current.folded),
                                                   folded: (before.folded, current.folded), matched: (before.matched, current.matched),
                                                   at: at - 1))
                        }
                        previous = current
                    } else {
                        previous = nil
                    }
                    positive.append(terms.isEmpty ? .matchNothing : (terms.count == 1 ? terms[0] : .phrase(terms)))
                } else {
                    positive.append(try compile(item))
                    previous = nil
                }
            }
            if depth == 1 { self.pairs = pairs }
            var query: Query = positive.isEmpty ? .matchAll : (positive.count == 1 ? positive[0] : .and(positive))
            if plainWords >= 2 && plainWords == positive.count && titleWords.count == plainWords {
                // A title holding every word of the query (anywhere: in a row measured no better, and reads positions).
                query = .andMaybe(query, .scaleWeight(.and(titleWords), Self.titleBoostFactor))
            }
            if !pairs.isEmpty {
                // Each pair of words typed side by side weighs, by its own idf and frequency, where it stands
                // together in the text (a term without positions: no positional check).
                let boosts = pairs.map { Query.scaleWeight(.term($0.term), Self.pairTermBoost) }
                query = .andMaybe(query, boosts.count == 1 ? boosts[0] : .or(boosts))
            }
            if !negative.isEmpty { query = .andNot(query, negative.count == 1 ? negative[0] : .or(negative)) }
            return query
        case .or(let items):
            return .or(try items.map { try compile($0) })
        case .not(let inner):
            var sub = self
            sub.highlights = HighlightTerms()
            return .andNot(.matchAll, try sub.compile(inner))
        }
    }

    /// Factor on a document's own number match. BM25 scales a wdf-1 term down in long documents
    /// (a 50× average-length document keeps about 1/20 of its weight), so the factor is large
    /// enough that the document bearing the number still outranks every document citing it.
    static let ownNumberBoost = Schema.Weight.ownNumber * 50

    /// Own number first (weight ×``ownNumberBoost``), then documents citing it, then
    /// documents that write its parts in a row.
    mutating func numberQuery(_ number: DocNumber) -> Query {
        highlights.numberKeys.formUnion(Terms.highlightKeys(number))
        var parts: [Query] = []
        for key in Terms.numberKeys(number) {
            parts.append(.scaleWeight(.term(Terms.ownNumber(key: key)), Self.ownNumberBoost))
            parts.append(.scaleWeight(.term(Terms.cites(key)), Schema.Weight.citation))
        }
        let words = analyzer.tokens(in: number.display).filter { $0.kind != .docnumber }.map { Query.term($0.folded) }
        if words.count > 1 { parts.append(.scaleWeight(.phrase(words), 0.5)) }
        return .or(parts)
    }

    /// Factor on the pair term of two words typed side by side (``TypedPair``).
    static let pairTermBoost = 2.0
    /// Factor on the words of a query or phrase standing together in the title.
    static let titleBoostFactor = 1.0

    /// Extra weight for documents whose title holds `terms` (title-prefixed) in a row. Holding them apart
    /// is not enough: a long title ("… QUYẾT ĐỊNH … NGHỊ ĐỊNH …") holds the syllables of many phrases it is not about.
    static func titleBoost(_ terms: [Query]) -> Query {
        guard !terms.isEmpty else { return .matchNothing }
        return .scaleWeight(terms.count == 1 ? terms[0] : .phrase(terms), titleBoostFactor)
    }

    mutating func wordQuery(_ text: String, prefix: Bool) -> Query {
        if prefix {
            let folded = TermText.folded(text)
            highlights.foldedPrefixes.insert(folded)
            let useExact = mode == .exact || (mode == .auto && (Folding.hasMarks(text) || typedWithMarks == true))
            return .wildcard(useExact ? Terms.exactWord(text) : Terms.word(folded, exact: false))
        }
        let terms = termsFor(text, in: .body, highlight: true)
        guard !terms.isEmpty else { return .matchNothing }
        let title = termsFor(text, in: .title, highlight: false)
        return .andMaybe(terms.count == 1 ? terms[0] : .phrase(terms), Self.titleBoost(title))
    }

    /// Where a word's terms are: the body or the title.
    enum TermField { case body, title }

    /// Terms of `text`, one per token, in the exact or folded space by the diacritic rule.
    mutating func termsFor(_ text: String, in field: TermField, highlight: Bool) -> [Query] {
        termStrings(text, in: field, highlight: highlight).map { .term($0) }
    }

    /// The terms of `text`'s tokens in `field`: exact or folded by the diacritic rule.
    mutating func termStrings(_ text: String, in field: TermField, highlight: Bool) -> [String] {
        matchedWords(text, highlight: highlight, inPhrase: false).map {
            field == .title ? Terms.title($0.form, exact: $0.isExact) : Terms.word($0.form, exact: $0.isExact)
        }
    }

    /// `text`'s words as they are matched, exact or folded by the diacritic rule; with `highlight`, noted
    /// for the snippets (as single words unless `inPhrase`).
    mutating func matchedWords(_ text: String, highlight: Bool, inPhrase: Bool) -> [HighlightTerms.Word] {
        var out: [HighlightTerms.Word] = []
        // A quoted phrase follows its own typing; a word, the query's.
        let marked = inPhrase ? Folding.hasMarks(text) : typedWithMarks ?? Folding.hasMarks(text)
        // A document number's parts follow it as their own tokens; match those.
        for token in analyzer.tokens(in: text) where token.kind != .docnumber {
            let useExact = mode == .exact || (mode == .auto && (Folding.hasMarks(token.text) || (marked && token.kind == .word)))
            let word = HighlightTerms.Word(form: useExact ? token.exact : token.folded, isExact: useExact)
            if highlight {
                if useExact { highlights.exact.insert(word.form) } else { highlights.folded.insert(word.form) }
                if !inPhrase { highlights.single.insert(word) }
            }
            out.append(word)
        }
        return out
    }

    mutating func fieldQuery(_ field: QueryNode.Field, _ value: String) throws -> Query {
        switch field {
        case .title:
            let terms = termsFor(value, in: .title, highlight: true)
            guard !terms.isEmpty else { return .matchNothing }
            return terms.count == 1 ? terms[0] : .phrase(terms)
        case .number:
            return .phrase(termsFor(value, in: .body, highlight: true))
        case .type:
            return try Self.typeFilter(value)
        case .issuer:
            return Self.issuerFilter(value)
        case .year:
            guard value.count == 4, value.allSatisfy(\.isNumber) else {
                throw VanBanError.badQuery(message: "nam: needs a four-digit year, e.g. nam:2021", position: 0)
            }
            return .term(Terms.year(value))
        case .date:
            let parts = value.components(separatedBy: "..")
            guard parts.count == 2 else {
                throw VanBanError.badQuery(message: "ngay: needs a range FROM..TO, e.g. ngay:2021-08-01..2021-08-31", position: 0)
            }
            return try Self.dateRange(from: parts[0].isEmpty ? nil : parts[0], to: parts[1].isEmpty ? nil : parts[1])
        }
    }

    /// Filter on the type: full name (`Quyết định`, `quyet dinh`) or abbreviation (`QĐ`, `qd`); a value that is
    /// neither is an error naming the types.
    public static func typeFilter(_ value: String) throws -> Query {
        var names = Set<String>()
        for style in [NumberStyle.state, .party] {
            if let name = DocType.name(forAbbreviation: value, style: style) { names.insert(name) }
        }
        let folded = TermText.folded(value)
        for name in DocType.allNames where TermText.folded(name) == folded { names.insert(name) }
        guard !names.isEmpty else {
            let known = DocType.allNames.sorted().joined(separator: ", ")
            throw VanBanError.badQuery(message: "unknown type \"\(value)\": use a type's name or abbreviation (QĐ, CV, NQ…): \(known)", position: 0)
        }
        let terms = names.map { Query.term(Terms.type($0)) }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    /// Filter on the issuer: its words in a row, folded (`coquan:"bac ninh"`), or an abbreviation (`coquan:UBND`).
    public static func issuerFilter(_ value: String) -> Query {
        let words = Terms.issuerWords(value).map { Query.term($0) }
        guard !words.isEmpty else { return .matchNothing }
        return words.count == 1 ? words[0] : .phrase(words)
    }

    /// Date range filter; either end may be open. Dates as `YYYY-MM-DD`, `DD/MM/YYYY` or `YYYY`; a range that
    /// ends before it starts is an error.
    public static func dateRange(from: String?, to: String?) throws -> Query {
        let lo = try from.map { try compactDate($0, end: false) } ?? "00000000"
        let hi = try to.map { try compactDate($0, end: true) } ?? "99999999"
        guard lo <= hi else {
            throw VanBanError.badQuery(message: "the date range ends (\(to ?? "")) before it starts (\(from ?? "")): give FROM before TO", position: 0)
        }
        return .valueRange(slot: Schema.Slot.date, from: lo, to: hi)
    }

    static func compactDate(_ s: String, end: Bool) throws -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        let digits = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        func pad(_ x: String) -> String { x.count == 1 ? "0" + x : x }
        if digits.count == 1, digits[0].count == 4, Int(digits[0]) != nil { return digits[0] + (end ? "1231" : "0101") }
        if digits.count == 3, digits.allSatisfy({ Int($0) != nil }) {
            let (year, month, day) = digits[0].count == 4 ? (digits[0], digits[1], digits[2]) : (digits[2], digits[1], digits[0])
            if year.count == 4, month.count <= 2, day.count <= 2, let y = Int(year), let m = Int(month), let d = Int(day),
               (1...12).contains(m), (1...daysIn(month: m, year: y)).contains(d) {
                return year + pad(month) + pad(day)
            }
        }
        throw VanBanError.badQuery(message: "cannot read the date \"\(s)\": use a real date as YYYY-MM-DD, DD/MM/YYYY or YYYY", position: 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
