import Foundation

/// PDF through `pdftotext` (Debian's poppler-utils, installed by `make deps`). Known by its extension,
/// or by a file that starts with `%PDF-`.
public struct PDFReader: FileReader {
    public let extensions = ["pdf"]
    /// Where to find pdftotext; `nil` searches `PATH`.
    public let executable: String?
    public init(executable: String? = nil) { self.executable = executable }

    public func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: head.starts(with: "%PDF-"))
    }

    public func read(_ head: FileHead) throws -> ReadOutcome {
        let url = head.url
        guard let tool = executable ?? Self.findOnPath("pdftotext") else {
            throw VanBanError.unreadable(path: url.path, reason: "pdftotext is not installed (run `make deps`, or apt-get install poppler-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", "-q", url.path, "-"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw VanBanError.unreadable(path: url.path, reason: "cannot run pdftotext: \(error)")
        }
        // Read before waiting, so a large output cannot fill the pipe and stall the child.
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let why = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // pdftotext's exit codes (its messages are silenced with -q: a damaged file can print
            // thousands of lines, and a full pipe would stall it).
            let meaning = switch process.terminationStatus {
            case 1: "damaged or not a PDF"
            case 3: "the PDF forbids copying its text (encrypted)"
            default: "exit \(process.terminationStatus)"
            }
            throw VanBanError.unreadable(path: url.path, reason: "pdftotext failed: \(meaning)\(why.isEmpty ? "" : ": " + why)")
        }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
        return .read(SourceFile(text: text, format: "pdf", encoding: "utf-8", formatTitle: nil, metadata: [:]))
    }

    static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
