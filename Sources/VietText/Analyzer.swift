/// Splits text into index tokens: syllables, numbers, dates and document numbers.
///
/// Offsets are UTF-8 byte offsets into the input string exactly as given (not normalised).
/// Terms are computed per token: look-alikes mapped (Ð → Đ, dashes, fullwidth), Vietnamese
/// letters composed, tone moved to the canonical (modern) position, lower-cased, then folded.
///
/// Composite tokens: a date ("13/8/2021", "ngày 13 tháng 8 năm 2021" → exact "2021-08-13") or a
/// document number ("565 - CV/ĐĐTLĐ" → exact "565-cv/đđtlđ") is emitted first, at the position
/// of its first part; then each of its parts (numbers and words, including "tháng" and "năm")
/// is emitted as an ordinary token at consecutive positions starting at that same position.
/// So a phrase query over the parts still matches, and the whole value is one term as well.
public struct Analyzer: Sendable {
    public init() {}

    /// All tokens of `text`, in order.
    public func tokens(in text: String) -> [Token] {
        var out: [Token] = []
        forEachToken(in: text) { out.append($0) }
        return out
    }

    /// Calls `body` for every token of `text`, in order, without building an array.
    public func forEachToken(in text: String, _ body: (Token) -> Void) {
        var text = text
        text.makeContiguousUTF8()
        _ = text.utf8.withContiguousStorageIfAvailable { bytes in
            TokenStream.forEach(in: bytes) { view in
                let exact = String(decoding: view.exact, as: UTF8.self)
                let source = UnsafeBufferPointer(rebasing: bytes[view.start..<view.end])
                let text = ByteBuffer.same(view.exact, source) ? exact : String(decoding: source, as: UTF8.self)
                // The view lends one buffer for both terms when folding changed nothing.
                let folded = view.folded.baseAddress == view.exact.baseAddress ? exact : String(decoding: view.folded, as: UTF8.self)
                body(Token(text: text, exact: exact, folded: folded, kind: view.kind,
                           start: view.start, end: view.end, position: view.position))
            }
        }
    }

    /// Calls `body` for every token of the UTF-8 text `bytes`, in order, lending its terms as bytes:
    /// no string is built (the snippet highlighter's path). Offsets are into `bytes`.
    public func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (TokenView) -> Void) {
        TokenStream.forEach(in: bytes) { raw in
            body(TokenView(kind: raw.kind, start: raw.start, end: raw.end, position: raw.position,
                           exact: raw.exact.span, folded: raw.folded.span))
        }
    }
}

/// A token whose terms are lent by the analyzer. It is not `Escapable`: the spans, and the view
/// itself, cannot leave the callback that receives them (the analyzer reuses their memory).
public struct TokenView: ~Escapable {
    public let kind: TokenKind
    /// UTF-8 byte offsets of the token in the analysed bytes.
    public let start: Int
    public let end: Int
    /// Word position (see ``Token/position``).
    public let position: Int
    /// UTF-8 of the exact term (``Token/exact``).
    public let exact: Span<UInt8>
    /// UTF-8 of the folded term (``Token/folded``).
    public let folded: Span<UInt8>

    @_lifetime(copy exact, copy folded)
    init(kind: TokenKind, start: Int, end: Int, position: Int, exact: Span<UInt8>, folded: Span<UInt8>) {
        self.kind = kind
        self.start = start
        self.end = end
        self.position = position
        self.exact = exact
        self.folded = folded
    }
}

/// A token as the stream makes it: its terms point into the stream's buffers, valid until the next token.
struct RawToken {
    let kind: TokenKind
    let start: Int
    let end: Int
    let position: Int
    let exact: UnsafeBufferPointer<UInt8>
    /// The same buffer as `exact` when folding changed nothing.
    let folded: UnsafeBufferPointer<UInt8>
}

