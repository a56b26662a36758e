import Foundation
import VietText
import Xapian

/// The ``DocumentSink`` of a local Xapian index: one `WritableDatabase`, opened (created, or emptied
/// for a rebuild) and checked against ``Schema`` when the sink is made.
public final class XapianSink: DocumentSink {
    let db: WritableDatabase
    /// Word forms whose synonym this sink has added: each is added once per run.
    private var synonyms = Set<WordFormKey>()

    /// Opens the index at `options.indexPath`, emptied when `options.rebuild`; refuses an index of
    /// another schema version, and one that another writer holds.
    public init(options: IndexOptions) throws {
        do {
            try FileManager.default.createDirectory(atPath: options.indexPath, withIntermediateDirectories: true)
        } catch {
            throw VanBanError.unreadable(path: options.indexPath, reason: "cannot create the index folder: \((error as NSError).localizedDescription)")
        }
        do {
            db = try WritableDatabase(path: options.indexPath, mode: options.rebuild ? .createOrOverwrite : .createOrOpen)
            if !options.rebuild { try Schema.check(db, location: options.indexPath) }
        } catch let error as XapianError where error.kind == .databaseLockError {
            throw VanBanError.indexBusy(options.indexPath)
        } catch let error as XapianError {
            throw VanBanError.xapian(error)
        }
    }

    public func knownFiles() throws -> [String: String] {
        var known: [String: String] = [:]
        for (term, _) in try db.allTerms(prefix: Schema.Prefix.id) {
            for docid in try db.postings(term) {
                let doc = try db.document(docid)
                try known[doc.value(Schema.Slot.path)] = doc.value(Schema.Slot.fileState)
            }
        }
        return known
    }

    /// Adds without looking for the id term: the run knows the index does not hold the file.
    public func add(_ document: PreparedDocument) throws {
        _ = try db.add(document.document)
    }

    public func replace(_ document: PreparedDocument) throws {
        _ = try db.replace(uniqueTerm: document.idTerm, with: document.document)
    }

    /// Rewrites the value only; Xapian leaves the terms alone.
    public func setFileState(_ fileState: String, idTerm: String) throws {
        for id in try db.postings(idTerm) {
            let document = try db.document(id)
            document.setValue(Schema.Slot.fileState, fileState)
            try db.replace(id, with: document)
        }
    }

    public func delete(idTerm: String) throws {
        try db.delete(uniqueTerm: idTerm)
    }

    /// Each form goes to the spelling table; a marked one also becomes a synonym of its unmarked
    /// form, so that a query typed without marks can get the marked forms back.
    public func addSpellings(_ counts: [WordFormKey: Int]) throws {
        for (key, count) in counts {
            let word = key.form
            try db.addSpelling(word, frequencyIncrement: count)
            if let folded = Terms.synonymKey(ofSpelling: word), synonyms.insert(key).inserted { try db.addSynonym(folded, word) }
        }
    }

    public func setMetadata(_ key: String, _ value: String) throws {
        try db.setMetadata(key, value)
    }

    public func commit() throws {
        try db.commit()
    }

    public func documentCount() throws -> Int {
        try db.documentCount
    }

    public func close() {
        db.close()
    }
}
