import Foundation
import TestTags
import Testing
import Xapian
@testable import VanBan

/// `--rebuild` writes a new database beside the live one and switches Xapian's stub to it in one step.
@Suite("Atomic rebuilds")
struct RebuildTests {
    static func stub(_ index: String) -> String? { IndexFolder.stub(in: index) }

    static func entries(_ index: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: index).sorted()
    }

    @Test("a rebuild switches the stub in one step and deletes the old database; an open reader keeps working, the pool follows")
    func switchesInOneStep() async throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/a.txt", "Văn bản về thủy lợi")
        let index = dir.path + "/index"
        try IndexKit.index([docs], into: index)
        #expect(Self.stub(index) == "auto db.1\n")
        #expect(try Self.entries(index) == ["XAPIANDB", "db.1"])

        let before = try SearchIndex(locations: [index])
        let pool = try IndexPool(locations: [index], readers: 1)
        #expect(try await pool.read { try $0.database.documentCount } == 1)

        try dir.write("docs/b.txt", "Văn bản về lâm nghiệp")
        let report = try IndexKit.index([docs], into: index, rebuild: true)
        #expect((report.rebuild, report.switched, report.added, report.documents) == (true, true, 2, 2))
        #expect(Self.stub(index) == "auto db.2\n")
        #expect(try Self.entries(index) == ["XAPIANDB", "db.2"], "the old database is deleted after the switch")

        // Its files are gone, but the handle opened before reads on.
        #expect(try before.database.documentCount == 1)
        #expect(try before.search("thuy loi").results.count == 1)
        #expect(try await pool.read { try $0.search("lam nghiep").results.count } == 1)
        #expect(try IndexKit.assertWholeDocuments(index) == 2)
    }

    @Test("the pool follows a switch even while the old database is still there")
    func poolFollowsTheStub() async throws {
        let dir = try TempDir()
        try dir.write("a/x.txt", "Văn bản về thủy lợi")
        try dir.write("b/y.txt", "Văn bản về lâm nghiệp")
        let index = dir.path + "/index", other = dir.path + "/other"
        try IndexKit.index([dir.url.appendingPathComponent("a")], into: index)
        try IndexKit.index([dir.url.appendingPathComponent("b")], into: other)
        let pool = try IndexPool(locations: [index], readers: 1)
        #expect(try await pool.read { try $0.search("thuy loi").results.count } == 1)
        // A switch whose old database stays (a writer killed before deleting it): reopen() alone would stay on it.
        try FileManager.default.moveItem(atPath: other + "/db.1", toPath: index + "/db.2")
        try IndexFolder(index).publish(2)
        #expect(try await pool.read { try $0.search("lam nghiep").results.count } == 1)
        #expect(try await pool.read { try $0.search("thuy loi").results.count } == 0)
    }

    @Test("an interrupted rebuild leaves the live index untouched; the next run over the same roots resumes it and switches")
    func interruptedAndResumed() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try IndexKit.generateCorpus(6, in: docs)
        let index = dir.path + "/index"
        try IndexKit.index([docs], into: index)

        var options = IndexOptions(roots: [docs], indexPath: index, jobs: 1, rebuild: true)
        options.batchFiles = 2
        options.commitFiles = 2
        let stop = StopRequest()
        let interrupted = try Indexer(options: options).run(stop: stop) { _ in stop.request() }
        #expect((interrupted.interrupted, interrupted.rebuild, interrupted.switched, interrupted.added) == (true, true, false, 2))
        #expect(Self.stub(index) == "auto db.1\n")
        #expect(try IndexKit.assertWholeDocuments(index) == 6, "the live index holds all it held")
        #expect(try Database(path: index + "/db.2").documentCount == 2, "the rebuild's first batch is committed beside it")
        let health = try IndexHealth.check(index)
        #expect(health.status == .sound)
        #expect(health.notes.contains { $0.contains("db.2 is an unfinished rebuild") && $0.contains(docs.resolvingSymlinksInPath().path) }, "\(health.notes)")

        // A run without --rebuild over the same roots finishes it.
        let resumed = try IndexKit.index([docs], into: index)
        #expect((resumed.rebuild, resumed.switched, resumed.unchanged, resumed.added, resumed.documents) == (true, true, 2, 4, 6))
        #expect(Self.stub(index) == "auto db.2\n")
        #expect(try Self.entries(index) == ["XAPIANDB", "db.2"])
        #expect(try IndexKit.assertWholeDocuments(index) == 6)

        // A rebuild over other roots does not resume one of these: it starts anew.
        _ = try Indexer(options: options).run(stop: stop)  // stops at once: nothing but db.3's start
        let other = dir.url.appendingPathComponent("other")
        try IndexKit.generateCorpus(1, in: other)
        let fresh = try IndexKit.index([other], into: index, rebuild: true)
        #expect((fresh.switched, fresh.added, fresh.unchanged, fresh.documents) == (true, 1, 0, 1))
        #expect(try Self.entries(index) == ["XAPIANDB", "db.4"])
    }

    @Test("a rebuild that cannot read again a document of the old index does not switch; fixed, the next run does")
    func heldBack() throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "Văn bản về thủy lợi")
        try dir.write("docs/sub/b.txt", "Văn bản về ngư nghiệp")
        let docs = dir.url.appendingPathComponent("docs").resolvingSymlinksInPath()
        let index = dir.path + "/index"
        try IndexKit.index([docs], into: index)

        var options = IndexOptions(roots: [docs], indexPath: index, jobs: 1, rebuild: true)
        options.fileSystem = FailingFileSystem(listing: [docs.path + "/sub": EIO])
        let report = try Indexer(options: options).run(stop: StopRequest())
        #expect((report.rebuild, report.switched, report.keptDespiteErrors) == (true, false, 1))
        #expect(report.failed.map(\.path) == [docs.path + "/sub"])
        #expect(Self.stub(index) == "auto db.1\n")
        #expect(try IndexKit.names("ngu nghiep", in: index) == ["b.txt"])

        let text = try vanban(["index", docs.path, "--index", index, "--rebuild"], environment: [:])
        #expect(text.status == 0 && text.stdout.hasPrefix("Rebuilt \(index): 1 added, 0 updated, 0 removed, 1 unchanged"), "\(text.stdout)")
        #expect(Self.stub(index) == "auto db.3\n", "the resumed rebuild db.2, compacted into db.3")
        #expect(try IndexKit.names("ngu nghiep", in: index) == ["b.txt"])
    }

    @Test("an index of the layout before the stub is searched and updated in place; its next rebuild moves it to db.1")
    func olderLayout() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/a.txt", "Văn bản về thủy lợi")
        let index = dir.path + "/index"
        try IndexKit.index([docs], into: index, shards: 1)
        // The glass files in the index folder itself, as vanban wrote them before the stub.
        for name in try Self.entries(index + "/db.1") {
            try FileManager.default.moveItem(atPath: index + "/db.1/" + name, toPath: index + "/" + name)
        }
        try FileManager.default.removeItem(atPath: index + "/db.1")
        try FileManager.default.removeItem(atPath: index + "/XAPIANDB")
        try dir.write("index/.gitkeep", "")

        let before = try SearchIndex(locations: [index])
        try dir.write("docs/b.txt", "Văn bản về lâm nghiệp")
        #expect(try IndexKit.index([docs], into: index, shards: 1).added == 1)
        #expect(!FileManager.default.fileExists(atPath: index + "/XAPIANDB"), "an incremental run writes it where it is")

        let rebuilt = try IndexKit.index([docs], into: index, rebuild: true)
        #expect((rebuilt.switched, rebuilt.documents) == (true, 2))
        #expect(try Self.entries(index) == [".gitkeep", "XAPIANDB", "db.1"], "the glass files of the folder are gone")
        #expect(try IndexKit.assertWholeDocuments(index) == 2)
        #expect(try before.search("thuy loi").results.count == 1, "a reader open on the old files reads on")
    }

    @Test("killed at each step of a switch, the index opens and the next runs converge")
    func killedAtEachStep() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/a.txt", "Văn bản về thủy lợi")
        let index = dir.path + "/index"

        // A first run killed after creating db.1, while writing its stub: no index yet, and none refused.
        try IndexKit.index([docs], into: index, shards: 1)
        try FileManager.default.removeItem(atPath: index + "/XAPIANDB")
        try "auto db.1\n".write(toFile: index + "/XAPIANDB.new", atomically: false, encoding: .utf8)
        #expect(try IndexKit.index([docs], into: index, shards: 1).documents == 1)
        #expect(try IndexKit.names("thuy loi", in: index) == ["a.txt"])
        try IndexKit.index([docs], into: index, shards: 1)
        #expect(try Self.entries(index) == ["XAPIANDB", "db.2"])

        // The older layout's rebuild killed between writing the stub and removing iamglass: Xapian (and vanban)
        // still read the glass files; the next run resumes the rebuild and switches.
        try FileManager.default.removeItem(atPath: index)
        try IndexKit.index([docs], into: index, shards: 1)
        for name in try Self.entries(index + "/db.1") {
            try FileManager.default.moveItem(atPath: index + "/db.1/" + name, toPath: index + "/" + name)
        }
        try FileManager.default.removeItem(atPath: index + "/db.1")
        try FileManager.default.removeItem(atPath: index + "/XAPIANDB")
        let stop = StopRequest()
        stop.request()
        _ = try Indexer(options: IndexOptions(roots: [docs], indexPath: index, jobs: 1, rebuild: true)).run(stop: stop)
        try "auto db.1\n".write(toFile: index + "/XAPIANDB", atomically: false, encoding: .utf8)
        #expect(try IndexFolder(index).live() == .plain, "iamglass shadows the stub, for Xapian as for vanban")
        let resumed = try IndexKit.index([docs], into: index, shards: 1)
        #expect((resumed.rebuild, resumed.switched) == (true, true))
        #expect(try Self.entries(index) == ["XAPIANDB", "db.1"])

        // Killed while deleting the older layout's files after the switch: the next writer finishes.
        try "leftover".write(toFile: index + "/termlist.glass", atomically: false, encoding: .utf8)
        try IndexKit.index([docs], into: index, shards: 1)
        #expect(try Self.entries(index) == ["XAPIANDB", "db.1"])
        #expect(try IndexKit.assertWholeDocuments(index) == 1)
    }

    @Test("vanban index --rebuild on the binary: searches during it see the old index, a second writer is refused, SIGKILL leaves the old index whole, the next run finishes it",
          .tags(.slow), .notInFastLoop)
    func killedRebuild() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        let count = FaultTests.fileCount
        try IndexKit.generateCorpus(count, in: corpus)
        let index = dir.path + "/index"
        #expect(try IndexKit.index([corpus], into: index).added == count)

        let run = try FaultTests.Running(["index", corpus.path, "--index", index, "--rebuild", "--jobs", "1"])
        try #require(FaultTests.waitForFirstCommit(index + "/db.2", while: run) > 0, "the rebuild committed nothing while it ran")
        for query in ["chủ trì", "1/QĐ-UBND", "\"phối hợp\"", "ngan sach", "\(count)/QĐ-UBND"] {
            let found = try vanban(["search", query, "--index", index, "--json", "--limit", "1"])
            #expect(found.status == 0, "\(query): \(found.stderr)")
            #expect((try found.json()["results"] as? [Any])?.count == 1, "\(query)")
        }
        #expect(try SearchIndex(locations: [index]).database.documentCount == count, "searches see the whole old index")
        let second = try vanban(["index", corpus.path, "--index", index])
        #expect(second.status == 2 && second.stderr.contains("in use"), "\(second.stderr)")
        let remove = try vanban(["remove", corpus.path, "--index", index])
        #expect(remove.status == 2 && remove.stderr.contains("in use"), "\(remove.stderr)")
        try #require(run.process.isRunning, "the rebuild finished before it could be killed")

        kill(run.process.processIdentifier, SIGKILL)
        #expect(run.wait().reason == .uncaughtSignal)
        #expect(Self.stub(index) == "auto db.1\n")
        #expect(try IndexKit.assertWholeDocuments(index) == count, "the old index holds every document")
        let check = try vanban(["check", "--index", index])
        #expect(check.status == 0 && check.stdout.contains("db.2 is an unfinished rebuild"), "\(check.stdout)")
        let vi = try vanban(["check", "--index", index, "--lang", "vi"])
        #expect(vi.stdout.contains("Ghi chú: db.2 là một lần xây dựng lại chưa xong: `vanban index \(corpus.path)"), "\(vi.stdout)")

        let next = try vanban(["index", corpus.path, "--index", index, "--json"])
        #expect(next.status == 0, "\(next.stderr)")
        let report = try next.json()
        #expect(report["rebuild"] as? Bool == true && report["switched"] as? Bool == true)
        #expect((report["unchanged"] as? Int ?? 0) > 0, "it resumed")
        #expect((report["added"] as? Int ?? 0) + (report["unchanged"] as? Int ?? 0) == count)
        #expect(try Self.entries(index) == ["XAPIANDB", "db.3"], "vanban index compacts the rebuild into the next database")
        #expect(try IndexKit.assertWholeDocuments(index) == count)
    }
}
