import Foundation
import Testing
@testable import Xapian

/// Value slots used by the sample corpus.
enum Slot {
    static let category: UInt32 = 0
    static let year: UInt32 = 1
}

/// A document of the sample corpus.
struct Sample {
    let id: String
    let text: String
    let category: String
    let year: String
}

/// Five small documents; docid n is `samples[n - 1]`.
let samples: [Sample] = [
    Sample(id: "1", text: "the quick brown fox jumps over the lazy dog", category: "A", year: "2001"),
    Sample(id: "2", text: "the quick red fox", category: "B", year: "2005"),
    Sample(id: "3", text: "brown dog sleeps", category: "A", year: "2010"),
    Sample(id: "4", text: "lazy brown cat", category: "C", year: "2003"),
    Sample(id: "5", text: "fox and dog are friends", category: "A", year: "2008"),
]

/// A document whose words (split on spaces) are postings at positions 1, 2, ...
func makeDocument(_ text: String, id: String? = nil) -> Document {
    let doc = Document()
    for (index, word) in text.split(separator: " ").enumerated() {
        doc.addPosting(String(word), position: UInt32(index + 1))
    }
    if let id {
        doc.addBooleanTerm("Q" + id)
        doc.setData("doc " + id)
    }
    return doc
}

/// Writes `samples` (or `items`) into a new database at `path` and commits.
@discardableResult
func buildSampleDatabase(at path: String, _ items: [Sample] = samples) throws -> WritableDatabase {
    let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
    for sample in items {
        let doc = makeDocument(sample.text, id: sample.id)
        doc.addBooleanTerm("XC" + sample.category)
        doc.setValue(Slot.category, sample.category)
        doc.setValue(Slot.year, sample.year)
        try db.add(doc)
    }
    try db.commit()
    return db
}

/// A temporary sample database plus an enquire over it.
final class SampleSearch {
    let directory: TemporaryDirectory
    let database: Database
    let enquire: Enquire

    init() throws {
        directory = try TemporaryDirectory()
        let path = directory.path("db")
        try buildSampleDatabase(at: path).close()
        database = try Database(path: path)
        enquire = Enquire(database)
    }

    /// The docids matching `query`, in result order.
    func docids(_ query: Query, limit: Int = 10) throws -> [UInt32] {
        enquire.query = query
        return try enquire.mset(offset: 0, limit: limit).map(\.docid)
    }
}

/// Expects `body` to throw a `XapianError` and returns it.
func expectXapianError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> XapianError? {
    do {
        try body()
        Issue.record("expected a XapianError", sourceLocation: sourceLocation)
        return nil
    } catch let error as XapianError {
        return error
    } catch {
        Issue.record("expected a XapianError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The terms of `doc`, as a database it is added to stores them.
func storedTerms(_ doc: Document) throws -> [DocumentTerm] {
    let dir = try TemporaryDirectory()
    let db = try WritableDatabase(path: dir.path("db"))
    return try db.termList(db.add(doc))
}
