import Foundation

/// The benchmark inputs, read from `../shared` (or `--shared`).
struct BenchCorpus {
    let name: String
    /// Folder of `.txt` files that every indexer reads.
    let folder: URL
    let texts: [String]

    var bytes: Int { texts.reduce(0) { $0 + $1.utf8.count } }

    /// `corpus-vn/docs`: 589 real documents.
    static func vietnamese(shared: URL) throws -> BenchCorpus {
        let folder = shared.appendingPathComponent("corpus-vn/docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        return BenchCorpus(name: "corpus-vn", folder: folder, texts: texts)
    }

    /// `corpus-bulk/bulk.jsonl.gz`, unpacked once into `work/bulk` as one `.txt` per line.
    static func bulk(shared: URL, work: URL) throws -> BenchCorpus? {
        let archive = shared.appendingPathComponent("corpus-bulk/bulk.jsonl.gz")
        guard FileManager.default.fileExists(atPath: archive.path) else { return nil }
        let folder = work.appendingPathComponent("bulk")
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(".complete").path) {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let data = try run("/bin/gzip", ["-dc", archive.path])
            var n = 0
            for line in data.split(separator: UInt8(ascii: "\n")) {
                guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                      let text = object["text"] as? String else { continue }
                n += 1
                try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "%05d.txt", n)))
            }
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(".complete").path, contents: nil)
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        return BenchCorpus(name: "corpus-bulk", folder: folder, texts: texts)
    }
}

/// Runs a program and returns its standard output; throws on failure.
@discardableResult
func run(_ tool: String, _ arguments: [String], environment: [String: String]? = nil) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 || process.terminationStatus == 3 else {
        throw BenchError("\(tool) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
    }
    return data
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Wall time of `body`, in seconds.
func timed(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let d = ContinuousClock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// Bytes used by the files under `path`.
func diskUsage(_ path: String) -> Int {
    var total = 0
    if let e = FileManager.default.enumerator(atPath: path) {
        for case let name as String in e {
            let attrs = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
            if (attrs?[.type] as? FileAttributeType) == .typeRegular { total += (attrs?[.size] as? NSNumber)?.intValue ?? 0 }
        }
    }
    return total
}

func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let i = min(sorted.count - 1, max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1))
    return sorted[i]
}
