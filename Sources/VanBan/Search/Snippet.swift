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
    /// Target passage length in UTF-8 bytes.
    public var length = 240
    /// Texts longer than this are searched for a passage in their first part only.
    public var scanLimit = 400_000
    let analyzer = Analyzer()

    public init(terms: HighlightTerms) { self.terms = terms }

    /// Text is analysed in pieces of this many bytes; scanning stops after the piece where
    /// ``enough`` matches were found, so long documents cost no more than short ones.
    public var chunk = 8_192

    /// Distinct query keys a passage can show (number keys count once).
    var wanted: Int {
        terms.exact.count + terms.folded.count + terms.foldedPrefixes.count + (terms.numberKeys.isEmpty ? 0 : 1)
    }

    /// Every match in `text` (up to ``scanLimit`` bytes, and only as far as needed), as UTF-8 byte ranges.
    public func matches(in text: String) -> [Range<Int>] {
        guard !terms.isEmpty else { return [] }
        var out: [Range<Int>] = []
        var seen = Set<String>()
        var text = text
        text.makeContiguousUTF8()
        let total = min(text.utf8.count, scanLimit)
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            var start = 0
            while start < total {
                var end = min(total, start + chunk)
                // Cut pieces at a line break or space, so no token is split.
                if end < total {
                    var k = end
                    while k > start, bytes[k] != 0x0A { k -= 1 }
                    if k == start { k = end; while k > start, bytes[k] != 0x20 { k -= 1 } }
                    if k > start { end = k }
                }
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                let base = start
                analyzer.forEachToken(in: piece) { token in
                    if token.kind == .docnumber {
                        if !terms.numberKeys.isEmpty, let n = DocNumberParser.parse(token.text),
                           terms.numberKeys.contains(n.key) || n.keyWithoutYear.map(terms.numberKeys.contains) == true {
                            out.append((base + token.start)..<(base + token.end))
                            seen.insert("#")
                        }
                        return
                    }
                    if terms.exact.contains(token.exact) || terms.folded.contains(token.folded)
                        || terms.foldedPrefixes.contains(where: { token.folded.hasPrefix($0) }) {
                        out.append((base + token.start)..<(base + token.end))
                        seen.insert(token.folded)
                    }
                }
                start = end
                if seen.count >= wanted && out.count >= 2 * wanted || out.count >= 24 { break }
            }
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
        let utf8 = Array(text.utf8)
        let found = matches(in: text)
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
        let slice = utf8[start..<end].map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? UInt8(ascii: " ") : $0 }
        let highlights = found.filter { $0.lowerBound >= start && $0.upperBound <= end }
            .map { [$0.lowerBound - start, $0.upperBound - start] }
        return Snippet(text: String(decoding: slice, as: UTF8.self), highlights: highlights, offset: start)
    }

    /// Moves `i` to a space (or the text's ends), never into the middle of a scalar.
    static func wordBoundary(_ utf8: [UInt8], at i: Int, forward: Bool) -> Int {
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
