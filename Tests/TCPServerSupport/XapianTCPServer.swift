import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a test server could not be started.
public struct ServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// A `xapian-tcpsrv` child process serving one database on 127.0.0.1.
///
/// Spawned with posix_spawn rather than Foundation's Process, so that the child gets an empty
/// signal mask (the test runner's threads block SIGTERM), its own process group (the server
/// signals its group on SIGTERM, to stop the children serving connections) and no Foundation
/// bookkeeping leaks.
public final class XapianTCPServer {
    /// The server executable found on PATH, if any.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":")
            .map { "\($0)/xapian-tcpsrv" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    public static var available: Bool { executable != nil }

    public let port: Int
    private var pid: pid_t = 0

    /// Starts serving `path` and waits (up to ~10 s) until it accepts connections.
    public init(serving path: String) throws {
        port = try Self.freePort()
        guard let executable = Self.executable else { throw ServerError("xapian-tcpsrv is not on PATH") }
        pid = try spawn(executable, ["--port", String(port), "--interface", "127.0.0.1", path])
        let deadline = Date().addingTimeInterval(10)
        while !canConnect(port: port) {
            guard isRunning, Date() < deadline else {
                stop()
                throw ServerError("xapian-tcpsrv did not start on port \(port)")
            }
            usleep(50_000)
        }
    }

    public var location: String { "tcp://127.0.0.1:\(port)" }

    private var isRunning: Bool {
        var status: Int32 = 0
        guard pid > 0, waitpid(pid, &status, WNOHANG) == 0 else {
            pid = 0
            return false
        }
        return true
    }

    /// Stops the server: SIGTERM, then SIGKILL if it has not exited within 5 s.
    public func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        for _ in 0..<100 where isRunning { usleep(50_000) }
        if pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            pid = 0
        }
    }

    deinit { stop() }
}

/// Starts `executable` with `arguments` in a new process group, with default signal handling
/// and output sent to /dev/null.
private func spawn(_ executable: String, _ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGTERM)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    // Its own process group: on SIGTERM, xapian-tcpsrv signals its whole group.
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    guard result == 0 else {
        throw ServerError("posix_spawn \(executable) failed: \(result)")
    }
    return pid
}

extension XapianTCPServer {
    /// A TCP port on 127.0.0.1 that nothing listens on right now.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError("socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw ServerError("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}


/// Whether a TCP connection to 127.0.0.1:`port` succeeds.
private func canConnect(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    } == 0
}

private func loopback(port: Int) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    return address
}
