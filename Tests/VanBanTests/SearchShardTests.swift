import Foundation
import Testing
import Xapian
@testable import VanBan
import TCPServerSupport

/// Several indexes searched as one give what one index holding every document gives.
@Suite(.serialized) struct SearchShardTests {
    typealias F = SearchFixture
    static let queries = ["cong doan", "quy dinh hien hanh", "công đoàn", "12/QĐ-TLĐ", "dat OR thue", "\"chuyển đổi số\"", "dat -thue", "nam:2023", "chuy*"]

    /// Shards (a, c, e) and (b, d), plus one index of all five.
    static func build(_ dir: TempDir) throws -> (shards: [String], whole: String) {
        let first = try F.write(into: dir, only: [F.a, F.c, F.e], folder: "one")
        let second = try F.write(into: dir, only: [F.b, F.d], folder: "two")
        let whole = try F.write(into: dir, folder: "all")
        var paths: [String] = []
        for (folder, name) in [(first, "shard1"), (second, "shard2"), (whole, "whole")] {
            let path = dir.url.appendingPathComponent(name).path
            var options = IndexOptions(roots: [folder], indexPath: path, jobs: 2)
            options.shards = 1
            _ = try Indexer(options: options).run(stop: StopRequest())
            paths.append(path)
        }
        return ([paths[0], paths[1]], paths[2])
    }

    /// The ways a query runs: by relevance; oldest first; a page past the first (where the words held apart follow).
    static let variants: [(String, @Sendable (inout SearchOptions) -> Void)] = [
        ("by relevance", { _ in }), ("oldest first", { $0.sort = .date }), ("second page", { $0.offset = 1; $0.limit = 2 }),
    ]

    /// What must agree: file name, score (to 1e-9), estimated total, facets, snippet; the order by date.
    static func signature(_ index: SearchIndex, _ query: String, _ variant: (inout SearchOptions) -> Void = { _ in }) throws -> [String] {
        var options = SearchOptions()
        options.facets = true
        options.limit = 20
        variant(&options)
        let r = try index.search(query, options: options)
        let hits = r.results.map { hit in
            "\(URL(fileURLWithPath: hit.path).lastPathComponent) \(String(format: "%.9f", hit.score)) \(hit.number ?? "-") \(hit.snippet) \(hit.highlights) \(hit.wordsApart)"
        }.sorted() + [options.sort == .date ? r.results.map { $0.date ?? "-" }.joined(separator: " ") : ""]
        let facets = r.facets.map { f in [f.type, f.issuer, f.year].map { $0.map { "\($0.value)=\($0.count)" }.sorted().joined(separator: ",") } } ?? []
        return ["total \(r.estimatedTotal), \(r.wordsApartTotal) with the words apart"] + hits + facets
    }

