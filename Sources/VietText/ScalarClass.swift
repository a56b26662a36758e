/// The class of a canonical scalar (see ``LookAlikes/canonical(_:)``, doc section 4.4 steps 2–5 plus fullwidth ASCII).
enum ScalarClass: UInt8 {
    case letter, digit, mark, ignorable, space, newline, dash, slash, dot, comma, other

    /// Class of a canonical scalar (the result of ``LookAlikes/canonical(_:)``).
    @inline(__always) static func of(_ v: UInt32) -> ScalarClass {
        if v < 0x80 { return ascii(v) }
        if v == LookAlikes.deleted { return .ignorable }
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
