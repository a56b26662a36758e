extension StringProtocol {
    /// The text without its leading and trailing scalars for which `isTrimmed` holds (white space by
    /// default). Works on Unicode scalars; Foundation's `trimmingCharacters(in:)` goes through NSString,
    /// which cost a third of a query's parsing.
    public func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace }) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
              let last = scalars.lastIndex(where: { !isTrimmed($0) }) else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[first...last])
        return String(out)
    }
}

extension StringProtocol {
    /// The text on one line: every run of white space (line breaks, tabs, look-alike spaces) becomes one
    /// space, and the ends are trimmed. "Nghị định số\n39/2022/NĐ-CP" → "Nghị định số 39/2022/NĐ-CP".
    public var oneLine: String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace || LookAlikes.canonical(scalar.value) == 0x20 {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}
