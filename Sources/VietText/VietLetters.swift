/// Lookup tables for the 12 Vietnamese vowel letters in their 6 tones, both cases.
///
/// A vowel letter is described by a vowel index (0...11 for a ă â e ê i o ô ơ u ư y),
/// a tone (0 level, 1 grave/huyền, 2 acute/sắc, 3 hook/hỏi, 4 tilde/ngã, 5 dot/nặng) and its case.
/// `info` maps a scalar value below 0x1F00 to that description; `compose` maps it back.
enum VietLetters {
    static let lowerRows: [String] = [
        "aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ",
    ]
    static let upperRows: [String] = [
        "AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ",
    ]
    /// Vowel indices.
    static let a: UInt8 = 0, ab: UInt8 = 1, ac: UInt8 = 2, e: UInt8 = 3, ec: UInt8 = 4, i: UInt8 = 5
    static let o: UInt8 = 6, oc: UInt8 = 7, oh: UInt8 = 8, u: UInt8 = 9, uh: UInt8 = 10, y: UInt8 = 11
    /// The ASCII base letter of each vowel index (for folding).
    static let baseASCII: [UInt8] = Array("aaaeeiooouuy".utf8)
    /// Whether the vowel carries a quality mark (ă â ê ô ơ ư).
    static let hasQuality: [Bool] = [false, true, true, false, true, false, false, true, true, false, true, false]

    static let tableLimit: UInt32 = 0x1F00
    /// 0 = not a Vietnamese vowel; else 0x8000 | upper << 7 | tone << 4 | vowel.
    static let info: [UInt16] = {
        var table = [UInt16](repeating: 0, count: Int(tableLimit))
        for (upper, rows) in [lowerRows, upperRows].enumerated() {
            for (vowel, row) in rows.enumerated() {
                for (tone, scalar) in row.unicodeScalars.enumerated() {
                    table[Int(scalar.value)] = 0x8000 | UInt16(upper << 7) | UInt16(tone << 4) | UInt16(vowel)
                }
            }
        }
        return table
    }()
    /// Index `(vowel * 6 + tone) * 2 + upper` → scalar value.
    static let compose: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 144)
        for (upper, rows) in [lowerRows, upperRows].enumerated() {
            for (vowel, row) in rows.enumerated() {
                for (tone, scalar) in row.unicodeScalars.enumerated() {
                    table[(vowel * 6 + tone) * 2 + upper] = scalar.value
                }
            }
        }
        return table
    }()

    @inline(__always) static func lookup(_ v: UInt32) -> UInt16 {
        v < tableLimit ? info[Int(v)] : 0
    }
    @inline(__always) static func scalar(vowel: UInt8, tone: UInt8, upper: Bool) -> UInt32 {
        compose[(Int(vowel) * 6 + Int(tone)) * 2 + (upper ? 1 : 0)]
    }
    @inline(__always) static func vowel(_ info: UInt16) -> UInt8 { UInt8(info & 0xF) }
    @inline(__always) static func tone(_ info: UInt16) -> UInt8 { UInt8((info >> 4) & 0x7) }
    @inline(__always) static func isUpper(_ info: UInt16) -> Bool { info & 0x80 != 0 }

    /// Tone carried by a combining mark, or nil.
    @inline(__always) static func toneOfMark(_ v: UInt32) -> UInt8? {
        switch v {
        case 0x300, 0x340: return 1
        case 0x301, 0x341: return 2
        case 0x309: return 3
        case 0x303: return 4
        case 0x323: return 5
        default: return nil
        }
    }
    /// The vowel obtained by adding a quality mark (U+0302, U+0306, U+031B) to `vowel`, or nil.
    @inline(__always) static func addQuality(_ mark: UInt32, to vowel: UInt8) -> UInt8? {
        switch (mark, vowel) {
        case (0x302, a): return ac
        case (0x302, e): return ec
        case (0x302, o): return oc
        case (0x306, a): return ab
        case (0x31B, o): return oh
        case (0x31B, u): return uh
        default: return nil
        }
    }
}