    @Test func localShardsSearchAsOne() throws {
        let dir = try TempDir()
        let (shards, whole) = try Self.build(dir)
        let both = try SearchIndex(locations: shards)
        let one = try SearchIndex(locations: [whole])
        #expect(try both.database.documentCount == 5)
        for q in Self.queries {
            for (name, variant) in Self.variants { #expect(try Self.signature(both, q, variant) == Self.signature(one, q, variant), "\(q), \(name)") }
        }
        // Ranks: the own-number document first across shards too.
        #expect(URL(fileURLWithPath: try #require(try both.search("12 qd tld").results.first).path).lastPathComponent == F.a)
    }

    /// An index written by three writers (three shards inside it) finds what one written by one finds, with the same
    /// scores, facets and passages: its shards are searched as one, whichever shard each document went to. Left out:
    /// a wildcard, whose expansion Xapian 1.4 weighs shard by shard, and a page boundary inside tied scores (ties
    /// go by document id, and ids interleave across shards).
    @Test func writersShardsSearchAsOne() throws {
        let dir = try TempDir()
        let folder = try F.write(into: dir, folder: "all")
        var paths: [String] = []
        for shards in [3, 1] {
            let path = dir.url.appendingPathComponent("index-\(shards)").path
            var options = IndexOptions(roots: [folder], indexPath: path, jobs: 2)
            options.shards = shards
            #expect(try Indexer(options: options).run(stop: StopRequest()).documents == 5)
            paths.append(path)
        }
        #expect(try IndexFolder(paths[0]).shards(of: .generation(1)).map { URL(fileURLWithPath: $0).lastPathComponent } == ["s0", "s1", "s2"])
        #expect(try IndexFolder(paths[1]).shards(of: .generation(1)) == [paths[1] + "/db.1"])
        let sharded = try SearchIndex(locations: [paths[0]]), one = try SearchIndex(locations: [paths[1]])
        for q in Self.queries where !q.hasSuffix("*") {
            for (name, variant) in Self.variants.prefix(2) {
                #expect(try Self.signature(sharded, q, variant) == Self.signature(one, q, variant), "\(q), \(name)")
            }
        }
        #expect(try sharded.stats().documents == 5)
    }

    @Test(.enabled(if: XapianTCPServer.available, "xapian-tcpsrv is not on PATH (apt-get install xapian-tools)"))
    func remoteShardsSearchAsOne() throws {
        let dir = try TempDir()
        let (shards, whole) = try Self.build(dir)
        let s1 = try XapianTCPServer(serving: shards[0])
        defer { s1.stop() }
        let s2 = try XapianTCPServer(serving: shards[1])
        defer { s2.stop() }
        do {
            let remote = try SearchIndex(locations: [s1.location, s2.location])
            let one = try SearchIndex(locations: [whole])
            #expect(try remote.database.documentCount == 5)
            for q in Self.queries {
                for (name, variant) in Self.variants { #expect(try Self.signature(remote, q, variant) == Self.signature(one, q, variant), "\(q), \(name)") }
            }
            let stats = try remote.stats()
            #expect(stats.documents == 5)
        }
        // The CLI takes tcp:// locations too.
        let r = try vanban(["search", "12/QĐ-TLĐ", "--json", "--index", s1.location, "--index", s2.location])
        #expect(r.status == 0, "\(r.stderr)")
        let paths = try #require(try r.json()["results"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(paths.first?.hasSuffix(F.a) == true && paths.count == 3)
    }

    /// The shards of an index written by two writers are the unit of distribution: each served alone by
    /// `xapian-tcpsrv` (each says its schema version), searched as one, they find what the index finds locally.
    @Test(.enabled(if: XapianTCPServer.available, "xapian-tcpsrv is not on PATH (apt-get install xapian-tools)"))
    func writersShardsServedApartSearchAsOne() throws {
        let dir = try TempDir()
        let folder = try F.write(into: dir, folder: "all")
        let path = dir.url.appendingPathComponent("index").path
        var options = IndexOptions(roots: [folder], indexPath: path, jobs: 2)
        options.shards = 2
        _ = try Indexer(options: options).run(stop: StopRequest())
        let shards = try IndexFolder(path).shards(of: .generation(1))
        #expect(shards.count == 2)
        let servers = try shards.map { try XapianTCPServer(serving: $0) }
        defer { servers.forEach { $0.stop() } }
        let remote = try SearchIndex(locations: servers.map(\.location)), local = try SearchIndex(locations: [path])
        #expect(try remote.database.documentCount == 5)
        for q in Self.queries where !q.hasSuffix("*") {
            for (name, variant) in Self.variants.prefix(2) {
                #expect(try Self.signature(remote, q, variant) == Self.signature(local, q, variant), "\(q), \(name)")
            }
        }
    }

    /// A reader that opens a new index while its writer's shards commit, one after another, may see documents in
    /// the second shard before the first has committed; the first must already say its schema then.
    @Test func newIndexShardsSayTheirSchemaBeforeAnyCommit() throws {
        let dir = try TempDir()
        let path = dir.url.appendingPathComponent("index").path
        var options = IndexOptions(roots: [dir.url], indexPath: path, jobs: 2)
        options.shards = 2
        let sink = try XapianSink(options: options)
        let shards = try IndexFolder(path).shards(of: .generation(1))
        #expect(shards.count == 2)
        for shard in shards { #expect(try Database(path: shard).metadata(Schema.versionKey) == Schema.version, "\(shard)") }
        withExtendedLifetime(sink) {}
    }

    @Test func unreachableShardIsAnError() throws {
        let r = try vanban(["search", "thuế", "--index", "tcp://127.0.0.1:1"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("vanban: error:"))
    }
}
