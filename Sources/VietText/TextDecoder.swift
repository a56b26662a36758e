/// Decodes bytes in any supported encoding, detecting the encoding when none is given, and
/// repairs text that was already decoded with the wrong code page (doc section 7).
public enum TextDecoder {
    /// Decodes `bytes`. With `encoding` the bytes are decoded as told (confidence 1). Without it:
    /// a UTF-8 or UTF-16 byte-order mark decides; UTF-16 without a mark is recognised by its
    /// zero bytes (ASCII characters) in every other position (confidence 0.9); valid UTF-8 is taken as UTF-8 and then checked
    /// for mojibake (`repair`); otherwise UTF-8, TCVN3, VNI, VISCII and CP1258 are scored on the
    /// first 64 KiB by the share of changed words that are valid Vietnamese syllables, and the best
    /// legacy encoding wins when at least half its words are valid. Failing that, the bytes are
    /// read as UTF-8 with each invalid sequence replaced by U+FFFD (confidence = share of valid bytes).
    /// VIQR is never detected automatically.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding? = nil) -> DecodedText {
        if let encoding { return decodeExplicit(bytes, encoding) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let (s, invalid) = LegacyCodec.decodeUTF8(Array(bytes.dropFirst(3)))
            return DecodedText(text: WordForm.string(s), encoding: .utf8, confidence: 1, invalidBytes: invalid)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return decodeExplicit(bytes, .utf16)
        }
        if let bigEndian = utf16WithoutBOM(bytes) {
            let (s, invalid) = LegacyCodec.decodeUTF16(bytes[...], bigEndian: bigEndian)
            return DecodedText(text: WordForm.string(s), encoding: .utf16, confidence: 0.9, invalidBytes: invalid)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return repair(text) }
        let sample = Array(bytes.prefix(65_536))
        var best = TextEncoding.utf8
        var bestScore = score(LegacyCodec.decodeUTF8(sample).0).share
        for candidate in [TextEncoding.tcvn3, .vni, .viscii, .cp1258] {
            let share = score(legacyScalars(sample, candidate)).share
            if share > bestScore + 1e-9 { best = candidate; bestScore = share }
        }
        if best != .utf8 && bestScore >= 0.5 {
            return DecodedText(text: WordForm.string(legacyScalars(bytes, best)), encoding: best,
                               confidence: bestScore, invalidBytes: 0)
        }
        let (scalars, invalid) = LegacyCodec.decodeUTF8(bytes)
        let valid = bytes.isEmpty ? 1 : 1 - Double(invalid) / Double(bytes.count)
        return DecodedText(text: WordForm.string(scalars), encoding: .utf8, confidence: valid, invalidBytes: invalid)
    }

    /// Repairs mojibake in an already decoded string: UTF-8 shown as Windows-1252
    /// ("Nghá»‹ quyáº¿t"), TCVN3 shown as Latin-1 ("NghÞ quyÕt", "C«ng ®oµn") and VNI shown as
    /// Latin-1 ("Nghò quyeát"). Characters outside Windows-1252 pass through unchanged. A
    /// candidate wins only when it has more valid syllables and a clearly higher valid share than
    /// the text as given, on the first ``repairSample`` characters (mojibake comes from reading a
    /// whole file wrongly; the sample bounds the memory for a huge text); otherwise the text is
    /// returned as it is, with encoding `.utf8`.
    /// Run it before `Normalizer` (which deletes the soft hyphen that TCVN3 uses for ư).
    public static func repair(_ text: String) -> DecodedText {
        let unchanged = DecodedText(text: text, encoding: .utf8, confidence: 1, invalidBytes: 0)
        var suspicious = 0, latin1Letters = 0, vietnameseOnly = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            let v = scalar.value
            if isSuspicious(v) { suspicious += 1 }
            else if v <= 0xFF { latin1Letters += 1 }
            else if v == 0x110 || v == 0x111 || VietLetters.lookup(v) != 0 { vietnameseOnly += 1 }
        }
        guard suspicious > 0 || (latin1Letters > 0 && vietnameseOnly == 0) else { return unchanged }
        let sample = text.unicodeScalars.prefix(repairSample).map(\.value)
        let base = score(sample)
        var best: (TextEncoding, [UInt32], Int, Score)?
        for candidate in [TextEncoding.utf8Mojibake, .tcvn3Mojibake, .vniMojibake] {
            let (out, invalid) = reinterpret(sample, candidate)
            let s = score(out)
            let bar = best?.3 ?? base
            if s.good > 0 && s.good * 2 >= bar.good && s.share > bar.share + 0.15 { best = (candidate, out, invalid, s) }
        }
        guard let (encoding, sampleOut, sampleInvalid, s) = best else { return unchanged }
        let (out, invalid) = sample.count < repairSample ? (sampleOut, sampleInvalid)
            : reinterpret(text.unicodeScalars.map(\.value), encoding)
        return DecodedText(text: WordForm.string(out), encoding: encoding, confidence: s.share, invalidBytes: invalid)
    }

    /// Characters on which ``repair(_:)`` chooses.
    static let repairSample = 1 << 20

    /// Decodes a string whose characters show legacy bytes as Windows-1252/Latin-1 (text pasted
    /// from a wrongly decoded document) as `encoding`: `.tcvn3` and `.tcvn3Mojibake` both turn
    /// "C«ng" into "Công"; `.utf8` or `.utf8Mojibake` turn "CÃ´ng" into "Công".
    public static func reinterpret(_ text: String, as encoding: TextEncoding) -> DecodedText {
        let (out, invalid) = reinterpret(text.unicodeScalars.map(\.value), encoding)
        return DecodedText(text: WordForm.string(out), encoding: encoding, confidence: 1, invalidBytes: invalid)
    }

    // MARK: Internals

    /// UTF-16 without a byte-order mark: at least a third of the code units of the first 4 KiB
    /// have a zero high byte and almost none a zero low byte. Returns whether it is big-endian.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let n = min(bytes.count, 4096) & ~1
        guard n >= 4 else { return nil }
        var zeroEven = 0, zeroOdd = 0
        for i in stride(from: 0, to: n, by: 2) {
            if bytes[i] == 0 { zeroEven += 1 }
            if bytes[i + 1] == 0 { zeroOdd += 1 }
        }
        let units = n / 2
        if zeroOdd * 3 >= units && zeroEven * 20 < units { return false }
        if zeroEven * 3 >= units && zeroOdd * 20 < units { return true }
        return nil
    }

    static func decodeExplicit(_ bytes: [UInt8], _ encoding: TextEncoding) -> DecodedText {
        switch encoding {
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            let (s, invalid) = LegacyCodec.decodeUTF8(body)
            return DecodedText(text: WordForm.string(s), encoding: .utf8, confidence: 1, invalidBytes: invalid)
        case .utf16:
            var big = false
            var body = bytes[...]
            if bytes.starts(with: [0xFE, 0xFF]) { big = true; body = bytes.dropFirst(2) }
            else if bytes.starts(with: [0xFF, 0xFE]) { body = bytes.dropFirst(2) }
            let (s, invalid) = LegacyCodec.decodeUTF16(body, bigEndian: big)
            return DecodedText(text: WordForm.string(s), encoding: .utf16, confidence: 1, invalidBytes: invalid)
        case .tcvn3, .vni, .viscii, .cp1258, .viqr:
            return DecodedText(text: WordForm.string(legacyScalars(bytes, encoding)), encoding: encoding,
                               confidence: 1, invalidBytes: 0)
        case .utf8Mojibake, .tcvn3Mojibake, .vniMojibake:
            let (s, invalid) = LegacyCodec.decodeUTF8(bytes)
            let (out, more) = reinterpret(s, encoding)
            return DecodedText(text: WordForm.string(out), encoding: encoding, confidence: 1, invalidBytes: invalid + more)
        }
    }

    static func legacyScalars<C: Collection>(_ bytes: C, _ encoding: TextEncoding) -> [UInt32] where C.Element == UInt8 {
        switch encoding {
        case .tcvn3: return LegacyCodec.decodeTable(bytes, LegacyTables.tcvn3)
        case .viscii: return LegacyCodec.decodeTable(bytes, LegacyTables.viscii)
        case .cp1258: return LegacyCodec.decodeCP1258(bytes)
        case .vni: return LegacyCodec.decodeVNI(bytes)
        case .viqr: return LegacyCodec.decodeVIQR(bytes)
        default: return LegacyCodec.decodeUTF8(Array(bytes)).0
        }
    }

    /// Re-encodes runs of Windows-1252 characters to bytes and decodes them as `mojibake` (or the
    /// encoding a mojibake case names); other characters pass through. Returns the scalars and
    /// the number of invalid bytes.
    static func reinterpret(_ scalars: [UInt32], _ mojibake: TextEncoding) -> ([UInt32], Int) {
        var out: [UInt32] = []
        out.reserveCapacity(scalars.count)
        var pending: [UInt8] = []
        var invalid = 0
        func flush() {
            guard !pending.isEmpty else { return }
            switch mojibake {
            case .utf8Mojibake, .utf8, .utf16:
                // A no-break space (0xA0) inside a UTF-8 sequence is often turned into a space.
                for k in pending.indices where pending[k] == 0x20 && k > 0 {
                    let p = pending[k - 1]
                    if p == 0xC3 || p == 0xC6 || (k > 1 && pending[k - 2] == 0xE1 && (p == 0xBA || p == 0xBB)) {
                        pending[k] = 0xA0
                    }
                }
                let (s, bad) = LegacyCodec.decodeUTF8(pending)
                out.append(contentsOf: s)
                invalid += bad
            case .tcvn3Mojibake:
                out.append(contentsOf: legacyScalars(pending, .tcvn3))
            case .vniMojibake:
                out.append(contentsOf: legacyScalars(pending, .vni))
            case .tcvn3, .vni, .viscii, .cp1258, .viqr:
                out.append(contentsOf: legacyScalars(pending, mojibake))
            }
            pending.removeAll(keepingCapacity: true)
        }
        for v in scalars {
            if let b = LegacyCodec.cp1252Byte(v) { pending.append(b) } else { flush(); out.append(v) }
        }
        flush()
        return (out, invalid)
    }

    /// A character that rarely occurs in correct Vietnamese text but often in mojibake.
    @inline(__always) static func isSuspicious(_ v: UInt32) -> Bool {
        if v >= 0x80 && v <= 0xFF { return v != 0xA0 && VietLetters.lookup(v) == 0 }
        switch v {
        case 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17E, 0x192, 0x2C6, 0x2DC,
             0x2030, 0x2039, 0x203A, 0x201A, 0x201E, 0x2020, 0x2021:
            return true
        default:
            return false
        }
    }

    struct Score {
        var good = 0
        var bad = 0
        var share: Double { good + bad == 0 ? 0 : Double(good) / Double(good + bad) }
    }

    /// Counts words with non-ASCII letters that are valid syllables (good) or not (bad); stray
    /// Latin-1 symbols, C0/C1 controls and U+FFFD count as bad.
    static func score(_ s: [UInt32]) -> Score {
        var result = Score()
        var i = 0
        let n = s.count
        while i < n {
            let v = s[i]
            let cls = ScalarClass.of(v)
            if cls == .letter || cls == .mark {
                var j = i
                var nonASCII = false
                while j < n {
                    let c = ScalarClass.of(s[j])
                    guard c == .letter || c == .mark else { break }
                    if s[j] >= 0x80 { nonASCII = true }
                    j += 1
                }
                if nonASCII {
                    if Syllable.isValid(s, i, j) { result.good += 1 } else { result.bad += 1 }
                }
                i = j
                continue
            }
            if v == 0xFFFD || (v >= 0x80 && v <= 0xBF && v != 0xA0) || v == 0xD7 || v == 0xF7
                || (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) {
                result.bad += 1
            }
            i += 1
        }
        return result
    }
}
