import Foundation
import Testing
import Xapian
@testable import VanBan

/// An index written by several writers: one shard each inside its database, every document always in the same one.
@Suite("Sharded index")
struct ShardedIndexTests {
    /// The number of documents in each shard of the live database of `index`.
    static func counts(_ index: String) throws -> [Int] {
        let folder = IndexFolder(index)
        return try folder.shards(of: try #require(try folder.live())).map { try Database(path: $0).documentCount }
    }

    @Test("documents spread over the shards; a changed file is replaced in its shard, a deleted one removed, the layout kept")
    func incrementalRunsKeepEachDocumentInItsShard() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(40, in: corpus)
        let index = dir.path + "/index"
        #expect(try IndexKit.index([corpus], into: index, shards: 3).documents == 40)
        let first = try Self.counts(index)
        #expect(first.count == 3 && first.reduce(0, +) == 40 && first.allSatisfy { $0 > 0 }, "\(first)")

        try dir.write("corpus/vb-00007.txt", "Văn bản đã sửa: quy hoạch thủy lợi vùng đồng bằng")
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("vb-00011.txt"))
        // A run with one analysis thread writes the index as it is laid out: three shards.
        let report = try IndexKit.index([corpus], into: index, jobs: 1)
        #expect(report.updated == 1 && report.removed == 1 && report.documents == 39)
        let second = try Self.counts(index)
        #expect(second.count == 3 && second.reduce(0, +) == 39)
        #expect(try IndexKit.names("quy hoach thuy loi vung dong bang", in: index).first == "vb-00007.txt")
        #expect(try IndexKit.names("\"vb-00011\"", in: index).isEmpty)
        // Nothing changed: nothing written.
        let third = try IndexKit.index([corpus], into: index, jobs: 2)
        #expect(third.added == 0 && third.updated == 0 && third.removed == 0 && third.unchanged == 39)

        let health = try IndexHealth.check(index)
        #expect(health.status == .sound && health.documents == 39, "\(health.problems)")
    }

    @Test("a rebuild lays the index out anew with the shards it is given, and the old database goes")
    func rebuildChangesTheLayout() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(12, in: corpus)
        let index = dir.path + "/index"
        try IndexKit.index([corpus], into: index, shards: 2)
        #expect(try Self.counts(index).count == 2)
        let rebuilt = try IndexKit.index([corpus], into: index, shards: 1, rebuild: true)
        #expect(rebuilt.switched && rebuilt.documents == 12)
        #expect(try IndexFolder(index).live() == .generation(2))
        #expect(try Self.counts(index) == [12])
        #expect(!FileManager.default.fileExists(atPath: index + "/db.1"))
        let again = try IndexKit.index([corpus], into: index, shards: 4, rebuild: true)
        #expect(try again.documents == 12 && Self.counts(index).count == 4)
    }

    @Test("a stub inside a database that names no shards of it is damage, said by check and every reader")
    func badShardStub() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(5, in: corpus)
        let index = dir.path + "/index"
        try IndexKit.index([corpus], into: index, shards: 2)
        try "auto s0\nauto ../../elsewhere\n".write(toFile: index + "/db.1/XAPIANDB", atomically: true, encoding: .utf8)
        let health = try IndexHealth.check(index)
        #expect(health.status == .damaged && health.problems.contains { $0.contains("lists no shards of it") }, "\(health.problems)")
        #expect(throws: VanBanError.self) { try IndexKit.index([corpus], into: index) }
        // A rebuild replaces it.
        #expect(try IndexKit.index([corpus], into: index, rebuild: true).documents == 5)
        #expect(try IndexHealth.check(index).status == .sound)
    }

    @Test("a run that writes a database whole compacts it before it is published, when asked; a rebuild cut short in its compaction is resumed")
    func compactedAfterAFullBuild() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(40, in: corpus)
        let plain = dir.path + "/plain", index = dir.path + "/index"
        try IndexKit.index([corpus], into: plain, shards: 2)
        var options = IndexOptions(roots: [corpus], indexPath: index, jobs: 2)
        options.compact = true
        #expect(try Indexer(options: options).run(stop: StopRequest()).documents == 40)
        #expect(try IndexFolder(index).live() == .generation(2) && !FileManager.default.fileExists(atPath: index + "/db.1"))
        func bytes(_ path: String) throws -> Int {
            let live = try #require(try IndexFolder(path).live())
            return try IndexFolder(path).shards(of: live).map(IndexFolder.bytes(in:)).reduce(0, +)
        }
        #expect(try bytes(index) < bytes(plain), "compacted")
        #expect(try Self.counts(index) == Self.counts(plain))
        #expect(try SearchIndex(locations: [index]).search("\"công đoàn\"").results.map(\.path)
                == SearchIndex(locations: [plain]).search("\"công đoàn\"").results.map(\.path))

        // A rebuild whose compaction was cut short: db.3 written whole, db.4 a compaction's empty start, which goes.
        options.rebuild = true
        options.compact = false
        let stop = StopRequest()
        _ = try Indexer(options: options).run(stop: stop) { _ in stop.request() }
        #expect(try IndexFolder(index).live() == .generation(2) && FileManager.default.fileExists(atPath: index + "/db.3"))
        _ = try WritableDatabase(path: index + "/db.4", mode: .createOrOverwrite)
        options.rebuild = false
        options.compact = true
        let resumed = try Indexer(options: options).run(stop: StopRequest())
        #expect(resumed.rebuild && resumed.switched && resumed.documents == 40)
        #expect(try IndexFolder(index).live() == .generation(4))
        #expect(try FileManager.default.contentsOfDirectory(atPath: index).sorted() == ["XAPIANDB", "db.4"])
        #expect(try IndexKit.assertWholeDocuments(index) == 40)
    }

    @Test("compact writes a smaller copy beside the index and switches to it: shard by shard, or merged into one")
    func compaction() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(60, in: corpus)
        let index = dir.path + "/index"
        try IndexKit.index([corpus], into: index, shards: 2)
        let query = "dat dai"
        let before = try IndexKit.names(query, in: index)
        #expect(!before.isEmpty)

        // Another writer holds the index: compaction waits its turn, then says the index is in use.
        let writer = try XapianSink(editing: index)
        #expect(throws: VanBanError.indexBusy(index)) { try XapianSink(editing: index) }
        writer.close()

        let sink = try XapianSink(editing: index)
        let (bytesBefore, bytesAfter, shards) = try sink.compact(merge: false)
        sink.close()
        #expect(shards == 2 && bytesAfter < bytesBefore, "\(bytesBefore) → \(bytesAfter)")
        #expect(try IndexFolder(index).live() == .generation(2) && !FileManager.default.fileExists(atPath: index + "/db.1"))
        #expect(try Self.counts(index).count == 2)
        #expect(Set(try IndexKit.names(query, in: index)) == Set(before))

        let merged = try XapianSink(editing: index)
        #expect(try merged.compact(merge: true).shards == 1)
        merged.close()
        #expect(try Self.counts(index) == [60])
        #expect(Set(try IndexKit.names(query, in: index)) == Set(before))
        #expect(try IndexHealth.check(index).status == .sound)
        // Later runs write the merged database; nothing is re-added.
        try dir.write("corpus/vb-00003.txt", "Văn bản đã sửa sau khi nén chỉ mục: quy hoạch thủy lợi")
        let report = try IndexKit.index([corpus], into: index)
        #expect(report.updated == 1 && report.added == 0 && report.documents == 60)
    }
}
