/// Encodes text into the legacy encodings (the inverse of `TextDecoder`), for tests, fixtures
/// and export. Characters an encoding cannot represent become "?".
public enum TextEncoder {
    /// The bytes of `text` in `encoding`. Text is composed first (NFC for Vietnamese letters).
    /// Mojibake encodings give the UTF-8 bytes of the mojibake string
    /// (for example `.tcvn3Mojibake`: "Công" → the UTF-8 of "C«ng").
    public static func encode(_ text: String, as encoding: TextEncoding) -> [UInt8] {
        var scalars = text.unicodeScalars.map(\.value)
        WordForm.compose(&scalars)
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 2)
        switch encoding {
        case .utf8:
            for v in scalars { WordForm.appendUTF8(v, to: &out) }
        case .utf16:
            out = [0xFF, 0xFE]
            for unit in WordForm.string(scalars).utf16 { out.append(UInt8(unit & 0xFF)); out.append(UInt8(unit >> 8)) }
        case .tcvn3:
            for v in scalars { out.append(tcvn3Byte(v)) }
        case .viscii:
            for v in scalars { out.append(v < 0x80 && !visciiTakenASCII.contains(v) ? UInt8(v) : LegacyCodec.visciiInverse[v] ?? 0x3F) }
        case .cp1258:
            for v in scalars { LegacyCodec.encodeCP1258(v, to: &out) }
        case .vni:
            for v in scalars { LegacyCodec.encodeVNI(v, to: &out) }
        case .viqr:
            for v in scalars { LegacyCodec.encodeVIQR(v, to: &out) }
        case .utf8Mojibake, .tcvn3Mojibake, .vniMojibake:
            let inner: TextEncoding = encoding == .utf8Mojibake ? .utf8 : encoding == .tcvn3Mojibake ? .tcvn3 : .vni
            for b in encode(text, as: inner) {
                WordForm.appendUTF8(b < 0x80 ? UInt32(b) : UInt32(LegacyTables.cp1252High[Int(b) - 0x80]), to: &out)
            }
        }
        return out
    }

    /// ASCII control slots that VISCII gives to letters; those controls cannot be encoded.
    static let visciiTakenASCII: Set<UInt32> = [0x02, 0x05, 0x06, 0x14, 0x19, 0x1E]

    /// TCVN3 (ABC) byte: the lower-case byte for an upper-case toned letter, as `.VnTimeH`
    /// documents store it, when the VN1 capital slot is a control or C1 byte.
    static func tcvn3Byte(_ v: UInt32) -> UInt8 {
        if v < 0x80 { return UInt8(v) }
        if let b = LegacyCodec.tcvn3Inverse[v], b >= 0xA0 { return b }
        let info = VietLetters.lookup(v)
        if info != 0 {
            let lower = VietLetters.scalar(vowel: VietLetters.vowel(info), tone: VietLetters.tone(info), upper: false)
            if let b = LegacyCodec.tcvn3Inverse[lower] { return b }
        }
        return LegacyCodec.tcvn3Inverse[v] ?? 0x3F
    }
}
