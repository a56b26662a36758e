/// Decides the encoding of legacy Vietnamese text piece by piece — a line, a table cell, a run of one
/// font — rather than once per file: office files mix TCVN3 (`.VnTime`) and VNI (`VNI-Times`) text line
/// by line, and a Unicode document may still declare legacy fonts. The font of a piece is evidence, the
/// text is the judge: each piece is decoded as it is, as TCVN3 and as VNI, and the reading with the most
/// valid Vietnamese syllables wins, the font's reading counting one syllable more and winning a tie; a
/// tie the font does not settle goes to the nearest decided piece, then to the document's majority.
///
/// The input is text as an extractor gives it: legacy bytes shown as Windows-1252/Latin-1 characters
/// ("C«ng ®oµn", "Caùc"). Every step is a function of its own: ``LegacyFont/encoding(ofFont:)``,
/// ``LegacyRuns/tcvn3(_:glyphs:)``, ``LegacyRuns/readings(of:glyphs:)``, ``LegacyRuns/net(_:)``,
/// ``LegacyRuns/judge(_:font:)``, ``LegacyRuns/pieces(of:font:)`` and ``LegacyRuns/decode(_:glyphs:)``.
public enum LegacyRuns {
    /// The encodings a piece is tried in, in the order that breaks a tie nothing else settles.
    public static let encodings: [TextEncoding] = [.utf8, .tcvn3, .vni]

    /// One piece of extracted text and the encoding its font declares, if any.
    public struct Piece: Sendable, Equatable {
        /// The characters, as Unicode scalar values; legacy bytes appear as their Windows-1252 characters.
        public var scalars: [UInt32]
        /// The encoding the piece's font declares (``LegacyFont/encoding(ofFont:)``), or nil.
        public var font: TextEncoding?

        public init(scalars: [UInt32], font: TextEncoding? = nil) {
            self.scalars = scalars
            self.font = font
        }

        public init(_ text: String, font: TextEncoding? = nil) {
            self.init(scalars: text.unicodeScalars.map(\.value), font: font)
        }
    }

    /// How an extractor shows the bytes TCVN3 gives ư and ã.
    public enum Glyphs: Sendable {
        /// As Windows-1252 characters (0xAD the soft hyphen, 0xB7 the middle dot).
        case windows1252
        /// As `pdftotext` gives the text layer of `.VnTime` PDFs: U+2212 MINUS SIGN for 0xAD and U+2219
        /// BULLET OPERATOR for 0xB7, besides Windows-1252.
        case pdf
    }

    /// The verdict on one piece.
    public enum Verdict: Sendable, Equatable {
        /// Every reading gives the same text (ASCII, or nothing a legacy encoding would change).
        case same
        /// One reading has more valid syllables than every other.
        case decided(TextEncoding)
        /// These readings tie; the context settles it.
        case tie([TextEncoding])
    }

    /// The text decoded, and the encodings its pieces were found in.
    public struct Decoding: Sendable, Equatable {
        public let text: String
        /// The encodings of the pieces whose text a legacy reading changed (empty: none did).
        public let legacy: Set<TextEncoding>
        /// The pieces decoded per encoding (pieces every reading leaves alike are not counted).
        public let counts: [TextEncoding: Int]

        /// `utf-8`, `tcvn3`, `vni-windows`, or both legacy names joined by `+` for a mixed text.
        public var encodingName: String {
            if legacy.isEmpty { return TextEncoding.utf8.rawValue }
            return [TextEncoding.tcvn3, .vni].filter(legacy.contains).map(\.rawValue).joined(separator: "+")
        }
    }

    /// A reading of a piece: its text in one encoding and the syllables that are valid in it.
    public struct Reading: Sendable, Equatable {
        public let encoding: TextEncoding
        public let scalars: [UInt32]
        /// Its score (``LegacyRuns/net(_:)``).
        public let net: Int
    }

    /// `scalars` read as they are, as TCVN3 (``tcvn3(_:glyphs:)``) and as VNI (the characters Windows-1252
    /// gives a byte to turned back into bytes and decoded; the others pass through), each scored by ``net(_:)``.
    /// A legacy reading leaves alone the words that hold a Unicode Vietnamese letter (``hasUnicodeVietnamese(_:)``):
    /// a cell may be partly retyped in Unicode ("C¸c ch­¬ng tr×nh vỀ TĐC").
    /// `capitals`: the piece is a line typed in capitals (``isCapitalLine(_:)``), whose TCVN3 letters are capitals.
    public static func readings(of scalars: [UInt32], glyphs: Glyphs = .windows1252, capitals: Bool? = nil) -> [Reading] {
        let capitals = capitals ?? isCapitalLine(scalars, glyphs: glyphs)
        return encodings.map { encoding in
            let out: [UInt32] = switch encoding {
            case .tcvn3: wordByWord(scalars) { tcvn3($0, glyphs: glyphs, capitals: capitals) }
            case .vni: wordByWord(scalars) { TextDecoder.reinterpret($0, .vni).0 }
            default: scalars
            }
            return Reading(encoding: encoding, scalars: out, net: net(out))
        }
    }

