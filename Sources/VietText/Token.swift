/// What a token stands for.
public enum TokenKind: String, Codable, Sendable {
    /// A syllable or other run of letters (possibly with digits, such as "QH14").
    case word
    /// Digits, possibly grouped by "." or "," ("2021", "1.000.000").
    case number
    /// A date in one of the forms 13/8/2021, 13-8-2021, 13.8.2021, 13 tháng 8 năm 2021.
    case date
    /// A document number such as 565-CV/ĐĐTLĐ or 02/2021/NĐ-CP.
    case docnumber
}

/// One token of analysed text.
public struct Token: Codable, Sendable, Equatable {
    /// The token as it appears in the input.
    public var text: String
    /// Index term: normalised, lower-case, marks kept, canonical tone. Dates: "YYYY-MM-DD".
    /// Document numbers: separators "-" and "/" without spaces ("565-cv/đđtlđ").
    public var exact: String
    /// `Folding.fold(exact)`: no marks, đ → d.
    public var folded: String
    public var kind: TokenKind
    /// UTF-8 byte offset of the first byte in the input string.
    public var start: Int
    /// UTF-8 byte offset just past the last byte in the input string.
    public var end: Int
    /// Word position. A date or document number shares its position with its first part.
    public var position: Int

    public init(text: String, exact: String, folded: String, kind: TokenKind, start: Int, end: Int, position: Int) {
        self.text = text
        self.exact = exact
        self.folded = folded
        self.kind = kind
        self.start = start
        self.end = end
        self.position = position
    }
}