/// One scanned unit: a run of letters/digits, a separator, or a barrier that stops patterns.
/// An ampersand is kept apart from barriers: it joins two parts of an issuer symbol (`VB&TDTHPL`).
struct Atom {
    enum Kind: UInt8 { case word, dash, slash, dot, comma, amp, barrier }
    var start: Int
    var end: Int
    var kind: Kind
    var spaceBefore = false
    /// More than two spaces precede it: too wide for the parts of one document number.
    var wideSpaceBefore = false
    var ascii = true
    /// Leading digits and total letters+digits.
    var digits = 0
    var count = 0
    var firstUpper = false
    var hasUpper = false
    /// Lower-case and upper-case letters in it.
    var lowers = 0
    var uppers = 0

    var isNumber: Bool { kind == .word && digits == count }
}

/// Scans `bytes` into atoms and emits their tokens, one chunk at a time: a chunk ends at the first
/// barrier after ``chunkAtoms`` atoms. No pattern spans a barrier, so the tokens are those of a single
/// pass, while a huge text holds only one chunk's atoms in memory.
struct TokenStream: ~Copyable {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Atoms of the current chunk.
    var atoms: [Atom] = []
    /// Atoms after which the scan stops at the next barrier.
    static let chunkAtoms = 1 << 14
    /// Byte offset where the next chunk starts.
    private(set) var next = 0
    /// How many spaces precede `next`.
    private var spaces = 0
    /// Position of the next token.
    private var position = 0
    var scratch = ScalarBuffer(capacity: 64)
    var out = ByteBuffer(capacity: 128)
    var folded = ByteBuffer(capacity: 128)
    /// Set when `folded` already holds the folded form of the exact term in `out`.
    var foldedReady = false

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        atoms.reserveCapacity(min(bytes.count / 5, Self.chunkAtoms) + 4)
    }

    /// Calls `body` for every token of `bytes`, in order.
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, _ body: (RawToken) -> Void) {
        guard !bytes.isEmpty else { return }
        var stream = TokenStream(bytes: bytes)
        repeat {
            stream.scan()
            stream.emit(body)
        } while stream.next < bytes.count
    }

    @inline(__always) func decode(_ i: Int) -> (UInt32, Int) { Self.decode(bytes, i) }

    /// The scalar whose UTF-8 starts at `bytes[i]`, and its length in bytes.
    @inline(__always) static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 < 0xE0 { return (UInt32(b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return (UInt32(b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return (UInt32(b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    @inline(__always) static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v == 0x110 { return true }
        let info = VietLetters.lookup(v)
        if info != 0 { return VietLetters.isUpper(info) }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    /// Scans the next chunk into `atoms`, from `next` to the end of the text or to the first barrier
    /// after ``chunkAtoms`` atoms (a text without barriers is one chunk).
    mutating func scan() {
        atoms.removeAll(keepingCapacity: true)
        var i = next
        defer { next = i }
        let n = bytes.count
        while i < n {
            let (raw, len) = decode(i)
            let v = LookAlikes.canonical(raw)
            switch ScalarClass.of(v) {
            case .letter, .digit:
                var atom = Atom(start: i, end: i, kind: .word, spaceBefore: spaces > 0, wideSpaceBefore: spaces > 2)
                var inDigits = true
                var j = i
                while j < n {
                    let (r, l) = decode(j)
                    let c = LookAlikes.canonical(r)
                    let cls = ScalarClass.of(c)
                    if cls == .digit {
                        if inDigits { atom.digits += 1 }
                        atom.count += 1
                    } else if cls == .letter {
                        inDigits = false
                        if TokenStream.isUpper(c) {
                            if atom.count == 0 { atom.firstUpper = true }
                            atom.hasUpper = true
                            atom.uppers += 1
                        } else {
                            atom.lowers += 1
                        }
                        atom.count += 1
                    } else if cls != .mark && cls != .ignorable {
                        break
                    }
                    if r >= 0x80 { atom.ascii = false }
                    j += l
                }
                atom.end = j
                atoms.append(atom)
                spaces = 0
                i = j
                continue
            case .space:
                spaces += 1
            case .newline:
                appendBarrier(i, len)
                spaces = 1
            case .dash:
                atoms.append(Atom(start: i, end: i + len, kind: .dash, spaceBefore: spaces > 0, wideSpaceBefore: spaces > 2)); spaces = 0
            case .slash:
                atoms.append(Atom(start: i, end: i + len, kind: .slash, spaceBefore: spaces > 0, wideSpaceBefore: spaces > 2)); spaces = 0
            case .dot:
                atoms.append(Atom(start: i, end: i + len, kind: .dot, spaceBefore: spaces > 0, wideSpaceBefore: spaces > 2)); spaces = 0
            case .comma:
                atoms.append(Atom(start: i, end: i + len, kind: .comma, spaceBefore: spaces > 0, wideSpaceBefore: spaces > 2)); spaces = 0
            case .mark, .ignorable:
                break
            case .other:
                if v == 0x26 {
                    atoms.append(Atom(start: i, end: i + len, kind: .amp, spaceBefore: spaces > 0, wideSpaceBefore: spaces > 2))
                } else {
                    appendBarrier(i, len)
                }
                spaces = 0
            }
            i += len
            if atoms.count >= Self.chunkAtoms, atoms.last?.kind == .barrier { return }
        }
    }

    private mutating func appendBarrier(_ i: Int, _ len: Int) {
        if atoms.last?.kind != .barrier { atoms.append(Atom(start: i, end: i + len, kind: .barrier)) }
    }

    // MARK: Terms

    /// Fills `scratch` with the canonical scalars of bytes[start..<end].
    private mutating func loadScalars(_ start: Int, _ end: Int) {
        scratch.removeAll()
        var i = start
        while i < end {
            let (r, l) = decode(i)
            let c = LookAlikes.canonical(r)
            if c != LookAlikes.deleted { scratch.append(c) }
            i += l
        }
    }

    /// Writes the exact term of a word atom's bytes into `out`.
    private mutating func exactBytes(_ atom: Atom) {
        out.removeAll()
        foldedReady = false
        if atom.ascii {
            for i in atom.start..<atom.end {
                let b = bytes[i]
                out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
            }
            return
        }
        // One pass loads the scalars, folds them (folding ignores case and tone placement) and
        // notes which later passes are needed.
        scratch.removeAll()
        folded.removeAll()
        var general = false, upper = false, mapped = false
        var vowels = 0, toned = 0
        var i = atom.start
        while i < atom.end {
            let (r, l) = decode(i)
            i += l
            let c = LookAlikes.canonical(r)
            if c != r {
                mapped = true
                if c == LookAlikes.deleted { continue }
            }
            scratch.append(c)
            if c < 0x80 {
                if VietLetters.lookup(c) != 0 { vowels += 1 }
                if c >= 0x41 && c <= 0x5A {
                    upper = true
                    folded.append(UInt8(c + 0x20))
                } else {
                    folded.append(UInt8(c))
                }
                continue
            }
            let info = VietLetters.lookup(c)
            if info != 0 {
                vowels += 1
                if VietLetters.tone(info) != 0 { toned += 1 }
                if VietLetters.isUpper(info) { upper = true }
                folded.append(VietLetters.baseASCII[Int(VietLetters.vowel(info))])
            } else if c == 0x110 || c == 0x111 {
                upper = upper || c == 0x110
                folded.append(0x64)
            } else {
                general = true
            }
        }
        if general {
            var scalars = Array(scratch.buffer)
            WordForm.exact(&scalars)
            for v in scalars { out.appendUTF8(v) }
            folded.removeAll()
            for v in scalars { folded.appendFolded(v) }
        } else {
            var buffer = scratch.buffer
            let moved = toned >= 1 && vowels >= 2 && WordForm.canonicalizeTones(&buffer)
            if upper || moved || mapped {
                for v in buffer { out.appendUTF8(upper ? Self.lowercased(v) : v) }
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[atom.start..<atom.end]))
            }
        }
        foldedReady = true
    }

    /// Lower case of an ASCII letter, a Vietnamese vowel or Đ (the analyzer's fast path).
    @inline(__always) static func lowercased(_ v: UInt32) -> UInt32 {
        if v < 0x80 { return v >= 0x41 && v <= 0x5A ? v + 0x20 : v }
        if v == 0x110 { return 0x111 }
        let info = VietLetters.lookup(v)
        guard info != 0, VietLetters.isUpper(info) else { return v }
        return VietLetters.scalar(vowel: VietLetters.vowel(info), tone: VietLetters.tone(info), upper: false)
    }

    /// Folds the UTF-8 in `out` into `folded`; returns true when it changed nothing.
    private mutating func foldOut() -> Bool {
        if foldedReady {
            foldedReady = false
            return folded.equals(out.bytes)
        }
        folded.removeAll()
        var same = true
        var i = 0
        let n = out.count
        let o = out.base
        while i < n {
            let b0 = o[i]
            if b0 < 0x80 { folded.append(b0); i += 1; continue }
            same = false
            var v: UInt32
            var l: Int
            if b0 < 0xE0 { v = UInt32(b0 & 0x1F) << 6 | UInt32(o[i + 1] & 0x3F); l = 2 }
            else if b0 < 0xF0 { v = UInt32(b0 & 0x0F) << 12 | UInt32(o[i + 1] & 0x3F) << 6 | UInt32(o[i + 2] & 0x3F); l = 3 }
            else {
                v = UInt32(b0 & 0x07) << 18 | UInt32(o[i + 1] & 0x3F) << 12 | UInt32(o[i + 2] & 0x3F) << 6 | UInt32(o[i + 3] & 0x3F)
                l = 4
            }
            folded.appendFolded(v)
            i += l
        }
        return same
    }

    /// The token whose exact term is in `out`, with its folded term.
    private mutating func makeToken(_ kind: TokenKind, _ start: Int, _ end: Int, _ position: Int) -> RawToken {
        let same = foldOut()
        return RawToken(kind: kind, start: start, end: end, position: position, exact: out.bytes, folded: same ? out.bytes : folded.bytes)
    }

    private mutating func wordToken(_ atom: Atom, _ position: Int) -> RawToken {
        exactBytes(atom)
        return makeToken(atom.isNumber ? .number : .word, atom.start, atom.end, position)
    }

    /// Numeric value of an all-digit atom (nil beyond 9 digits).
    private func value(_ atom: Atom) -> Int? {
        guard atom.isNumber, atom.count <= 9 else { return nil }
        var result = 0
        var i = atom.start
        while i < atom.end {
            let (r, l) = decode(i)
            let c = LookAlikes.canonical(r)
            if c >= 0x30 && c <= 0x39 { result = result * 10 + Int(c - 0x30) }
            i += l
        }
        return result
    }

    // MARK: Patterns

    /// A date starting at atom `i`: returns (last atom index, year, month, day).
    private mutating func matchDate(_ i: Int) -> (Int, Int, Int, Int)? {
        guard i + 4 < atoms.count, atoms[i].count <= 2, let day = value(atoms[i]) else { return nil }
        let s1 = atoms[i + 1], b = atoms[i + 2], s2 = atoms[i + 3], c = atoms[i + 4]
        var month: Int?
        if (s1.kind == .slash || s1.kind == .dash || s1.kind == .dot) && s2.kind == s1.kind {
            if s1.kind == .dot && (s1.spaceBefore || b.spaceBefore || s2.spaceBefore || c.spaceBefore) { return nil }
            if b.count <= 2 { month = value(b) }
            guard let m = month, c.count == 4, let year = value(c), (1...31).contains(day), (1...12).contains(m) else {
                return nil
            }
            // "1/12/2020/QĐ-…" is a number, not a date.
            if i + 5 < atoms.count, atoms[i + 5].kind == .slash, !atoms[i + 5].spaceBefore { return nil }
            return (i + 4, year, m, day)
        }
        guard s1.kind == .word, isWord(s1, "tháng", "thang"), b.count <= 2, let m = value(b),
              s2.kind == .word, isWord(s2, "năm", "nam"), c.count == 4, let year = value(c),
              (1...31).contains(day), (1...12).contains(m) else { return nil }
        return (i + 4, year, m, day)
    }

    private mutating func isWord(_ atom: Atom, _ exact: StaticString, _ folded: StaticString) -> Bool {
        guard !atom.isNumber, atom.count <= 5 else { return false }
        exactBytes(atom)
        return out.equals(UnsafeBufferPointer(start: exact.utf8Start, count: exact.utf8CodeUnitCount))
            || out.equals(UnsafeBufferPointer(start: folded.utf8Start, count: folded.utf8CodeUnitCount))
    }

    /// A document number starting at atom `i` (doc section 4.5 shapes (a) and (b), with spaces
    /// around separators): returns the index of its last atom.
    private func matchDocNumber(_ i: Int) -> Int? {
        let first = atoms[i]
        guard first.digits >= 1 && first.digits <= 5, first.count == first.digits || isSerialSuffix(first) else { return nil }
        var j = i
        // "66.7/2025/NQ-CP": a dot and an ordinal go on the serial when a separator follows, as the parser reads it
        // (a dash too: the Party style a number with a Party issuer is printed in, "1.74-TT/BCSĐ").
        if i + 3 < atoms.count, first.isNumber, atoms[i + 1].kind == .dot, atoms[i + 2].isNumber, atoms[i + 2].count <= 3,
           atoms[i + 3].kind == .slash || atoms[i + 3].kind == .dash, !atoms[i + 1].spaceBefore, !atoms[i + 2].spaceBefore, !atoms[i + 3].spaceBefore {
            j = i + 2
        }
        let serialEnd = j
        var symbols = 0, slashes = 0
        var hasYear = false, firstSymbolUpper = false, firstSymbolIsType = false, dashFirst = false
        var firstSymbolCount = 0
        var firstSymbolCapital = false, firstSymbolAllUpper = false
        while j + 2 < atoms.count {
            let sep = atoms[j + 1], part = atoms[j + 2]
            guard sep.kind == .dash || sep.kind == .slash, part.kind == .word else { break }
            // The reference parser reads at most two spaces on each side of a separator.
            if sep.wideSpaceBefore || part.wideSpaceBefore { break }
            let spaced = sep.spaceBefore || part.spaceBefore
            if part.isNumber && part.count == 4 && j == serialEnd && sep.kind == .slash && !hasYear {
                hasYear = true
            } else if part.digits == 0 && part.count <= 15 && isSymbolPart(part) {
                // Set apart by spaces, a part in capitals or a known mixed-case abbreviation (`TTg`, `CTr`, `QĐi`):
                // "42/2022/NĐ-CP / Tổng …" ends at "NĐ-CP", "9172/HAN - KTr5" at "HAN" (the parser reads other
                // mixed-case parts only against their separator).
                if spaced && (!part.firstUpper || (part.lowers > 0 && !isKnownMixedCase(part))) { break }
                // After a first symbol in capitals, the parser's case rule: a part in capitals, a known mixed-case
                // abbreviation, or an issuer part like `KTr5` against its "-" after a first symbol all in capitals,
                // with two capitals or more and one lower-case letter; so "12/QĐ-UBND-ngay" ends at "UBND".
                if symbols > 0 && firstSymbolCapital && part.lowers > 0 {
                    let mixedIssuer = !spaced && sep.kind == .dash && firstSymbolAllUpper && part.lowers == 1 && part.uppers >= 2
                    guard part.firstUpper, mixedIssuer || isKnownMixedCase(part) else { break }
                }
                if symbols == 0 {
                    firstSymbolCapital = part.firstUpper
                    firstSymbolAllUpper = part.firstUpper && part.lowers == 0
                    firstSymbolUpper = part.hasUpper
                    firstSymbolIsType = isTypeAbbreviation(part)
                    firstSymbolCount = part.count
                    dashFirst = sep.kind == .dash && !hasYear
                }
                symbols += 1
            } else {
                break
            }
            if sep.kind == .slash { slashes += 1 }
            j += 2
            // `CCTKV.05`, `E.K.LM`, `VB&TDTHPL`: parts of one issuer joined by a dot or an ampersand, as the parser reads them.
            if part.digits == 0, !(symbols == 1 && firstSymbolIsType) {
                let joined = joinedPartsEnd(j)
                if joined > j {
                    if symbols == 1 { firstSymbolCount = max(firstSymbolCount, 2) }
                    j = joined
                }
            }
        }
        guard symbols >= 1, slashes >= 1, firstSymbolUpper || symbols >= 2 || hasYear else { return nil }
        // The parser's shapes: a type needs a symbol after it ("270/QĐ" is no number), the Party shape `N-TYPE/…`
        // starts with a type, a symbol without a type has two letters or more, and a serial with a letter
        // ("30a/2008/NQ-CP") has a year or a type.
        if firstSymbolIsType ? symbols < 2 : (dashFirst || firstSymbolCount < 2) { return nil }
        if (first.count > first.digits || serialEnd > i) && !(hasYear || firstSymbolIsType) { return nil }
        return j
    }

    /// The last atom of the parts joined to the symbol part at `j` by a `.` or `&` with no space around it
    /// (``DocNumberParser`` reads them alike): parts without lower-case letters, letters then digits or digits
    /// only; not a decimal (digits on both sides of a dot). `j` itself when nothing is joined.
    private func joinedPartsEnd(_ j: Int) -> Int {
        var end = j
        while end + 2 < atoms.count {
            let joiner = atoms[end + 1], next = atoms[end + 2], left = atoms[end]
            guard joiner.kind == .dot || joiner.kind == .amp, !joiner.spaceBefore, next.kind == .word, !next.spaceBefore,
                  left.lowers == 0, next.lowers == 0, next.count <= 15, isSymbolPart(next),
                  !(next.digits > 0 && endsWithDigit(left)) else { break }
            end += 2
        }
        return end
    }

    /// Whether the last letter or digit of a word atom is a digit.
    private func endsWithDigit(_ atom: Atom) -> Bool {
        var i = atom.start
        var last = false
        while i < atom.end {
            let (raw, len) = decode(i)
            i += len
            switch ScalarClass.of(LookAlikes.canonical(raw)) {
            case .digit: last = true
            case .letter: last = false
            default: continue
            }
        }
        return last
    }

    /// Whether `atom` spells one of ``DocumentTypes/mixedCaseSpellings``: ASCII letters or Đ/đ only, no digit.
    private func isKnownMixedCase(_ atom: Atom) -> Bool {
        guard atom.count <= 4 else { return false }
        return DocumentTypes.isMixedCaseSpelling(scalars: scalars(of: atom))
    }

    /// The scalars of `atom`, decoded as they are read.
    private func scalars(of atom: Atom) -> some Sequence<UInt32> {
        let bytes = self.bytes, end = atom.end
        return sequence(state: atom.start) { i -> UInt32? in
            guard i < end else { return nil }
            let (v, len) = Self.decode(bytes, i)
            i += len
            return v
        }
    }

    /// Whether a serial's letters are one letter or "bis" after its digits (`30a`, `123bis`).
    private func isSerialSuffix(_ atom: Atom) -> Bool {
        let letters = atom.count - atom.digits
        guard letters == 1 || letters == 3, atom.ascii else { return letters == 1 }
        guard letters == 3 else { return true }
        let b = bytes, e = atom.end
        return (b[e - 3] | 0x20) == 0x62 && (b[e - 2] | 0x20) == 0x69 && (b[e - 1] | 0x20) == 0x73
    }

    /// Whether `atom` spells a document type's abbreviation (`QĐ`, `NQ`, `CTr`), as ``DocumentTypes`` lists them.
    private func isTypeAbbreviation(_ atom: Atom) -> Bool {
        guard atom.count <= 4 else { return false }
        return DocumentTypes.isAbbreviation(scalars: scalars(of: atom))
    }

    /// Whether `atom` has the shape of a number's symbol part, as the reference parser reads it: Latin
    /// letters, then digits (`QĐ`, `QH14`), nothing after them.
    private func isSymbolPart(_ atom: Atom) -> Bool {
        var i = atom.start
        var inDigits = false
        while i < atom.end {
            let (raw, len) = decode(i)
            i += len
            let v = LookAlikes.canonical(raw)
            switch ScalarClass.of(v) {
            case .digit: inDigits = true
            case .letter: if inDigits || LookAlikes.baseLetter(v) == nil { return false }
            default: continue
            }
        }
        return true
    }

    // MARK: Emission

    /// Emits the tokens of the current chunk.
    mutating func emit(_ body: (RawToken) -> Void) {
        var position = self.position
        defer { self.position = position }
        var i = 0
        while i < atoms.count {
            let atom = atoms[i]
            guard atom.kind == .word else { i += 1; continue }
            if atom.isNumber, let (last, year, month, day) = matchDate(i) {
                out.removeAll()
                foldedReady = false
                appendPadded(year, 4); out.append(0x2D); appendPadded(month, 2); out.append(0x2D); appendPadded(day, 2)
                body(makeToken(.date, atom.start, atoms[last].end, position))
                emitParts(i, last, &position, body)
                i = last + 1
                continue
            }
            if atom.digits > 0, let last = matchDocNumber(i) {
                var key: [UInt8] = []
                for k in stride(from: i, through: last, by: 2) {
                    if k > i {
                        let sep = atoms[k - 1].kind
                        key.append(sep == .slash ? 0x2F : sep == .dot ? 0x2E : sep == .amp ? 0x26 : 0x2D)
                    }
                    exactBytes(atoms[k])
                    key.append(contentsOf: out.bytes)
                }
                out.removeAll()
                key.withUnsafeBufferPointer { out.append(contentsOf: $0) }
                foldedReady = false
                body(makeToken(.docnumber, atom.start, atoms[last].end, position))
                emitParts(i, last, &position, body)
                i = last + 1
                continue
            }
            if atom.isNumber {
                var last = i
                while last + 2 < atoms.count, atoms[last + 1].kind == .dot || atoms[last + 1].kind == .comma,
                      !atoms[last + 1].spaceBefore, !atoms[last + 2].spaceBefore, atoms[last + 2].isNumber {
                    last += 2
                }
                if last > i {
                    out.removeAll()
                    foldedReady = false
                    loadScalars(atom.start, atoms[last].end)
                    for v in scratch.buffer { out.appendUTF8(v) }
                    body(makeToken(.number, atom.start, atoms[last].end, position))
                    position += 1
                    i = last + 1
                    continue
                }
            }
            body(wordToken(atom, position))
            position += 1
            i += 1
        }
    }

    private mutating func emitParts(_ first: Int, _ last: Int, _ position: inout Int, _ body: (RawToken) -> Void) {
        for k in first...last where atoms[k].kind == .word {
            body(wordToken(atoms[k], position))
            position += 1
        }
    }

    private mutating func appendPadded(_ value: Int, _ width: Int) {
        var digits: [UInt8] = []
        var v = value
        repeat { digits.append(UInt8(0x30 + v % 10)); v /= 10 } while v > 0
        while digits.count < width { digits.append(0x30) }
        for d in digits.reversed() { out.append(d) }
    }
}