    /// `scalars` with `read` applied to each word (between spaces, tabs and line ends) that holds no Unicode
    /// Vietnamese letter.
    static func wordByWord(_ scalars: [UInt32], _ read: ([UInt32]) -> [UInt32]) -> [UInt32] {
        guard hasUnicodeVietnamese(scalars) else { return read(scalars) }
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        var i = 0
        while i < scalars.count {
            var j = i
            let space = isSpace(scalars[i])
            while j < scalars.count, isSpace(scalars[j]) == space { j += 1 }
            let word = Array(scalars[i..<j])
            out += space || hasUnicodeVietnamese(word) ? word : read(word)
            i = j
        }
        return out
    }

    /// Whether `scalars` (a piece) are a line typed in capitals: read as TCVN3, no small ASCII letter and a
    /// word of two capitals or more with a vowel ("THèNG"), not only abbreviations ("NĐ-CP", "KHGD").
    public static func isCapitalLine(_ scalars: [UInt32], glyphs: Glyphs = .windows1252) -> Bool {
        if scalars.contains(where: { (0x61...0x7A).contains($0) }) { return false }
        let s = tcvn3(scalars, glyphs: glyphs)
        var i = 0
        while i < s.count {
            guard isLetter(s[i]) else { i += 1; continue }
            var capitals = 0, vowel = false
            while i < s.count, isLetter(s[i]) {
                if isUpper(s[i]) { capitals += 1 }
                if VietLetters.lookup(s[i]) != 0 { vowel = true }
                i += 1
            }
            if capitals >= 2 && vowel { return true }
        }
        return false
    }

