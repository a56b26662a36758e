import DocRefs
import Foundation
import VietText

/// Every index term VanBan makes, written once beside ``Schema``'s prefixes: the indexer
/// (``DocumentBuilder``) and the query side (``QueryCompiler``, ``SearchIndex``, ``ReferenceTarget``,
/// ``Mentions``, search and suggestions) all build their terms here, so that what is written is
/// what is looked up.
public enum Terms {
    /// `prefix` + `value`, with `:` between when `value` starts with a capital letter (Xapian's
    /// convention, which `xapian-delve`, `quest` and omega follow to tell a prefix from its term), cut
    /// to Xapian's term length.
    public static func prefixed(_ prefix: String, _ value: some StringProtocol) -> String {
        let needsColon = value.utf8.first.map { $0 >= 0x41 && $0 <= 0x5A } ?? false
        return TermText.clipped(prefix + (needsColon ? ":" : "") + value)
    }

    /// The value of a term made by ``prefixed(_:_:)`` with `prefix` (nil when `term` lacks it).
    public static func value(of term: String, prefix: String) -> String? {
        guard term.hasPrefix(prefix) else { return nil }
        let rest = term.utf8.dropFirst(prefix.utf8.count)
        if rest.first == UInt8(ascii: ":"), let next = rest.dropFirst().first, next >= 0x41 && next <= 0x5A {
            return String(decoding: rest.dropFirst(), as: UTF8.self)
        }
        return String(decoding: rest, as: UTF8.self)
    }

    // MARK: Words

    /// The body term of a token's form: the folded form as it is, the exact form under ``Schema/Prefix/exact``.
    @inline(__always) public static func word(_ form: String, exact: Bool) -> String {
        exact ? TermText.clipped(Schema.Prefix.exact + form) : TermText.clipped(form)
    }

    /// The title term of a token's form (``Schema/Prefix/title`` or ``Schema/Prefix/titleExact``).
    @inline(__always) public static func title(_ form: String, exact: Bool) -> String {
        TermText.clipped((exact ? Schema.Prefix.titleExact : Schema.Prefix.title) + form)
    }

    /// The pair term of two folded syllables standing side by side (`cong`, `doan` → `XBcong_doan`).
    @inline(__always) public static func pair(_ first: some StringProtocol, _ second: some StringProtocol) -> String {
        TermText.clipped(Schema.Prefix.pair + first + "_" + second)
    }

    /// Whether the bytes between two tokens join them into a pair: spaces, tabs and line breaks only (a
    /// wrapped line still joins; a comma, a full stop, a bracket or a dash parts them).
    @inline(__always) public static func joinsPair(_ gap: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        gap.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
    }

    /// The exact body term of a word typed by a user (normalised, canonical tones, lower case).
    public static func exactWord(_ typed: String) -> String { word(TermText.exact(typed), exact: true) }

    /// The spelling-table entry of a token: the exact form of a word shorter than 40 bytes, else nil.
    @inline(__always) public static func spelling(kind: TokenKind, exact: String) -> String? {
        kind == .word && exact.utf8.count < 40 ? exact : nil
    }

    /// The synonym-table key of a spelling entry: its folded form (`công` → `cong`), nil when it has no marks
    /// (a query typed without marks gets the marked forms of its words back through it).
    public static func synonymKey(ofSpelling form: String) -> String? {
        let folded = Folding.fold(form)
        return folded == form ? nil : folded
    }

    // MARK: Document numbers

    /// `key` with every `/` and `-` swapped both ways (`12/QD-TLD`, `12-QD/TLD`, …): people mix up the
    /// state (`12/QĐ-TLĐ`) and party (`37-HD/BTGDVTW`) styles. Up to four separators vary; `key` comes first.
    public static func separatorVariants(_ key: String) -> [String] {
        let bytes = Array(key.utf8)
        let slots = bytes.indices.filter { bytes[$0] == UInt8(ascii: "/") || bytes[$0] == UInt8(ascii: "-") }
        guard !slots.isEmpty, slots.count <= 4 else { return [key] }
        var out = [key]
        for mask in 0..<(1 << slots.count) {
            var b = bytes
            for (i, slot) in slots.enumerated() { b[slot] = mask & (1 << i) != 0 ? UInt8(ascii: "/") : UInt8(ascii: "-") }
            let variant = String(decoding: b, as: UTF8.self)
            if variant != key { out.append(variant) }
        }
        return out
    }

