import DocRefs
import Foundation

/// Text and metadata read from one file, before analysis.
public struct SourceFile: Sendable {
    /// The decoded text.
    public var text: String
    /// Format name: `txt`, `md`, `html`, `docx`, `pdf`.
    public var format: String
    /// The encoding the text was decoded from (`utf-8`, `tcvn3`, …).
    public var encoding: String
    /// A title the format itself states (HTML `<title>`), if any.
    public var formatTitle: String?
    /// Metadata stated beside the text (YAML front matter, sidecar JSON); overrides extraction.
    public var metadata: [String: String]
}

/// Reads one kind of file into a ``SourceFile``.
public protocol FileReader: Sendable {
    /// Lower-case extensions this reader takes, without the dot.
    var extensions: [String] { get }
    func read(_ url: URL) throws -> SourceFile
}

/// The readers VanBan knows, chosen by file extension.
public struct ReaderRegistry: Sendable {
    public let readers: [any FileReader]

    public init(readers: [any FileReader] = [TextReader(), MarkdownReader(), HTMLReader(), DOCXReader(), PDFReader()]) {
        self.readers = readers
    }

    /// The reader for `url`, or nil when the format is unsupported.
    public func reader(for url: URL) -> (any FileReader)? {
        let ext = url.pathExtension.lowercased()
        return readers.first { $0.extensions.contains(ext) }
    }

    /// Reads `url` and applies its sidecar metadata (`NAME.json` or `NAME.ext.json` beside it).
    public func read(_ url: URL) throws -> SourceFile {
        guard let reader = reader(for: url) else { throw VanBanError.unsupported(path: url.path) }
        var file = try reader.read(url)
        file.text = Self.composed(file.text)
        let sidecar: [String: String]?
        do { sidecar = try Sidecar.load(for: url) } catch {
            throw VanBanError.unreadable(path: url.path, reason: "sidecar metadata is not a JSON object")
        }
        if let sidecar { file.metadata.merge(sidecar) { _, new in new } }
        return file
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

/// Reads the whole file, with a clear error when it cannot. Plain POSIX reads: Foundation's
/// `Data(contentsOf:)` leaks its buffer on an empty file on Linux. The buffer is sized from the
/// file's length, so that a huge file is not copied as it grows.
func readBytes(_ url: URL) throws -> [UInt8] {
    let fd = open(url.path, O_RDONLY)
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