    static func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0xA0 }

    /// `scalars` read as TCVN3 (ABC, the `.VnTime` fonts, ``abc``): each character Windows-1252 gives a byte
    /// to is that byte's TCVN3 letter; the bytes ABC leaves undefined keep their Windows-1252 character.
    /// With `.pdf` glyphs U+2212 is ư and U+2219 is ã. A word typed in capitals in an upper-case font
    /// (`.VnTimeH`) — two capitals or more and no small ASCII letter — has its accented letters in capitals
    /// too, and so has every word when `capitals` (a line typed in capitals): TCVN3 has no accented capitals
    /// of its own, so "PHÇN" is PHẦN and "Vµ" in a heading is VÀ.
    public static func tcvn3(_ scalars: [UInt32], glyphs: Glyphs = .windows1252, capitals line: Bool = false) -> [UInt32] {
        var out = scalars.map { v -> UInt32 in
            if glyphs == .pdf { if v == 0x2212 { return 0x1B0 } else if v == 0x2219 { return 0xE3 } }
            guard let b = LegacyCodec.cp1252Byte(v), let letter = abc[Int(b)] else { return v }
            return letter
        }
        var i = 0
        while i < out.count {
            guard isLetter(out[i]) else { i += 1; continue }
            var j = i, capitals = 0, small = 0
            while j < out.count, isLetter(out[j]) {
                if (0x41...0x5A).contains(out[j]) { capitals += 1 } else if (0x61...0x7A).contains(out[j]) { small += 1 }
                j += 1
            }
            if line || (capitals >= 2 && small == 0) {
                var word = Array(out[i..<j])
                WordForm.uppercase(&word)
                out.replaceSubrange(i..<j, with: word)
                j = i + word.count
            }
            i = j
        }
        return out
    }

    /// The letters of TCVN3 as the ABC fonts define them, by byte (nil: the byte keeps its Windows-1252
    /// character): Ă Â Ê Ô Ơ Ư Đ at 0xA1–0xA7 and the small letters from 0xA8 on. The slots the VN1 extension
    /// fills with accented capitals (0x01–0x17, 0x80–0x9F, 0xC0–0xC5, …) and with combining marks
    /// (0xB0–0xB4) are not ABC's: 0x85 in a `.VnTime` text is an ellipsis, 0xC2 a Â.
    static let abc: [UInt32?] = (0..<256).map { b in
        guard b >= 0xA1 else { return nil }
        let v = UInt32(LegacyTables.tcvn3[b])
        if b <= 0xA7 { return v }
        if v == 0x111 { return v }
        let info = VietLetters.lookup(v)
        return info != 0 && !VietLetters.isUpper(info) ? v : nil
    }

    /// Whether `scalars` hold a Vietnamese letter outside Windows-1252 other than Đ/đ (ư, ơ, ạ, ề…): text a
    /// legacy encoding read as Windows-1252 never does, so such a word is Unicode already. (Đ is left out: a
    /// cell saved through Windows-1258 has it beside TCVN3 bytes, "ĐiÒu".)
    public static func hasUnicodeVietnamese(_ scalars: [UInt32]) -> Bool {
        scalars.contains { $0 >= 0x100 && $0 != 0x110 && $0 != 0x111 && VietLetters.lookup($0) != 0 }
    }

    /// The score of a reading: its valid syllables (``Syllable``) minus its invalid words with a letter beyond
    /// ASCII, its stray symbols (Latin-1 punctuation, C0/C1 controls, U+FFFD, as ``TextDecoder/score(_:)``
    /// counts them) and its words whose case goes from small to capital ("tỔi"), which no typist writes and
    /// wrong tables make. Words without a vowel ("NĐ", "TĐC", "đ" for đồng) count neither way.
    public static func net(_ s: [UInt32]) -> Int {
        var net = 0
        var i = 0
        while i < s.count {
            let v = s[i]
            let cls = ScalarClass.of(v)
            guard cls == .letter || cls == .mark else {
                if v == 0xFFFD || (v >= 0x80 && v <= 0xBF && v != 0xA0) || v == 0xD7 || v == 0xF7
                    || (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) {
                    net -= 1
                }
                i += 1
                continue
            }
            var j = i, nonASCII = false, mixed = false, previousSmall = false, vowel = false
            while j < s.count {
                let c = ScalarClass.of(s[j])
                guard c == .letter || c == .mark else { break }
                if s[j] >= 0x80 { nonASCII = true }
                let upper = isUpper(s[j])
                if upper && previousSmall { mixed = true }
                previousSmall = !upper && c == .letter
                if VietLetters.lookup(s[j]) != 0 { vowel = true }
                j += 1
            }
            if mixed {
                net -= 1
            } else if nonASCII {
                if Syllable.isValid(s, i, j) { net += 1 } else if vowel { net -= 1 }
            }
            i = j
        }
        return net
    }

    static func isLetter(_ v: UInt32) -> Bool {
        (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) || (v >= 0xC0 && ScalarClass.of(v) == .letter)
    }

    static func isUpper(_ v: UInt32) -> Bool {
        if v < 0x80 { return (0x41...0x5A).contains(v) }
        if v == 0x110 { return true }
        let info = VietLetters.lookup(v)
        if info != 0 { return VietLetters.isUpper(info) }
        return Unicode.Scalar(v)?.properties.isUppercase ?? false
    }

    /// The verdict on `readings` (from ``readings(of:glyphs:)``, the text as it is first): the one reading
    /// with the highest score among those that differ, the reading `font` declares counting one more and
    /// winning a tie (it loses only to a reading better by two syllables), or the tie. A text holding Unicode
    /// Vietnamese letters (``hasUnicodeVietnamese(_:)``) counts as declaring Unicode, whatever its font.
    public static func judge(_ readings: [Reading], font: TextEncoding? = nil) -> Verdict {
        guard let first = readings.first, readings.contains(where: { $0.scalars != first.scalars }) else { return .same }
        // Unicode Vietnamese letters are evidence of Unicode as a font is of its encoding, and stronger.
        let font = hasUnicodeVietnamese(first.scalars) ? .utf8 : font
        // The font is worth one syllable: another reading must be better by two to overrule it.
        func weight(_ r: Reading) -> Int { r.net + (r.encoding == font ? 1 : 0) }
        let best = readings.map(weight).max()!
        var tied: [TextEncoding] = []
        for reading in readings where weight(reading) == best {
            // Two readings giving the same text are one choice: keep the first.
            if !tied.contains(where: { e in readings.first { $0.encoding == e }!.scalars == reading.scalars }) {
                tied.append(reading.encoding)
            }
        }
        if tied.count == 1 { return .decided(tied[0]) }
        if let font, tied.contains(font) { return .decided(font) }
        return .tie(tied)
    }

    /// `text` cut into pieces at line ends and tabs (each piece keeps the separator that ends it), all
    /// with the encoding `font` declares.
    public static func pieces(of text: String, font: TextEncoding? = nil) -> [Piece] {
        var pieces: [Piece] = []
        var current: [UInt32] = []
        for scalar in text.unicodeScalars {
            current.append(scalar.value)
            if scalar.value == 0x0A || scalar.value == 0x09 || scalar.value == 0x0D || scalar.value == 0x0C {
                pieces.append(Piece(scalars: current, font: font))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { pieces.append(Piece(scalars: current, font: font)) }
        return pieces
    }

    /// Decodes each piece in the encoding judged for it. A tie goes to the nearest decided piece before it
    /// (or after it) among the tied readings, else to the encoding most pieces were decided in, else to the
    /// first of ``encodings`` tied.
    public static func decode(_ pieces: [Piece], glyphs: Glyphs = .windows1252) -> Decoding {
        let all = pieces.map { readings(of: $0.scalars, glyphs: glyphs) }
        let verdicts = zip(all, pieces).map { judge($0, font: $1.font) }
        var majority: [TextEncoding: Int] = [:]
        for case .decided(let e) in verdicts { majority[e, default: 0] += 1 }
        var chosen = [TextEncoding?](repeating: nil, count: pieces.count)
        for (i, verdict) in verdicts.enumerated() {
            switch verdict {
            case .same: chosen[i] = nil
            case .decided(let e): chosen[i] = e
            case .tie(let tied):
                chosen[i] = nearest(verdicts, from: i, among: tied)
                    ?? tied.max { majority[$0, default: 0] < majority[$1, default: 0] }
            }
        }
        var out: [UInt32] = []
        out.reserveCapacity(pieces.reduce(0) { $0 + $1.scalars.count })
        var legacy = Set<TextEncoding>()
        var counts: [TextEncoding: Int] = [:]
        for (i, piece) in pieces.enumerated() {
            guard let e = chosen[i] else {
                out += piece.scalars
                continue
            }
            counts[e, default: 0] += 1
            for (encoding, scalars) in wordReadings(piece.scalars, chosen: e, glyphs: glyphs) {
                out += scalars
                if encoding != .utf8 { legacy.insert(encoding) }
            }
        }
        return Decoding(text: WordForm.string(out), legacy: legacy, counts: counts)
    }

    /// `scalars` read word by word in `chosen`, the encoding judged for the piece, except a word whose reading
    /// in `chosen` scores below another's by two (an invalid word where another reading is a valid syllable):
    /// a line may switch encoding in its middle ("các SễÛ, BAN" is "các SỞ, BAN").
    static func wordReadings(_ scalars: [UInt32], chosen: TextEncoding, glyphs: Glyphs) -> [(TextEncoding, [UInt32])] {
        let capitals = isCapitalLine(scalars, glyphs: glyphs)
        var out: [(TextEncoding, [UInt32])] = []
        var i = 0
        while i < scalars.count {
            var j = i
            let space = isSpace(scalars[i])
            while j < scalars.count, isSpace(scalars[j]) == space { j += 1 }
            let word = Array(scalars[i..<j])
            i = j
            if space || word.allSatisfy({ $0 < 0x80 }) { out.append((.utf8, word)); continue }
            let readings = readings(of: word, glyphs: glyphs, capitals: capitals)
            let own = readings.first { $0.encoding == chosen }!
            let better = readings.filter { $0.net >= own.net + 2 }.max { $0.net < $1.net }
            let reading = better ?? own
            out.append((reading.scalars == word ? .utf8 : reading.encoding, reading.scalars))
        }
        return out
    }

    /// `text` cut into ``pieces(of:font:)`` and decoded.
    public static func decode(_ text: String, font: TextEncoding? = nil, glyphs: Glyphs = .windows1252) -> Decoding {
        decode(pieces(of: text, font: font), glyphs: glyphs)
    }

    /// The encoding of the decided piece nearest to `i` (before it first) that is one of `tied`.
    static func nearest(_ verdicts: [Verdict], from i: Int, among tied: [TextEncoding]) -> TextEncoding? {
        for j in stride(from: i - 1, through: 0, by: -1) {
            if case .decided(let e) = verdicts[j], tied.contains(e) { return e }
        }
        for j in (i + 1)..<max(i + 1, verdicts.count) {
            if case .decided(let e) = verdicts[j], tied.contains(e) { return e }
        }
        return nil
    }
}

/// Legacy Vietnamese font names and the encoding each declares.
public enum LegacyFont {
    /// `.tcvn3` for the `.Vn*` fonts (`.VnTime`, `.VnTimeH`, `.VnArial`) and names holding `TCVN3`;
    /// `.vni` for the `VNI-*` fonts (`VNI-Times`, `VNI Helve`); nil for any other font. Compared without case.
    public static func encoding(ofFont name: String) -> TextEncoding? {
        var bytes = Array(name.utf8.drop { $0 == 0x20 || $0 == 0x22 })
        for k in bytes.indices where (0x41...0x5A).contains(bytes[k]) { bytes[k] |= 0x20 }
        if bytes.starts(with: Array(".vn".utf8)) { return .tcvn3 }
        if bytes.starts(with: Array("vni".utf8)), bytes.count == 3 || [0x2D, 0x20, 0x5F].contains(bytes[3]) { return .vni }
        let tcvn = Array("tcvn3".utf8)
        if bytes.count >= tcvn.count, (0...(bytes.count - tcvn.count)).contains(where: { bytes[$0..<$0 + tcvn.count].elementsEqual(tcvn) }) {
            return .tcvn3
        }
        return nil
    }
}