    /// The keys that name `number` whatever its separators: what a look-up of the number asks the
    /// ``Schema/Prefix/number`` and ``Schema/Prefix/cites`` terms for.
    public static func numberKeys(_ number: DocNumber) -> [String] { separatorVariants(number.key) }

    /// The keys a passage may show for `number`: ``numberKeys(_:)`` and, for a number with a year, the
    /// same without it.
    public static func highlightKeys(_ number: DocNumber) -> [String] {
        numberKeys(number) + (number.keyWithoutYear.map(separatorVariants) ?? [])
    }

    /// The `XN` term of a number key.
    public static func ownNumber(key: String) -> String { prefixed(Schema.Prefix.number, key) }

    /// The `XN` terms a document numbered `number` carries: its key, and its key without the year.
    public static func ownNumber(_ number: DocNumber) -> [String] {
        var keys = [number.key]
        if let loose = number.keyWithoutYear, loose != number.key { keys.append(loose) }
        return keys.map(ownNumber(key:))
    }

    /// The `XP` term of a partial key (`NQ:2`).
    public static func partial(_ key: String) -> String { prefixed(Schema.Prefix.partial, key) }

    /// The `XC` term of a cited key.
    public static func cites(_ key: String) -> String { prefixed(Schema.Prefix.cites, key) }

    /// The keys a citation is indexed under: its key, and for a full number also the key without year
    /// and the partial key, so that every way of asking finds it.
    public static func citationKeys(_ citation: Citation) -> [String] {
        var keys = [citation.key]
        if let number = citation.number {
            if let loose = number.keyWithoutYear { keys.append(loose) }
            keys.append(number.partialKey)
        }
        var seen = Set<String>()
        return keys.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The positional body term of a number key (`565-cv/ddtld`): what ``numberText(written:)`` gives a
    /// number however the text pads it.
    public static func numberText(_ key: String) -> String { TermText.clipped(key.lowercased()) }

    /// For the analyzer's folded `docnumber` token, the term of its key when the text writes the serial
    /// number with leading zeros (`02-nq/tw` → `2-nq/tw`, as keys strip them); nil when the two are one.
    /// The indexer adds it at the token's position, so that a query's ``numberText(_:)`` finds the place.
    public static func numberText(written folded: String) -> String? {
        let bytes = folded.utf8
        guard bytes.first == UInt8(ascii: "0") else { return nil }
        var rest = bytes.drop { $0 == UInt8(ascii: "0") }
        if rest.first.map({ $0 < 0x30 || $0 > 0x39 }) ?? true { rest = bytes[bytes.index(before: rest.startIndex)...] }
        let stripped = String(decoding: rest, as: UTF8.self)
        return stripped == folded ? nil : TermText.clipped(stripped)
    }

    // MARK: Filters

    /// The unique id term of a file path: FNV-1a 64 of its UTF-8.
    public static func id(path: String) -> String {
        Schema.Prefix.id + String(StableHash.fnv1a64(Array(path.utf8)), radix: 16)
    }

    /// The type term of a full type name (`Quyết định` → `XKquyet-dinh`).
    public static func type(_ name: String) -> String {
        prefixed(Schema.Prefix.type, TermText.folded(name).split(separator: " ").joined(separator: "-"))
    }

    /// The issuer terms of a name, one per folded word, in order (`Bắc Ninh` → `XIbac`, `XIninh`).
    public static func issuerWords(_ name: String) -> [String] {
        TermText.folded(name).split(separator: " ").map { prefixed(Schema.Prefix.issuer, $0) }
    }

    /// The year term (`Y2021`).
    public static func year(_ year: some StringProtocol) -> String { prefixed(Schema.Prefix.year, year) }

    /// The format term (`XFpdf`).
    public static func format(_ format: String) -> String { prefixed(Schema.Prefix.format, format) }
}
