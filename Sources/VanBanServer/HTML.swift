import Foundation

/// Text made safe for a page: every text the page shows passes through here or through Mustache's escaping.
enum HTML {
    /// `text` without the bidirectional controls (U+202A–U+202E, U+2066–U+2069) that would reorder what
    /// follows them on the page; the marks U+200E/U+200F stay, they reorder nothing beyond their neighbours.
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isBidiControl) else { return text }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: text.unicodeScalars.lazy.filter { !isBidiControl($0) })
        return String(out)
    }

    static func isBidiControl(_ s: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
    }

    /// `text` cleaned, with `&`, `<`, `>`, `"` and `'` escaped: over its UTF-8 bytes, and `text` itself when
    /// nothing is to be escaped or removed (most of a page's words).
    static func escape(_ text: String) -> String {
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { watched[Int($0)] }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            var i = first
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                // U+202A–U+202E are E2 80 AA–AE, U+2066–U+2069 are E2 81 A6–A9 (``isBidiControl(_:)``).
                case 0xE2 where i + 2 < bytes.count
                    && ((bytes[i + 1] == 0x80 && (0xAA...0xAE).contains(bytes[i + 2]))
                        || (bytes[i + 1] == 0x81 && (0xA6...0xA9).contains(bytes[i + 2]))):
                    i += 3
                    continue
                default: out.append(byte)
                }
                i += 1
            }
            return out
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The bytes ``escape(_:)`` looks at: the five it escapes and the lead byte of the bidirectional controls.
    private static let watched: [Bool] = (0..<256).map { [0x26, 0x3C, 0x3E, 0x22, 0x27, 0xE2].contains($0) }

    /// `text` escaped, each of the UTF-8 ranges `marks` (sorted, not overlapping) inside `<mark>`: the text is
    /// cut at the ranges first and each piece escaped, so a mark never splits an entity.
    static func marked(_ text: String, _ marks: [Range<Int>]) -> String {
        let utf8 = Array(text.utf8)
        var out = ""
        var last = 0
        for mark in marks where mark.lowerBound >= last && mark.upperBound <= utf8.count {
            out += escape(String(decoding: utf8[last..<mark.lowerBound], as: UTF8.self))
            out += "<mark>" + escape(String(decoding: utf8[mark], as: UTF8.self)) + "</mark>"
            last = mark.upperBound
        }
        return out + escape(String(decoding: utf8[last...], as: UTF8.self))
    }

    /// ``marked(_:_:)`` for highlights given as `[start, end]` pairs (the JSON's form).
    static func marked(_ text: String, pairs: [[Int]]) -> String {
        marked(text, pairs.compactMap { $0.count == 2 && $0[0] <= $0[1] ? $0[0]..<$0[1] : nil })
    }
}

/// A link within the site: a path and its query, each value percent-encoded.
enum Link {
    /// `value` with every byte but the unreserved ones (RFC 3986: letters, digits, `-._~`) percent-encoded,
    /// over its UTF-8 bytes (Foundation's `addingPercentEncoding` took a tenth of a page's time).
    static func encode(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count * 3)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `path?k=v&…`, leaving out the parameters without a value or with an empty one.
    static func to(_ path: String, _ query: [(String, String?)]) -> String {
        let pairs = query.compactMap { key, value in value.flatMap { $0.isEmpty ? nil : "\(key)=\(encode($0))" } }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }
}
