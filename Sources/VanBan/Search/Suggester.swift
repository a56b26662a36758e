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
        var changed = false
        var words: [String] = []
        for raw in query.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            guard Self.isPlainWord(raw) else { words.append(raw); continue }
            if let better = try improve(raw), better != raw {
                words.append(better); changed = true
            } else {
                words.append(raw)
            }
        }
        return changed ? words.joined(separator: " ") : nil
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
