import Foundation

/// Sidecar metadata: `NAME.json` (or `NAME.ext.json`) beside a file, whose string fields
/// (`number`, `type`, `issuer`, `date`, `title`, `signer`) override what is extracted.
public enum Sidecars {
    /// The sidecar paths considered for `url`, most specific first.
    public static func candidates(for url: URL) -> [URL] {
        [url.appendingPathExtension("json"), url.deletingPathExtension().appendingPathExtension("json")]
    }

    /// Loads the sidecar of `url`, or nil when it has none. A sidecar that is not a JSON object is an error.
    public static func load(for url: URL) throws -> [String: String]? {
        guard url.pathExtension.lowercased() != "json" else { return nil }
        for candidate in candidates(for: url) where FileManager.default.fileExists(atPath: candidate.path) {
            let data = try Data(contentsOf: candidate)
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw VanBanError.unreadable(path: candidate.path, reason: "sidecar is not a JSON object")
            }
            var fields: [String: String] = [:]
            for (key, value) in object {
                if let s = value as? String { fields[key] = s } else if let n = value as? NSNumber { fields[key] = n.stringValue }
            }
            return fields
        }
        return nil
    }

    /// True when `url` is the sidecar of another file in `siblings` (names in the same folder).
    public static func isSidecar(_ url: URL, siblings: Set<String>) -> Bool {
        guard url.pathExtension.lowercased() == "json" else { return false }
        let stem = url.deletingPathExtension().lastPathComponent
        if siblings.contains(stem) { return true }  // NAME.ext.json
        return siblings.contains { $0 != url.lastPathComponent && ($0 as NSString).deletingPathExtension == stem }
    }
}
