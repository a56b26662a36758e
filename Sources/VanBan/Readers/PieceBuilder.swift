import VietText

/// Gathers a document's text as ``LegacyRuns/Piece``s while a reader walks it: a piece ends at each line end
/// and tab, and where the encoding the font declares changes.
struct PieceBuilder {
    private(set) var pieces: [LegacyRuns.Piece] = []
    private var run: [UInt32] = []
    private var runFont: TextEncoding?
    /// The last character appended, 0 before the first.
    private(set) var last: UInt32 = 0

    /// Appends `text` written in a font declaring `font`.
    mutating func append(_ text: String, font: TextEncoding? = nil) {
        for scalar in text.unicodeScalars { append(scalar.value, font: font) }
    }

    /// Appends one character; a line end or a tab ends the piece.
    mutating func append(_ scalar: UInt32, font: TextEncoding? = nil) {
        if font != runFont, !run.isEmpty, scalar != 0x0A, scalar != 0x09 { flush() }
        if run.isEmpty { runFont = font }
        run.append(scalar)
        last = scalar
        if scalar == 0x0A || scalar == 0x09 { flush() }
    }

    /// Ends the line unless it is empty or already ended.
    mutating func endLine() {
        if last != 0, last != 0x0A { append(0x0A) }
    }

    /// The pieces, the last one included.
    mutating func finish() -> [LegacyRuns.Piece] {
        flush()
        return pieces
    }

    private mutating func flush() {
        guard !run.isEmpty else { return }
        pieces.append(LegacyRuns.Piece(scalars: run, font: runFont))
        run.removeAll(keepingCapacity: true)
    }
}
