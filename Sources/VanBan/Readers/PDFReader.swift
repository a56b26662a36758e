import Foundation
import VietText

/// PDF through `pdftotext` (Debian's poppler-utils, installed by `make deps`). The text layer of a `.VnTime`
/// PDF holds TCVN3 bytes shown as Windows-1252, with ư as U+2212 and ã as U+2219: ``LegacyRuns`` judges each
/// line. A PDF without a text layer (a scan) and a password-protected one are reported as giving no text.
/// Known by its extension, or by a file that starts with `%PDF-`.
public struct PDFReader: FileReader {
    public let extensions = ["pdf"]
    let tool: ExternalTool
    /// `executable`: where to find pdftotext; nil searches `PATH`.
    public init(executable: String? = nil) { tool = ExternalTool("pdftotext", package: "poppler-utils", path: executable) }

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
        let raw = String(decoding: output.stdout, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        if raw.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw VanBanError.noText(path: url.path, reason: "scanned PDF, no text layer (OCR is not yet available)")
        }
        let decoded = LegacyRuns.decode(raw, glyphs: .pdf)
        return .read(SourceFile(text: decoded.text, format: "pdf", encoding: decoded.encodingName, formatTitle: nil, metadata: [:]))
    }

    /// Whether the PDF's trailer names an `/Encrypt` dictionary (looked for in its last 64 KiB and its head).
    static func isEncrypted(_ head: FileHead) throws -> Bool {
        if head.contains("/Encrypt") { return true }
        let bytes = try head.contents()
        let tail = FileHead(url: head.url, bytes: Array(bytes.suffix(65_536)), isWhole: false)
        return tail.contains("/Encrypt")
    }
}
