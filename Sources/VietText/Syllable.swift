/// Vietnamese syllable structure (doc section 8.2): `[onset] [glide] nucleus [final] + tone`.
///
/// Used to check that a token is Vietnamese (encoding detection, Telex/VNI conversion) and to
/// place the tone mark in the canonical position.
/// Where a syllable's tone mark goes (doc section 6.3). The styles differ only in an open syllable
/// whose vowels are oa, oe or uy, where the first vowel is a glide.
public enum ToneStyle: Sendable {
    /// On the nucleus: hoà, khoẻ, thuỷ ("kiểu mới"), the form the index keeps.
    case modern
    /// On the glide: hòa, khỏe, thủy ("kiểu cũ"), the spelling of official names ("Ủy ban", "Thanh Hóa").
    case traditional
}

public enum Syllable {
    /// Whether `s` is one well-formed Vietnamese syllable, in either tone style, any case,
    /// with or without marks ("quyết", "QUYET", "hoà", "hòa", "nghiêng" are valid; "class",
    /// "for", "ngê", "cá́" are not). Rules: onset from the standard list (with `gi`/`qu`), a known
    /// vowel cluster (open-only, closed-only or both), a final from c ch m n ng nh p t, at most
    /// one tone, `k gh ngh` only before i e ê y, `c ng` never before them, and after a stop
    /// final (c ch p t) only sắc, nặng or no mark (the unmarked form keeps folded text valid).
    public static func isValid(_ s: String) -> Bool {
        var buffer = WordForm.scalars(of: s)
        WordForm.compose(&buffer)
        return isValid(buffer, 0, buffer.count)
    }

    /// Structural split of a word into onset, vowel cluster and final consonant.
    struct Parse {
        /// Packed lowercase onset letters ("đ" is `#`), `qu` and `gi` included.
        var onset: UInt32 = 0
        var clusterStart = 0
        var clusterEnd = 0
        var final: UInt32 = 0
        var tone: UInt8 = 0
        var toneCount = 0
        var toneAt = -1
    }

    @inline(__always) static func pack(_ s: String) -> UInt32 {
        s.utf8.reduce(0) { $0 << 8 | UInt32($1) }
    }

    static let qu: UInt32 = 0x7175, gi: UInt32 = 0x6769, gh: UInt32 = 0x6768, ng: UInt32 = 0x6E67, ngh: UInt32 = 0x6E_6768

    @inline(__always) static func isFinal(_ f: UInt32) -> Bool {
        switch f {
        case 0x63, 0x6368, 0x6D, 0x6E, 0x6E67, 0x6E68, 0x70, 0x74: return true
        default: return false
        }
    }
    @inline(__always) static func isStopFinal(_ f: UInt32) -> Bool {
        switch f {
        case 0x63, 0x6368, 0x70, 0x74: return true
        default: return false
        }
    }
    static let onsets: Set<UInt32> = Set(
        ["b", "c", "ch", "d", "#", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
         "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"].map(pack))

    /// Vowel cluster key → bit 0: may end the syllable, bit 1: may take a final consonant.
    static let clusters: [UInt32: UInt8] = clusterTable(folded: false)
    /// The same clusters without quality marks ("ye", "uo"), for words written without any.
    static let foldedClusters: [UInt32: UInt8] = clusterTable(folded: true)

    private static func clusterTable(folded: Bool) -> [UInt32: UInt8] {
        var table: [UInt32: UInt8] = [:]
        func add(_ list: String, _ bits: UInt8) {
            for cluster in list.split(separator: " ") {
                var key: UInt32 = 0
                for scalar in cluster.unicodeScalars {
                    var vowel = VietLetters.vowel(VietLetters.lookup(scalar.value))
                    if folded { vowel = VietLetters.vowel(VietLetters.lookup(UInt32(VietLetters.baseASCII[Int(vowel)]))) }
                    key = key << 4 | UInt32(vowel + 1)
                }
                table[key, default: 0] |= bits
            }
        }
        add("a e ê i o ô ơ u ư oa oe uy uê ươ", 3)
        add("y ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu uơ oai oay oao oeo uây uôi ươi ươu uya uyu iêu yêu", 1)
        add("ă â oă uâ iê yê uô oo uyê", 2)
        return table
    }

    /// Lowercase ASCII code of a consonant letter (`#` for đ), or nil for anything else.
    @inline(__always) static func consonantCode(_ v: UInt32) -> UInt32? {
        if v == 0x110 || v == 0x111 { return 0x23 }
        var c = v
        if c >= 0x41 && c <= 0x5A { c += 0x20 }
        guard c >= 0x61 && c <= 0x7A else { return nil }
        switch c {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return nil
        default: return c
        }
    }

