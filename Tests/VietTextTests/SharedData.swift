import Foundation

/// Locates `../shared` (beside the package root) from this file's path.
enum SharedData {
    static let root: URL = {
        var package = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while package.path != "/" && !FileManager.default.fileExists(atPath: package.appendingPathComponent("Package.swift").path) {
            package.deleteLastPathComponent()
        }
        return package.deletingLastPathComponent().appendingPathComponent("shared")
    }()
    static let docs = root.appendingPathComponent("corpus-vn/docs")
    static let available = FileManager.default.fileExists(atPath: docs.path)

    /// The corpus documents, sorted by name.
    static func documents() throws -> [(name: String, text: String)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.map { ($0, try String(contentsOf: docs.appendingPathComponent($0), encoding: .utf8)) }
    }

    /// A real paragraph with at least `minLength` bytes from the corpus (deterministic choice).
    static func paragraphs(minLength: Int = 200, limit: Int = 20) throws -> [String] {
        var out: [String] = []
        for doc in try documents() {
            for para in doc.text.split(separator: "\n") where para.utf8.count >= minLength {
                out.append(String(para))
                break
            }
            if out.count >= limit { break }
        }
        return out
    }
}
