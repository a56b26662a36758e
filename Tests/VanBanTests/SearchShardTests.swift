import Foundation
import Testing
@testable import VanBan

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `xapian-tcpsrv` serving one index on 127.0.0.1, spawned in its own process group with a
/// clean signal mask (the way Tests/XapianTests/RemoteTests.swift does), stopped on `deinit`.
final class ShardServer {
    static let executable = Paths.onPath("xapian-tcpsrv")
    let port: Int
    private var pid: pid_t = 0

    init(serving path: String) throws {
        port = try Self.freePort()
        pid = try Self.spawn(try #require(Self.executable), ["--port", String(port), "--interface", "127.0.0.1", path])
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port) {
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == 0, Date() < deadline else {
                stop()
                throw VanBanError.notFound("xapian-tcpsrv did not start on port \(port)")
            }
            usleep(50_000)
        }
    }

    var location: String { "tcp://127.0.0.1:\(port)" }

    func stop() {
        guard pid > 0 else { return }
        kill(pid, SIGTERM)
        var status: Int32 = 0
        for _ in 0..<100 {
            if waitpid(pid, &status, WNOHANG) != 0 { pid = 0; return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        pid = 0
    }

    deinit { stop() }

    private static func spawn(_ executable: String, _ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        var files = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&files)
        defer { posix_spawn_file_actions_destroy(&files) }
        posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &files, &attributes, argv, environ)
        guard rc == 0 else { throw VanBanError.notFound("posix_spawn \(executable) failed: \(rc)") }
        return pid
    }

    private static func address(_ port: Int) -> sockaddr_in {
        var a = sockaddr_in()
        a.sin_family = sa_family_t(AF_INET)
        a.sin_port = UInt16(port).bigEndian
        a.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return a
    }

    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var a = address(0)
        let ok = withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard fd >= 0, ok == 0 else { throw VanBanError.notFound("no free port") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: a.sin_port))
    }

    private static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var a = address(port)
        return withUnsafePointer(to: &a) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } } == 0
    }
}

/// Several indexes searched as one give what one index holding every document gives.
@Suite(.serialized) struct SearchShardTests {
    typealias F = SearchFixture
    static let queries = ["cong doan", "công đoàn", "12/QĐ-TLĐ", "dat OR thue", "\"chuyển đổi số\"", "dat -thue", "nam:2023", "chuy*"]

    /// Shards (a, c, e) and (b, d), plus one index of all five.
    static func build(_ dir: TempDir) throws -> (shards: [String], whole: String) {
        let first = try F.write(into: dir, only: [F.a, F.c, F.e], folder: "one")
        let second = try F.write(into: dir, only: [F.b, F.d], folder: "two")
        let whole = try F.write(into: dir, folder: "all")
        var paths: [String] = []
        for (folder, name) in [(first, "shard1"), (second, "shard2"), (whole, "whole")] {
            let path = dir.url.appendingPathComponent(name).path
            _ = try Indexer(options: IndexOptions(roots: [folder], indexPath: path, jobs: 2)).run(stop: StopRequest())
            paths.append(path)
        }
        return ([paths[0], paths[1]], paths[2])
    }

    /// What must agree: file name, score (to 1e-9), estimated total, facets, snippet.
    static func signature(_ index: SearchIndex, _ query: String) throws -> [String] {
        var options = SearchOptions()
        options.facets = true
        options.limit = 20
        let r = try index.search(query, options: options)
        let hits = r.results.map { hit in
            "\(URL(fileURLWithPath: hit.path).lastPathComponent) \(String(format: "%.9f", hit.score)) \(hit.number ?? "-") \(hit.snippet) \(hit.highlights)"
        }.sorted()
        let facets = r.facets.map { f in [f.type, f.issuer, f.year].map { $0.map { "\($0.value)=\($0.count)" }.sorted().joined(separator: ",") } } ?? []
        return ["total \(r.estimatedTotal)"] + hits + facets
    }

    @Test func localShardsSearchAsOne() throws {
        let dir = TempDir()
        let (shards, whole) = try Self.build(dir)
        let both = try SearchIndex(locations: shards)
        let one = try SearchIndex(locations: [whole])
        #expect(both.database.documentCount == 5)
        for q in Self.queries { #expect(try Self.signature(both, q) == Self.signature(one, q), "\(q)") }
        // Ranks: the own-number document first across shards too.
        #expect(URL(fileURLWithPath: try #require(try both.search("12 qd tld").results.first).path).lastPathComponent == F.a)
    }

    @Test(.enabled(if: ShardServer.executable != nil, "xapian-tcpsrv is not on PATH (apt-get install xapian-tools)"))
    func remoteShardsSearchAsOne() throws {
        let dir = TempDir()
        let (shards, whole) = try Self.build(dir)
        let s1 = try ShardServer(serving: shards[0])
        defer { s1.stop() }
        let s2 = try ShardServer(serving: shards[1])
        defer { s2.stop() }
        do {
            let remote = try SearchIndex(locations: [s1.location, s2.location])
            let one = try SearchIndex(locations: [whole])
            #expect(remote.database.documentCount == 5)
            for q in Self.queries { #expect(try Self.signature(remote, q) == Self.signature(one, q), "\(q)") }
            let stats = try remote.stats()
            #expect(stats.documents == 5)
        }
        // The CLI takes tcp:// locations too.
        let r = try vanban(["search", "12/QĐ-TLĐ", "--json", "--index", s1.location, "--index", s2.location])
        #expect(r.status == 0, "\(r.stderr)")
        let paths = try #require(try r.json()["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(paths.first?.hasSuffix(F.a) == true && paths.count == 3)
    }

    @Test func unreachableShardIsAnError() throws {
        let r = try vanban(["search", "thuế", "--index", "tcp://127.0.0.1:1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("vanban: error:"))
    }
}
