import Dispatch
import Foundation

/// A command-line extractor from Debian's packages (`pdftotext`, `catdoc`, `xls2csv`, `catppt`), run with an
/// argument array — never through a shell — and a time limit.
struct ExternalTool: Sendable {
    /// The program's name, looked up on `PATH` when ``path`` is nil.
    let name: String
    /// The Debian package that holds it, for the message when it is missing.
    let package: String
    /// Where to find it; nil searches `PATH`.
    let path: String?
    /// Seconds the tool may run before it is killed and the file reported.
    let timeout: Double

    init(_ name: String, package: String, path: String? = nil, timeout: Double = 120) {
        self.name = name
        self.package = package
        self.path = path
        self.timeout = timeout
    }

    /// What the tool printed and how it ended.
    struct Output {
        let stdout: Data
        let stderr: Data
        let status: Int32
        /// The message on stderr, its lines joined by "; ".
        var message: String {
            String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "; ")
        }
    }

    /// Runs the tool on `arguments` for the file `url` (named in every error). `environment` entries are
    /// added to the process's own.
    func run(_ arguments: [String], for url: URL, environment: [String: String] = [:]) throws -> Output {
        let found: String? = if let path { FileManager.default.isExecutableFile(atPath: path) ? path : nil } else { Self.findOnPath(name) }
        guard let tool = found else {
            throw VanBanError.unreadable(path: url.path, reason: "\(name) is not installed: install \(package): make deps (or apt-get install \(package))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw VanBanError.unreadable(path: url.path, reason: "cannot run \(name): \(error)")
        }
        // A tool stuck on a damaged file is killed at the limit.
        let timedOut = TimeoutFlag()
        let pid = process.processIdentifier
        let killer = DispatchWorkItem {
            timedOut.set()
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
        // Both pipes are drained at once, so that neither can fill and stall the child.
        let stderrBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stderrBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        killer.cancel()
        if timedOut.isSet {
            throw VanBanError.unreadable(path: url.path, reason: "\(name) took more than \(String(format: "%g", timeout)) s and was stopped (a damaged file?)")
        }
        return Output(stdout: data, stderr: stderrBox.data, status: process.terminationStatus)
    }

    /// The full path of `name` on `PATH`, or nil.
    static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Set once by the timer that kills a tool.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// The stderr bytes, written by one thread before the group is waited for.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// catdoc, xls2csv and catppt (Debian's `catdoc`) as VanBan runs them: UTF-8 out, and every byte of the
/// document kept. Their stock map (`ascii.specchars`) deletes U+00AD, the soft hyphen, which is where
/// Windows-1252 shows TCVN3's ư: each run points catdoc's `map_path` (read from `$HOME/.catdocrc`) at a
/// folder whose `ascii.specchars` keeps it, before the stock folder for everything else.
enum CatdocSetup {
    /// The environment a catdoc tool runs in, or why it could not be set up.
    static let environment: Result<[String: String], SetupError> = {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-catdoc-\(getuid())")
        let maps = base.appendingPathComponent("maps")
        do {
            try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
            // The stock map less its 00AD line: cell and row marks still become a tab and a line end.
            try Data("001C \"\\t\"\n001E \"\\n\"\n".utf8).write(to: maps.appendingPathComponent("ascii.specchars"), options: .atomic)
            try Data("map_path = \(maps.path):/usr/share/catdoc:/usr/local/share/catdoc\n".utf8)
                .write(to: base.appendingPathComponent(".catdocrc"), options: .atomic)
            return .success(["HOME": base.path])
        } catch {
            return .failure(SetupError(reason: "cannot prepare catdoc's character map in \(base.path): \(error)"))
        }
    }()

    struct SetupError: Error { let reason: String }

    /// Runs `tool` (catdoc, xls2csv or catppt) on `url` with `arguments` before the path, and returns its
    /// output: legacy bytes as their Windows-1252 characters. `what` names the format in messages.
    static func text(_ tool: ExternalTool, _ arguments: [String], _ url: URL, what: String) throws -> String {
        let environment: [String: String]
        switch self.environment {
        case .success(let e): environment = e
        case .failure(let e): throw VanBanError.unreadable(path: url.path, reason: e.reason)
        }
        let output = try tool.run(arguments + [url.path], for: url, environment: environment)
        // xls2csv and catppt exit 0 on a file they cannot open, saying so on stderr with nothing on stdout.
        guard output.status == 0, !(output.stdout.isEmpty && !output.message.isEmpty) else {
            throw VanBanError.unreadable(path: url.path, reason: "damaged \(what): \(tool.name) failed (exit \(output.status))"
                + (output.message.isEmpty ? "" : ": " + output.message))
        }
        return String(decoding: output.stdout, as: UTF8.self)
    }
}
