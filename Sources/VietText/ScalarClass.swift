/// Per-scalar canonical mapping (doc section 4.4 steps 2–5 plus fullwidth ASCII) and classification.
enum ScalarClass: UInt8 {
    case letter, digit, mark, ignorable, space, newline, dash, slash, dot, comma, other

    /// Marker returned by `canonical` for scalars that are deleted.
    static let deleted: UInt32 = 0xFFFF_FFFF

    /// Maps look-alikes to their canonical scalar: Ð/ð → Đ/đ, dashes → "-", slashes → "/",
    /// NBSP/U+202F/U+2007 → space, fullwidth ASCII → ASCII; soft hyphen, zero-width characters,
    /// joiners and BOM → `deleted`.
    @inline(__always) static func canonical(_ v: UInt32) -> UInt32 {
        if v < 0xA0 { return v }
        switch v {
        case 0xA0, 0x2007, 0x202F: return 0x20
        case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return deleted
        case 0xD0: return 0x110
        case 0xF0: return 0x111
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return 0x2D
        case 0x2044, 0x2215, 0xFF0F: return 0x2F
        case 0xFF01...0xFF5E: return v - 0xFEE0
        default: return v
        }
    }

    /// Class of a canonical scalar (the result of `canonical`).
    @inline(__always) static func of(_ v: UInt32) -> ScalarClass {
        if v < 0x80 { return ascii(v) }
        if v == deleted { return .ignorable }
        if VietLetters.lookup(v) != 0 || v == 0x110 || v == 0x111 { return .letter }
        if v >= 0x300 && v <= 0x36F { return .mark }
        return slowClass(v)
    }

    @inline(__always) static func ascii(_ b: UInt32) -> ScalarClass {
        switch b {
        case 0x61...0x7A, 0x41...0x5A: return .letter
        case 0x30...0x39: return .digit
        case 0x20, 0x09: return .space
        case 0x0A, 0x0D, 0x0B, 0x0C: return .newline
        case 0x2D: return .dash
        case 0x2F: return .slash
        case 0x2E: return .dot
        case 0x2C: return .comma
        default: return .other
        }
    }

    private static func slowClass(_ v: UInt32) -> ScalarClass {
        if v >= 0x2016 && v <= 0x2027 { return .other }  // quotes, bullets, ellipsis
        guard let scalar = Unicode.Scalar(v) else { return .other }
        let props = scalar.properties
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .lineSeparator, .paragraphSeparator: return .newline
        case .spaceSeparator: return .space
        case .decimalNumber: return .letter
        default: return props.isAlphabetic ? .letter : .other
        }
    }
}
