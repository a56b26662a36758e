import Foundation
import VietText
import Xapian

/// "Did you mean …": gives marks back to unmarked words (as they are written where they stand together
/// in the results, else from the exact forms' statistics), corrects unknown words (from the spelling
/// table) and converts Telex/VNI typing.
public struct Suggester {
    public let database: Database
    /// An unmarked word gets its marks back when one exact form holds this share of its uses.
    public var dominance = 0.6

    public init(database: Database) { self.database = database }

    /// The corrected query, or nil when there is nothing obvious to say. `passages` are the snippets of
    /// the results shown: where the query's unmarked words stand together in them, their marked forms
    /// there are the suggestion.
    public func suggestion(for query: String, node: QueryNode, passages: [String] = []) throws -> String? {
        if case .number = node { return nil }
        if let typed = TypedInput.suggestion(for: query), try knownExactly(typed) { return typed }
        let raw = query.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        // Words typed without marks take the marks of the longest runs of them found together in the
        // results' passages; the others, their usual marks or a spelling correction.
        let context = raw.count >= 2 && raw.allSatisfy({ Self.isPlainWord($0) && !Folding.hasMarks($0) })
            ? Self.inContext(raw, passages: passages) : Array(repeating: nil, count: raw.count)
        var changed = false
        var words: [String] = []
        for (word, formInContext) in zip(raw, context) {
            guard Self.isPlainWord(word) else { words.append(word); continue }
            if let better = try formInContext ?? improve(word), better != word {
                words.append(better); changed = true
            } else {
                words.append(word)
            }
        }
        return changed ? words.joined(separator: " ") : nil
    }

    /// For each of `words`, the marked form it most often takes where it stands in a run of two or more of
    /// them in `passages` (a form of pseudo-relevance feedback: the documents that match show how the words
    /// are written), the longest run first from the left; nil for a word in no such run.
    static func inContext(_ words: [String], passages: [String]) -> [String?] {
        let analyzer = Analyzer()
        // The distinct folded words, as bytes; `wanted[k]` is the index of word k's.
        var folded: [[UInt8]] = []
        let wanted = words.map { word in
            let bytes = Array(TermText.folded(word).utf8)
            if let k = folded.firstIndex(of: bytes) { return k }
            folded.append(bytes)
            return folded.count - 1
        }
        /// A word of a passage that is one of the folded words: which, its exact form and position.
        struct Word { var folded: Int; var exact: String; var position: Int }
        // Only those words are kept (as strings): a run of them must stand at consecutive positions.
        let passageWords = passages.map { passage -> [Word] in
            var passage = passage
            passage.makeContiguousUTF8()
            var out: [Word] = []
            _ = passage.utf8.withContiguousStorageIfAvailable { bytes in
                analyzer.forEachToken(in: bytes) { token in
                    guard token.kind == .word, let k = token.folded.withUnsafeBufferPointer({ f in folded.firstIndex { $0.elementsEqual(f) } }) else { return }
                    out.append(Word(folded: k, exact: token.exact.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }, position: token.position))
                }
            }
            return out
        }
        /// The forms `words[range]` most often take together, if they ever stand together.
        func forms(_ range: Range<Int>) -> [String]? {
            var counts: [[String]: Int] = [:]
            var order: [[String]] = []
            for tokens in passageWords where tokens.count >= range.count {
                for start in 0...(tokens.count - range.count) {
                    let run = tokens[start..<(start + range.count)]
                    guard zip(run, wanted[range]).allSatisfy({ $0.folded == $1 }),
                          zip(run, run.dropFirst()).allSatisfy({ $0.position + 1 == $1.position }) else { continue }
                    let forms = run.map(\.exact)
                    if counts[forms] == nil { order.append(forms) }
                    counts[forms, default: 0] += 1
                }
            }
            var best: [String]?
            for forms in order where best.map({ counts[forms]! > counts[$0]! }) ?? true { best = forms }
            return best
        }
        var out = [String?](repeating: nil, count: words.count)
        var i = 0
        while i < words.count - 1 {
            // The longest run starting at `i` that the passages hold.
            let run = stride(from: words.count - i, through: 2, by: -1).lazy.compactMap { forms(i..<(i + $0)) }.first
            for (k, form) in (run ?? []).enumerated() { out[i + k] = matchCase(form, like: words[i + k]) }
            i += run?.count ?? 1
        }
        return out
    }

    /// The most used marked form of an unmarked word, when it is clearly the usual one;
    /// a spelling correction for a Vietnamese word the index does not hold.
    func improve(_ word: String) throws -> String? {
        let folded = TermText.folded(word)
        if !Folding.hasMarks(word) {
            if let marked = try markedForm(of: folded) { return Self.matchCase(marked, like: word) }
        }
        let known = try Folding.hasMarks(word)
            ? database.termFrequency(Terms.exactWord(word)) > 0
            : database.termFrequency(Terms.word(folded, exact: false)) > 0
        // An unmarked word that is no Vietnamese syllable ("class", "windows") is a foreign word or a code,
        // not a misspelt Vietnamese one.
        let vietnamese = Folding.hasMarks(word) || Syllable.isValid(word)
        if !known, vietnamese, let fixed = try database.spellingSuggestion(TermText.exact(word)), !fixed.isEmpty {
            return Self.matchCase(fixed, like: word)
        }
        return nil
    }

    /// Exact forms sharing this folded form are kept as Xapian synonyms of it (see docs/SCHEMA.md).
    func markedForm(of folded: String) throws -> String? {
        let forms = try database.synonyms(folded)
        guard !forms.isEmpty else { return nil }
        var best: (String, Int)?
        var total = try database.termFrequency(Terms.word(folded, exact: true))
        for form in forms {
            let n = try database.termFrequency(Terms.word(form, exact: true))
            total += n
            if n > (best?.1 ?? 0) { best = (form, n) }
        }
        guard let (form, n) = best, total > 0, Double(n) / Double(total) >= dominance, form != folded else { return nil }
        return form
    }

    func knownExactly(_ query: String) throws -> Bool {
        let words = query.split(separator: " ").map(String.init)
        return try !words.isEmpty && words.allSatisfy { try database.termFrequency(Terms.exactWord($0)) > 0 }
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
