import Foundation

/// Wall time and peak memory of a child process, as the kernel reports them (wait4).
struct Measured {
    let seconds: Double
    let peakRSS: Int
    let status: Int32

    /// Runs `tool` with `arguments` and measures it; its output is discarded, or its standard output
    /// written to the file `output`.
    static func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:], output: String? = nil) throws -> Measured {
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
