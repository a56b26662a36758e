import Foundation
import VietText

/// PDF through `pdftotext` (Debian's poppler-utils, installed by `make deps`). The text layer of a `.VnTime`
/// PDF holds TCVN3 bytes shown as Windows-1252, with ư as U+2212 and ã as U+2219: ``LegacyRuns`` judges each
/// line. A page without a text layer (a scan) is read by OCR (``OCREngine``, as its mode says); a PDF that
/// gives no text, and a password-protected one, are reported as giving no text. Known by its extension, or by
/// a file that starts with `%PDF-`.
public struct PDFReader: FileReader {
    public let extensions = ["pdf"]
    let tool: ExternalTool
    let ocr: OCREngine
    /// `executable`: where to find pdftotext; nil searches `PATH`. `ocr` reads the pages without text.
    public init(executable: String? = nil, ocr: OCREngine = OCREngine()) {
        tool = ExternalTool("pdftotext", package: "poppler-utils", path: executable)
        self.ocr = ocr
    }

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.starts(with: "%PDF-"))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        // Messages are silenced with -q: a damaged file can print thousands of lines.
        let output = try tool.run(["-enc", "UTF-8", "-q", url.path, "-"], for: url)
        guard output.status == 0 else {
            // pdftotext's exit codes: 1 for a file it cannot open (damaged, or locked by a password), 3 for a
            // file whose permissions forbid copying its text.
            if output.status == 1, try Self.isEncrypted(head) {
                throw VanBanError.noText(path: url.path, reason: "password-protected PDF: save it without the password to index it")
            }
            let meaning = switch output.status {
            case 1: "damaged or not a PDF"
            case 3: "the PDF forbids copying its text (encrypted)"
            default: "exit \(output.status)"
            }
            throw VanBanError.unreadable(path: url.path, reason: "pdftotext failed: \(meaning)" + (output.message.isEmpty ? "" : ": " + output.message))
        }
        // pdftotext ends each page with a form feed.
        var pages = String(decoding: output.stdout, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        if pages.count > 1, pages.last!.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { pages.removeLast() }
        let blank = pages.indices.filter { Self.lacksText(pages[$0]) }.map { $0 + 1 }
        let wanted: [Int] = switch ocr.mode {
        case .auto: blank
        case .always: Array(1...pages.count)
        case .never: []
        }
        var warnings: [String] = []
        var read: [Int: String] = [:]
        if !wanted.isEmpty {
            if let missing = ocr.unavailable(for: url) {
                if blank.count == pages.count { throw VanBanError.noText(path: url.path, reason: "scanned PDF, no text layer: \(missing)") }
                if !blank.isEmpty { warnings.append("\(Self.pages(blank.count)) without a text layer not read: \(missing)") }
            } else {
                let bytes = try head.contents()
                read = try ocr.recognize(pdf: url, fileHash: StableHash.hex(bytes) + "-\(bytes.count)", pages: wanted)
                    .filter { !Self.lacksText($0.value) }
            }
        }
        if read.isEmpty && blank.count == pages.count {
            let reason = switch ocr.mode {
            case .never: "scanned PDF, no text layer: pass --ocr auto (needs tesseract-ocr-vie: make deps)"
            default: "scanned PDF: no text found by OCR"
            }
            throw VanBanError.noText(path: url.path, reason: reason)
        }
        // Each page as OCR read it, or its text layer decoded.
        var texts: [String] = []
        var layerPages = 0
        var legacy = Set<TextEncoding>()
        for (i, layer) in pages.enumerated() {
            if let text = read[i + 1] {
                texts.append(text)
            } else if !layer.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                let decoded = LegacyRuns.decode(layer, glyphs: .pdf)
                texts.append(decoded.text)
                legacy.formUnion(decoded.legacy)
                layerPages += 1
            }
        }
        // As LegacyRuns names a text's encodings, then "ocr" when pages were read by it.
        var names = legacy.isEmpty ? (layerPages > 0 ? [TextEncoding.utf8.rawValue] : []) : [TextEncoding.tcvn3, .vni].filter(legacy.contains).map(\.rawValue)
        if !read.isEmpty { names.append("ocr") }
        var file = SourceFile(text: texts.joined(separator: "\n"), format: "pdf", encoding: names.joined(separator: "+"), formatTitle: nil, metadata: [:])
        file.ocrPages = read.keys.sorted()
        file.warnings = warnings
        return .read(file)
    }

    /// Whether a page's text layer is as good as none: fewer than ``OCREngine/minimumLayerCharacters`` that are not space.
    static func lacksText(_ page: String) -> Bool {
        var count = 0
        for scalar in page.unicodeScalars where !scalar.properties.isWhitespace {
            count += 1
            if count >= OCREngine.minimumLayerCharacters { return false }
        }
        return true
    }

    static func pages(_ n: Int) -> String { n == 1 ? "1 page" : "\(n) pages" }

    /// Whether the PDF's trailer names an `/Encrypt` dictionary (looked for in its last 64 KiB and its head).
    static func isEncrypted(_ head: FileHead) throws -> Bool {
        if head.contains("/Encrypt") { return true }
        let bytes = try head.contents()
        let tail = FileHead(url: head.url, bytes: Array(bytes.suffix(65_536)), isWhole: false)
        return tail.contains("/Encrypt")
    }
}
