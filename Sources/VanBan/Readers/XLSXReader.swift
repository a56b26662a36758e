import Foundation
import VietText
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Excel `.xlsx`: each worksheet (`xl/worksheets/sheetN.xml`, in order) row by row, one row a line, its
/// cells separated by tabs; shared strings (`xl/sharedStrings.xml`) and inline strings resolved, numbers as
/// written. Legacy bytes (TCVN3, VNI) are judged per cell and line by ``LegacyRuns``. Known by its extension,
/// or by a zip whose first entries are those of a workbook.
public struct XLSXReader: FileReader {
    public let extensions = ["xlsx", "xlsm"]
    public init() {}

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.starts(with: "PK\u{3}\u{4}") && (head.contains("xl/workbook.xml") || head.contains("xl/_rels/workbook")))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        let archive = try ZipDocument.open(head, what: ".xlsx")
        var shared: [String] = []
        if let xml = try ZipDocument.part(archive, "xl/sharedStrings.xml", url: url, what: ".xlsx") {
            let collector = SharedStringsCollector()
            try ZipDocument.parse(xml, "sharedStrings.xml", with: collector, url: url)
            shared = collector.strings
        }
        let sheets = ZipDocument.numbered(archive, "xl/worksheets/", "sheet")
        guard !sheets.isEmpty else { throw VanBanError.unreadable(path: url.path, reason: "damaged .xlsx: no worksheet inside") }
        var builder = PieceBuilder()
        for sheet in sheets {
            guard let xml = try ZipDocument.part(archive, sheet, url: url, what: ".xlsx") else { continue }
            let collector = SheetCollector(shared: shared)
            try ZipDocument.parse(xml, String(sheet.split(separator: "/").last!), with: collector, url: url)
            builder.append(collector.text)
            builder.endLine()
        }
        let decoded = LegacyRuns.decode(builder.finish())
        return .read(SourceFile(text: decoded.text, format: "xlsx", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }
}

/// The strings of `xl/sharedStrings.xml`, each `<si>` the text of its `<t>` elements.
private final class SharedStringsCollector: NSObject, XMLParserDelegate {
    private(set) var strings: [String] = []
    private var current = ""
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// One worksheet's cells: a row a line, cells separated by tabs.
private final class SheetCollector: NSObject, XMLParserDelegate {
    private let shared: [String]
    private(set) var text = ""
    private var cellType: String?
    private var value = ""
    private var inValue = false
    private var cellsInRow = 0

    init(shared: [String]) { self.shared = shared }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row": cellsInRow = 0
        case "c": cellType = attributes["t"]; value = ""
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            var cell = value
            if cellType == "s" { cell = Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? "" }
            guard !cell.isEmpty else { return }
            if cellsInRow > 0 { text += "\t" }
            text += cell
            cellsInRow += 1
        case "row": if cellsInRow > 0 { text += "\n" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string }
    }
}
