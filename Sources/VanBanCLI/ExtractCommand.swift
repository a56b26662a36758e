import ArgumentParser
import DocRefs
import Foundation

/// `vanban extract FILE... [--json]`: header metadata and citations of each file.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the number, type, issuer, date, title, signer and citations of documents.",
        discussion: """
        A NAME.json sidecar beside a file overrides the extracted fields it holds.
        Exit codes: 0 when every file was read; 1 when any file was missing, unreadable or binary
        (an error naming it goes to stderr and the other files are still processed).
        """
    )

    @Argument(help: "Text files to read.") var files: [String]
    @Flag(help: "One JSON object per file per line.") var json = false

    func run() throws {
        var failed = false
        for path in files {
            do {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                guard !bytes.contains(0) else { throw ExtractError.binary(path) }
                let (text, encoding) = decodeFile(bytes)
                var header = HeaderExtractor.extract(from: text)
                if let fields = try Sidecar.load(for: URL(fileURLWithPath: path)) { Sidecar.apply(fields, to: &header) }
                let citations = CitationExtractor.extract(from: text, ownNumber: header.number)
                print(json ? jsonLine(path, encoding, header, citations) : summary(path, encoding, header, citations))
            } catch let error as ExtractError {
                failed = true
                FileHandle.standardError.write(Data("vanban extract: \(error.message)\n".utf8))
            } catch {
                failed = true
                FileHandle.standardError.write(Data("vanban extract: \(path): \(error.localizedDescription)\n".utf8))
            }
        }
        if failed { throw ExitCode(1) }
    }
}

enum ExtractError: Error {
    case binary(String)
    var message: String {
        switch self { case .binary(let path): return "\(path): binary file (NUL bytes), not text" }
    }
}

/// Decodes a file's bytes; the one place to switch to a legacy-encoding-aware decoder.
func decodeFile(_ bytes: [UInt8]) -> (text: String, encoding: String) {
    (String(decoding: bytes, as: UTF8.self), "utf-8")
}

private func jsonLine(_ path: String, _ encoding: String, _ h: DocumentHeader, _ citations: [Citation]) -> String {
    func value(_ s: String?) -> Any { s ?? NSNull() }
    let object: [String: Any] = [
        "path": path, "encoding": encoding, "number": value(h.number?.display), "type": value(h.type),
        "issuer": value(h.issuer), "date": value(h.date), "title": value(h.title), "signer": value(h.signer),
        "citations": citations.map { c -> [String: Any] in
            ["text": c.text, "number": value(c.number?.display), "key": c.key, "type": value(c.type), "issuer": value(c.issuer),
             "date": value(c.date), "relation": value(c.relation?.rawValue), "start": c.start, "end": c.end]
        },
    ]
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self)
}

private func summary(_ path: String, _ encoding: String, _ h: DocumentHeader, _ citations: [Citation]) -> String {
    var lines = ["\(path) (\(encoding))"]
    let fields: [(String, String?)] = [("number", h.number?.display), ("type", h.type), ("issuer", h.issuer),
                                       ("date", h.date), ("title", h.title), ("signer", h.signer)]
    for (name, v) in fields { lines.append("  \(name): \(v ?? "-")") }
    lines.append("  citations: \(citations.count)")
    for c in citations {
        lines.append("    \(c.text) → \(c.key)" + (c.date.map { ", \($0)" } ?? "") + (c.relation.map { " [\($0.rawValue)]" } ?? ""))
    }
    return lines.joined(separator: "\n")
}