    /// Splits `s[lo..<hi]`; nil when it is not onset + vowels + consonants.
    static func parse<S: RandomAccessCollection<UInt32>>(_ s: S, _ lo: Int, _ hi: Int) -> Parse? where S.Index == Int {
        guard hi - lo > 0 && hi - lo <= 10 else { return nil }
        var p = Parse()
        var i = lo
        while i < hi && VietLetters.lookup(s[i]) == 0 {
            guard let c = consonantCode(s[i]), i - lo < 3 else { return nil }
            p.onset = p.onset << 8 | c
            i += 1
        }
        guard i < hi else { return nil }
        let firstVowel = i
        var start = i
        let v0 = VietLetters.vowel(VietLetters.lookup(s[i]))
        if p.onset == 0x71 && v0 == VietLetters.u {
            p.onset = qu; start += 1
        } else if p.onset == 0x67 && v0 == VietLetters.i && i + 1 < hi && VietLetters.lookup(s[i + 1]) != 0 {
            p.onset = gi; start += 1
        }
        var j = start
        while j < hi && VietLetters.lookup(s[j]) != 0 { j += 1 }
        guard j > start, j - start <= 3 else { return nil }
        p.clusterStart = start
        p.clusterEnd = j
        while j < hi {
            guard VietLetters.lookup(s[j]) == 0, let c = consonantCode(s[j]), j - p.clusterEnd < 2 else { return nil }
            p.final = p.final << 8 | c
            j += 1
        }
        if p.final != 0 && !isFinal(p.final) { return nil }
        for k in firstVowel..<p.clusterEnd {
            let t = VietLetters.tone(VietLetters.lookup(s[k]))
            if t != 0 { p.toneCount += 1; p.tone = t; p.toneAt = k }
        }
        return p
    }

    static func isValid<S: RandomAccessCollection<UInt32>>(_ s: S, _ lo: Int, _ hi: Int) -> Bool where S.Index == Int {
        guard let p = parse(s, lo, hi), p.toneCount <= 1 else { return false }
        if p.onset != 0 && !onsets.contains(p.onset) { return false }
        var key: UInt32 = 0
        var marked = false
        for k in p.clusterStart..<p.clusterEnd {
            let vowel = VietLetters.vowel(VietLetters.lookup(s[k]))
            if VietLetters.hasQuality[Int(vowel)] { marked = true }
            key = key << 4 | UInt32(vowel + 1)
        }
        guard let bits = marked ? clusters[key] : foldedClusters[key] else { return false }
        if bits & (p.final == 0 ? 1 : 2) == 0 { return false }
        let first = VietLetters.vowel(VietLetters.lookup(s[p.clusterStart]))
        let front = first == VietLetters.i || first == VietLetters.e || first == VietLetters.ec || first == VietLetters.y
        switch p.onset {
        case 0x6B, gh, ngh: if !front { return false }
        case 0x63, ng: if front { return false }
        case 0x67: if first == VietLetters.e || first == VietLetters.ec { return false }
        case qu: if first == VietLetters.u || first == VietLetters.o { return false }
        default: break
        }
        if isStopFinal(p.final) && !(p.tone == 0 || p.tone == 2 || p.tone == 5) { return false }
        return true
    }

    /// Index in the cluster that carries the tone in `style` (doc section 6.3).
    static func tonePosition<S: RandomAccessCollection<UInt32>>(_ s: S, _ p: Parse, style: ToneStyle = .modern) -> Int
    where S.Index == Int {
        var lastMarked = -1
        for k in p.clusterStart..<p.clusterEnd where VietLetters.hasQuality[Int(VietLetters.vowel(VietLetters.lookup(s[k])))] {
            lastMarked = k
        }
        if lastMarked >= 0 { return lastMarked }
        let n = p.clusterEnd - p.clusterStart
        if p.final != 0 { return p.clusterEnd - 1 }
        if n == 3 { return p.clusterStart + 1 }
        if n == 2 {
            let v0 = VietLetters.vowel(VietLetters.lookup(s[p.clusterStart]))
            let v1 = VietLetters.vowel(VietLetters.lookup(s[p.clusterStart + 1]))
            let glide = (v0 == VietLetters.o && (v1 == VietLetters.a || v1 == VietLetters.e)) || (v0 == VietLetters.u && v1 == VietLetters.y)
            if (v0 == VietLetters.o && v1 == VietLetters.o) || glide && style == .modern {
                return p.clusterStart + 1
            }
        }
        return p.clusterStart
    }

    /// Moves the single tone mark of `s[lo..<hi]` to its vowel in `style`; leaves words that do
    /// not parse, or carry several tones, unchanged. Case is preserved. Returns true if it moved.
    @discardableResult
    static func canonicalizeTone<S: MutableCollection & RandomAccessCollection<UInt32>>(
        _ s: inout S, _ lo: Int, _ hi: Int, style: ToneStyle = .modern
    ) -> Bool where S.Index == Int {
        var vowels = 0, toned = 0
        for k in lo..<hi {
            let info = VietLetters.lookup(s[k])
            if info != 0 {
                vowels += 1
                if VietLetters.tone(info) != 0 { toned += 1 }
            }
        }
        guard toned == 1 && vowels >= 2 else { return false }
        guard let p = parse(s, lo, hi), p.toneCount == 1 else { return false }
        let target = tonePosition(s, p, style: style)
        guard target != p.toneAt else { return false }
        let from = VietLetters.lookup(s[p.toneAt])
        let to = VietLetters.lookup(s[target])
        s[p.toneAt] = VietLetters.scalar(vowel: VietLetters.vowel(from), tone: 0, upper: VietLetters.isUpper(from))
        s[target] = VietLetters.scalar(vowel: VietLetters.vowel(to), tone: p.tone, upper: VietLetters.isUpper(to))
        return true
    }
}
