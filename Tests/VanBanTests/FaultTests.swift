import Foundation
import TestTags
import Testing
import Xapian
@testable import VanBan

/// `vanban index` started as a process on a generated corpus and stopped, killed or raced.
@Suite("Indexer faults", .serialized, .tags(.slow), .notInFastLoop)
struct FaultTests {
    static let fileCount = 3000

    /// A running `vanban index` whose output is collected on background threads.
    final class Running: @unchecked Sendable {
        let process = Process()
        private let out = Pipe(), err = Pipe()
        private var outData = Data(), errData = Data()
        private let group = DispatchGroup()

        init(_ arguments: [String]) throws {
            process.executableURL = Paths.vanban
            process.arguments = arguments
            process.standardOutput = out
            process.standardError = err
            try process.run()
            for (pipe, isOut) in [(out, true), (err, false)] {
                group.enter()
                DispatchQueue.global().async {
                    let data = pipe.fileHandleForReading.readDataToEndOfFile()
                    if isOut { self.outData = data } else { self.errData = data }
                    self.group.leave()
                }
            }
        }

        func wait() -> (status: Int32, reason: Process.TerminationReason, stdout: String, stderr: String) {
            process.waitUntilExit()
            group.wait()
            return (process.terminationStatus, process.terminationReason,
                    String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
        }
    }

    /// Waits until the index at `path` has a commit with documents (seen by a reader), while `running` runs.
    static func waitForFirstCommit(_ path: String, while running: Running, timeout: Double = 300) -> Int {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while Date() < deadline, running.process.isRunning {
            if let db = try? Database(path: path), let count = try? db.documentCount, count > 0 { return count }
            usleep(20_000)
        }
        return 0
    }

    @Test("SIGKILL mid-run: the last commit opens and searches, searching and a second indexer during the run behave, a rerun completes")
    func killed() throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(Self.fileCount, in: corpus)
        let index = dir.url.appendingPathComponent("index").path

        let run = try Running(["index", corpus.path, "--index", index, "--jobs", "2"])
        let seen = Self.waitForFirstCommit(index, while: run)
        try #require(seen > 0, "no commit became visible while the indexer ran")
        #expect(run.process.isRunning, "the corpus should take longer to index than the first commit")

        // Searching while indexing runs sees the last commit.
        let during = try SearchIndex(locations: [index])
        let committed = try during.database.documentCount
        #expect(committed >= seen)
        var options = SearchOptions()
        options.suggest = false
        // A committed document is found by its number; the last file is not committed yet. (Each shard commits on
        // its own, so which documents a reader sees first depends on the shard each went to.)
        let some = try #require(try during.allDocuments().first?.document)
        let number = try #require(some.number)
        #expect(try during.search(number, options: options).results.first?.path == some.path)
        #expect(try during.search("\(Self.fileCount)/QĐ-UBND", options: options).results
            .contains { $0.path.hasSuffix(String(format: "vb-%05d.txt", Self.fileCount - 1)) } == false)
        #expect(try during.allDocuments().count == committed)

        // A second indexer on the same index is refused at once.
        let started = Date()
        let second = try vanban(["index", corpus.path, "--index", index])
        #expect(second.status == 2)
        #expect(second.stderr.contains("in use"), "\(second.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)

        kill(run.process.processIdentifier, SIGKILL)
        let killed = run.wait()
        #expect(killed.reason == .uncaughtSignal)

        let survivors = try IndexKit.assertWholeDocuments(index)
        #expect(survivors > 0 && survivors < Self.fileCount)
        #expect(try IndexKit.names("\"chủ trì, phối hợp\"", in: index).count == min(100, survivors))

        let rerun = try vanban(["index", corpus.path, "--index", index, "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let report = try rerun.json()
        #expect((report["added"] as? Int ?? 0) + (report["unchanged"] as? Int ?? 0) == Self.fileCount)
        #expect((report["unchanged"] as? Int ?? 0) >= survivors)
        #expect(try IndexKit.assertWholeDocuments(index) == Self.fileCount)
    }

    @Test("SIGINT or SIGTERM stops after the current batch with exit 128 + signal; the index is whole and a rerun completes",
          arguments: [SIGINT, SIGTERM])
    func interrupted(by signal: Int32) throws {
        let dir = try TempDir()
        let corpus = dir.url.appendingPathComponent("corpus")
        try IndexKit.generateCorpus(Self.fileCount, in: corpus)
        let index = dir.url.appendingPathComponent("index").path

        let run = try Running(["index", corpus.path, "--index", index, "--jobs", "2", "--json"])
        try #require(Self.waitForFirstCommit(index, while: run) > 0, "no commit became visible while the indexer ran")
        try #require(run.process.isRunning, "the indexer finished before it could be interrupted")
        kill(run.process.processIdentifier, signal)
        let stopped = run.wait()
        #expect(stopped.status == 128 + signal, "\(stopped.stderr)")
        #expect(stopped.stderr.contains("stopping after the current batch"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(stopped.stdout.utf8)) as? [String: Any])
        #expect(report["interrupted"] as? Bool == true)
        let added = report["added"] as? Int ?? -1
        #expect(added > 0 && added < Self.fileCount)

        #expect(try IndexKit.assertWholeDocuments(index) == added, "everything reported is committed")
        let rerun = try vanban(["index", corpus.path, "--index", index, "--json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let second = try rerun.json()
        #expect(second["added"] as? Int == Self.fileCount - added)
        #expect(second["unchanged"] as? Int == added)
        #expect(second["removed"] as? Int == 0)

        // Same count as an uninterrupted run over the same files.
        let fresh = dir.url.appendingPathComponent("fresh").path
        let uninterrupted = try IndexKit.index([corpus], into: fresh)
        #expect(uninterrupted.documents == Self.fileCount)
        #expect(try IndexKit.assertWholeDocuments(index) == uninterrupted.documents)
    }
}
