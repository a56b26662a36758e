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
        var header = HeaderExtractor.extract(from: file.text)
        if header.title == nil, let title = file.formatTitle { header.title = title }
        Sidecar.apply(file.metadata, to: &header)
        let citations = CitationExtractor.extract(from: file.text, ownNumber: header.number)
        var type = header.type
        if type == nil, let number = header.number, let abbreviation = number.type {
            type = DocType.name(forAbbreviation: abbreviation, style: number.style)
        }
        return DocumentMetadata(header: header, type: type, citations: citations)
    }
}
