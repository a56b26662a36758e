import Foundation

/// Reads one kind of file into a ``SourceFile``. ``ReaderRegistry`` asks each reader how well it
/// ``match(_:)``es a file, tries the best first, and goes on to the next when one hands the file over.
public protocol FileReader: Sendable {
    /// Lower-case extensions this reader takes by name, without the dot; the scanner keeps files so
    /// named without reading them.
    var extensions: [String] { get }
    /// Among readers that match a file equally well, the higher priority is tried first (default 0).
    var priority: Int { get }
    /// How well this reader can read the file whose first bytes are `head` (default: ``ReaderMatch/name``
    /// for its ``extensions``, else ``ReaderMatch/none``).
    func match(_ head: FileHead) -> ReaderMatch
    /// Reads the file, or hands it over to the next candidate when it cannot give its text.
    func read(_ head: FileHead) throws -> ReadOutcome
}

extension FileReader {
    public var priority: Int { 0 }

    public func match(_ head: FileHead) -> ReaderMatch {
        extensions.contains(head.pathExtension) ? .name : .none
    }

    /// ``ReaderMatch/signature`` when `signed`, else the match by name.
    func match(_ head: FileHead, signed: Bool) -> ReaderMatch {
        signed ? .signature : extensions.contains(head.pathExtension) ? .name : .none
    }
}

/// How well a reader fits a file; only the readers with the best match are tried.
public enum ReaderMatch: Int, Comparable, Sendable {
    /// It cannot read the file.
    case none
    /// The start of the text looks like its format (`<html`, `---` front matter): taken when no reader
    /// claims the file by its name or its signature.
    case hint
    /// The file's extension is one of the reader's.
    case name
    /// The first bytes carry the format's signature (`%PDF-`, a Word zip): conclusive, whatever the name.
    case signature

    public static func < (a: ReaderMatch, b: ReaderMatch) -> Bool { a.rawValue < b.rawValue }
}

/// What a reader made of a file.
public enum ReadOutcome: Sendable {
    /// The file's text and metadata.
    case read(SourceFile)
    /// The reader cannot give the text; the registry tries the next candidate, and reports `reason` when
    /// none is left. (A file read without text throws ``VanBanError/noText(path:reason:)`` instead.)
    case handOver(reason: String)
}

/// The first bytes of a file, read once by ``ReaderRegistry`` for the readers to judge it by; for a
/// small file, the whole of it, so that its reader does not read it again.
public struct FileHead: Sendable {
    /// The most bytes a head holds: a Word file's first entries, and the 8 kB the binary check looks at.
    public static let size = 8192
    /// The file.
    public let url: URL
    /// The extension, lower-case, without the dot ("" when there is none).
    public let pathExtension: String
    /// The first ``size`` bytes, or the whole file when it is shorter.
    public let bytes: [UInt8]
    /// True when ``bytes`` is the whole file.
    public let isWhole: Bool

    public init(url: URL, bytes: [UInt8], isWhole: Bool) {
        self.url = url
        pathExtension = url.pathExtension.lowercased()
        self.bytes = bytes
        self.isWhole = isWhole
    }

    /// Reads the head of `url`, with a clear error when it cannot.
    public init(reading url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw VanBanError.unreadable(path: url.path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: Self.size)
        var count = 0
        var atEnd = false
        while count < Self.size {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, Self.size - count) }
            if n == 0 { atEnd = true; break }
            if n < 0 {
                if errno == EINTR { continue }
                throw VanBanError.unreadable(path: url.path, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            count += n
        }
        bytes.removeSubrange(count...)
        self.init(url: url, bytes: bytes, isWhole: atEnd)
    }

    /// The whole file: the head when it is all of it, else read from the disk.
    public func contents() throws -> [UInt8] {
        isWhole ? bytes : try readBytes(url)
    }

    /// Whether the bytes start with `prefix`.
    public func starts(with prefix: String) -> Bool {
        bytes.starts(with: prefix.utf8)
    }

    /// Whether the text starts with `prefix` (lower-case ASCII, compared without case), after a UTF-8 BOM and,
    /// when `afterSpace`, ASCII white space.
    public func textStarts(with prefix: String, afterSpace: Bool = false) -> Bool {
        var text = bytes[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        if afterSpace { text = text.drop { $0 == 0x20 || (0x09...0x0D).contains($0) } }
        let wanted = prefix.utf8
        guard text.count >= wanted.count else { return false }
        return zip(text, wanted).allSatisfy { a, b in a == b || (0x41...0x5A).contains(a) && a | 0x20 == b }
    }

    /// Whether `needle` occurs in the bytes.
    public func contains(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first, bytes.count >= n.count else { return false }
        var i = 0
        while i <= bytes.count - n.count {
            if bytes[i] == first, bytes[i..<i + n.count].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }
}
