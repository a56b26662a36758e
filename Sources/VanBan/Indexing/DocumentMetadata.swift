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
    /// Fields the header does not state, with where they came from: "number" → "file name"; "date" →
    /// "appendix heading" (the "(Kèm theo … số N ngày …)" line of its own appendix) or "issue statement" (a
    /// news text's "Ngày 2/12/2025, Chính phủ ban hành Nghị quyết 389/NQ-CP …", which gives "type" too);
    /// "issuer" → "number"
    /// (its issuer code); "title" → "first sentence" (``DocRefs/DocumentHeader/titleDerived``).
    public var derived: [String: String] = [:]

    /// Extracts the metadata of `file`: header from the text, the format's title when the header
    /// has none (a first sentence standing in gives way to it), then the stated metadata (front matter, sidecar) overriding; then what the header
    /// leaves out from the appendix headings, the file name and the number's issuer code; then citations.
    /// A text longer than ``TextWindows/size`` is read in windows, which bounds the memory the
    /// extractors need: the header from the first and last window, citations window by window
    /// (a short form is then resolved within its own window only).
    public static func extract(from file: SourceFile, fileName: String? = nil) -> DocumentMetadata {
        let windows = TextWindows(file.text)
        var header = HeaderExtractor.extract(from: windows.headAndTail)
        if header.title == nil || header.titleDerived, let title = file.formatTitle {
            header.title = title
            header.titleDerived = false
        }
        Sidecar.apply(file.metadata, to: &header)
        var derived: [String: String] = [:]
        if header.titleDerived { derived["title"] = "first sentence" }
        if header.number == nil, let name = fileName, let number = DocNumberParser.parseFileName(name) {
            header.number = number
            derived["number"] = "file name"
        }
        if header.date == nil, let own = header.number,
           let date = BodyStatements.appendixParents(in: file.text).first(where: { $0.number.sameSymbol(as: own) })?.date {
            header.date = date
            derived["date"] = "appendix heading"
        }
        if header.date == nil, let own = header.number, let stated = BodyStatements.issueStatement(in: windows.headAndTail, of: own) {
            header.date = stated.date
            derived["date"] = "issue statement"
            if header.type == nil, let type = stated.type {
                header.type = type
                derived["type"] = "issue statement"
            }
        }
        if header.issuer == nil, let number = header.number, let issuer = IssuerCodes.issuer(of: number) {
            header.issuer = issuer
            derived["issuer"] = "number"
        }
        // A file that is only an appendix ("Phụ lục … (Kèm theo Quyết định số 13/2004/QĐ-BKHCN …)") names the document
        // it belongs to, which it does not cite.
        let own = header.number ?? BodyStatements.appendixParents(in: windows.headAndTail).first?.number
        var citations: [Citation] = []
        for i in 0..<windows.count {
            let (text, offset) = windows.window(i)
            for var citation in CitationExtractor.extract(from: text, ownNumber: own) {
                citation.start += offset
                citation.end += offset
                citations.append(citation)
            }
        }
        var type = header.type
        if type == nil, let number = header.number, let abbreviation = number.type {
            type = DocType.name(forAbbreviation: abbreviation, style: number.style)
        }
        return DocumentMetadata(header: header, type: type, citations: citations, derived: derived)
    }
}
