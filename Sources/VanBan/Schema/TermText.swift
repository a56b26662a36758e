import VietText

/// Text forms used in terms and filters, on top of VietText's normalisation.
public enum TermText {
    /// Folded, lower-case, single-spaced: `Ủy ban  Nhân dân` → `uy ban nhan dan`.
    public static func folded(_ text: String) -> String {
        Folding.fold(Normalizer.normalize(text)).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .joined(separator: " ")
    }

    /// Exact form of a phrase: normalised and lower-cased, single-spaced.
    public static func exact(_ text: String) -> String {
        Normalizer.exactForm(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .joined(separator: " ")
    }

    /// Xapian refuses terms longer than 245 bytes; longer keys are cut at a scalar boundary.
    public static func clipped(_ term: String, limit: Int = 240) -> String {
        guard term.utf8.count > limit else { return term }
        var out = ""
        for scalar in term.unicodeScalars {
            if out.utf8.count + String(scalar).utf8.count > limit { break }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
