import Foundation
import VietText
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word `.docx`: the paragraphs of `word/document.xml`, one per line. Each table cell ends its
/// line too, so a two-column letterhead reads like the plain-text layout the header extractor
/// knows (left block lines, then right block lines). Known by its extension, or by a zip whose first
/// entries are those of a Word document.
public struct DOCXReader: FileReader {
    public let extensions = ["docx"]
    public init() {}

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.starts(with: "PK\u{3}\u{4}")
              && (head.contains("word/document.xml") || head.contains("word/_rels/document.xml.rels")))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        let archive = try ZipDocument.open(head, what: ".docx")
        guard let xml = try ZipDocument.part(archive, "word/document.xml", url: url, what: ".docx") else {
            throw VanBanError.unreadable(path: url.path, reason: "no word/document.xml inside the .docx")
        }
        let collector = WordTextCollector()
        try ZipDocument.parse(xml, "document.xml", with: collector, url: url)
        let decoded = LegacyRuns.decode(collector.pieces())
        return .read(SourceFile(text: decoded.text, format: "docx", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }
}

/// Collects `<w:t>` text; `<w:p>` and `<w:tc>` end a line, `<w:tab/>` gives a tab, `<w:br/>` a newline. A run's
/// `<w:rFonts>` says the encoding its font declares (`VNI-Times`, `.VnTime`).
private final class WordTextCollector: NSObject, XMLParserDelegate {
    private var builder = PieceBuilder()
    private var inText = false
    private var font: TextEncoding?

    func pieces() -> [LegacyRuns.Piece] { builder.finish() }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "w:t": inText = true
        case "w:r": font = nil
        case "w:rFonts": font = (attributes["w:ascii"] ?? attributes["w:hAnsi"]).flatMap(LegacyFont.encoding(ofFont:))
        case "w:tab": builder.append(0x09)
        case "w:br", "w:cr": builder.append(0x0A)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:p": builder.append(0x0A)
        case "w:tc": builder.endLine()
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { builder.append(string, font: font) }
    }
}
