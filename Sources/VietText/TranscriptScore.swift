import Foundation

/// How faithfully an extracted text reproduces a Unicode transcript: the three numbers of the `formats-vn`
/// corpus (`SOURCES.md`, after its source repository's `METRIC.md`). Both texts are normalised (NFC, every run
/// of white space one space, trimmed), then aligned.
///
/// - **Character accuracy**: transcript characters matched in the alignment ÷ transcript characters.
/// - **Diacritic accuracy**: of the transcript's characters whose identity depends on a diacritic (a combining
///   mark in their NFD, or đ/Đ), those the output reproduces exactly where the texts reduced to base letters
///   align; one with no counterpart counts as wrong.
/// - **Syllable accuracy**: transcript tokens (between spaces) the output reproduces exactly, aligned as
///   token sequences ÷ transcript tokens.
///
/// The alignment is a longest common subsequence, found token by token first (patience anchors, then exact
/// LCS between them) and character by character in the gaps between aligned tokens: an insertion or a
/// deletion shifts nothing after it, as with the source's `difflib` matching blocks, which it can only equal
/// or exceed in matches.
public enum TranscriptScore {
    /// The three accuracies of one output, with their counts.
    public struct Scores: Sendable, Equatable {
        public var matchedCharacters = 0
        public var characters = 0
        public var matchedDiacritics = 0
        public var diacritics = 0
        public var matchedSyllables = 0
        public var syllables = 0

        public init() {}

        public var character: Double { ratio(matchedCharacters, characters) }
        public var diacritic: Double { ratio(matchedDiacritics, diacritics) }
        public var syllable: Double { ratio(matchedSyllables, syllables) }

        /// The counts of both added: the score of the documents together.
        public static func + (a: Scores, b: Scores) -> Scores {
            var s = a
            s.matchedCharacters += b.matchedCharacters; s.characters += b.characters
            s.matchedDiacritics += b.matchedDiacritics; s.diacritics += b.diacritics
            s.matchedSyllables += b.matchedSyllables; s.syllables += b.syllables
            return s
        }

        private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
    }

    /// Scores `output` against `truth`.
    public static func score(output: String, truth: String) -> Scores {
        let t = normalized(truth), o = normalized(output)
        var scores = Scores()
        scores.characters = t.count
        scores.syllables = tokens(t).count

        // Characters and syllables: exact tokens, then exact characters in the gaps.
        let exact = alignByTokens(t, o)
        scores.matchedCharacters = exact.characters.count
        scores.matchedSyllables = exact.tokens

        // Diacritics: aligned on base letters, compared on the characters themselves.
        let tb = t.map { baseLetter($0).base }, ob = o.map { baseLetter($0).base }
        let base = alignByTokens(tb, ob)
        let marked = t.map { baseLetter($0).marked }
        scores.diacritics = marked.filter { $0 }.count
        scores.matchedDiacritics = base.characters.filter { marked[$0.0] && t[$0.0] == o[$0.1] }.count
        return scores
    }

