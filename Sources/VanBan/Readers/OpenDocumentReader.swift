import Foundation
import VietText
#if canImport(FoundationXML)
import FoundationXML
#endif

/// OpenDocument text, spreadsheets and presentations (`.odt`, `.ods`, `.odp`): the text of `content.xml`.
/// Paragraphs and headings end a line, as do table rows and slides; table cells end with a tab; `<text:s>`
/// gives its spaces. Fonts whose names declare a legacy encoding (`.VnTime`, `VNI-Times`) are evidence for
/// the text of the styles that use them. Known by its extension, or by a zip whose `mimetype` names
/// an OpenDocument type.
public struct OpenDocumentReader: FileReader {
    public let extensions = ["odt", "ods", "odp", "ott", "ots", "otp"]
    public init() {}

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.starts(with: "PK\u{3}\u{4}") && head.contains("application/vnd.oasis.opendocument."))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        let named = extensions.contains(head.pathExtension) ? "." + head.pathExtension : ".odt"
        let archive = try ZipDocument.open(head, what: named)
        // The mimetype says which kind it is, whatever the name.
        let mimetype = try ZipDocument.part(archive, "mimetype", url: url, what: named).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let what = mimetype.hasSuffix(".spreadsheet") ? ".ods" : mimetype.hasSuffix(".presentation") ? ".odp"
            : mimetype.hasSuffix(".text") ? ".odt" : named
        guard let xml = try ZipDocument.part(archive, "content.xml", url: url, what: what) else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged \(what): no content.xml inside")
        }
        let collector = OpenDocumentCollector()
        try ZipDocument.parse(xml, "content.xml", with: collector, url: url)
        let decoded = LegacyRuns.decode(collector.pieces())
        return .read(SourceFile(text: decoded.text, format: String(what.dropFirst()), encoding: decoded.encodingName,
                                formatTitle: nil, metadata: [:]))
    }
}

/// Collects the text of an OpenDocument `content.xml`, each span with the encoding its style's font declares.
private final class OpenDocumentCollector: NSObject, XMLParserDelegate {
    private var builder = PieceBuilder()
    /// Font face name → the encoding it declares.
    private var faces: [String: TextEncoding] = [:]
    /// Automatic style name → the encoding its font declares.
    private var styles: [String: TextEncoding] = [:]
    private var definingStyle: String?
    /// The encoding of each open element that named a style (nil where it named none).
    private var fontStack: [TextEncoding?] = []
    /// Depth inside elements whose text is not the document's (`<text:tracked-changes>`, annotations' metadata).
    private var hidden = 0
    /// Depth inside paragraphs and headings: text elsewhere is the layout's white space.
    private var paragraphs = 0
    /// Depth inside table cells, where a paragraph's end is a line break only when more text follows.
    private var cells = 0
    private var pendingBreak = false

    func pieces() -> [LegacyRuns.Piece] { builder.finish() }

    private var font: TextEncoding? { fontStack.last { $0 != nil } ?? nil }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "style:font-face":
            if let face = attributes["style:name"], let e = LegacyFont.encoding(ofFont: attributes["svg:font-family"] ?? face) {
                faces[face] = e
            }
        case "style:style":
            definingStyle = attributes["style:name"]
        case "style:text-properties":
            if let style = definingStyle, let face = attributes["style:font-name"], let e = faces[face] { styles[style] = e }
        case "text:tracked-changes", "dc:creator", "dc:date", "meta:date-string":
            hidden += 1
        case "text:tab":
            if hidden == 0 { builder.append(0x09, font: font) }
        case "text:line-break":
            if hidden == 0 { builder.append(0x0A, font: font) }
        case "text:s":
            if hidden == 0 { for _ in 0..<max(1, min(1000, Int(attributes["text:c"] ?? "1") ?? 1)) { builder.append(0x20, font: font) } }
        case "text:p", "text:h":
            paragraphs += 1
        case "table:table-cell", "table:covered-table-cell":
            cells += 1
        default:
            break
        }
        fontStack.append((attributes["text:style-name"] ?? attributes["table:style-name"]).flatMap { styles[$0] })
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        fontStack.removeLast()
        switch name {
        case "style:style": definingStyle = nil
        case "text:tracked-changes", "dc:creator", "dc:date", "meta:date-string": hidden -= 1
        case "text:p", "text:h":
            paragraphs -= 1
            if hidden == 0 { if cells > 0 { pendingBreak = true } else { builder.endLine() } }
        case "table:table-row", "draw:page": if hidden == 0 { builder.endLine() }
        case "table:table-cell", "table:covered-table-cell":
            cells -= 1
            pendingBreak = false
            if hidden == 0, builder.last != 0, builder.last != 0x0A { builder.append(0x09) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard hidden == 0, paragraphs > 0 else { return }
        if pendingBreak { builder.append(0x0A); pendingBreak = false }
        builder.append(string, font: font)
    }
}
