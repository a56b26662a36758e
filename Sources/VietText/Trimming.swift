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
