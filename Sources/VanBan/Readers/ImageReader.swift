import Foundation

/// Scanned pages as images — `.png`, `.jpg`/`.jpeg`, `.tif`/`.tiff` (every page of a multi-page TIFF) — read by
/// OCR (``OCREngine``). Known by its extension or its signature. An image without text, one larger than the
/// engine's pixel limit, and any image while OCR is off or not installed, are reported with the reason.
public struct ImageReader: FileReader {
    public let extensions = ["png", "jpg", "jpeg", "tif", "tiff"]
    let ocr: OCREngine

    public init(ocr: OCREngine = OCREngine()) { self.ocr = ocr }

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: Self.kind(of: head.bytes) != nil)
    }

    /// The format a file's first bytes announce: `png`, `jpeg` or `tiff`.
    static func kind(of bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpeg" }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return "tiff" }
        return nil
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        guard ocr.mode != .never else {
            throw VanBanError.noText(path: url.path, reason: "image: OCR is off (--ocr never): pass --ocr auto to read it")
        }
        if let missing = ocr.unavailable(for: url) { throw VanBanError.noText(path: url.path, reason: "image: " + missing) }
        let bytes = try head.contents()
        guard let kind = Self.kind(of: bytes) else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged image: not a PNG, JPEG or TIFF file")
        }
        if let (width, height) = Self.size(of: bytes, kind: kind) {
            try ocr.checkSize(width, height, url, what: "the image")
        }
        let text = try ocr.recognize(image: url, bytes: bytes)
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if pages.count > 1, pages.last!.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { pages.removeLast() }
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            throw VanBanError.noText(path: url.path, reason: "image: no text found by OCR")
        }
        var file = SourceFile(text: pages.joined(separator: "\n"), format: kind, encoding: "ocr", formatTitle: nil, metadata: [:])
        file.ocrPages = Array(1...max(1, pages.count))
        return .read(file)
    }

    /// Width and height of a PNG (its IHDR), a JPEG (its first frame header) or a TIFF (its first page); nil when
    /// the bytes do not say.
    static func size(of b: [UInt8], kind: String) -> (Int, Int)? {
        func be(_ i: Int, _ n: Int) -> Int? {
            guard i >= 0, i + n <= b.count else { return nil }
            return b[i..<i + n].reduce(0) { $0 << 8 | Int($1) }
        }
        switch kind {
        case "png":
            guard let w = be(16, 4), let h = be(20, 4) else { return nil }
            return (w, h)
        case "jpeg":
            var i = 2
            while i + 9 < b.count, b[i] == 0xFF {
                let marker = b[i + 1]
                if marker == 0xFF { i += 1; continue }
                guard let length = be(i + 2, 2) else { return nil }
                // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC) hold the frame's size.
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    guard let h = be(i + 5, 2), let w = be(i + 7, 2) else { return nil }
                    return (w, h)
                }
                i += 2 + length
            }
            return nil
        default:
            let little = b.first == 0x49
            func int(_ i: Int, _ n: Int) -> Int? {
                guard i >= 0, i + n <= b.count else { return nil }
                let bytes = little ? Array(b[i..<i + n].reversed()) : Array(b[i..<i + n])
                return bytes.reduce(0) { $0 << 8 | Int($1) }
            }
            guard let ifd = int(4, 4), let entries = int(ifd, 2) else { return nil }
            var width: Int?, height: Int?
            for k in 0..<min(entries, 512) {
                let e = ifd + 2 + 12 * k
                guard let tag = int(e, 2), let type = int(e + 2, 2) else { return nil }
                let value = type == 3 ? int(e + 8, 2) : int(e + 8, 4)
                if tag == 256 { width = value } else if tag == 257 { height = value }
            }
            guard let width, let height else { return nil }
            return (width, height)
        }
    }
}
