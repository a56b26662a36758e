import DocRefs
import VietText

/// A passage of a document with the query's matches marked.
public struct Snippet: Sendable, Equatable {
    /// The passage, newlines turned into spaces (so byte offsets are kept).
    public var text: String
    /// UTF-8 byte ranges of the matches inside ``text``.
    public var highlights: [[Int]]
    /// UTF-8 offset of ``text`` in the document.
    public var offset: Int

    public init(text: String, highlights: [[Int]], offset: Int) {
        self.text = text
        self.highlights = highlights
        self.offset = offset
    }
}

/// Builds snippets from the analyzer's offsets, so that `cong doan` highlights `Công đoàn`
/// (Xapian's own snippet generator cannot see folded matches).
public struct SnippetBuilder: Sendable {
    public let terms: HighlightTerms
    let keys: HighlightKeys
    /// Target passage length in UTF-8 bytes.
    public var length = SnippetBuilder.defaultLength
    /// The passage length results show.
    public static let defaultLength = 240
    /// Texts longer than this are searched for a passage in their first part only.
    public var scanLimit = 400_000
    let analyzer = Analyzer()

    public init(terms: HighlightTerms) {
        self.terms = terms
        keys = HighlightKeys(terms)
    }

    /// Text is analysed in pieces of this many bytes; scanning stops after the piece where every key of
    /// the query was seen (or twelve matches), so long documents cost no more than short ones.
    public var chunk = 2_048

    /// Whether `bytes[range]` holds `needle` (lower case ASCII), ignoring ASCII case.
    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, range.count >= needle.count else { return false }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if bytes[i] | 0x20 == first {
                var k = 1
                while k < needle.count, bytes[i + k] | 0x20 == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Once a match is found, how much further (in bytes) the scan goes looking for the other keys.
    static let lookAhead = 4_096
    /// Most bytes analysed in one document; past it the snippet comes from what was seen.
    static let analysisBudget = 24_576
    /// Most bytes analysed from a passage's known start (see ``snippet(in:from:)``): its block of 64
    /// positions and the passage after it.
    static let passageBudget = 1_024

    /// How much of a text's opening a snippet can look at: a query of numbers alone skips text without
    /// their digits and may go up to ``scanLimit``; any other analyses at most ``analysisBudget`` bytes,
    /// and its passage ends within two lengths after them.
    var openingLimit: Int {
        keys.numberAnchors != nil ? scanLimit : min(scanLimit, Self.analysisBudget + chunk + 2 * length)
    }

    /// Every match in `text` (up to ``scanLimit`` bytes, and only as far as needed), as UTF-8 byte ranges.
    public func matches(in text: String) -> [Range<Int>] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { matches(in: $0) } ?? []
    }

