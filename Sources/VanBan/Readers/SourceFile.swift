import Foundation
import VietText

/// Text and metadata read from one file, before analysis.
public struct SourceFile: Sendable {
    /// The decoded text.
    public var text: String
    /// Format name: `txt`, `md`, `html`, `docx`, `pdf`, `doc`, `rtf`, `odt`, `xls`, `xlsx`, `ppt`, `pptx`, ….
    public var format: String
    /// The encoding the text was decoded from (`utf-8`, `tcvn3`, …), `ocr` for text read by OCR (`utf-8+ocr`:
    /// a PDF with pages of both).
    public var encoding: String
    /// A title the format itself states (HTML `<title>`), if any.
    public var formatTitle: String?
    /// Metadata stated beside the text (YAML front matter, sidecar JSON); overrides extraction.
    public var metadata: [String: String]
    /// What went wrong short of a failure (bytes that are not UTF-8, replaced); the index report lists them.
    public var warnings: [String] = []
    /// The pages read by OCR, from 1 (an image's pages too); empty when none was.
    public var ocrPages: [Int] = []
}

extension SourceFile {
    /// FNV-1a 64 (hex) of what the document is made from besides its text: the format, the encoding, the
    /// format's title and the metadata stated beside the text. A file whose `mtime size` changed makes the same
    /// document only when this and the text's hash are both unchanged: front matter edited above the same text,
    /// or a file saved again in another encoding, must reach the index.
    var besidesTextHash: String {
        var bytes: [UInt8] = []
        // 0xFF never occurs in UTF-8: it ends each field; an absent title is told from an empty one.
        func add(_ field: String?) {
            if let field { bytes.append(0x01); bytes += field.utf8 } else { bytes.append(0x00) }
            bytes.append(0xFF)
        }
        add(format)
        add(encoding)
        add(formatTitle)
        for key in metadata.keys.sorted() {
            add(key)
            add(metadata[key])
        }
        return StableHash.hex(bytes)
    }
}

/// Reads the whole file, with a clear error when it cannot. Plain POSIX reads: Foundation's
/// `Data(contentsOf:)` leaks its buffer on an empty file on Linux. The buffer is sized from the
/// file's length, so that a huge file is not copied as it grows.
func readBytes(_ url: URL) throws -> [UInt8] {
    let fd = open(url.path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
        throw VanBanError.unreadable(path: url.path, reason: "cannot read: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var status = stat()
    if fstat(fd, &status) == 0 { bytes.reserveCapacity(Int(status.st_size)) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n == 0 { return bytes }
        if n < 0 {
            if errno == EINTR { continue }
            throw VanBanError.unreadable(path: url.path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        bytes.append(contentsOf: chunk[0..<n])
    }
}

/// Rejects data that is clearly not text (NUL bytes in the first 8 kB).
func rejectBinary(_ bytes: [UInt8], _ url: URL) throws {
    if bytes.prefix(8192).contains(0), !(bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) {
        throw VanBanError.unreadable(path: url.path, reason: "binary data, not text")
    }
}

extension DecodedText {
    /// The warning for bytes that could not be decoded (each replaced with U+FFFD), or none.
    var invalidWarning: [String] {
        guard invalidBytes > 0 else { return [] }
        let unit = invalidBytes == 1 ? "byte is" : "bytes are"
        return ["\(invalidBytes) \(unit) not valid \(encoding.rawValue) and shown as U+FFFD"]
    }
}
