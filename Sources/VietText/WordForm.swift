import Foundation

/// Scalar-buffer operations shared by the normaliser, the analyzer and the query helpers:
/// composition of Vietnamese letters, tone placement, lower-casing, folding and UTF-8 output.
enum WordForm {
    /// Canonical scalars of `s` (look-alikes mapped, ignorable characters dropped).
    static func scalars(of s: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            let v = LookAlikes.canonical(scalar.value)
            if v != LookAlikes.deleted { out.append(v) }
        }
        return out
    }

    /// Composes combining tone and quality marks into the preceding Vietnamese vowel (NFC for
    /// Vietnamese letters, and also "Unicode tổ hợp" such as ê + U+0301). When a mark cannot
    /// be absorbed, the whole buffer goes through Foundation's NFC first, then the same
    /// composition, so canonically equivalent inputs always give the same scalars.
    static func compose(_ s: inout [UInt32]) {
        if !composeVietnamese(&s) {
            let nfc = string(s).precomposedStringWithCanonicalMapping
            s = nfc.unicodeScalars.map(\.value)
            _ = composeVietnamese(&s)
        }
    }

    /// Returns false when a combining mark remains that the Vietnamese tables cannot absorb.
    private static func composeVietnamese(_ s: inout [UInt32]) -> Bool {
        var hasMark = false
        for v in s where v >= 0x300 && ScalarClass.of(v) == .mark { hasMark = true; break }
        guard hasMark else { return true }
        var out: [UInt32] = []
        out.reserveCapacity(s.count)
        var complete = true
        for v in s {
            if ScalarClass.of(v) == .mark, let last = out.last {
                let info = VietLetters.lookup(last)
                if info != 0 {
                    let vowel = VietLetters.vowel(info), tone = VietLetters.tone(info), upper = VietLetters.isUpper(info)
                    if let t = VietLetters.toneOfMark(v), tone == 0 {
                        out[out.count - 1] = VietLetters.scalar(vowel: vowel, tone: t, upper: upper)
                        continue
                    }
                    if let q = VietLetters.addQuality(v, to: vowel) {
                        out[out.count - 1] = VietLetters.scalar(vowel: q, tone: tone, upper: upper)
                        continue
                    }
                }
                complete = false
            }
            out.append(v)
        }
        s = out
        return complete
    }

    /// Tone placement in `style` for every letter run of `s` (case kept). Returns true if a
    /// tone moved.
    @discardableResult
    static func canonicalizeTones<S: MutableCollection & RandomAccessCollection<UInt32>>(
        _ s: inout S, style: ToneStyle = .modern
    ) -> Bool where S.Index == Int {
        if s.count <= 10 && s.allSatisfy({ ScalarClass.of($0) == .letter }) {
            return Syllable.canonicalizeTone(&s, 0, s.count, style: style)
        }
        let n = s.count
        var moved = false
        var i = 0
        while i < n {
            guard ScalarClass.of(s[i]) == .letter else { i += 1; continue }
            var j = i
            while j < n && ScalarClass.of(s[j]) == .letter { j += 1 }
            if Syllable.canonicalizeTone(&s, i, j, style: style) { moved = true }
            i = j
        }
        return moved
    }

    /// Lower-cases in place: table lookups for Vietnamese and ASCII, Unicode properties otherwise.
    static func lowercase(_ s: inout [UInt32]) {
        var expanded: [UInt32]?
        for i in s.indices {
            let v = s[i]
            var lower = v
            if v < 0x80 {
                if v >= 0x41 && v <= 0x5A { lower = v + 0x20 }
            } else if v == 0x110 {
                lower = 0x111
            } else if case let info = VietLetters.lookup(v), info != 0 {
                lower = VietLetters.scalar(vowel: VietLetters.vowel(info), tone: VietLetters.tone(info), upper: false)
            } else if let scalar = Unicode.Scalar(v), scalar.properties.changesWhenLowercased {
                let mapping = scalar.properties.lowercaseMapping.unicodeScalars.map(\.value)
                if mapping.count != 1 || expanded != nil {
                    if expanded == nil { expanded = Array(s[..<i]) }
                    expanded?.append(contentsOf: mapping)
                    continue
                }
                lower = mapping[0]
            }
            if expanded != nil { expanded?.append(lower) } else { s[i] = lower }
        }
        if let expanded { s = expanded }
    }

    /// Upper-cases in place: table lookups for Vietnamese and ASCII, Unicode properties otherwise.
    static func uppercase(_ s: inout [UInt32]) {
        var expanded: [UInt32]?
        for i in s.indices {
            let v = s[i]
            var upper = v
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A { upper = v - 0x20 }
            } else if v == 0x111 {
                upper = 0x110
            } else if case let info = VietLetters.lookup(v), info != 0 {
                upper = VietLetters.scalar(vowel: VietLetters.vowel(info), tone: VietLetters.tone(info), upper: true)
            } else if let scalar = Unicode.Scalar(v), scalar.properties.changesWhenUppercased {
                let mapping = scalar.properties.uppercaseMapping.unicodeScalars.map(\.value)
                if mapping.count != 1 || expanded != nil {
                    if expanded == nil { expanded = Array(s[..<i]) }
                    expanded?.append(contentsOf: mapping)
                    continue
                }
                upper = mapping[0]
            }
            if expanded != nil { expanded?.append(upper) } else { s[i] = upper }
        }
        if let expanded { s = expanded }
    }

    /// Appends the folded form of scalar `v` (no marks, đ → d, lower case) to `out`.
    @inline(__always) static func appendFolded(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v))
            return
        }
        if v == 0x110 || v == 0x111 || v == 0xD0 || v == 0xF0 { out.append(0x64); return }
        let info = VietLetters.lookup(v)
        if info != 0 { out.append(VietLetters.baseASCII[Int(VietLetters.vowel(info))]); return }
        let c = LookAlikes.canonical(v)
        if c != v {
            if c != LookAlikes.deleted { appendFolded(c, to: &out) }
            return
        }
        if ScalarClass.of(v) == .mark { return }
        guard let scalar = Unicode.Scalar(v) else { return }
        let decomposed = scalar.properties.lowercaseMapping.decomposedStringWithCanonicalMapping
        for u in decomposed.unicodeScalars {
            let w = u.value
            if w < 0x80 || ScalarClass.of(w) != .mark {
                if w == v || w < 0x80 { appendUTF8(w, to: &out) } else { appendFolded(w, to: &out) }
            }
        }
    }

    @inline(__always) static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// The string of the scalar values `s` (an invalid one becomes U+FFFD), its UTF-8 written
    /// straight into the string's storage.
    static func string(_ s: [UInt32]) -> String {
        var count = 0
        for v in s { count += v < 0x80 ? 1 : v < 0x800 ? 2 : v < 0x10000 ? 3 : 4 }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var n = 0
            for v in s { UTF8.encode(Unicode.Scalar(v) ?? "\u{FFFD}") { buffer[n] = $0; n += 1 } }
            return n
        }
    }

    /// The exact term of a word: composed, canonical tone, lower case.
    static func exact(_ s: inout [UInt32]) {
        compose(&s)
        canonicalizeTones(&s)
        lowercase(&s)
    }
}
