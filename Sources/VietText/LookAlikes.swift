import Foundation

/// The one table of look-alike scalars and base letters, shared by the analyzer (``Analyzer``,
/// ``Folding``) and the reference parser (DocRefs): what one treats as the same character, the other does too.
public enum LookAlikes {
    /// What ``canonical(_:)`` returns for a scalar that is deleted.
    public static let deleted: UInt32 = 0xFFFF_FFFF

    /// The canonical scalar of `v`: Ð/ð → Đ/đ, dashes → `-`, slashes → `/`, NBSP-like and ideographic
    /// spaces → space, fullwidth ASCII → ASCII; the soft hyphen, zero-width characters, joiners and the
    /// BOM → ``deleted``. Every other scalar is its own.
    @inline(__always) public static func canonical(_ v: UInt32) -> UInt32 {
        if v < 0xA0 { return v }
        switch v {
        case 0xA0, 0x2007, 0x202F, 0x3000: return 0x20
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return deleted
        case 0xD0: return 0x110
        case 0xF0: return 0x111
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return 0x2D
        case 0x2044, 0x2215, 0xFF0F: return 0x2F
        case 0xFF01...0xFF5E: return v - 0xFEE0
        default: return v
        }
    }

    /// Whether `v` is a combining diacritical mark (U+0300–U+036F): it belongs to the letter before it.
    @inline(__always) public static func isCombiningMark(_ v: UInt32) -> Bool { v >= 0x300 && v <= 0x36F }

    /// The base letter of a canonical scalar as upper-case ASCII, and whether the scalar is upper case:
    /// `ế` → (`E`, false), `Đ` → (`D`, true), `q` → (`Q`, false); nil for anything but a Latin letter.
    @inline(__always) public static func baseLetter(_ v: UInt32) -> (base: UInt8, isUpper: Bool)? {
        if v < 0x80 {
            if v >= 0x61 && v <= 0x7A { return (UInt8(v) - 0x20, false) }
            if v >= 0x41 && v <= 0x5A { return (UInt8(v), true) }
            return nil
        }
        let info = VietLetters.lookup(v)
        if info != 0 { return (VietLetters.baseASCII[Int(VietLetters.vowel(info))] - 0x20, VietLetters.isUpper(info)) }
        guard v < UInt32(latinBase.count) else { return nil }
        let e = latinBase[Int(v)]
        return e == 0 ? nil : (UInt8(e & 0xFF), e & 0x100 != 0)
    }

    /// Base letter (upper-case ASCII) and case of every other Latin letter up to U+1EFF, from the
    /// canonical decomposition; Đ and đ are D.
    private static let latinBase: [UInt16] = {
        var table = [UInt16](repeating: 0, count: 0x1F00)
        for v in 0xC0..<0x1F00 {
            guard let scalar = Unicode.Scalar(UInt32(v)), scalar.properties.isAlphabetic else { continue }
            var base: UInt8 = 0
            if v == 0x110 || v == 0x111 || v == 0xD0 || v == 0xF0 {
                base = 0x44
            } else if let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                      first.isASCII, first.properties.isAlphabetic {
                base = UInt8(first.value) & 0xDF
            }
            if base != 0 { table[v] = UInt16(base) | (scalar.properties.isUppercase ? 0x100 : 0) }
        }
        return table
    }()
}
