/// Query helpers for users without a Vietnamese keyboard (doc section 8.5): Telex and VNI
/// typing converted to Vietnamese, accepted only when the result is a valid syllable.
public enum TypedInput {
    private static let telexTones: [UInt8: UInt8] = [0x66: 1, 0x73: 2, 0x72: 3, 0x78: 4, 0x6A: 5]  // f s r x j

    /// Converts one Telex-typed word: aa/ee/oo → â/ê/ô, aw/ow/uw → ă/ơ/ư (uow → ươ), dd → đ,
    /// s f r x j after a vowel → tone, z → no tone. Returns nil when nothing changes or the result
    /// is not a valid syllable ("nghij" → "nghị", "ddoanf" → "đoàn", "class" → nil).
    public static func convertTelex(_ word: String) -> String? {
        var s: [UInt32] = []
        var tone: UInt8 = 0
        var toneSet = false
        var changed = false
        for byte in word.utf8 {
            let upper = byte >= 0x41 && byte <= 0x5A
            let l = upper ? byte + 0x20 : byte
            guard l >= 0x61 && l <= 0x7A else { return nil }
            let hasVowel = s.contains { VietLetters.lookup($0) != 0 }
            if hasVowel, let t = telexTones[l] {
                if toneSet { return nil }
                tone = t; toneSet = true; changed = true
                continue
            }
            if hasVowel && l == 0x7A { tone = 0; toneSet = true; changed = true; continue }
            if l == 0x77 {
                guard applyHorn(&s) else { return nil }
                changed = true
                continue
            }
            if let last = s.last {
                let info = VietLetters.lookup(last)
                if info != 0, VietLetters.baseASCII[Int(VietLetters.vowel(info))] == l,
                   let q = VietLetters.addQuality(0x302, to: VietLetters.vowel(info)) {
                    s[s.count - 1] = VietLetters.scalar(vowel: q, tone: 0, upper: VietLetters.isUpper(info))
                    changed = true
                    continue
                }
                if l == 0x64 && (last == 0x64 || last == 0x44) {
                    s[s.count - 1] = last == 0x64 ? 0x111 : 0x110
                    changed = true
                    continue
                }
            }
            s.append(UInt32(byte))
        }
        return finish(&s, tone: tone, changed: changed)
    }

    /// Converts one VNI-typed word: digits 1–5 are tones (sắc, huyền, hỏi, ngã, nặng), 6
    /// circumflex, 7 horn, 8 breve, 9 đ, 0 no tone ("nghi5" → "nghị", "quye61t" → "quyết").
    /// Words that start with a digit (numbers, document numbers) are never converted.
    public static func convertVNI(_ word: String) -> String? {
        guard let first = word.utf8.first, isASCIILetter(first) else { return nil }
        var s: [UInt32] = []
        var tone: UInt8 = 0
        var toneSet = false
        var changed = false
        let vniTones: [UInt8] = [0, 2, 1, 3, 4, 5]
        for byte in word.utf8 {
            if isASCIILetter(byte) { s.append(UInt32(byte)); continue }
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            let digit = Int(byte - 0x30)
            switch digit {
            case 0...5:
                guard !toneSet, s.contains(where: { VietLetters.lookup($0) != 0 }) else { return nil }
                tone = vniTones[digit]; toneSet = true
            case 6:
                guard applyQuality(0x302, &s) else { return nil }
            case 7:
                guard applyHorn(&s) else { return nil }
            case 8:
                guard applyQuality(0x306, &s) else { return nil }
            default:
                guard let k = s.lastIndex(where: { $0 == 0x64 || $0 == 0x44 }) else { return nil }
                s[k] = s[k] == 0x64 ? 0x111 : 0x110
            }
            changed = true
        }
        return finish(&s, tone: tone, changed: changed)
    }

    /// Converts every Telex- or VNI-typed word of a query ("nghij quyeets" → "nghị quyết").
    /// Returns nil when nothing changes, or when a plain ASCII word is neither convertible nor
    /// a valid syllable (the query is then probably English: "windows class"). Words with
    /// non-letters other than VNI digits (numbers, "02-NQ/TW") are kept as they are.
    public static func suggestion(for query: String) -> String? {
        var changed = false
        var words: [String] = []
        for part in query.split(separator: " ", omittingEmptySubsequences: false) {
            let word = String(part)
            let bytes = Array(word.utf8)
            if !bytes.isEmpty && bytes.allSatisfy(isASCIILetter) {
                if let converted = convertTelex(word) {
                    words.append(converted); changed = true; continue
                }
                if !Syllable.isValid(word) { return nil }
            } else if bytes.allSatisfy({ isASCIILetter($0) || ($0 >= 0x30 && $0 <= 0x39) }),
                      let converted = convertVNI(word) {
                words.append(converted); changed = true; continue
            }
            words.append(word)
        }
        return changed ? words.joined(separator: " ") : nil
    }

    // MARK: Helpers

    @inline(__always) private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Adds `mark` to the last vowel that accepts it.
    private static func applyQuality(_ mark: UInt32, _ s: inout [UInt32]) -> Bool {
        for k in s.indices.reversed() {
            let info = VietLetters.lookup(s[k])
            guard info != 0 else { continue }
            if let q = VietLetters.addQuality(mark, to: VietLetters.vowel(info)) {
                s[k] = VietLetters.scalar(vowel: q, tone: VietLetters.tone(info), upper: VietLetters.isUpper(info))
                return true
            }
        }
        return false
    }

    /// Horn on "uo" (→ ươ), else on the last a (breve, Telex "aw"), o or u.
    private static func applyHorn(_ s: inout [UInt32]) -> Bool {
        for k in s.indices.dropFirst().reversed() {
            let a = VietLetters.lookup(s[k - 1]), b = VietLetters.lookup(s[k])
            if a != 0 && b != 0 && VietLetters.vowel(a) == VietLetters.u && VietLetters.vowel(b) == VietLetters.o {
                s[k - 1] = VietLetters.scalar(vowel: VietLetters.uh, tone: 0, upper: VietLetters.isUpper(a))
                s[k] = VietLetters.scalar(vowel: VietLetters.oh, tone: 0, upper: VietLetters.isUpper(b))
                return true
            }
        }
        for k in s.indices.reversed() {
            let info = VietLetters.lookup(s[k])
            guard info != 0 else { continue }
            let vowel = VietLetters.vowel(info)
            let mark: UInt32 = vowel == VietLetters.a ? 0x306 : 0x31B
            if let q = VietLetters.addQuality(mark, to: vowel) {
                s[k] = VietLetters.scalar(vowel: q, tone: 0, upper: VietLetters.isUpper(info))
                return true
            }
        }
        return false
    }

    /// Puts the tone on the cluster, moves it to its canonical place and validates.
    private static func finish(_ s: inout [UInt32], tone: UInt8, changed: Bool) -> String? {
        guard changed else { return nil }
        if tone != 0 {
            guard let k = s.lastIndex(where: { VietLetters.lookup($0) != 0 }) else { return nil }
            let info = VietLetters.lookup(s[k])
            s[k] = VietLetters.scalar(vowel: VietLetters.vowel(info), tone: tone, upper: VietLetters.isUpper(info))
            Syllable.canonicalizeTone(&s, 0, s.count)
        }
        guard Syllable.isValid(s, 0, s.count) else { return nil }
        return WordForm.string(s)
    }
}