    /// Every match in the first ``scanLimit`` bytes of `text`, however many: what a page showing the whole
    /// text highlights.
    public func allMatches(in text: String) -> [Range<Int>] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { matches(in: $0, budget: .max, all: true) } ?? []
    }

    /// The matches from byte `from` on (a token's start), analysing at most `budget` bytes; unless `all`,
    /// only as far as a snippet needs them.
    func matches(in bytes: UnsafeBufferPointer<UInt8>, from: Int = 0, budget: Int = analysisBudget, all: Bool = false) -> [Range<Int>] {
        guard !terms.isEmpty else { return [] }
        var out: [Range<Int>] = []
        var seen = [Bool](repeating: false, count: keys.count)
        var seenCount = 0
        func see(_ key: Int) {
            if !seen[key] { seen[key] = true; seenCount += 1 }
        }
        let total = min(bytes.count, scanLimit)
        let anchors = keys.numberAnchors
        // The last words seen, to find the quoted phrases: a ring of their ranges, positions and the
        // keys each holds (a row of ``HighlightKeys/forms`` flags per word).
        let ring = keys.longestPhrase > 1 ? keys.longestPhrase : 0
        let forms = keys.forms
        var flags = [Bool](repeating: false, count: max(ring, 1) * forms)
        var ranges = [Range<Int>](repeating: 0..<0, count: ring)
        var positions = [Int](repeating: 0, count: ring)
        var analysed = 0
        var start = min(from, total)
        while start < total {
            // A passage's small budget goes in two halves: the second only when the first lacks a key.
            var end = min(total, start + min(chunk, budget / 2, max(budget - analysed, 256)))
            // Cut pieces at a line break or space, so no token is split.
            if end < total {
                var k = end
                while k > start, bytes[k] != 0x0A { k -= 1 }
                if k == start { k = end; while k > start, bytes[k] != 0x20 { k -= 1 } }
                if k > start { end = k }
            }
            if let anchors, !anchors.contains(where: { Self.contains(bytes, start..<end, $0) }) {
                start = end
                continue
            }
            analysed += end - start
            let base = start
            // Positions restart with each piece, and so does the ring.
            var filled = 0
            var head = 0
            flags.withUnsafeMutableBufferPointer { flags in
                analyzer.forEachToken(in: UnsafeBufferPointer(rebasing: bytes[start..<end])) { token in
                    let range = (base + token.start)..<(base + token.end)
                    if token.kind == .docnumber {
                        if !keys.numberKeys.isEmpty,
                           let n = DocNumberParser.parse(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)),
                           keys.numberKeys.contains(n.key) || n.keyWithoutYear.map(keys.numberKeys.contains) == true {
                            out.append(range)
                            see(keys.numberKey)
                        }
                        return
                    }
                    // This word's row of flags: the ring's next slot (the only row when there is no ring).
                    let rowStart = head * forms
                    let row = UnsafeMutableBufferPointer(rebasing: flags[rowStart..<(rowStart + forms)])
                    row.update(repeating: false)
                    if keys.mark(token, in: row, see: see) { out.append(range) }
                    guard ring > 0 else { return }
                    ranges[head] = range
                    positions[head] = token.position
                    head = (head + 1) % ring
                    filled = min(filled + 1, ring)
                    for phrase in keys.phrases where phrase.count <= filled {
                        // Slot of the phrase's word j among the last words.
                        func slot(_ j: Int) -> Int { (head - phrase.count + j + ring) % ring }
                        guard phrase.indices.allSatisfy({ j in
                            flags[slot(j) * forms + phrase[j]] && (j == 0 || positions[slot(j - 1)] + 1 == positions[slot(j)])
                        }) else { continue }
                        for j in phrase.indices {
                            out.append(ranges[slot(j)])
                            see(phrase[j])
                        }
                    }
                }
            }
            start = end
            if all { continue }
            if seenCount >= keys.count || out.count >= 12 { break }
            // Some keys found (an OR, or words the document lacks): look a little further only.
            if let first = out.first, start - first.lowerBound >= Self.lookAhead { break }
            if analysed >= budget { break }
        }
        // A number's parts are also tokens: drop ranges inside an earlier range.
        var merged: [Range<Int>] = []
        for r in out.sorted(by: { ($0.lowerBound, -$0.upperBound) < ($1.lowerBound, -$1.upperBound) }) {
            if let last = merged.last, r.lowerBound < last.upperBound { continue }
            merged.append(r)
        }
        return merged
    }

    /// The passage of about ``length`` bytes holding the most matches (the opening when none).
    public func snippet(in text: String) -> Snippet {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { snippet(in: $0) } ?? Snippet(text: "", highlights: [], offset: 0)
    }

    /// The passage holding the most matches. With `from` (a token's start where the positions put the
    /// best passage) only ``passageBudget`` bytes from there are analysed; the text is scanned from its
    /// start when `from` is nil or nothing matches there, unless `orOpening` is false (`utf8` is then
    /// only a window of the text, and the snippet without highlights says nothing matched).
    func snippet(in utf8: UnsafeBufferPointer<UInt8>, from: Int? = nil, orOpening: Bool = true) -> Snippet {
        var found = from.map { matches(in: utf8, from: $0, budget: Self.passageBudget) } ?? []
        if found.isEmpty && orOpening { found = matches(in: utf8) }
        var bestStart = 0
        if !found.isEmpty {
            var bestCount = 0
            var j = 0
            for i in found.indices {
                while j < found.count, found[j].upperBound - found[i].lowerBound <= length { j += 1 }
                if j - i > bestCount { bestCount = j - i; bestStart = found[i].lowerBound }
            }
            bestStart = max(0, bestStart - length / 4)
        }
        var start = Self.wordBoundary(utf8, at: bestStart, forward: false)
        if bestStart == 0 { start = 0 }
        let end = Self.wordBoundary(utf8, at: min(utf8.count, start + length), forward: true)
        let slice = UnsafeBufferPointer(rebasing: utf8[start..<end]).map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? UInt8(ascii: " ") : $0 }
        let highlights = found.filter { $0.lowerBound >= start && $0.upperBound <= end }
            .map { [$0.lowerBound - start, $0.upperBound - start] }
        return Snippet(text: String(decoding: slice, as: UTF8.self), highlights: highlights, offset: start)
    }

    /// Moves `i` to a space (or the text's ends), never into the middle of a scalar.
    static func wordBoundary(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int, forward: Bool) -> Int {
        var k = min(max(0, i), utf8.count)
        let limit = 40
        var steps = 0
        if forward {
            while k < utf8.count, utf8[k] != 0x20, utf8[k] != 0x0A, steps < limit { k += 1; steps += 1 }
            while k < utf8.count, utf8[k] & 0xC0 == 0x80 { k += 1 }
        } else {
            while k > 0, utf8[k - 1] != 0x20, utf8[k - 1] != 0x0A, steps < limit { k -= 1; steps += 1 }
            while k > 0, k < utf8.count, utf8[k] & 0xC0 == 0x80 { k -= 1 }
        }
        return k
    }

    /// `text` with each highlight wrapped in `open`/`close` (ANSI bold, `**`, …).
    public static func render(_ snippet: Snippet, open: String, close: String) -> String {
        let utf8 = Array(snippet.text.utf8)
        var out = ""
        var last = 0
        for h in snippet.highlights where h[0] >= last {
            out += String(decoding: utf8[last..<h[0]], as: UTF8.self)
            out += open + String(decoding: utf8[h[0]..<h[1]], as: UTF8.self) + close
            last = h[1]
        }
        out += String(decoding: utf8[last...], as: UTF8.self)
        return out
    }
}
