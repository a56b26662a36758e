import ArgumentParser
import Foundation
import VanBan
import VietText

/// `vanban-bench formats`: every legacy document of `formats-vn` read by VanBan's own reader path
/// (``ReaderRegistry``, as `vanban index` reads it) and scored against its transcript, and the readers timed
/// against the bare tool they run.
struct FormatsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "formats",
        abstract: "Legacy office documents (formats-vn): character, diacritic and syllable accuracy per file, format and encoding; reader speed against the bare tool.")
    @Option(help: "The shared data folder.") var shared = "../shared"
    @Option(help: "Timing rounds per file; the best is kept.") var rounds = 3
    @Option(help: "A folder to write each document's text into (NAME.txt), to compare with its transcript.") var dump: String?

    /// The goals of issue #20: every format, and the mixed TCVN3+VNI file.
    static let diacriticGoal = 0.995
    static let syllableGoal = 0.99
    static let mixedGoal = 0.99

    func run() throws {
        let root = URL(fileURLWithPath: shared).appendingPathComponent("formats-vn")
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent("manifest.jsonl").path) else {
            throw BenchError("\(shared)/formats-vn is absent: the benchmark needs ../shared")
        }
        let entries = try FormatsManifest.load(root)
        let registry = ReaderRegistry()
        print("machine: \(machineLine())")
        print("input: \(root.path), \(entries.count) documents; scored as SOURCES.md defines (NFC, white space collapsed)")
        print("")
        print("file\tformat\tencoding\tcharacter\tdiacritic\tsyllable\tdiacritics\tread as")
        var groups: [String: (docs: Int, failures: Int, scores: TranscriptScore.Scores)] = [:]
        var speed: [String: (files: Int, ours: Double, tool: Double, bytes: Int)] = [:]
        var belowGoal: [String] = []
        for entry in entries {
            let truth = try String(contentsOf: root.appendingPathComponent(entry.truth), encoding: .utf8)
            let url = root.appendingPathComponent(entry.file)
            var output = ""
            var readAs = "failed"
            var ours = Double.infinity
            for _ in 0..<rounds {
                let start = ContinuousClock.now
                do {
                    let file = try registry.read(url)
                    output = file.text
                    readAs = file.encoding
                } catch {
                    readAs = "failed: \(error)"
                }
                ours = min(ours, seconds(since: start))
            }
            if let dump {
                try FileManager.default.createDirectory(atPath: dump, withIntermediateDirectories: true)
                try output.write(toFile: dump + "/" + entry.name + ".txt", atomically: true, encoding: .utf8)
            }
            let scores = TranscriptScore.score(output: output, truth: truth)
            let group = entry.group
            var g = groups[group] ?? (0, 0, TranscriptScore.Scores())
            g.docs += 1
            if output.isEmpty { g.failures += 1 }
            g.scores = g.scores + scores
            groups[group] = g
            if entry.encoding == "tcvn3+vni", scores.diacritic < Self.mixedGoal { belowGoal.append("\(entry.name): mixed file below \(Self.mixedGoal)") }
            print(String(format: "%@\t%@\t%@\t%.4f\t%.4f\t%.4f\t%d\t%@", entry.name, entry.format, entry.encoding,
                         scores.character, scores.diacritic, scores.syllable, scores.diacritics, readAs))
            if let tool = FormatsManifest.bareTool(entry.format, url) {
                var theirs = Double.infinity
                for _ in 0..<rounds { theirs = min(theirs, try timedTool(tool.0, tool.1)) }
                let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
                var s = speed[entry.format] ?? (0, 0, 0, 0)
                s.files += 1; s.ours += ours; s.tool += theirs; s.bytes += size
                speed[entry.format] = s
            }
        }
        print("")
        print("format\tencoding\tdocuments\tno text\tcharacter\tdiacritic\tsyllable\tdiacritics\tgoal")
        var byFormat: [String: TranscriptScore.Scores] = [:]
        for key in groups.keys.sorted() {
            let g = groups[key]!
            let (format, encoding) = (String(key.split(separator: " ")[0]), String(key.split(separator: " ")[1]))
            if !format.hasPrefix("synthetic") { byFormat[format] = (byFormat[format] ?? TranscriptScore.Scores()) + g.scores }
            print(String(format: "%@\t%@\t%d\t%d\t%.4f\t%.4f\t%.4f\t%d\t%@", format, encoding, g.docs, g.failures, g.scores.character,
                         g.scores.diacritic, g.scores.syllable, g.scores.diacritics, format.hasPrefix("synthetic") ? "(coverage only)" : ""))
        }
        print("")
        print("format (real documents, all encodings)\tcharacter\tdiacritic\tsyllable\tgoal (diacritic ≥ \(Self.diacriticGoal), syllable ≥ \(Self.syllableGoal))")
        for (format, s) in byFormat.sorted(by: { $0.key < $1.key }) {
            let met = s.diacritic >= Self.diacriticGoal && s.syllable >= Self.syllableGoal
            if !met { belowGoal.append("\(format): below the goal") }
            print(String(format: "%@\t%.4f\t%.4f\t%.4f\t%@", format, s.character, s.diacritic, s.syllable, met ? "met" : "NOT MET"))
        }
        print("")
        print("format\tfiles\tMB\tvanban reader (s)\tbare tool (s)\tratio (vanban / tool)\ttool")
        for (format, s) in speed.sorted(by: { $0.key < $1.key }) {
            print(String(format: "%@\t%d\t%.2f\t%.3f\t%.3f\t%.2f\t%@", format, s.files, Double(s.bytes) / 1_048_576, s.ours, s.tool,
                         s.ours / s.tool, FormatsManifest.toolName(format)))
        }
        if !belowGoal.isEmpty {
            print("")
            print("below the goals: " + belowGoal.joined(separator: "; "))
        }
    }

    private func timedTool(_ tool: String, _ arguments: [String]) throws -> Double {
        let start = ContinuousClock.now
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return seconds(since: start)
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

/// The documents of `formats-vn/manifest.jsonl`.
struct FormatsManifest: Decodable {
    let file: String
    let truth: String
    let format: String
    let encoding: String

    var name: String { String(file.split(separator: "/").last!) }
    /// The group a document is reported in: its format (synthetic files apart) and encoding.
    var group: String { (name.hasPrefix("synthetic-") ? "synthetic-\(format)" : format) + " " + encoding }

    static func load(_ root: URL) throws -> [FormatsManifest] {
        let text = try String(contentsOf: root.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(FormatsManifest.self, from: Data($0.utf8)) }
    }

    /// The bare tool VanBan's reader of `format` runs (or the common one for a format VanBan reads itself), with
    /// its arguments for `url`.
    static func bareTool(_ format: String, _ url: URL) -> (String, [String])? {
        let path = url.path
        let (name, arguments): (String, [String]) = switch format {
        case "doc": ("catdoc", ["-w", "-d", "utf-8", path])
        case "xls": ("xls2csv", ["-d", "utf-8", "-q", "0", path])
        case "ppt": ("catppt", ["-d", "utf-8", path])
        case "pdf": ("pdftotext", ["-enc", "UTF-8", "-q", path, "-"])
        case "rtf": ("unrtf", ["--text", path])
        default: ("", [])
        }
        guard !name.isEmpty, let tool = findOnPath(name) else { return nil }
        return (tool, arguments)
    }

    static func toolName(_ format: String) -> String {
        switch format {
        case "doc": "catdoc -w -d utf-8"
        case "xls": "xls2csv -d utf-8 -q 0"
        case "ppt": "catppt -d utf-8"
        case "pdf": "pdftotext -enc UTF-8"
        case "rtf": "unrtf --text (VanBan parses RTF itself)"
        default: ""
        }
    }
}
