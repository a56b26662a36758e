import Testing
@testable import Xapian

/// Two local databases searched as one.
@Suite struct ShardTests {
    /// Shard "a" holds docs a1, a2; shard "b" holds b1, b2, b3. Every doc has the term "shared".
    private static func makeShards(_ dir: TemporaryDirectory) throws -> (String, String) {
        let a = dir.path("a"), b = dir.path("b")
        for (path, ids) in [(a, ["a1", "a2"]), (b, ["b1", "b2", "b3"])] {
            let db = try WritableDatabase(path: path, mode: .create)
            for id in ids { try db.add(makeDocument("shared only\(id)", id: id)) }
            try db.commit()
            db.close()
        }
        return (a, b)
    }

    private static func check(_ db: Database) throws {
        #expect(try db.documentCount == 5)
        #expect(try db.termFrequency("shared") == 5)
        // Docid d of shard i (of 2) becomes (d - 1) * 2 + i + 1.
        #expect(try db.postings("shared") == [1, 2, 3, 4, 6])
        #expect(try db.postings("onlyb1") == [2])
        #expect(try db.postings("onlya2") == [3])
        #expect(try db.postings("onlyb3") == [6])
        #expect(try db.document(6).data == "doc b3")
        #expect(expectXapianError { _ = try db.document(5) }?.kind == .docNotFoundError)
        let enquire = Enquire(db)
        enquire.query = .or([.term("onlya1"), .term("onlyb2")])
        let mset = try enquire.mset(offset: 0, limit: 10)
        #expect(mset.map(\.docid).sorted() == [1, 4])
        #expect(try Set(mset.map { try $0.document.data }) == ["doc a1", "doc b2"])
    }

    @Test func addingADatabase() throws {
        let dir = try TemporaryDirectory()
        let (a, b) = try Self.makeShards(dir)
        let db = try Database(path: a)
        #expect(try db.documentCount == 2)
        try db.add(try Database(path: b))
        try Self.check(db)
    }

    @Test func locationOpensLocalPaths() throws {
        let dir = try TemporaryDirectory()
        let (a, _) = try Self.makeShards(dir)
        #expect(try Database(location: a).documentCount == 2)
    }
}
