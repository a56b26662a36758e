import Foundation
import VietText

/// HTML: the visible text and the `<title>`; scripts, styles and comments are dropped,
/// block elements become line breaks and character references are decoded. Known by its extension,
/// or, under another name, by a text that opens with `<!DOCTYPE html` or `<html`.
public struct HTMLReader: FileReader {
    public let extensions = ["html", "htm", "xhtml"]
    public init() {}

    public func match(_ head: FileHead) -> ReaderMatch {
        if extensions.contains(head.pathExtension) { return .name }
        return head.textStarts(with: "<!doctype html", afterSpace: true) || head.textStarts(with: "<html", afterSpace: true) ? .hint : .none
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let bytes = try head.contents()
        try rejectBinary(bytes, head.url)
        let decoded = TextDecoder.decode(bytes)
        let (text, title) = Self.extract(decoded.text)
        var file = SourceFile(text: text, format: "html", encoding: decoded.encoding.rawValue, formatTitle: title, metadata: [:])
        file.warnings = decoded.invalidWarning
        return .read(file)
    }

    private static let blockTags: Set<String> = [
        "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
        "table", "ul", "ol", "section", "article", "header", "footer", "blockquote", "pre", "hr", "title",
    ]

    /// Visible text and title of an HTML page.
    static func extract(_ html: String) -> (text: String, title: String?) {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var title: String?
        var i = 0
        func lowerName(from j: Int) -> (String, Int) {
            var k = j
            var name = ""
            while k < s.count, s[k].properties.isAlphabetic || ("0"..."9").contains(s[k]) {
                name.unicodeScalars.append(s[k]); k += 1
            }
            return (name.lowercased(), k)
        }
        func skipPast(_ needle: String, from j: Int) -> Int {
            let n = Array(needle.unicodeScalars)
            var k = j
            while k + n.count <= s.count {
                var match = true
                for m in 0..<n.count where s[k + m].properties.lowercaseMapping != String(n[m]) && s[k + m] != n[m] {
                    match = false; break
                }
                if match { return k + n.count }
                k += 1
            }
            return s.count
        }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    i = skipPast("-->", from: i + 4); continue
                }
                let closing = i + 1 < s.count && s[i + 1] == "/"
                let (name, after) = lowerName(from: i + (closing ? 2 : 1))
                var end = after
                while end < s.count, s[end] != ">" { end += 1 }
                // A tag left open at the end of the page ends there.
                i = min(end + 1, s.count)
                if !closing, name == "script" || name == "style" {
                    i = skipPast("</\(name)", from: i)
                    while i < s.count, s[i] != ">" { i += 1 }
                    i += 1
                    continue
                }
                if !closing, name == "title" {
                    let start = i
                    let stop = skipPast("</title", from: i)
                    let raw = String(String.UnicodeScalarView(s[start..<max(start, stop - 7)]))
                    title = decodeEntities(raw).trimmingCharacters(in: .whitespacesAndNewlines)
                    i = stop
                    while i < s.count, s[i] != ">" { i += 1 }
                    i += 1
                    continue
                }
                if blockTags.contains(name) { out.append("\n") }
                continue
            }
            out.append(c)
            i += 1
        }
        let text = decodeEntities(String(out))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return (lines.joined(separator: "\n"), title?.isEmpty == false ? title : nil)
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "ndash": "–", "mdash": "—", "hellip": "…", "laquo": "«", "raquo": "»", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "shy": "\u{AD}",
    ]

    /// Decodes `&amp;`, `&#7897;` and `&#x1EC7;` style references; unknown ones stay as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let body = after[..<semi]
                var replacement: String?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if body.hasPrefix("#") {
                    replacement = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[String(body)]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }
}
