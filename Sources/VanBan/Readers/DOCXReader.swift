import Foundation
import ZIPFoundation
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
        let archive: Archive
        do {
            let bytes = try head.contents()
            // A truncated or damaged zip has no end-of-directory record; ZIPFoundation would keep the bytes
            // it was given when it refuses them, so such a file is turned away here.
            guard Self.hasZipDirectory(bytes) else { throw VanBanError.unreadable(path: url.path, reason: "not a valid .docx (zip) file") }
            // Opened from memory: ZIPFoundation's file-URL path leaks its file-system path buffer on Linux,
            // and a .docx is small.
            archive = try Archive(data: Data(bytes), accessMode: .read)
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
        return .read(SourceFile(text: collector.text, format: "docx", encoding: "utf-8", formatTitle: nil, metadata: [:]))
    }

    /// Whether the zip end-of-central-directory record ("PK\u{5}\u{6}") sits in the last 64 KiB + 22 bytes.
    static func hasZipDirectory(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22 else { return false }
        var i = bytes.count - 22
        let stop = max(0, bytes.count - 22 - 0xFFFF)
        while i >= stop {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { return true }
            i -= 1
        }
        return false
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
