import DocRefs

/// What a document says about itself: its header (number, type, issuer, date, title, signer)
/// and the documents it cites. The one place where extraction, the format's own title,
/// front matter / sidecar overrides and the type fallback are combined; used by the indexer
/// and by `vanban extract`.
public struct DocumentMetadata: Sendable {
    /// The header after overrides.
    public var header: DocumentHeader
    /// The full type name: the header's, else the one the number's abbreviation stands for.
    public var type: String?
    /// Citations found in the text (the document's own number excluded).
    public var citations: [Citation]

    /// Extracts the metadata of `file`: header from the text, the format's title when the header
    /// has none, then the stated metadata (front matter, sidecar) overriding, then citations.
    public static func extract(from file: SourceFile) -> DocumentMetadata {
        var header = HeaderExtractor.extract(from: headerWindow(file.text))
        if header.title == nil, let title = file.formatTitle { header.title = title }
        Sidecar.apply(file.metadata, to: &header)
        let citations = CitationExtractor.extract(from: file.text, ownNumber: header.number)
        var type = header.type
        if type == nil, let number = header.number, let abbreviation = number.type {
            type = DocType.name(forAbbreviation: abbreviation, style: number.style)
        }
        return DocumentMetadata(header: header, type: type, citations: citations)
    }

    /// Lines kept from the start and from the end of the text for header extraction: at least as
    /// many as `HeaderExtractor` reads (its first 60 and last 80 cells; every counted line gives at
    /// least one cell). The test `headerWindowIsExact` checks the result equals a full-text run.
    static let headLines = 64
    static let tailLines = 96

    /// True when the UTF-8 sequence at `i` is an ASCII letter or digit or a Vietnamese letter
    /// (U+00C0–U+01BF, U+1EA0–U+1EFF): something `HeaderExtractor` never drops from a cell.
    private static func startsLetterOrDigit(_ utf8: String.UTF8View, _ i: String.Index) -> Bool {
        let byte = utf8[i]
        if byte < 0x80 { return (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) }
        if byte >= 0xC3 && byte <= 0xC6 { return true }
        guard byte == 0xE1 else { return false }
        let next = utf8.index(after: i)
        return next < utf8.endIndex && (utf8[next] == 0xBA || utf8[next] == 0xBB)
    }

    /// The first ``headLines`` and last ``tailLines`` lines holding a letter or digit (and the
    /// blank lines among them), or the whole text when it is shorter. Header extraction cost then
    /// no longer grows with the document's length.
    static func headerWindow(_ text: String) -> String {
        let utf8 = text.utf8
        var counted = 0
        var lineHasWord = false
        var headEnd: String.Index?
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                if lineHasWord { counted += 1; lineHasWord = false }
                if counted == headLines { headEnd = index; break }
            } else if startsLetterOrDigit(utf8, index) {
                lineHasWord = true
            }
            index = utf8.index(after: index)
        }
        guard let headEnd else { return text }
        counted = 0
        lineHasWord = false
        index = utf8.endIndex
        while index > headEnd {
            let previous = utf8.index(before: index)
            let byte = utf8[previous]
            if byte == 0x0A || byte == 0x0D {
                if lineHasWord { counted += 1; lineHasWord = false }
                if counted == tailLines { return String(text[..<headEnd]) + "\n" + String(text[index...]) }
            } else if startsLetterOrDigit(utf8, previous) {
                lineHasWord = true
            }
            index = previous
        }
        return text
    }
}
