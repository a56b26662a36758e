import Foundation
import VietText
import Yams

/// Markdown, with optional YAML front matter whose `number`, `type`, `issuer`, `date`, `title`
/// and `signer` override what is extracted from the text. Known by its extension, or, under another
/// name, by a text that opens with a `---` line (front matter).
public struct MarkdownReader: FileReader {
    public let extensions = ["md", "markdown"]
    public init() {}

    public func match(_ head: FileHead) -> ReaderMatch {
        if extensions.contains(head.pathExtension) { return .name }
        return head.textStarts(with: "---\n") || head.textStarts(with: "---\r\n") ? .hint : .none
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        let bytes = try head.contents()
        try rejectBinary(bytes, url)
        let decoded = TextDecoder.decode(bytes)
        let (front, body) = Self.splitFrontMatter(decoded.text)
        var metadata: [String: String] = [:]
        if let front {
            let node: Node?
            do { node = try Yams.compose(yaml: front) } catch {
                throw VanBanError.unreadable(path: url.path, reason: "invalid YAML front matter: \(error)")
            }
            if let node, !Self.hasTextKeys(node) {
                throw VanBanError.unreadable(path: url.path, reason: "invalid YAML front matter: a key that is not text")
            }
            let loaded = node?.any
            guard let map = loaded as? [String: Any] else {
                throw VanBanError.unreadable(path: url.path, reason: "YAML front matter is not a mapping")
            }
            for (key, value) in map {
                if let date = value as? Date {
                    metadata[key] = Self.isoDay(date)
                } else {
                    metadata[key] = "\(value)"
                }
            }
        }
        var file = SourceFile(text: Self.plainText(body), format: "md", encoding: decoded.encoding.rawValue,
                              formatTitle: nil, metadata: metadata)
        file.warnings = decoded.invalidWarning
        return .read(file)
    }

    /// Whether every mapping in `node` has text keys: Yams traps when it makes a dictionary of any other key
    /// (`{a: b}: c`, found by fuzzing).
    static func hasTextKeys(_ node: Node) -> Bool {
        switch node {
        case .scalar, .alias: true
        case .mapping(let mapping): mapping.allSatisfy { $0.key.scalar != nil && hasTextKeys($0.value) }
        case .sequence(let sequence): sequence.allSatisfy(hasTextKeys)
        }
    }

    /// Splits `---`-delimited front matter from the body. Lines end with LF or CRLF; the closing `---` may
    /// carry spaces around it. Works on UTF-8 bytes: CRLF is one `Character`, so a split on "\n" misses it.
    static func splitFrontMatter(_ text: String) -> (String?, String) {
        let utf8 = text.utf8
        guard utf8.starts(with: "---\n".utf8) || utf8.starts(with: "---\r\n".utf8),
              let opening = utf8.firstIndex(of: UInt8(ascii: "\n")) else { return (nil, text) }
        let frontStart = utf8.index(after: opening)
        var lineStart = frontStart
        while lineStart < utf8.endIndex {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            if isFence(text.unicodeScalars[lineStart..<(newline ?? utf8.endIndex)]) {
                // The front matter without the line break that ends its last line.
                var frontEnd = lineStart
                if frontEnd > frontStart { frontEnd = utf8.index(before: frontEnd) }
                if frontEnd > frontStart, utf8[utf8.index(before: frontEnd)] == UInt8(ascii: "\r") { frontEnd = utf8.index(before: frontEnd) }
                let body = newline.map { String(text[utf8.index(after: $0)...]) } ?? ""
                return (String(text[frontStart..<frontEnd]), body)
            }
            guard let newline else { break }
            lineStart = utf8.index(after: newline)
        }
        return (nil, text)
    }

    /// A line holding `---` alone, between spaces or tabs (its CR, when it ends in CRLF, included).
    private static func isFence(_ line: Substring.UnicodeScalarView) -> Bool {
        let isSpace = { (c: Unicode.Scalar) in c == "\t" || c == "\r" || c.properties.generalCategory == .spaceSeparator }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) }) else { return false }
        return line[first...last].elementsEqual("---".unicodeScalars)
    }

    /// Drops Markdown markup that carries no words: heading marks, emphasis, table pipes.
    static func plainText(_ body: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(body.unicodeScalars.count)
        var atLineStart = true
        for scalar in body.unicodeScalars {
            switch scalar {
            case "#" where atLineStart: continue
            case "*", "|": out.append(" ")
            default: out.append(scalar)
            }
            atLineStart = scalar == "\n" || (atLineStart && scalar == "#")
        }
        return String(out)
    }

    static func isoDay(_ date: Date) -> String {
        let f = DateFormatter()
        f.calendar = Calendar(identifier: .gregorian)
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: date)
    }
}
