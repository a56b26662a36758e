/// Diacritic folding for the "no-marks" term space (doc section 8.3).
public enum Folding {
    /// Removes every mark (tones and quality marks, and marks of other Latin letters),
    /// maps đ/Đ (and Ð/ð) to d, and lower-cases: "Nghị quyết Đảng" → "nghi quyet dang".
    public static func fold(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars { WordForm.appendFolded(scalar.value, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `s` carries any Vietnamese mark (tone or quality mark, precomposed or combining) or đ/Đ.
    public static func hasMarks(_ s: String) -> Bool {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 { continue }
            if v == 0x110 || v == 0x111 || v == 0xD0 || v == 0xF0 { return true }
            let info = VietLetters.lookup(v)
            if info != 0 && (VietLetters.tone(info) != 0 || VietLetters.hasQuality[Int(VietLetters.vowel(info))]) {
                return true
            }
            if VietLetters.toneOfMark(v) != nil || v == 0x302 || v == 0x306 || v == 0x31B { return true }
        }
        return false
    }
}
