import DocRefs
import Foundation
import Xapian

/// One or more VanBan indexes searched as one: local folders and `tcp://host:port`
/// shards served by `xapian-tcpsrv`.
public final class SearchIndex {
    public let database: Database
    public let locations: [String]
    /// The stub of each local location as it was just before it was opened (nil: none, or remote).
    private let stubs: [String?]

    /// Opens every location; a missing local index says to run `vanban index`.
    public init(locations: [String]) throws {
        precondition(!locations.isEmpty, "at least one index location")
        // The same index named twice would return every document twice.
        var seen = Set<String>()
        let locations = locations.filter {
            seen.insert($0.hasPrefix("tcp://") ? $0 : URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path).inserted
        }
        self.locations = locations
        stubs = locations.map { $0.hasPrefix("tcp://") ? nil : IndexFolder.stub(in: $0) }
        var opened: Database?
        for location in locations {
            let db = try Self.open(location)
            do {
                try Schema.check(db, location: location)
            } catch {
                throw VanBanError.explaining(error, index: location)
            }
            if let first = opened { try first.add(db) } else { opened = db }
        }
        database = opened!
    }

    /// Throws unless the index, at the revision now open, carries this schema version.
    func checkSchema() throws { try Schema.check(database, location: locations.joined(separator: ", ")) }

    /// True when a local index was switched to a rebuilt database since this one was opened: reopening
    /// the open database does not follow the switch, a new ``SearchIndex`` does.
    var isSwitched: Bool {
        zip(locations, stubs).contains { location, stub in !location.hasPrefix("tcp://") && IndexFolder.stub(in: location) != stub }
    }

    static func open(_ location: String) throws -> Database {
        let isRemote = location.hasPrefix("tcp://")
        if !isRemote {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location, isDirectory: &isDir), isDir.boolValue,
                  IndexFolder(location).holdsIndex else {
                throw VanBanError.indexMissing(location)
            }
        }
        do {
            return try Database(location: location)
        } catch let error as XapianError where isRemote && error.kind.isA(.networkError) {
            throw VanBanError.unreadable(path: location, reason: "cannot reach the index there (Xapian \(error)): is xapian-tcpsrv serving one?")
        } catch let error as XapianError {
            throw isRemote ? VanBanError.xapian(error) : VanBanError.explaining(error, index: location)
        }
    }

    /// The stored document `docid`; `withText: false` leaves its text empty (and unread).
    public func stored(_ docid: UInt32, withText: Bool = true) throws -> StoredDocument {
        let document = try database.document(docid)
        return try StoredDocument.decode(document.data, text: withText ? TextPieces.text(of: document) : "")
    }

    /// Documents whose own number is `number` (any spelling), best match first.
    public func documents(numbered number: DocNumber) throws -> [(docid: UInt32, document: StoredDocument)] {
        var ids: [UInt32] = []
        for key in Terms.numberKeys(number) { ids += try database.postings(Terms.ownNumber(key: key)) }
        var seen = Set<UInt32>()
        return try ids.filter { seen.insert($0).inserted }.map { ($0, try stored($0, withText: false)) }
    }

    /// Documents whose own number has the partial key `key` (`NQ:2`), in docid order.
    public func documents(partial key: String) throws -> [(docid: UInt32, document: StoredDocument)] {
        try database.postings(Terms.partial(key)).map { ($0, try stored($0, withText: false)) }
    }

    /// Documents citing any of `keys`, in docid order.
    public func documents(citing keys: [String]) throws -> [(docid: UInt32, document: StoredDocument)] {
        var seen = Set<UInt32>()
        var ids: [UInt32] = []
        for key in keys {
            for id in try database.postings(Terms.cites(key)) where seen.insert(id).inserted { ids.append(id) }
        }
        return try ids.sorted().map { ($0, try stored($0)) }
    }

    /// Every document, in docid order (for the citation graph).
    public func allDocuments(withText: Bool = false) throws -> [(docid: UInt32, document: StoredDocument)] {
        var out: [(UInt32, StoredDocument)] = []
        for (term, _) in try database.allTerms(prefix: Schema.Prefix.id) {
            for id in try database.postings(term) { out.append((id, try stored(id, withText: withText))) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The docid of the document indexed from `path` (a path as the index stores it), nil when none.
    public func docid(path: String) throws -> UInt32? { try database.postings(Terms.id(path: path)).first }

    /// Finds a document by docid, path or number.
    public func lookup(_ reference: String) throws -> (docid: UInt32, document: StoredDocument) {
        if let id = UInt32(reference), id > 0, try id <= database.lastDocumentID, let doc = try? stored(id) {
            return (id, doc)
        }
        let url = URL(fileURLWithPath: reference).standardizedFileURL
        let path = FileManager.default.fileExists(atPath: url.path) ? url.resolvingSymlinksInPath().path : url.path
        if let id = try docid(path: path) {
            return (id, try stored(id))
        }
        if let number = DocNumberParser.parse(reference), let hit = try documents(numbered: number).first {
            return (hit.docid, try stored(hit.docid))
        }
        throw VanBanError.notFound("no document with id, path or number \"\(reference)\" in the index")
    }
}
