import ArgumentParser
import DocRefs
import Foundation
import VanBan

/// `vanban extract FILE... [--json]`: header metadata and citations of each file.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the number, type, issuer, date, title, signer and citations of documents.",
        discussion: """
        Reads every format `vanban index` reads (.txt in any detected encoding, .md with YAML front matter, \
        .html/.htm, .docx, .pdf through pdftotext); front matter and a NAME.json or NAME.ext.json sidecar \
        override the extracted fields they hold.

        Exit codes: 0 when every file was read; 3 when some file was missing, unreadable, binary or of an \
        unsupported format (an error naming it goes to stderr and the other files are still processed).
        """
    )

    @Argument(help: "Files to read.") var files: [String]
    @Flag(help: "One JSON object per file per line.") var json = false

    func run() throws {
        let registry = ReaderRegistry()
        var failed = false
        for path in files {
            do {
                let file = try registry.read(URL(fileURLWithPath: path))
                let metadata = DocumentMetadata.extract(from: file, fileName: (path as NSString).lastPathComponent)
                print(json ? jsonLine(path, file.encoding, metadata) : summary(path, file.encoding, metadata))
            } catch let error as VanBanError {
                failed = true
                Output.error("extract: \(error.description)")
            } catch {
                failed = true
                Output.error("extract: \(path): \(error)")
            }
        }
        if failed { throw Exit.someFilesFailed }
    }
}

private func jsonLine(_ path: String, _ encoding: String, _ m: DocumentMetadata) -> String {
    func value(_ s: String?) -> Any { s ?? NSNull() }
    let h = m.header
    let object: [String: Any] = [
        "path": path, "encoding": encoding, "number": value(h.number?.display), "type": value(m.type),
        "issuer": value(h.issuer), "date": value(h.date), "title": value(h.title), "signer": value(h.signer),
        "derived": m.derived,
        "citations": m.citations.map { c -> [String: Any] in
            ["text": c.text, "number": value(c.number?.display), "key": c.key, "type": value(c.type), "issuer": value(c.issuer),
             "date": value(c.date), "relation": value(c.relation?.rawValue), "start": c.start, "end": c.end]
        },
    ]
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

private func summary(_ path: String, _ encoding: String, _ m: DocumentMetadata) -> String {
    let h = m.header
    var lines = ["\(path) (\(encoding))"]
    let fields: [(String, String?)] = [("number", h.number?.display), ("type", m.type), ("issuer", h.issuer),
                                       ("date", h.date), ("title", h.title), ("signer", h.signer)]
    for (name, v) in fields {
        lines.append("  \(name): \(v ?? "-")" + (m.derived[name].map { " (from the \($0))" } ?? ""))
    }
    lines.append("  citations: \(m.citations.count)")
    for c in m.citations {
        lines.append("    \(c.text) → \(c.key)" + (c.date.map { ", \($0)" } ?? "") + (c.relation.map { " [\($0.rawValue)]" } ?? ""))
    }
    return lines.joined(separator: "\n")
}
