import Foundation
import VietText
import Xapian

/// "Did you mean …": gives marks back to unmarked words (from the exact forms' statistics),
/// corrects unknown words (from the spelling table) and converts Telex/VNI typing.
public struct Suggester {
    public let database: Database
    /// An unmarked word gets its marks back when one exact form holds this share of its uses.
    public var dominance = 0.6

    public init(database: Database) { self.database = database }

    /// The corrected query, or nil when there is nothing obvious to say.
    public func suggestion(for query: String, node: QueryNode, hits: Int) throws -> String? {
        if case .number = node { return nil }
        if let typed = TypedInput.suggestion(for: query), try knownExactly(typed) { return typed }
        let raw = query.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // Unmarked words next to each other: pick the marked forms that stand together in the index.
        if raw.count >= 2, raw.count <= Self.maxContextWords, raw.allSatisfy({ Self.isPlainWord($0) && !Folding.hasMarks($0) }),
           let marked = try inContext(raw), marked != raw {
            return marked.joined(separator: " ")
        }
        var changed = false
        var words: [String] = []
        for word in raw {
            guard Self.isPlainWord(word) else { words.append(word); continue }
            if let better = try improve(word), better != word {
                words.append(better); changed = true
            } else {
                words.append(word)
            }
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// Longest run of unmarked words given marks by context.
    static let maxContextWords = 6
    /// Marked forms considered for each word: the most used ones, each holding this share of the uses.
    static let formsPerWord = 5, minShare = 0.01

    /// The marked forms of `words` that best stand together: each adjacent pair scored by how many
    /// documents hold that pair as a phrase, then the best chain (dynamic programming over pairs).
    /// Nil when some pair never occurs together (nothing obvious to suggest).
    func inContext(_ words: [String]) throws -> [String]? {
        let candidates = try words.map { word -> [(form: String, uses: Int)] in
            let forms = try markedForms(of: TermText.folded(word))
            return forms.isEmpty ? [(TermText.exact(word), 0)] : forms
        }
        // The best chain ending in each form of the current word that can follow the previous one.
        var best: [(form: String, score: Double, chain: [String])] = candidates[0].map {
            ($0.form, log(1 + Double($0.uses)) * 0.1, [$0.form])
        }
        for i in 1..<words.count {
            var next: [(form: String, score: Double, chain: [String])] = []
            for c in candidates[i] {
                var top: (score: Double, chain: [String])?
                for previous in best {
                    let together = try pairCount(previous.form, c.form)
                    guard together > 0 else { continue }
                    let score = previous.score + log(1 + Double(together))
                    if score > (top?.score ?? -1) { top = (score, previous.chain + [c.form]) }
                }
                if let top { next.append((c.form, top.score, top.chain)) }
            }
            guard !next.isEmpty else { return nil }
            best = next
        }
        guard let chain = best.max(by: { $0.score < $1.score })?.chain else { return nil }
        return zip(chain, words).map { Self.matchCase($0, like: $1) }
    }

    /// Documents holding the exact forms `a b` in a row (an estimate; exact for small counts).
    func pairCount(_ a: String, _ b: String) throws -> Int {
        let enquire = Enquire(database)
        enquire.query = .phrase([.term(Schema.Prefix.exact + a), .term(Schema.Prefix.exact + b)])
        return try enquire.mset(offset: 0, limit: 0, checkAtLeast: 20).estimatedTotal
    }

    /// The exact forms of a folded word, most used first, each with at least ``minShare`` of the uses.
    func markedForms(of folded: String) throws -> [(form: String, uses: Int)] {
        var forms = try database.synonyms(folded).map { ($0, database.termFrequency(Schema.Prefix.exact + $0)) }
        let plain = database.termFrequency(Schema.Prefix.exact + folded)
        if plain > 0, !forms.contains(where: { $0.0 == folded }) { forms.append((folded, plain)) }
        let total = forms.reduce(0) { $0 + $1.1 }
        guard total > 0 else { return [] }
        return Array(forms.filter { Double($0.1) / Double(total) >= Self.minShare && $0.1 > 0 }
            .sorted { $0.1 > $1.1 }.prefix(Self.formsPerWord))
    }

    /// The most used marked form of an unmarked word, when it is clearly the usual one;
    /// a spelling correction for a word the index does not hold.
    func improve(_ word: String) throws -> String? {
        let folded = TermText.folded(word)
        if !Folding.hasMarks(word) {
            if let marked = try markedForm(of: folded) { return Self.matchCase(marked, like: word) }
        }
        let known = Folding.hasMarks(word)
            ? database.termFrequency(Schema.Prefix.exact + TermText.exact(word)) > 0
            : database.termFrequency(folded) > 0
        if !known, let fixed = try database.spellingSuggestion(TermText.exact(word)), !fixed.isEmpty {
            return Self.matchCase(fixed, like: word)
        }
        return nil
    }

    /// Exact forms sharing this folded form are kept as Xapian synonyms of it (see docs/SCHEMA.md).
    func markedForm(of folded: String) throws -> String? {
        let forms = try database.synonyms(folded)
        guard !forms.isEmpty else { return nil }
        var best: (String, Int)?
        var total = database.termFrequency(Schema.Prefix.exact + folded)
        for form in forms {
            let n = database.termFrequency(Schema.Prefix.exact + form)
            total += n
            if n > (best?.1 ?? 0) { best = (form, n) }
        }
        guard let (form, n) = best, total > 0, Double(n) / Double(total) >= dominance, form != folded else { return nil }
        return form
    }

    func knownExactly(_ query: String) throws -> Bool {
        let words = query.split(separator: " ").map(String.init)
        return !words.isEmpty && words.allSatisfy { database.termFrequency(Schema.Prefix.exact + TermText.exact($0)) > 0 }
    }

    static func isPlainWord(_ s: String) -> Bool {
        guard !s.isEmpty, s != "OR", s != "NOT" else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }
    }

    static func matchCase(_ word: String, like typed: String) -> String {
        guard let first = typed.unicodeScalars.first, first.properties.isUppercase else { return word }
        return word.prefix(1).uppercased() + word.dropFirst()
    }
}
