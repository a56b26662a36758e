import Foundation
import VietText
#if canImport(FoundationXML)
import FoundationXML
#endif

/// PowerPoint `.pptx`: the text of each slide (`ppt/slides/slideN.xml`, in order), a paragraph a line, a
/// blank line between slides; a run's `<a:latin>` font says the encoding it declares (`VNI-Times`, `.VnTime`),
/// and ``LegacyRuns`` judges each run and line. Known by its extension, or by a zip whose first entries are
/// those of a presentation.
public struct PPTXReader: FileReader {
    public let extensions = ["pptx", "ppsx"]
    public init() {}

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.starts(with: "PK\u{3}\u{4}") && (head.contains("ppt/presentation.xml") || head.contains("ppt/_rels/presentation")))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        let archive = try ZipDocument.open(head, what: ".pptx")
        let slides = ZipDocument.numbered(archive, "ppt/slides/", "slide")
        guard !slides.isEmpty else { throw VanBanError.unreadable(path: url.path, reason: "damaged .pptx: no slide inside") }
        let collector = SlideCollector()
        for slide in slides {
            guard let xml = try ZipDocument.part(archive, slide, url: url, what: ".pptx") else { continue }
            try ZipDocument.parse(xml, String(slide.split(separator: "/").last!), with: collector, url: url)
            collector.endSlide()
        }
        let decoded = LegacyRuns.decode(collector.pieces())
        return .read(SourceFile(text: decoded.text, format: "pptx", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }
}

/// Collects `<a:t>` text; `<a:p>` and `<a:br/>` end a line.
private final class SlideCollector: NSObject, XMLParserDelegate {
    private var builder = PieceBuilder()
    private var inText = false
    private var font: TextEncoding?

    func pieces() -> [LegacyRuns.Piece] { builder.finish() }

    func endSlide() {
        builder.endLine()
        builder.append(0x0A)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "a:t": inText = true
        case "a:r": font = nil
        case "a:latin": font = attributes["typeface"].flatMap(LegacyFont.encoding(ofFont:))
        case "a:br": builder.append(0x0A)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "a:t": inText = false
        case "a:p": builder.endLine()
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { builder.append(string, font: font) }
    }
}
