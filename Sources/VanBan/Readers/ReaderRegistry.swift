import DocRefs
import Foundation

/// The readers VanBan knows. A file goes to the readers that match it best — by its first bytes, its
/// extension, or a hint of its format in its text (see ``ReaderMatch``) — the higher priority first,
/// then in the order given; each may hand it over to the next.
public struct ReaderRegistry: Sendable {
    /// The readers, in the order that breaks ties of match and priority.
    public let readers: [any FileReader]
    /// The OCR engine of the PDF and image readers, whose pages the index progress counts; nil when none was given.
    public let ocr: OCREngine?

    /// Text, Markdown, HTML, PDF, Word (`.docx`, `.doc`), RTF, OpenDocument, Excel (`.xlsx`, `.xls`),
    /// PowerPoint (`.pptx`, `.ppt`) and images; scanned PDF pages and images read by `ocr`.
    public static func standardReaders(ocr: OCREngine) -> [any FileReader] {
        [
            TextReader(), MarkdownReader(), HTMLReader(), DOCXReader(), PDFReader(ocr: ocr), DOCReader(), RTFReader(),
            OpenDocumentReader(), XLSXReader(), XLSReader(), PPTXReader(), PPTReader(), ImageReader(ocr: ocr),
        ]
    }

    /// The standard readers, OCR by `ocr` (default: as needed, no cache).
    public init(ocr: OCREngine = OCREngine()) {
        self.init(readers: Self.standardReaders(ocr: ocr), ocr: ocr)
    }

    public init(readers: [any FileReader], ocr: OCREngine? = nil) {
        self.readers = readers
        self.ocr = ocr
    }

    /// The readers that take the file whose head is `head`, in the order they are tried; empty when none does.
    public func candidates(for head: FileHead) -> [any FileReader] {
        var best = ReaderMatch.none
        var ranked: [(reader: any FileReader, order: Int)] = []
        for (order, reader) in readers.enumerated() {
            let match = reader.match(head)
            guard match != .none, match >= best else { continue }
            if match > best { best = match; ranked.removeAll() }
            ranked.append((reader, order))
        }
        return ranked.sorted { ($0.reader.priority, -$0.order) > ($1.reader.priority, -$1.order) }.map(\.reader)
    }

    /// Whether some reader takes `url`: by its extension without reading it, else by its head (a head
    /// that cannot be read is an error, not a "no").
    public func accepts(_ url: URL) throws -> Bool {
        let ext = url.pathExtension.lowercased()
        if readers.contains(where: { $0.extensions.contains(ext) }) { return true }
        return !candidates(for: try FileHead(reading: url)).isEmpty
    }

    /// Reads `url` with the first candidate that does not hand it over, and applies its sidecar metadata
    /// (`NAME.json` or `NAME.ext.json` beside it). A file every candidate hands over is unreadable; a file
    /// of 0 bytes, or whose text is only white space, gives ``VanBanError/noText(path:reason:)``.
    public func read(_ url: URL) throws -> SourceFile {
        let head = try FileHead(reading: url)
        let candidates = candidates(for: head)
        guard !candidates.isEmpty else { throw VanBanError.unsupported(path: url.path) }
        if head.isWhole && head.bytes.isEmpty { throw VanBanError.noText(path: url.path, reason: "0 bytes") }
        var reasons: [String] = []
        for reader in candidates {
            switch try reader.read(head) {
            case .read(var file):
                file.text = Self.composed(file.text)
                if file.text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                    throw VanBanError.noText(path: url.path, reason: "no text in the .\(file.format) file")
                }
                let sidecar: [String: String]?
                do { sidecar = try Sidecar.load(for: url) } catch {
                    throw VanBanError.unreadable(path: url.path, reason: "sidecar metadata is not a JSON object")
                }
                if let sidecar { file.metadata.merge(sidecar) { _, new in new } }
                return file
            case .handOver(let reason):
                reasons.append(reason)
            }
        }
        throw VanBanError.unreadable(path: url.path, reason: reasons.joined(separator: "; ") + "; no other reader takes it")
    }
}

extension ReaderRegistry {
    /// `text` in NFC when it holds combining marks (NFD files, "Unicode tổ hợp", CP1258), so that the
    /// stored text, the header fields and every span refer to composed letters; otherwise as it is.
    static func composed(_ text: String) -> String {
        // U+0300–U+036F are encoded with lead byte 0xCC or 0xCD.
        guard text.utf8.contains(where: { $0 == 0xCC || $0 == 0xCD }) else { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
