/// Byte-level decoders and encoders for each `TextEncoding`, working on scalar arrays.
enum LegacyCodec {
    // MARK: UTF-8 / UTF-16

    /// Lenient UTF-8: each maximal invalid subsequence becomes one U+FFFD; returns the scalars
    /// and the number of invalid bytes.
    static func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> ([UInt32], Int) {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count)
        var invalid = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { out.append(UInt32(b0)); i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            var v: UInt32
            switch b0 {
            case 0xC2...0xDF: need = 1; v = UInt32(b0 & 0x1F)
            case 0xE0: need = 2; lo = 0xA0; v = UInt32(b0 & 0x0F)
            case 0xED: need = 2; hi = 0x9F; v = UInt32(b0 & 0x0F)
            case 0xE1...0xEF: need = 2; v = UInt32(b0 & 0x0F)
            case 0xF0: need = 3; lo = 0x90; v = UInt32(b0 & 0x07)
            case 0xF4: need = 3; hi = 0x8F; v = UInt32(b0 & 0x07)
            case 0xF1...0xF3: need = 3; v = UInt32(b0 & 0x07)
            default:
                out.append(0xFFFD); invalid += 1; i += 1; continue
            }
            var j = i + 1
            var ok = true
            for k in 0..<need {
                guard j < n else { ok = false; break }
                let b = bytes[j]
                guard b >= (k == 0 ? lo : 0x80) && b <= (k == 0 ? hi : 0xBF) else { ok = false; break }
                v = v << 6 | UInt32(b & 0x3F)
                j += 1
            }
            if ok { out.append(v) } else { out.append(0xFFFD); invalid += j - i }
            i = j
        }
        return (out, invalid)
    }

    static func decodeUTF8(_ bytes: [UInt8]) -> ([UInt32], Int) {
        bytes.withUnsafeBufferPointer { decodeUTF8($0) }
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> ([UInt32], Int) {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let hi = UInt16(bytes[bigEndian ? i : i + 1]), lo = UInt16(bytes[bigEndian ? i + 1 : i])
            units.append(hi << 8 | lo)
            i += 2
        }
        var invalid = bytes.count % 2
        var out: [UInt32] = []
        out.reserveCapacity(units.count)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): out.append(s.value)
            case .emptyInput: break loop
            case .error: out.append(0xFFFD); invalid += 2
            }
        }
        if bytes.count % 2 == 1 { out.append(0xFFFD) }
        return (out, invalid)
    }

    // MARK: Single-byte tables

    static func decodeTable<C: Collection>(_ bytes: C, _ table: [UInt16]) -> [UInt32] where C.Element == UInt8 {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count)
        for b in bytes { out.append(UInt32(table[Int(b)])) }
        return out
    }

    static func decodeHigh<C: Collection>(_ bytes: C, _ high: [UInt16]) -> [UInt32] where C.Element == UInt8 {
        var out: [UInt32] = []
        out.reserveCapacity(bytes.count)
        for b in bytes { out.append(b < 0x80 ? UInt32(b) : UInt32(high[Int(b) - 0x80])) }
        return out
    }

    /// Windows-1258 decoded and composed (its tone bytes are combining marks).
    static func decodeCP1258<C: Collection>(_ bytes: C) -> [UInt32] where C.Element == UInt8 {
        var out = decodeHigh(bytes, LegacyTables.cp1258High)
        WordForm.compose(&out)
        return out
    }

    static func inverse(_ table: [UInt16], offset: Int) -> [UInt32: UInt8] {
        var map: [UInt32: UInt8] = [:]
        for (i, v) in table.enumerated().reversed() { map[UInt32(v)] = UInt8(i + offset) }
        return map
    }

    static let tcvn3Inverse = inverse(LegacyTables.tcvn3, offset: 0)
    static let visciiInverse = inverse(LegacyTables.viscii, offset: 0)
    static let cp1258Inverse = inverse(LegacyTables.cp1258High, offset: 0x80)
    static let cp1252Inverse = inverse(LegacyTables.cp1252High, offset: 0x80)

    /// The byte that Windows-1252 (or Latin-1, for its C1 controls) gives `v`, or nil.
    @inline(__always) static func cp1252Byte(_ v: UInt32) -> UInt8? {
        if v < 0x80 || (v >= 0xA0 && v <= 0xFF) { return UInt8(v) }
        if let b = cp1252Inverse[v] { return b }
        if v >= 0x80 && v <= 0x9F { return UInt8(v) }
        return nil
    }

    // MARK: VNI-Windows

    /// Lower-case mark bytes: tone on a plain vowel, ơ or ư (index = tone 1...5).
    static let vniTone: [UInt8] = [0, 0xF8, 0xF9, 0xFB, 0xF5, 0xEF]
    /// Circumflex + tone 0...5 (on a, e, o).
    static let vniCircumflex: [UInt8] = [0xE2, 0xE0, 0xE1, 0xE5, 0xE3, 0xE4]
    /// Breve + tone 0...5 (on a).
    static let vniBreve: [UInt8] = [0xEA, 0xE8, 0xE9, 0xFA, 0xFC, 0xEB]
    /// Single-byte i with tones 1...5, and ỵ.
    static let vniI: [UInt8] = [0, 0xEC, 0xED, 0xE6, 0xF3, 0xF2]
    static let vniYDot: UInt8 = 0xEE

    /// Mark byte (either case) → (kind 0 tone / 1 circumflex / 2 breve, tone).
    static let vniMarks: [UInt8: (UInt8, UInt8)] = {
        var map: [UInt8: (UInt8, UInt8)] = [:]
        for t in 0...5 {
            if t > 0 { map[vniTone[t]] = (0, UInt8(t)); map[vniTone[t] - 0x20] = (0, UInt8(t)) }
            map[vniCircumflex[t]] = (1, UInt8(t)); map[vniCircumflex[t] - 0x20] = (1, UInt8(t))
            map[vniBreve[t]] = (2, UInt8(t)); map[vniBreve[t] - 0x20] = (2, UInt8(t))
        }
        return map
    }()

    /// VNI single bytes that are letters on their own (ơ ư đ, toned i, ỵ; both cases).
    static let vniSingles: [UInt8: UInt32] = {
        var map: [UInt8: UInt32] = [0xF4: 0x1A1, 0xD4: 0x1A0, 0xF6: 0x1B0, 0xD6: 0x1AF, 0xF1: 0x111, 0xD1: 0x110]
        for t in 1...5 {
            map[vniI[t]] = VietLetters.scalar(vowel: VietLetters.i, tone: UInt8(t), upper: false)
            map[vniI[t] - 0x20] = VietLetters.scalar(vowel: VietLetters.i, tone: UInt8(t), upper: true)
        }
        map[vniYDot] = VietLetters.scalar(vowel: VietLetters.y, tone: 5, upper: false)
        map[vniYDot - 0x20] = VietLetters.scalar(vowel: VietLetters.y, tone: 5, upper: true)
        return map
    }()

    static func decodeVNI<C: Collection>(_ bytes: C) -> [UInt32] where C.Element == UInt8 {
        let input = Array(bytes)
        var out: [UInt32] = []
        out.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let b = input[i]
            var base: UInt32 = b < 0x80 ? UInt32(b) : (vniSingles[b] ?? UInt32(cp1252Decode(b)))
            let info = VietLetters.lookup(base)
            if info != 0, VietLetters.tone(info) == 0, i + 1 < input.count, let (kind, tone) = vniMarks[input[i + 1]] {
                let vowel = VietLetters.vowel(info), upper = VietLetters.isUpper(info)
                var target: UInt8?
                switch kind {
                case 0: target = vowel
                case 1: target = VietLetters.addQuality(0x302, to: vowel)
                default: target = VietLetters.addQuality(0x306, to: vowel)
                }
                if let t = target {
                    var finalVowel = t, finalTone = tone
                    i += 1
                    // Marks typed as two separate characters ("EÂØ" for Ề, "AØÂ"): the second adds what the first lacks.
                    if i + 1 < input.count, let (kind2, tone2) = vniMarks[input[i + 1]] {
                        if kind != 0, tone == 0, kind2 == 0, tone2 > 0 {
                            finalTone = tone2
                            i += 1
                        } else if kind == 0, kind2 != 0, tone2 == 0,
                                  let q = VietLetters.addQuality(kind2 == 1 ? 0x302 : 0x306, to: vowel) {
                            finalVowel = q
                            i += 1
                        }
                    }
                    base = VietLetters.scalar(vowel: finalVowel, tone: finalTone, upper: upper)
                }
            }
            out.append(base)
            i += 1
        }
        return out
    }

    @inline(__always) static func cp1252Decode(_ b: UInt8) -> UInt16 {
        b < 0x80 ? UInt16(b) : LegacyTables.cp1252High[Int(b) - 0x80]
    }

    static func encodeVNI(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)); return }
        switch v {
        case 0x111: out.append(0xF1); return
        case 0x110: out.append(0xD1); return
        default: break
        }
        let info = VietLetters.lookup(v)
        guard info != 0 else { out.append(cp1252Byte(v) ?? 0x3F); return }
        let vowel = VietLetters.vowel(info), tone = Int(VietLetters.tone(info)), upper = VietLetters.isUpper(info)
        let shift: UInt8 = upper ? 0x20 : 0
        let ascii = VietLetters.baseASCII[Int(vowel)] - shift
        switch vowel {
        case VietLetters.ac, VietLetters.ec, VietLetters.oc:
            out.append(ascii); out.append(vniCircumflex[tone] - shift)
        case VietLetters.ab:
            out.append(ascii); out.append(vniBreve[tone] - shift)
        case VietLetters.oh, VietLetters.uh:
            out.append((vowel == VietLetters.oh ? 0xF4 : 0xF6) - shift)
            if tone > 0 { out.append(vniTone[tone] - shift) }
        case VietLetters.i where tone > 0:
            out.append(vniI[tone] - shift)
        case VietLetters.y where tone == 5:
            out.append(vniYDot - shift)
        default:
            out.append(ascii)
            if tone > 0 { out.append(vniTone[tone] - shift) }
        }
    }

    // MARK: CP1258 encoder

    static let cp1258ToneByte: [UInt8] = [0, 0xCC, 0xEC, 0xD2, 0xDE, 0xF2]

    static func encodeCP1258(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)); return }
        if let b = cp1258Inverse[v] { out.append(b); return }
        let info = VietLetters.lookup(v)
        guard info != 0 else { out.append(v <= 0xFF ? UInt8(v) : 0x3F); return }
        let bare = VietLetters.scalar(vowel: VietLetters.vowel(info), tone: 0, upper: VietLetters.isUpper(info))
        if bare < 0x80 { out.append(UInt8(bare)) } else { out.append(cp1258Inverse[bare] ?? 0x3F) }
        out.append(cp1258ToneByte[Int(VietLetters.tone(info))])
    }

    // MARK: VIQR

    static let viqrToneChar: [UInt8] = Array("\0`'?~.".utf8)

    /// Appends the VIQR form of `v`; a literal mark character after a vowel, and a second "d"
    /// after "d", is escaped with a backslash (RFC 1456).
    static func encodeVIQR(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            if let last = out.last, viqrNeedsEscape(UInt8(v), after: last) { out.append(0x5C) }
            out.append(UInt8(v))
            return
        }
        if v == 0x111 { out.append(contentsOf: [0x64, 0x64]); return }
        if v == 0x110 { out.append(contentsOf: [0x44, 0x44]); return }
        let info = VietLetters.lookup(v)
        guard info != 0 else { out.append(0x3F); return }
        let vowel = VietLetters.vowel(info)
        out.append(VietLetters.baseASCII[Int(vowel)] - (VietLetters.isUpper(info) ? 0x20 : 0))
        switch vowel {
        case VietLetters.ac, VietLetters.ec, VietLetters.oc: out.append(0x5E)
        case VietLetters.ab: out.append(0x28)
        case VietLetters.oh, VietLetters.uh: out.append(0x2B)
        default: break
        }
        let tone = Int(VietLetters.tone(info))
        if tone > 0 { out.append(viqrToneChar[tone]) }
    }

    private static func viqrNeedsEscape(_ b: UInt8, after last: UInt8) -> Bool {
        let lower = last | 0x20
        if (b | 0x20) == 0x64 { return lower == 0x64 && (last == b) }
        guard "^(+'`?~.".utf8.contains(b) else { return false }
        return "aeiouy".utf8.contains(lower) || "^(+'`?~.".utf8.contains(last)
    }

    /// RFC 1456 VIQR. A quality mark (^ ( +) or tone mark (' ` ? ~ .) directly after a vowel
    /// is applied; "dd"/"DD" become đ/Đ; a backslash keeps the next character literal. A "." or
    /// "?" followed by a space and an upper-case letter, a line end or the end of the text is
    /// punctuation, not a tone.
    static func decodeVIQR<C: Collection>(_ bytes: C) -> [UInt32] where C.Element == UInt8 {
        let input = Array(bytes)
        var out: [UInt32] = []
        out.reserveCapacity(input.count)
        var i = 0
        var literal = false
        while i < input.count {
            let b = input[i]
            defer { i += 1 }
            if literal { out.append(UInt32(b)); literal = false; continue }
            if b == 0x5C { literal = true; continue }
            if (b == 0x64 || b == 0x44), let last = out.last, last == UInt32(b) {
                out[out.count - 1] = b == 0x64 ? 0x111 : 0x110
                continue
            }
            guard let last = out.last, case let info = VietLetters.lookup(last), info != 0 else {
                out.append(UInt32(b)); continue
            }
            let vowel = VietLetters.vowel(info), tone = VietLetters.tone(info), upper = VietLetters.isUpper(info)
            var quality: UInt32 = 0
            switch b {
            case 0x5E: quality = 0x302
            case 0x28: quality = 0x306
            case 0x2B: quality = 0x31B
            default: break
            }
            if quality != 0, tone == 0, let q = VietLetters.addQuality(quality, to: vowel) {
                out[out.count - 1] = VietLetters.scalar(vowel: q, tone: 0, upper: upper)
                continue
            }
            if tone == 0, let t = viqrToneChar.firstIndex(of: b), t > 0 {
                if (b == 0x2E || b == 0x3F) && isSentenceEnd(input, i + 1) { out.append(UInt32(b)); continue }
                out[out.count - 1] = VietLetters.scalar(vowel: vowel, tone: UInt8(t), upper: upper)
                continue
            }
            out.append(UInt32(b))
        }
        return out
    }

    private static func isSentenceEnd(_ input: [UInt8], _ i: Int) -> Bool {
        if i >= input.count { return true }
        let b = input[i]
        if b == 0x0A || b == 0x0D { return true }
        if b == 0x20 || b == 0x09 {
            return i + 1 >= input.count || (input[i + 1] >= 0x41 && input[i + 1] <= 0x5A) || input[i + 1] == 0x0A
        }
        return false
    }
}