    /// NFC, white space runs made one space, leading and trailing white space removed.
    public static func normalized(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        var space = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value) {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20); space = false }
            out.append(scalar.value)
        }
        return out
    }

    /// The base letter of `v` (its NFD less combining marks of category Mn; đ → d, Đ → D) and whether a
    /// diacritic makes its identity.
    static func baseLetter(_ v: UInt32) -> (base: UInt32, marked: Bool) {
        if v < 0xC0 { return (v, false) }
        if v == 0x111 { return (0x64, true) }
        if v == 0x110 { return (0x44, true) }
        if let known = baseCache.withLock({ $0[v] }) { return known }
        guard let scalar = Unicode.Scalar(v) else { return (v, false) }
        let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        let base = parts.first.map(\.value) ?? v
        let marked = parts.dropFirst().contains { $0.properties.generalCategory == .nonspacingMark }
        let result = (marked ? base : v, marked)
        baseCache.withLock { $0[v] = result }
        return result
    }

    private static let baseCache = LockedCache()

    /// Token ranges of a normalised text (split at single spaces).
    static func tokens(_ s: [UInt32]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        for (i, v) in s.enumerated() where v == 0x20 {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        if s.count > start { out.append(start..<s.count) }
        return out
    }

    /// Aligns `a` and `b` token by token, then character by character between aligned tokens. Returns the
    /// aligned character index pairs (increasing) and the number of aligned tokens.
    static func alignByTokens(_ a: [UInt32], _ b: [UInt32]) -> (characters: [(Int, Int)], tokens: Int) {
        let ta = tokens(a), tb = tokens(b)
        var ids: [ArraySlice<UInt32>: Int] = [:]
        func id(_ s: ArraySlice<UInt32>) -> Int {
            if let k = ids[s] { return k }
            ids[s] = ids.count
            return ids.count - 1
        }
        let pairs = align(ta.map { id(a[$0]) }, tb.map { id(b[$0]) })
        var chars: [(Int, Int)] = []
        var endA = 0, endB = 0
        func gap(_ ra: Range<Int>, _ rb: Range<Int>) {
            for (i, j) in align(Array(a[ra].map(Int.init)), Array(b[rb].map(Int.init))) {
                chars.append((ra.lowerBound + i, rb.lowerBound + j))
            }
        }
        for (i, j) in pairs {
            gap(endA..<ta[i].lowerBound, endB..<tb[j].lowerBound)
            for k in 0..<ta[i].count { chars.append((ta[i].lowerBound + k, tb[j].lowerBound + k)) }
            endA = ta[i].upperBound
            endB = tb[j].upperBound
        }
        gap(endA..<a.count, endB..<b.count)
        return (chars, pairs.count)
    }

    /// A longest common subsequence of `a` and `b` as index pairs: the common ends, then exact LCS when the
    /// rest is small, else anchors on elements that occur once in each (patience) and the gaps between them
    /// aligned the same way. A large gap without such anchors is left unaligned.
    static func align(_ a: [Int], _ b: [Int]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        align(a, 0..<a.count, b, 0..<b.count, into: &out)
        return out
    }

    private static func align(_ a: [Int], _ ra: Range<Int>, _ b: [Int], _ rb: Range<Int>, into out: inout [(Int, Int)]) {
        var lo = ra.lowerBound, loB = rb.lowerBound, hi = ra.upperBound, hiB = rb.upperBound
        while lo < hi, loB < hiB, a[lo] == b[loB] { out.append((lo, loB)); lo += 1; loB += 1 }
        var tail: [(Int, Int)] = []
        while hi > lo, hiB > loB, a[hi - 1] == b[hiB - 1] { hi -= 1; hiB -= 1; tail.append((hi, hiB)) }
        let n = hi - lo, m = hiB - loB
        if n > 0, m > 0 {
            if n * m <= 4_000_000 {
                lcs(a, lo..<hi, b, loB..<hiB, into: &out)
            } else {
                patience(a, lo..<hi, b, loB..<hiB, into: &out)
            }
        }
        out += tail.reversed()
    }

    /// Exact LCS by dynamic programming.
    private static func lcs(_ a: [Int], _ ra: Range<Int>, _ b: [Int], _ rb: Range<Int>, into out: inout [(Int, Int)]) {
        let n = ra.count, m = rb.count
        var table = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i * (m + 1) + j] = a[ra.lowerBound + i] == b[rb.lowerBound + j]
                    ? table[(i + 1) * (m + 1) + j + 1] + 1
                    : max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1])
            }
        }
        var i = 0, j = 0
        while i < n, j < m {
            if a[ra.lowerBound + i] == b[rb.lowerBound + j] {
                out.append((ra.lowerBound + i, rb.lowerBound + j)); i += 1; j += 1
            } else if table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
    }

    /// Anchors on elements unique in both ranges, in the longest increasing order; the gaps recursively.
    private static func patience(_ a: [Int], _ ra: Range<Int>, _ b: [Int], _ rb: Range<Int>, into out: inout [(Int, Int)]) {
        var countA: [Int: Int] = [:], countB: [Int: Int] = [:], at: [Int: Int] = [:]
        for i in ra { countA[a[i], default: 0] += 1 }
        for j in rb { countB[b[j], default: 0] += 1; at[b[j]] = j }
        var candidates: [(Int, Int)] = []
        for i in ra where countA[a[i]] == 1 && countB[a[i]] == 1 { candidates.append((i, at[a[i]]!)) }
        let anchors = longestIncreasing(candidates)
        guard !anchors.isEmpty else { return }
        var lo = ra.lowerBound, loB = rb.lowerBound
        for (i, j) in anchors {
            align(a, lo..<i, b, loB..<j, into: &out)
            out.append((i, j))
            lo = i + 1
            loB = j + 1
        }
        align(a, lo..<ra.upperBound, b, loB..<rb.upperBound, into: &out)
    }

    /// The longest subsequence of `pairs` (increasing in their first) whose second also increases.
    private static func longestIncreasing(_ pairs: [(Int, Int)]) -> [(Int, Int)] {
        var tails: [Int] = []  // index into pairs of the smallest tail of each length
        var previous = [Int](repeating: -1, count: pairs.count)
        for (k, pair) in pairs.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if pairs[tails[mid]].1 < pair.1 { lo = mid + 1 } else { hi = mid }
            }
            if lo > 0 { previous[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var out: [(Int, Int)] = []
        var k = tails.last ?? -1
        while k >= 0 { out.append(pairs[k]); k = previous[k] }
        return out.reversed()
    }
}

/// The base letters found so far, shared by the threads that score.
private final class LockedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var map: [UInt32: (base: UInt32, marked: Bool)] = [:]
    func withLock<T>(_ body: (inout [UInt32: (base: UInt32, marked: Bool)]) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&map)
    }
}
