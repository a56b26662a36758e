import Foundation
import Testing
import TestTags
import Xapian
@testable import VanBan

/// A damaged index is named as such by every command, with the remedy; `vanban check` says what is wrong.
@Suite("Damage explained")
struct DamageTests {
    /// 30 generated documents indexed into `index`, then its postlist table cut to its first block.
    static func truncated() throws -> (dir: TempDir, corpus: URL, index: String) {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(30, in: corpus)
        let index = dir.path + "/index"
        try IndexKit.index([corpus], into: index)
        // The first of its shards: damage to any one is damage to the index.
        let postlist = URL(fileURLWithPath: try IndexFolder(index).shards(of: .generation(1))[0] + "/postlist.glass")
        let size = try FileManager.default.attributesOfItem(atPath: postlist.path)[.size] as? Int ?? 0
        try #require(size > 8192, "the postlist table should span several blocks")
        let handle = try FileHandle(forWritingTo: postlist)
        try handle.truncate(atOffset: 8192)
        try handle.close()
        return (dir, corpus, index)
    }

    @Test("vanban check says a truncated table is cut short, where, and what to do; --json and exit 1")
    func checkSaysWhatIsWrong() throws {
        let (dir, _, index) = try Self.truncated()
        defer { withExtendedLifetime(dir) {} }
        let text = try vanban(["check", "--index", index])
        #expect(text.status == 1)
        #expect(text.stdout.contains("\(index): damaged."), "\(text.stdout)")
        #expect(text.stdout.contains("What is wrong: a file of the index is shorter than the index says"), "\(text.stdout)")
        #expect(text.stdout.contains("postlist.glass") && text.stdout.contains("EOF reading block"), "\(text.stdout)")
        #expect(text.stdout.contains("What to do: `vanban index FOLDER… --rebuild --index \(index)`"), "\(text.stdout)")

        // In Vietnamese, every word of it but Xapian's own message.
        let vi = try vanban(["check", "--index", index, "--lang", "vi"])
        #expect(vi.status == 1)
        #expect(vi.stdout.contains("Vấn đề: một tệp của chỉ mục ngắn hơn chỉ mục ghi nhận"), "\(vi.stdout)")
        #expect(vi.stdout.contains(", trong danh sách văn bản của từng từ (postlist.glass) (Xapian: "), "\(vi.stdout)")
        #expect(vi.stdout.contains("Cách khắc phục: `vanban index THƯ_MỤC… --rebuild --index \(index)` xây dựng một chỉ mục mới"), "\(vi.stdout)")
        #expect(!vi.stdout.contains("a file of the index") && !vi.stdout.contains("builds a new index"), "\(vi.stdout)")
        let search = try vanban(["search", "thuế", "--index", index, "--lang", "vi"])
        #expect(search.status == 2 && search.stderr.contains("bị hỏng: một tệp của chỉ mục"), "\(search.stderr)")

        let json = try vanban(["check", "--index", index, "--json"])
        #expect(json.status == 1)
        let health = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(Set(health.keys) == ["index", "database", "status", "problems", "remedy", "notes", "documents", "schema", "xapian_report"])
        #expect(health["status"] as? String == "damaged" && health["database"] as? String == index + "/db.1")
        #expect((health["problems"] as? [String])?.count == 1 && health["remedy"] is String)
        #expect((health["xapian_report"] as? String)?.hasSuffix("postlist:\n") == true)
    }

