import ArgumentParser
import Foundation
import Xapian

/// The plain Xapian indexer the benchmark compares against: TermGenerator, no stemmer, one thread,
/// the text kept as document data.
struct PlainIndex: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plain-index",
        abstract: "Index every .txt under FOLDER with Xapian's TermGenerator (no stemmer) into INDEX.")
    @Argument var folder: String
    @Argument var index: String

    func run() throws {
        let db = try WritableDatabase(path: index, mode: .createOrOverwrite)
        let generator = TermGenerator()
        // Every .txt under the folder, in subfolders too (as vanban reads it), in path order.
        guard let walk = FileManager.default.enumerator(atPath: folder) else { throw BenchError("cannot read \(folder)") }
        let names = walk.compactMap { $0 as? String }.filter { $0.hasSuffix(".txt") }.sorted()
        for (i, name) in names.enumerated() {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            let doc = Document()
            generator.document = doc
            generator.indexText(text)
            // The text is stored, as vanban stores it, so that both sides fetch the same kind of data at search time.
            doc.setData(text)
            doc.addBooleanTerm("Q" + name)
            // As vanban writes a file new to the index: added, with a commit every 500 documents
            // (the interval that is fastest for both, measured on corpus-bulk).
            _ = try db.add(doc)
            if (i + 1) % 500 == 0 { try db.commit() }
        }
        try db.commit()
    }
}

struct IndexBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "index",
        abstract: "vanban index --jobs 1 and 2 against a plain TermGenerator indexer, omindex and recollindex.")
    @OptionGroup var options: BenchOptions

    struct Row {
        let name: String
        let m: Measured
        let size: Int
        /// For vanban: the seconds its one writer spent in Xapian (`write_seconds` of `--json`).
        let writeSeconds: Double?
    }

    func run() throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let vanban = here.appendingPathComponent("vanban").path
        let bench = here.appendingPathComponent("vanban-bench").path
        print("machine: \(machineLine())")
        for corpus in try options.corpora() {
            let mb = Double(corpus.bytes) / 1_048_576
            let work = options.workURL.appendingPathComponent("index-\(corpus.name)").path
            try? FileManager.default.removeItem(atPath: work)
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            var rows: [Row] = []
            func measure(_ name: String, _ tool: String, _ args: [String], index: String, env: [String: String] = [:]) throws {
                try? FileManager.default.removeItem(atPath: index)
                let output = work + "/output.json"
                let m = try Measured.run(tool, args, environment: env, output: output)
                guard m.status == 0 || m.status == 3 else { throw BenchError("\(name) exited with \(m.status)") }
                let report = (try? Data(contentsOf: URL(fileURLWithPath: output)))
                    .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
                rows.append(Row(name: name, m: m, size: diskUsage(index), writeSeconds: report?["write_seconds"] as? Double))
            }
            try measure("plain TermGenerator", bench, ["plain-index", corpus.folder.path, work + "/plain"], index: work + "/plain")
            try measure("vanban --jobs 1", vanban, ["index", corpus.folder.path, "--index", work + "/vanban-j1", "--jobs", "1", "--rebuild", "--json"], index: work + "/vanban-j1")
            try measure("vanban --jobs 2", vanban, ["index", corpus.folder.path, "--index", work + "/vanban-j2", "--jobs", "2", "--rebuild", "--json"], index: work + "/vanban-j2")
            if let omindex = findOnPath("omindex") {
                try measure("omindex", omindex, ["--db", work + "/omindex", "--url", "/", corpus.folder.path], index: work + "/omindex")
            }
            if let recoll = findOnPath("recollindex") {
                let conf = work + "/recoll-conf"
                try FileManager.default.createDirectory(atPath: conf, withIntermediateDirectories: true)
                try "topdirs = \(corpus.folder.path)\ndbdir = \(work)/recoll-db\nloglevel = 1\n".write(toFile: conf + "/recoll.conf", atomically: true, encoding: .utf8)
                try measure("recollindex", recoll, ["-c", conf, "-z"], index: work + "/recoll-db")
            }
            let plain = rows[0].m.seconds
            print("\n\(corpus.name): \(corpus.texts.count) documents, \(String(format: "%.1f", mb)) MB of text")
            print("| indexer | seconds | MB/s | docs/s | index MB | peak RSS MB | speed vs plain TermGenerator |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for r in rows {
                print(String(format: "| %@ | %.2f | %.2f | %.0f | %.1f | %.0f | %.2f |", r.name, r.m.seconds, mb / r.m.seconds,
                             Double(corpus.texts.count) / r.m.seconds, Double(r.size) / 1_048_576,
                             Double(r.m.peakRSS) / 1_048_576, plain / r.m.seconds))
            }
            // The bound on --jobs: the one writer's time in Xapian, which no analysis thread can take over.
            for r in rows {
                guard let write = r.writeSeconds else { continue }
                print(String(format: "%@: the writer spent %.2f s in Xapian (add, commit, spelling), %.2f× the whole plain run",
                             r.name, write, write / plain))
            }
        }
    }
}

func findOnPath(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
        let p = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}
