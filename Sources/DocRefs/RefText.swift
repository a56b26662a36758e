import Foundation
import VietText

/// The reference-matching normalisation used by this module, over Unicode scalars.
///
/// Every scalar of the original text becomes one entry with three views:
/// - `scalars`: the scalar after normalisation: the look-alikes of ``VietText/LookAlikes`` mapped
///   (Ð/ð → Đ/đ, dashes → `-`, slashes → `/`, NBSP-like spaces → space, fullwidth ASCII → ASCII), `\r` → `\n`;
/// - `folded`: one ASCII byte: the base letter in upper case (marks removed, Đ → D), a digit,
///   ASCII punctuation as is, `\n`, space, or `~` for any other scalar;
/// - `offsets`: the UTF-8 offset of the scalar in the original text (`offsets.count == count + 1`).
///
/// Zero-width characters, the soft hyphen and combining marks get no entry: they belong to the
/// entry before them, so a span `[offsets[i], offsets[j])` still covers them in the original.
struct RefText {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var folded: [UInt8] = []
    private(set) var upper: [Bool] = []
    private(set) var offsets: [Int] = []

    var count: Int { folded.count }

    init(_ text: String) {
        let capacity = text.utf8.count
        scalars.reserveCapacity(capacity)
        folded.reserveCapacity(capacity)
        upper.reserveCapacity(capacity)
        offsets.reserveCapacity(capacity + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            let length = UTF8.width(scalar)
            defer { offset += length }
            let value = scalar.value
            if RefText.isIgnorable(value) { continue }
            let mapped = RefText.normalize(scalar)
            let (byte, isUpper) = RefText.foldScalar(mapped)
            scalars.append(mapped)
            folded.append(byte)
            upper.append(isUpper)
            offsets.append(offset)
        }
        offsets.append(offset)
    }

    /// Normalised text of entries `[from, to)`, spaces collapsed and trimmed.
    func string(_ from: Int, _ to: Int) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for i in from..<max(from, to) {
            let f = folded[i]
            if f == 0x20 || f == 0x0A || f == 0x09 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalars[i])
        }
        // Combining marks have no entry (see above), so there is nothing left to compose.
        return String(out)
    }

    /// Folded ASCII of ``string(_:_:)`` (same spaces collapsed and trimmed), without building that string.
    func foldedCollapsed(_ from: Int, _ to: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(max(0, to - from))
        var pendingSpace = false
        for i in from..<max(from, to) {
            let f = folded[i]
            if f == 0x20 || f == 0x0A || f == 0x09 {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(f)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folded ASCII text of entries `[from, to)`.
    func foldedString(_ from: Int, _ to: Int) -> String {
        String(decoding: folded[from..<max(from, to)], as: UTF8.self)
    }

    func isLetter(_ i: Int) -> Bool { i >= 0 && i < count && RefText.isLetterByte(folded[i]) }
    func isDigit(_ i: Int) -> Bool { i >= 0 && i < count && folded[i] >= 0x30 && folded[i] <= 0x39 }
    func isAlnum(_ i: Int) -> Bool { isLetter(i) || isDigit(i) }
    func isSpace(_ i: Int) -> Bool { i >= 0 && i < count && (folded[i] == 0x20 || folded[i] == 0x09) }
    func isBlank(_ i: Int) -> Bool { i >= 0 && i < count && (folded[i] == 0x20 || folded[i] == 0x09 || folded[i] == 0x0A) }

    /// Whether the folded entries starting at `i` spell `word` (upper-case ASCII) and end at a word boundary.
    func matchesWord(_ word: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i + word.count <= count else { return false }
        for (k, b) in word.enumerated() {
            if b == 0x20 {
                if !isBlank(i + k) { return false }
            } else if folded[i + k] != b {
                return false
            }
        }
        return !isAlnum(i + word.count) && !isAlnum(i - 1)
    }

    static func isLetterByte(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    private static func isIgnorable(_ v: UInt32) -> Bool {
        LookAlikes.canonical(v) == LookAlikes.deleted || LookAlikes.isCombiningMark(v)
    }

    /// Maps look-alikes as the analyzer does (``VietText/LookAlikes``), and a carriage return to a line feed.
    static func normalize(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value == 0x0D { return "\n" }
        return Unicode.Scalar(LookAlikes.canonical(s.value)) ?? s
    }

    /// Folded byte and upper-case flag of a normalised scalar: a letter's base letter in upper case,
    /// a digit or ASCII punctuation as it is, `~` for anything else.
    static func foldScalar(_ s: Unicode.Scalar) -> (UInt8, Bool) {
        if let (base, isUpper) = LookAlikes.baseLetter(s.value) { return (base, isUpper) }
        return s.value < 0x80 ? (UInt8(s.value), false) : (0x7E, false)
    }
}

extension RefText {
    /// Folded upper-case ASCII of a whole string: marks removed, Đ → D, look-alikes mapped.
    static func fold(_ s: String) -> String {
        let t = RefText(s)
        return t.foldedString(0, t.count)
    }

    /// Folded letters and digits only, for comparing names and places loosely.
    static func alnumKey(_ s: String) -> String {
        let t = RefText(s)
        return String(decoding: t.folded.filter { isLetterByte($0) || ($0 >= 0x30 && $0 <= 0x39) }, as: UTF8.self)
    }

    /// Upper-cases a symbol group, keeping Đ (and mapping Ð to it).
    static func upperSymbol(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map(normalize))).uppercased()
    }
}

extension String {
    /// Whether `part`'s UTF-8 bytes occur in these: a substring test on bytes, for the folded ASCII strings of
    /// this module (Foundation's `contains(_:)` goes through `NSString` and cost the indexer 7 % of its time).
    func containsBytes(_ part: String) -> Bool {
        var haystack = self, needle = part
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard n.count <= h.count else { return false }
                var i = 0
                while i <= h.count - n.count {
                    if h[i] == first {
                        var k = 1
                        while k < n.count && h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
