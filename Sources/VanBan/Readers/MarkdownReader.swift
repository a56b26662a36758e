import Foundation
import VietText
import Yams

/// Markdown, with optional YAML front matter whose `number`, `type`, `issuer`, `date`, `title`
/// and `signer` override what is extracted from the text.
public struct MarkdownReader: FileReader {
    public let extensions = ["md", "markdown"]
    public init() {}

    public func read(_ url: URL) throws -> SourceFile {
        let bytes = try readBytes(url)
        try rejectBinary(bytes, url)
        let decoded = TextDecoder.decode(bytes)
        let (front, body) = Self.splitFrontMatter(decoded.text)
        var metadata: [String: String] = [:]
        if let front {
            let loaded: Any?
            do { loaded = try Yams.load(yaml: front) } catch {
                throw VanBanError.unreadable(path: url.path, reason: "invalid YAML front matter: \(error)")
            }
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
        return SourceFile(text: Self.plainText(body), format: "md", encoding: decoded.encoding.rawValue,
                          formatTitle: nil, metadata: metadata)
    }

    /// Splits `---`-delimited front matter from the body.
    static func splitFrontMatter(_ text: String) -> (String?, String) {
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else { return (nil, text) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 1..<lines.count where lines[i].trimmingCharacters(in: .whitespaces) == "---" {
            let front = lines[1..<i].joined(separator: "\n")
            let body = lines[(i + 1)...].joined(separator: "\n")
            return (front, body)
        }
        return (nil, text)
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
