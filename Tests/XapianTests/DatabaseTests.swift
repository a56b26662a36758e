import Foundation
import Testing
@testable import Xapian

@Suite struct DatabaseTests {
    @Test func documentRoundTripsThroughDisk() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        do {
            let db = try WritableDatabase(path: path, mode: .create)
            let doc = Document()
            doc.setData("dữ liệu\u{0}tail")
            doc.addTerm("alpha", wdfInc: 3)
            doc.addPosting("beta", position: 1)
            doc.addPosting("beta", position: 5)
            doc.addBooleanTerm("Qdoc1")
            doc.addTerm("x\u{0}y")
            doc.setValue(0, "v0")
            doc.setValue(7, "giá trị")
            #expect(try db.add(doc) == 1)
            try db.commit()
        }
        let db = try Database(path: path)
        #expect(try db.documentCount == 1)
        #expect(try db.lastDocumentID == 1)
        let stored = try db.document(1)
        #expect(try stored.data == "dữ liệu\u{0}tail")
        #expect(try stored.value(0) == "v0")
        #expect(try stored.value(7) == "giá trị")
        #expect(try stored.value(3) == "")
        let expected = [
            DocumentTerm(term: "Qdoc1", wdf: 0),
            DocumentTerm(term: "alpha", wdf: 3),
            DocumentTerm(term: "beta", wdf: 2, positions: [1, 5]),
            DocumentTerm(term: "x\u{0}y", wdf: 1),
        ]
        #expect(try db.termList(1) == expected)
        #expect(try db.termFrequency("x\u{0}y") == 1)
        #expect(try db.termFrequency("x") == 0)
        #expect(try db.positions(of: "beta", in: 1) == [1, 5])
        #expect(try db.positions(of: "alpha", in: 1).isEmpty, "a term without positions")
        #expect(try db.positions(of: "gamma", in: 1).isEmpty, "a term the document lacks")
    }

    @Test func statisticsAndTermLists() throws {
        let dir = try TemporaryDirectory()
        let db = try buildSampleDatabase(at: dir.path("db"))
        #expect(try db.documentCount == 5)
        #expect(try db.termFrequency("fox") == 3)
        #expect(try db.termFrequency("the") == 2)
        #expect(try db.termFrequency("absent") == 0)
        #expect(try db.collectionFrequency("the") == 3, "twice in the first document, once in the second")
        #expect(try db.collectionFrequency("fox") == 3)
        #expect(try db.collectionFrequency("absent") == 0)
        #expect(try db.postings("dog") == [1, 3, 5])
        #expect(try db.postings("absent").isEmpty)
        let xc = try db.allTerms(prefix: "XC")
        #expect(xc.map(\.term) == ["XCA", "XCB", "XCC"])
        #expect(xc.map(\.frequency) == [3, 1, 1])
        // 9 + 4 + 3 + 3 + 5 words, boolean terms have no wdf.
        #expect(try abs(db.averageLength - 24.0 / 5.0) < 1e-9)
    }

    @Test func replaceAndDeleteByUniqueTerm() throws {
        let dir = try TemporaryDirectory()
        let db = try WritableDatabase(path: dir.path("db"))
        let first = try db.replace(uniqueTerm: "Qa", with: makeDocument("one two", id: "a"))
        let other = try db.replace(uniqueTerm: "Qb", with: makeDocument("three", id: "b"))
        let again = try db.replace(uniqueTerm: "Qa", with: makeDocument("four", id: "a"))
        #expect(first == again)
        #expect(first != other)
        #expect(try db.documentCount == 2)
        #expect(try db.termFrequency("one") == 0)
        #expect(try db.postings("four") == [first])
        try db.delete(uniqueTerm: "Qa")
        #expect(try db.documentCount == 1)
        #expect(try db.postings("Qa").isEmpty)
        try db.delete(uniqueTerm: "Qnobody")
        #expect(try db.documentCount == 1)
    }

    @Test func replaceByDocid() throws {
        let dir = try TemporaryDirectory()
        let db = try WritableDatabase(path: dir.path("db"))
        let id = try db.add(makeDocument("old words"))
        try db.replace(id, with: makeDocument("new words"))
        #expect(try db.termList(id).map(\.term) == ["new", "words"])
        try db.replace(10, with: makeDocument("at ten"))
        #expect(try db.lastDocumentID == 10)
        #expect(try db.documentCount == 2)
    }

    @Test func invalidDocidsThrow() throws {
        let dir = try TemporaryDirectory()
        let db = try buildSampleDatabase(at: dir.path("db"))
        #expect(expectXapianError { _ = try db.document(0) }?.kind == .invalidArgumentError)
        #expect(expectXapianError { _ = try db.document(99) }?.kind == .docNotFoundError)
        #expect(expectXapianError { _ = try db.termList(99) }?.kind == .docNotFoundError)
    }

    @Test func reopenSeesLaterCommits() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        let db = try WritableDatabase(path: path)
        let reader = try Database(path: path)
        try db.add(makeDocument("kept"))
        try db.commit()
        #expect(try reader.documentCount == 0, "a reader stays on its revision")
        #expect(try reader.reopen())
        #expect(try reader.documentCount == 1)
        #expect(try !reader.reopen())
    }

    @Test func metadataRoundTrips() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        let db = try WritableDatabase(path: path)
        try db.setMetadata("schema", "vanban-1\u{0}x")
        try db.setMetadata("tên", "giá trị")
        try db.commit()
        let reader = try Database(path: path)
        #expect(try reader.metadata("schema") == "vanban-1\u{0}x")
        #expect(try reader.metadata("tên") == "giá trị")
        #expect(try reader.metadata("missing") == "")
        #expect(expectXapianError { try db.setMetadata("", "v") }?.kind == .invalidArgumentError)
    }

    @Test func spellingSuggestions() throws {
        let dir = try TemporaryDirectory()
        let db = try WritableDatabase(path: dir.path("db"))
        try db.addSpelling("document")
        try db.addSpelling("decree", frequencyIncrement: 5)
        try db.commit()
        #expect(try db.spellingSuggestion("documnt") == "document")
        #expect(try db.spellingSuggestion("decre") == "decree")
        #expect(try db.spellingSuggestion("document") == nil)
        #expect(try db.spellingSuggestion("zzzzzzzz") == nil)
        #expect(try db.spellingSuggestion("dcmnt", maxEditDistance: 1) == nil)
        #expect(expectXapianError { _ = try db.spellingSuggestion("x", maxEditDistance: -1) }?.kind == .invalidArgumentError)
        #expect(expectXapianError { try db.addSpelling("x", frequencyIncrement: -2) }?.kind == .invalidArgumentError)
    }

    @Test func synonyms() throws {
        let dir = try TemporaryDirectory()
        let db = try WritableDatabase(path: dir.path("db"))
        try db.addSynonym("car", "automobile")
        try db.addSynonym("car", "auto")
        try db.addSynonym("nđ", "nghị định")
        try db.commit()
        #expect(try db.synonyms("car") == ["auto", "automobile"])
        #expect(try db.synonyms("nđ") == ["nghị định"])
        #expect(try db.synonyms("bike").isEmpty)
    }

    @Test func closedDatabaseReportsDatabaseClosedError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        let writer = try buildSampleDatabase(at: path)
        let reader = try Database(path: path)
        let doc = try reader.document(1)
        reader.close()
        reader.close()
        writer.close()
        #expect(expectXapianError { _ = try reader.termList(1) }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try reader.postings("fox") }?.kind == .databaseClosedError)
        #expect(expectXapianError { try writer.add(Document()) }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try reader.documentCount }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try reader.lastDocumentID }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try reader.averageLength }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try reader.termFrequency("fox") }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try doc.data }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try doc.value(Slot.year) }?.kind == .databaseClosedError)
        #expect(expectXapianError { _ = try writer.documentCount }?.kind.isDatabaseError == true)
        let enquire = Enquire(reader)
        enquire.query = .term("fox")
        #expect(expectXapianError { _ = try enquire.mset(offset: 0, limit: 10) }?.kind == .databaseClosedError)
    }

    @Test func openModes() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        #expect(expectXapianError { _ = try WritableDatabase(path: path, mode: .open) }?.kind.isA(.databaseOpeningError) == true)
        try WritableDatabase(path: path, mode: .create).add(makeDocument("x"))
        #expect(expectXapianError { _ = try WritableDatabase(path: path, mode: .create) }?.kind.isA(.databaseError) == true)
        let overwritten = try WritableDatabase(path: path, mode: .createOrOverwrite)
        #expect(try overwritten.documentCount == 0)
    }

    @Test func secondWriterGetsDatabaseLockError() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        let first = try WritableDatabase(path: path)
        let error = expectXapianError { _ = try WritableDatabase(path: path) }
        #expect(error?.kind == .databaseLockError)
        #expect(error?.kind.isA(.databaseError) == true)
        first.close()
        let second = try WritableDatabase(path: path)
        #expect(try second.documentCount == 0)
    }

    @Test func missingPathGivesDatabaseOpeningError() throws {
        let dir = try TemporaryDirectory()
        let error = expectXapianError { _ = try Database(path: dir.path("nothing-here")) }
        // Xapian 1.4 reports the subclass DatabaseNotFoundError.
        #expect(error?.kind == .databaseNotFoundError)
        #expect(error?.kind.isA(.databaseOpeningError) == true)
        #expect(error?.kind.isDatabaseError == true)
        #expect(error?.message.isEmpty == false)
    }

    @Test(arguments: ["iamglass", "postlist.glass", "termlist.glass"])
    func damagedDatabaseThrowsInsteadOfCrashing(file: String) throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        try buildSampleDatabase(at: path).close()
        let target = URL(fileURLWithPath: path).appendingPathComponent(file)
        let size = try FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int ?? 0
        try Data(repeating: 0xA5, count: max(size, 64)).write(to: target)
        let error = expectXapianError {
            let db = try Database(path: path)
            let enquire = Enquire(db)
            enquire.query = .or([.term("fox"), .term("dog")])
            _ = try enquire.mset(offset: 0, limit: 10)
            _ = try db.termList(1)
        }
        #expect(error?.kind == .databaseCorruptError, "got \(String(describing: error))")
    }
    @Test func checkOfASoundDatabaseFindsNothing() throws {
        let dir = try TemporaryDirectory()
        try buildSampleDatabase(at: dir.path("db")).close()
        let check = Database.check(path: dir.path("db"))
        #expect(check.isSound, "\(check)")
        #expect(check.report.contains("postlist table structure checked OK"), "\(check.report)")
    }

    @Test func checkOfATruncatedTableStopsWithItsErrorAndTheReportSoFar() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        try buildSampleDatabase(at: path).close()
        let postlist = URL(fileURLWithPath: path).appendingPathComponent("postlist.glass")
        let handle = try FileHandle(forWritingTo: postlist)
        try handle.truncate(atOffset: 0)
        try handle.close()
        let check = Database.check(path: path)
        #expect(!check.isSound)
        #expect(check.failure?.kind == .databaseError, "\(check)")
        #expect(check.failure?.message.contains("EOF reading block") == true, "\(check)")
        #expect(check.report.hasSuffix("postlist:\n"), "the report names the table it stopped in: \(check.report)")
    }

    @Test func checkLeavesADatabaseNothingWasCommittedToAlone() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        let writer = try WritableDatabase(path: path, mode: .createOrOverwrite)
        // Enough documents that the writer writes blocks of its tables before its first commit.
        for i in 0..<400 {
            let doc = Document()
            doc.setData(String(repeating: "văn bản số \(i) về thủy lợi; ", count: 40))
            for k in 0..<50 { doc.addPosting("t\(i)x\(k)", position: UInt32(k + 1)) }
            _ = try writer.add(doc)
        }
        let tables = ["docdata.glass", "termlist.glass"].map { URL(fileURLWithPath: path).appendingPathComponent($0).path }
        func size(_ file: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0 }
        try #require(tables.contains { size($0) > 0 }, "the writer wrote nothing before its commit: the test proves nothing")
        let written = tables.map(size)

        let check = Database.check(path: path)
        #expect(check.isSound && check.report == Database.nothingCommitted, "\(check)")
        #expect(tables.map(size) == written, "Xapian's check would truncate them (it opens a table of revision 0 for writing)")

        try writer.commit()
        writer.close()
        let db = try Database(path: path)
        #expect(try db.revision == 1)
        #expect(try db.documentCount == 400)
        #expect(try db.document(400).data.hasPrefix("văn bản số 399"))
        #expect(Database.check(path: path).isSound)
    }

    @Test func checkOfAMissingFolderIsAnOpeningFailure() throws {
        let dir = try TemporaryDirectory()
        let check = Database.check(path: dir.path("nothing-here"))
        #expect(check.failure?.kind.isA(.databaseOpeningError) == true, "\(check)")
    }
}
