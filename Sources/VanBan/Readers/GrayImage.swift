import Foundation

/// An 8-bit grey image as `pdftoppm -gray` writes it (binary PGM, `P5`): the size of a rendered page, checked
/// before OCR, and the degraded pages (noise, skew) the OCR measures are scored on.
public struct GrayImage: Sendable, Equatable {
    public let width: Int
    public let height: Int
    /// Row by row, 0 black to 255 white.
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height, "a grey image needs width × height pixels")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// The width and height a PGM header states, without its pixels; nil when `bytes` do not start as binary PGM.
    public static func size(ofPGM bytes: some Collection<UInt8>) -> (width: Int, height: Int, dataStart: Int)? {
        var fields: [Int] = []
        var i = bytes.startIndex, offset = 0
        guard bytes.starts(with: "P5".utf8) else { return nil }
        i = bytes.index(i, offsetBy: 2); offset = 2
        while fields.count < 3, i != bytes.endIndex {
            let b = bytes[i]
            if b == 0x23 {  // a comment runs to the end of its line
                while i != bytes.endIndex, bytes[i] != 0x0A { i = bytes.index(after: i); offset += 1 }
            } else if (0x30...0x39).contains(b) {
                var n = 0
                while i != bytes.endIndex, (0x30...0x39).contains(bytes[i]) {
                    n = n &* 10 &+ Int(bytes[i] - 0x30)
                    guard n < 1 << 31 else { return nil }
                    i = bytes.index(after: i); offset += 1
                }
                fields.append(n)
                continue
            } else if !(b == 0x20 || (0x09...0x0D).contains(b)) {
                return nil
            }
            i = bytes.index(after: i); offset += 1
        }
        // One white-space byte ends the header.
        guard fields.count == 3, fields[2] == 255, i != bytes.endIndex else { return nil }
        return (fields[0], fields[1], offset + 1)
    }

    /// Reads a binary PGM of 8-bit samples; nil when `bytes` are not one.
    public init?(pgm bytes: [UInt8]) {
        guard let (w, h, start) = Self.size(ofPGM: bytes), w > 0, h > 0, bytes.count >= start + w * h else { return nil }
        self.init(width: w, height: h, pixels: Array(bytes[start..<start + w * h]))
    }

    /// The image as a binary PGM file.
    public var pgm: [UInt8] {
        Array("P5\n\(width) \(height)\n255\n".utf8) + pixels
    }

    /// The image as an uncompressed grey TIFF of `dpi` dots per inch, which ``ImageReader`` reads.
    public func tiff(dpi: Int) -> [UInt8] { Self.tiff(pages: [self], dpi: dpi) }

    /// `pages` as one multi-page TIFF, uncompressed grey, of `dpi` dots per inch.
    public static func tiff(pages: [GrayImage], dpi: Int) -> [UInt8] {
        var out: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0]
        func u16(_ v: Int) { out += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int) { u16(v & 0xFFFF); u16(v >> 16 & 0xFFFF) }
        let count = 12
        for (k, page) in pages.enumerated() {
            // Each page: its directory, its two resolutions, its pixels; then the next page's directory.
            let rationals = out.count + 2 + 12 * count + 4
            let data = rationals + 16
            let next = k + 1 < pages.count ? data + page.pixels.count : 0
            // (tag, type: 3 SHORT, 4 LONG, 5 RATIONAL, value or offset)
            let entries: [(Int, Int, Int)] = [
                (256, 4, page.width), (257, 4, page.height), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, data),
                (277, 3, 1), (278, 4, page.height), (279, 4, page.pixels.count), (282, 5, rationals), (283, 5, rationals + 8), (296, 3, 2),
            ]
            u16(count)
            for (tag, type, value) in entries {
                u16(tag); u16(type); u32(1)
                if type == 3 { u16(value); u16(0) } else { u32(value) }
            }
            u32(next)
            for _ in 0..<2 { u32(dpi); u32(1) }
            out += page.pixels
        }
        return out
    }

    /// The image as a poor scan shows it: turned by `skewDegrees` (a shear, as small angles are), with a
    /// fraction `noise` of its pixels flipped to black or white at random (`seed` makes it repeatable).
    public func degraded(noise: Double, skewDegrees: Double, seed: UInt64) -> GrayImage {
        var out = [UInt8](repeating: 255, count: pixels.count)
        let slope = tan(skewDegrees * Double.pi / 180)
        for y in 0..<height {
            let dx = Int((Double(y - height / 2) * slope).rounded())
            for x in 0..<width {
                let sx = x - dx
                let sy = y + Int((Double(x - width / 2) * slope).rounded())
                if sx >= 0, sx < width, sy >= 0, sy < height { out[y * width + x] = pixels[sy * width + sx] }
            }
        }
        var state = seed | 1
        let threshold = UInt64(noise * Double(UInt32.max))
        for i in out.indices {
            // xorshift64*: repeatable and cheap.
            state ^= state >> 12; state ^= state << 25; state ^= state >> 27
            let r = (state &* 0x2545_F491_4F6C_DD1D) >> 32
            if r < threshold { out[i] = r & 1 == 0 ? 0 : 255 }
        }
        return GrayImage(width: width, height: height, pixels: out)
    }
}
