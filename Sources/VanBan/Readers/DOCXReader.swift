import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word `.docx`: the paragraphs of `word/document.xml`, one per line. Each table cell ends its
/// line too, so a two-column letterhead reads like the plain-text layout the header extractor
/// knows (left block lines, then right block lines).
public struct DOCXReader: FileReader {
    public let extensions = ["docx"]
    public init() {}

    public func read(_ url: URL) throws -> SourceFile {
        let archive: Archive
        do {
            archive = try Self.memoryArchive(try readBytes(url))
        } catch let error as VanBanError {
            throw error
        } catch {
            throw VanBanError.unreadable(path: url.path, reason: "not a valid .docx (zip) file")
        }
        guard let entry = archive["word/document.xml"] else {
            throw VanBanError.unreadable(path: url.path, reason: "no word/document.xml inside the .docx")
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        } catch {
            throw VanBanError.unreadable(path: url.path, reason: "damaged .docx: \(error)")
        }
        let collector = WordTextCollector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged document.xml: \(parser.parserError.map { "\($0)" } ?? "parse error")")
        }
        return SourceFile(text: collector.text, format: "docx", encoding: "utf-8", formatTitle: nil, metadata: [:])
    }

    /// The archive in `bytes`, opened from memory: ZIPFoundation's file-URL path leaks its file-system
    /// path buffer on Linux, and a .docx is small. When the bytes are not a zip, ZIPFoundation keeps the
    /// `Data` made here (its memory file is never closed); `.ci/lsan-suppressions.txt` names this function.
    private static func memoryArchive(_ bytes: [UInt8]) throws -> Archive {
        try Archive(data: Data(bytes), accessMode: .read)
    }
}

/// Collects `<w:t>` text; `<w:p>` and `<w:tc>` end a line, `<w:tab/>` gives a tab, `<w:br/>` a newline.
private final class WordTextCollector: NSObject, XMLParserDelegate {
    private(set) var text = ""
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "w:t": inText = true
        case "w:tab": text += "\t"
        case "w:br", "w:cr": text += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:t": inText = false
        case "w:p": text += "\n"
        case "w:tc" where !text.isEmpty && !text.hasSuffix("\n"): text += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { text += string }
    }
}
