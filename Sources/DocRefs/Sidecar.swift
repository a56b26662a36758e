import Foundation

/// Metadata overrides stored beside a document: `NAME.txt.json` or `NAME.json` next to `NAME.txt`,
/// a JSON object with any of "number", "type", "issuer", "date", "title", "signer" as strings.
public struct Sidecar {
    public enum Failure: Error, Equatable { case notAnObject(String) }

    /// The sidecar's string fields, nil when there is no sidecar. Throws when it is unreadable or not a JSON object.
    public static func load(for fileURL: URL) throws -> [String: String]? {
        guard fileURL.pathExtension.lowercased() != "json" else { return nil }
        let candidates = [fileURL.appendingPathExtension("json"), fileURL.deletingPathExtension().appendingPathExtension("json")]
        guard let url = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else { return nil }
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        guard let dict = object as? [String: Any] else { throw Failure.notAnObject(url.path) }
        return dict.compactMapValues { $0 as? String }
    }

    /// Overrides the header's fields with the sidecar's; a "number" that does not parse is ignored.
    public static func apply(_ fields: [String: String], to header: inout DocumentHeader) {
        if let n = fields["number"].flatMap(DocNumberParser.parse) { header.number = n }
        if let v = fields["type"] { header.type = v }
        if let v = fields["issuer"] { header.issuer = v }
        if let v = fields["date"] { header.date = v }
        if let v = fields["title"] {
            header.title = v
            header.titleDerived = false
        }
        if let v = fields["signer"] { header.signer = v }
    }
}
