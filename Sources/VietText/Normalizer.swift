import Foundation

/// Display-safe normalisation of Vietnamese text (doc section 4.4 steps 1–5 and section 6).
///
/// Tone placement: every syllable is rewritten to the **modern style** ("kiểu mới"), where the
/// tone sits on the nucleus: hoà, thuỷ, khoẻ, quý, giữa. Both styles are in current use (even
/// NĐ 30/2020 mixes them), so the index needs one canonical form; the modern rule is the simpler
/// one (it never depends on the glide) and it is the default of current input methods.
/// Misplaced tones that are unambiguous ("qúa" → "quá", "gìa" → "già", "họat" → "hoạt") are
/// repaired by the same rule. Syllables that do not parse (foreign words, acronyms) are kept.
public enum Normalizer {
    /// NFC; Ð/ð → Đ/đ; tone placement in `tones` (the canonical modern style unless a display
    /// form asks for the other); dash look-alikes → "-"; slash look-alikes → "/"; NBSP, U+202F,
    /// U+2007 → space; soft hyphen, zero-width characters, joiners and BOM deleted; fullwidth
    /// ASCII → ASCII. Case is kept.
    public static func normalize(_ text: String, tones: ToneStyle = .modern) -> String {
        var s = WordForm.scalars(of: text)
        WordForm.compose(&s)
        WordForm.canonicalizeTones(&s, style: tones)
        return WordForm.string(s)
    }

    /// `text` in upper case: the Vietnamese letter tables for ASCII, đ and the vowels, Unicode's
    /// mapping for anything else.
    public static func uppercased(_ text: String) -> String {
        var s = text.unicodeScalars.map(\.value)
        WordForm.uppercase(&s)
        return WordForm.string(s)
    }

    /// The exact index form of a word or query: `normalize` then lower-case.
    public static func exactForm(_ word: String) -> String {
        var s = WordForm.scalars(of: word)
        WordForm.exact(&s)
        return WordForm.string(s)
    }
}
