import Foundation
import Testing
@testable import VanBan

/// A sink that holds its documents in memory and records what a run asks of it, in order.
final class RecordingSink: DocumentSink {
    /// Id term → path and file state of each document held.
    private(set) var held: [String: (path: String, state: String)] = [:]
    /// "add NAME", "replace NAME", "state NAME", "delete NAME", "spellings", "metadata KEY", "commit", "publish", "close".
    var events: [String] = []
    private(set) var spellings: [WordFormKey: Int] = [:]
    private(set) var metadata: [String: String] = [:]

    var names: [String] { held.values.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted() }

    private func name(_ idTerm: String) -> String {
        held[idTerm].map { URL(fileURLWithPath: $0.path).lastPathComponent } ?? "unknown \(idTerm)"
    }

    private func hold(_ document: PreparedDocument) throws {
        held[document.idTerm] = (try document.document.value(Schema.Slot.path), try document.document.value(Schema.Slot.fileState))
    }

    func knownFiles() -> [String: String] {
        Dictionary(uniqueKeysWithValues: held.values.map { ($0.path, $0.state) })
    }

    func add(_ document: PreparedDocument) throws {
        events.append(held[document.idTerm] == nil ? "add " : "add of a held document ")
        try hold(document)
        events[events.count - 1] += name(document.idTerm)
    }

    func replace(_ document: PreparedDocument) throws {
        events.append("replace " + name(document.idTerm))
        try hold(document)
    }

    func setFileState(_ fileState: String, idTerm: String) {
        events.append("state " + name(idTerm))
        held[idTerm]?.state = fileState
    }

    func delete(idTerm: String) {
        events.append("delete " + name(idTerm))
        held[idTerm] = nil
    }

    func addSpellings(_ counts: [WordFormKey: Int]) {
        if !counts.isEmpty { events.append("spellings") }
        spellings.merge(counts, uniquingKeysWith: +)
    }

    func setMetadata(_ key: String, _ value: String) {
        events.append("metadata " + key)
        metadata[key] = value
    }

    func commit() { events.append("commit") }
    func documentCount() -> Int { held.count }
    func replacedFiles() -> [String: String]? { nil }
    func publish() { events.append("publish") }
    func close() { events.append("close") }
}

@Suite("Document sink")
struct DocumentSinkTests {
    static let commit = ["metadata \(Schema.versionKey)", "metadata \(Schema.lastUpdateKey)", "commit"]
    static let end = ["publish", "close"]

    @Test("a run tells its sink what to write: new files added, changed replaced, touched ones' state renewed, deleted removed, unchanged left alone; commits by batch and at the end")
    func recordedRuns() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/a.txt", "Văn bản thứ nhất về thủy lợi")
        try dir.write("docs/b.txt", "Văn bản thứ hai về lâm nghiệp")
        try dir.write("docs/sub/c.txt", "Văn bản thứ ba về ngư nghiệp")
        let sink = RecordingSink()
        var options = IndexOptions(roots: [docs], indexPath: dir.url.appendingPathComponent("index").path, jobs: 2)
        options.batchFiles = 2
        options.commitFiles = 2
        let indexer = Indexer(options: options) { _ in sink }
        func run() throws -> IndexReport {
            sink.events.removeAll()
            return try indexer.run(stop: StopRequest())
        }

        let first = try run()
        #expect((first.added, first.updated, first.removed, first.unchanged, first.documents) == (3, 0, 0, 0, 3))
        #expect(sink.events == ["add a.txt", "add b.txt", "spellings"] + Self.commit + ["add c.txt", "spellings"] + Self.commit + Self.end)
        #expect(sink.metadata[Schema.versionKey] == Schema.version)
        #expect(sink.spellings[WordFormKey(form: "văn")] == 3 && sink.spellings[WordFormKey(form: "lâm")] == 1)
        #expect(!FileManager.default.fileExists(atPath: options.indexPath), "the sink replaces the index")

        let second = try run()
        #expect((second.added, second.updated, second.removed, second.unchanged) == (0, 0, 0, 3))
        #expect(sink.events == Self.commit + Self.end)

        try dir.write("docs/b.txt", "Văn bản thứ hai đã sửa về khí tượng")
        let a = docs.appendingPathComponent("a.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: a.path)
        try FileManager.default.removeItem(at: docs.appendingPathComponent("sub/c.txt"))
        try dir.write("docs/d.txt", "Văn bản thứ tư về hải đảo")
        let third = try run()
        #expect((third.added, third.updated, third.removed, third.unchanged, third.documents) == (1, 1, 1, 1, 3))
        #expect(sink.events == ["state a.txt", "replace b.txt", "spellings"] + Self.commit
            + ["add d.txt", "delete c.txt", "spellings"] + Self.commit + Self.end)
        let scanned = try #require(FileScanner().scan([a]).files.first)
        #expect(sink.held[Terms.id(path: scanned.path)]?.state.hasPrefix(scanned.statKey + " ") == true)
        #expect(sink.names == ["a.txt", "b.txt", "d.txt"])
        #expect(sink.spellings[WordFormKey(form: "khí")] == 1 && sink.spellings[WordFormKey(form: "văn")] == 5)
    }

    @Test("a run that fails to read every file still commits, and a file that fails is not written")
    func failedFiles() throws {
        let dir = try TempDir()
        try dir.write("docs/nhi-phan.txt", Data([0x00, 0x01, 0x02]))
        let sink = RecordingSink()
        let options = IndexOptions(roots: [dir.url.appendingPathComponent("docs")], indexPath: dir.url.appendingPathComponent("index").path)
        let report = try Indexer(options: options) { _ in sink }.run(stop: StopRequest())
        #expect(report.failed.count == 1 && report.documents == 0)
        #expect(sink.events == Self.commit + Self.end)
    }
}
