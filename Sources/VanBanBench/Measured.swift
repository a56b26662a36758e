import Foundation

/// Wall time and peak memory of a child process, as the kernel reports them (wait4).
///
/// A child started by `posix_spawn` shares the parent's memory until it executes its program, and Linux counts
/// that memory in its peak; so the peak is read from `/usr/bin/time -f %M`, which forks from its own small image,
/// where present (Debian's `time` package), and from wait4 otherwise.
struct Measured {
    let seconds: Double
    let peakRSS: Int
    let status: Int32

    /// Runs `tool` with `arguments` and measures it; its output is discarded, or its standard output
    /// written to the file `output`.
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:], output: String? = nil) throws -> Measured {
        let timeTool = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: timeTool) else {
            return try spawn(tool, arguments, environment: environment, output: output)
        }
        let report = NSTemporaryDirectory() + "vanban-bench-time-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let m = try spawn(timeTool, ["-f", "%M", "-o", report, tool] + arguments, environment: environment, output: output)
        // The last line is the peak in KB (a line before it says when the program exited with a failure).
        let kb = (try? String(contentsOfFile: report, encoding: .utf8))?.split(separator: "\n").last.flatMap { Int($0) }
        return Measured(seconds: m.seconds, peakRSS: kb.map { $0 * 1024 } ?? m.peakRSS, status: m.status)
    }

    private static func spawn(_ tool: String, _ arguments: [String], environment: [String: String], output: String?) throws -> Measured {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([tool] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }
        var pid = pid_t()
        let start = ContinuousClock.now
        let rc = posix_spawn(&pid, tool, &actions, nil, argv, env)
        guard rc == 0 else { throw BenchError("cannot start \(tool): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let d = ContinuousClock.now - start
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Measured(seconds: Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18,
                        peakRSS: Int(usage.ru_maxrss) * 1024, status: exit)
    }
}
