import Foundation
import Testing
@testable import VanBan

/// Where the package and the shared research data are.
enum Paths {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()
    static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let sharedAvailable = FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus-vn/manifest.jsonl").path)
    static let fixtures = packageRoot.appendingPathComponent("Tests/VanBanTests/Fixtures")
    static let seed = packageRoot.appendingPathComponent("corpus/bao-cao/nghi-quyet-02-lam-viec-ban-dan-van.txt")

    /// The `vanban` binary built beside the test bundle.
    static var vanban: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("vanban"),
            Bundle.main.bundleURL.appendingPathComponent("vanban"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("vanban"),
            packageRoot.appendingPathComponent(".build/debug/vanban"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }

    static func onPath(_ tool: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let p = "\(dir)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
}

/// A temporary folder removed when the value goes away.
final class TempDir {
    let url: URL
    /// A new empty folder under the temporary directory; throws when it cannot be made, so that one
    /// test fails and the others run.
    init(_ name: String = "vanban-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> URL {
        try write(relative, Data(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }
}

/// Result of running the `vanban` binary.
struct CLIResult {
    let status: Int32
    let stdout: String
    let stderr: String

    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    }
}

/// Runs `vanban` with `arguments` and waits for it; its messages are in English unless `environment` sets
/// `VANBAN_LANG` (to "" for the locale's language), whatever the locale of the tests.
@discardableResult
func vanban(_ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil) throws -> CLIResult {
    try runProcess(Paths.vanban, arguments, environment: ["VANBAN_LANG": "en"].merging(environment) { $1 }, cwd: cwd)
}

/// Runs `executable` with `arguments` to its end, its output read as UTF-8.
func runProcess(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], cwd: URL? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
}

/// Runs `vanban` with `arguments`, its output going through files in `dir`, and returns its result and
/// its own peak RSS in kB: its `VmHWM`, read every 10 ms while it runs. Not `ru_maxrss` (from `wait4`
/// or `RUSAGE_CHILDREN`): a child spawned with vfork starts with the peak RSS of this test process.
func vanbanPeakRSS(_ arguments: [String], environment: [String: String] = [:], in dir: URL) throws -> (CLIResult, maxRSS: Int) {
    let out = dir.appendingPathComponent("stdout"), err = dir.appendingPathComponent("stderr")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([Paths.vanban.path] + arguments).map { strdup($0) } + [nil]
    let envp = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0)=\($1)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, Paths.vanban.path, &actions, nil, argv, envp)
    try #require(spawned == 0, "cannot run vanban: \(String(cString: strerror(spawned)))")
    let procStatus = URL(fileURLWithPath: "/proc/\(pid)/status")
    var status: Int32 = 0
    var peak = 0
    while true {
        let waited = waitpid(pid, &status, WNOHANG)
        if waited == pid { break }
        try #require(waited == 0, "cannot wait for vanban: \(String(cString: strerror(errno)))")
        // `readBytes`: Foundation leaks its buffer reading an empty file (the same for the output below).
        let lines = String(decoding: (try? readBytes(procStatus)) ?? [], as: UTF8.self).split(separator: "\n")
        if let hwm = lines.first(where: { $0.hasPrefix("VmHWM:") })?.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first,
           let kB = Int(hwm) {
            peak = max(peak, kB)
        }
        usleep(10_000)
    }
    let exit = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + status & 0x7F
    let result = CLIResult(status: exit, stdout: String(decoding: try readBytes(out), as: UTF8.self),
                           stderr: String(decoding: try readBytes(err), as: UTF8.self))
    return (result, peak)
}

/// Indexes `folder` into a new index inside `dir` and opens it for search.
func buildIndex(_ folder: URL, in dir: TempDir, name: String = "index", jobs: Int = 2) throws -> (IndexReport, SearchIndex) {
    let indexPath = dir.url.appendingPathComponent(name).path
    let report = try Indexer(options: IndexOptions(roots: [folder], indexPath: indexPath, jobs: jobs)).run(stop: StopRequest())
    return (report, try SearchIndex(locations: [indexPath]))
}
