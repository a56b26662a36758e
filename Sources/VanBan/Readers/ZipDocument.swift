// zlib, as ZIPFoundation links it, to check a deflate stream before ZIPFoundation inflates it.
import CZlib
import Foundation
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The zip-and-XML office formats (`.docx`, `.xlsx`, `.pptx`, OpenDocument): the archive checked whole before
/// ZIPFoundation opens it, and its XML parts checked before FoundationXML parses them.
enum ZipDocument {
    /// Opens the file as a zip; `what` names the format in messages (".docx").
    static func open(_ head: FileHead, what: String) throws -> Archive {
        let url = head.url
        do {
            let bytes = try head.contents()
            // A truncated or damaged zip is turned away here: ZIPFoundation would keep the bytes it was given when
            // it refuses them, and its in-memory archive traps when an offset points past the end.
            guard isWholeZip(bytes) else { throw VanBanError.unreadable(path: url.path, reason: "not a valid \(what) (zip) file") }
            // Opened from memory: ZIPFoundation's file-URL path leaks its file-system path buffer on Linux,
            // and an office file is small.
            return try Archive(data: Data(bytes), accessMode: .read)
        } catch let error as VanBanError {
            throw error
        } catch {
            throw VanBanError.unreadable(path: url.path, reason: "not a valid \(what) (zip) file")
        }
    }

    /// The entry `path` of `archive`, or nil when it has none.
    static func part(_ archive: Archive, _ path: String, url: URL, what: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { xml.append($0) }
        } catch {
            throw VanBanError.unreadable(path: url.path, reason: "damaged \(what): \(error)")
        }
        return xml
    }

    /// Parses the XML part `name` with `delegate`, after the checks that keep FoundationXML from trapping.
    static func parse(_ xml: Data, _ name: String, with delegate: any XMLParserDelegate, url: URL) throws {
        // Office formats write UTF-8; FoundationXML traps on an element name that is not, so other bytes are damage.
        guard xml.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }) != nil else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged \(name): not UTF-8")
        }
        // FoundationXML reads a processing instruction's data with strlen, and crashes on one without data (`<?x?>`).
        guard !hasProcessingInstructionWithoutData([UInt8](xml)) else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged \(name): a processing instruction without data")
        }
        let parser = XMLParser(data: xml)
        parser.delegate = delegate
        guard parser.parse() else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged \(name): \(parser.parserError.map { "\($0)" } ?? "parse error")")
        }
    }

    /// The names of `archive`'s entries under `folder` named `prefix` + a number + ".xml", in the order of
    /// their numbers (`ppt/slides/slide2.xml` before `slide10.xml`).
    static func numbered(_ archive: Archive, _ folder: String, _ prefix: String) -> [String] {
        var found: [(Int, String)] = []
        for entry in archive {
            let path = entry.path
            guard path.hasPrefix(folder + prefix), path.hasSuffix(".xml") else { continue }
            let middle = path.dropFirst(folder.count + prefix.count).dropLast(4)
            if let n = Int(middle) { found.append((n, path)) }
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }
    /// Whether `xml` holds `<?NAME?>`: a target, then nothing but spaces before `?>`.
    static func hasProcessingInstructionWithoutData(_ xml: [UInt8]) -> Bool {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var i = 0
        while i + 1 < xml.count {
            defer { i += 1 }
            guard xml[i] == 0x3C, xml[i + 1] == 0x3F else { continue }
            var j = i + 2
            while j < xml.count, !isSpace(xml[j]), xml[j] != 0x3F { j += 1 }
            while j < xml.count, isSpace(xml[j]) { j += 1 }
            if j + 1 < xml.count, xml[j] == 0x3F, xml[j + 1] == 0x3E { return true }
        }
        return false
    }

    /// Whether `bytes` is a zip whose every part lies inside it: an end-of-central-directory record in the last
    /// 64 KiB + 22 bytes (the one nearest the end, as ZIPFoundation finds it) whose comment fits in the file (else
    /// ZIPFoundation refuses the archive and leaks the bytes it was given), no ZIP64 records, and each entry the
    /// directory lists, with its local header and data, within the file; and whose every deflated
    /// entry ending in `.xml` is a stream that ends within its data (ZIPFoundation's inflate loop never ends on one cut short).
    static func isWholeZip(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 22 else { return false }
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func signature(_ i: Int, _ kind: UInt8) -> Bool {
            i + 4 <= bytes.count && bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == kind && bytes[i + 3] == kind + 1
        }
        let stop = max(0, bytes.count - 22 - 0xFFFF)
        guard let end = stride(from: bytes.count - 22, through: stop, by: -1).first(where: { signature($0, 5) }),
              end + 22 + u16(end + 20) <= bytes.count, !(end >= 20 && signature(end - 20, 6)) else { return false }
        var at = u32(end + 16)
        for _ in 0..<u16(end + 10) {
            guard at + 46 <= end, signature(at, 1) else { return false }
            let compressed = u32(at + 20), size = u32(at + 24), local = u32(at + 42)
            guard ![compressed, size, local].contains(0xFFFF_FFFF), local + 30 <= bytes.count, signature(local, 3) else { return false }
            // The bytes read: the compressed size, or for a stored entry (method 0) either size.
            let data = local + 30 + u16(local + 26) + u16(local + 28)
            guard data + (u16(at + 10) == 0 ? max(compressed, size) : compressed) <= bytes.count else { return false }
            let nameLength = u16(at + 28)
            if u16(at + 10) == 8, at + 46 + nameLength <= end, bytes[at + 46..<at + 46 + nameLength].reversed().starts(with: "lmx.".utf8),
               !deflateStreamEnds(bytes[data..<data + compressed]) {
                return false
            }
            at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32)
        }
        return true
    }
}

/// Whether the raw deflate stream `data` reaches its end within `data`.
private func deflateStreamEnds(_ data: ArraySlice<UInt8>) -> Bool {
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return false }
    defer { inflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: 1 << 16)
    return data.withUnsafeBufferPointer { input in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        while true {
            let result = output.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            // Z_OK goes on; Z_BUF_ERROR is input used up before the end; anything else is damage.
            guard result == Z_OK else { return result == Z_STREAM_END }
        }
    }
}