    @Test("every command that reads the index says it is damaged and names the remedy (exit 2)",
          arguments: [["search", "chủ trì"], ["show", "1"], ["stats"], ["number", "1/QĐ-UBND"], ["mentions", "Nghị định 15/2020/NĐ-CP"],
                      ["cite", "1/QĐ-UBND"], ["cited-by", "15/2020/NĐ-CP"], ["graph"], ["index", "CORPUS"], ["remove", "CORPUS"]])
    func everyCommand(_ arguments: [String]) throws {
        let (dir, corpus, index) = try Self.truncated()
        defer { withExtendedLifetime(dir) {} }
        let result = try vanban(arguments.map { $0 == "CORPUS" ? corpus.path : $0 } + ["--index", index])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("vanban: error: the index at \(index) is damaged: "), "\(result.stderr)")
        #expect(result.stderr.contains("`vanban check --index \(index)` says more; `vanban index FOLDER… --rebuild --index \(index)`"), "\(result.stderr)")
    }

    @Test("a rebuild replaces a damaged index: check says sound again and searches find everything")
    func rebuildRepairs() throws {
        let (dir, corpus, index) = try Self.truncated()
        defer { withExtendedLifetime(dir) {} }
        let rebuilt = try vanban(["index", corpus.path, "--index", index, "--rebuild", "--json"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try rebuilt.json()["switched"] as? Bool == true)
        #expect(try vanban(["check", "--index", index]).status == 0)
        #expect(try IndexKit.assertWholeDocuments(index) == 30)
        #expect(IndexFolder.stub(in: index) == "auto db.3\n", "the rebuild db.2, compacted into db.3")
    }

    @Test("vanban check during a first vanban index, before its first commit, says nothing is committed and leaves the run whole",
          .tags(.slow), .notInFastLoop)
    func checkDuringAFirstRun() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        let count = FaultTests.fileCount
        try IndexKit.generateCorpus(count, in: corpus)
        let index = dir.path + "/index"
        let run = try FaultTests.Running(["index", corpus.path, "--index", index, "--jobs", "1"])
        // Once the run has written blocks of its tables, and before its first commit.
        let docdata = index + "/db.1/docdata.glass"
        let deadline = Date().addingTimeInterval(120)
        while run.process.isRunning, Date() < deadline,
              ((try? FileManager.default.attributesOfItem(atPath: docdata)[.size] as? Int) ?? 0) == 0 {
            usleep(5_000)
        }
        try #require(run.process.isRunning, "the run finished before it could be checked")
        let check = try vanban(["check", "--index", index, "--json"])
        #expect(check.status == 0, "\(check.stdout)")
        let health = try #require((try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])?.first)
        #expect(health["status"] as? String == "sound")
        let notes = health["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("nothing is committed") } || (health["documents"] as? Int ?? 0) > 0, "\(notes)")
        let finished = run.wait()
        #expect(finished.status == 0, "the run was damaged under it: \(finished.stderr)")
        #expect(try vanban(["check", "--index", index]).status == 0)
        #expect(try IndexKit.assertWholeDocuments(index) == count)
    }

    @Test("a stub naming a missing database, or nothing of the index, is damage too; the pool says so as well")
    func brokenStub() async throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "Văn bản về thủy lợi")
        let index = dir.path + "/index"
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        let pool = try IndexPool(locations: [index], readers: 1)

        try FileManager.default.moveItem(atPath: index + "/db.1", toPath: index + "/db.7-moved")
        let missing = try vanban(["search", "thuy loi", "--index", index])
        #expect(missing.status == 2 && missing.stderr.contains("is damaged: a file of the index is missing or cannot be opened"), "\(missing.stderr)")
        let check = try IndexHealth.check(index)
        #expect(check.status == .damaged && check.database == index + "/db.1" && check.remedy != nil)
        await #expect(throws: VanBanError.self) { try await pool.read { try $0.search("thuy loi").results.count } }
        do {
            _ = try await pool.read { try $0.search("thuy loi").results.count }
        } catch let error as VanBanError {
            guard case .damaged(let at, _) = error else { Issue.record("\(error)"); return }
            #expect(at == index)
        }

        try "remote host:7000\n".write(toFile: index + "/XAPIANDB", atomically: true, encoding: .utf8)
        let foreign = try vanban(["check", "--index", index])
        #expect(foreign.status == 1 && foreign.stdout.contains("its stub file XAPIANDB says \"remote host:7000\", which names no database of the index"), "\(foreign.stdout)")
    }
}
