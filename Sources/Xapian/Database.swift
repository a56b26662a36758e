import XapianBridge

/// A read-only Xapian database: one local database, several searched as one, or a remote one.
///
/// Shards added with `add(_:)` are seen by `Enquire`s and `QueryParser`s created afterwards.
/// Not `Sendable`: the database and the documents, enquires and parsers made from it share Xapian
/// objects that are not thread-safe, so they move between threads only together (as a `sending`
/// value, or inside a `Mutex`). Reads throw when the database cannot be read (e.g. after `close()`).
public class Database {
    let handle: OpaquePointer

    /// Takes ownership of a bridge handle.
    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// Opens the local database at `path`.
    public init(path: String) throws {
        handle = try withBytes(path) { p, n in try call { xb_database_open(p, n, $0) } }!
    }

    /// Connects to a database served by `xapian-tcpsrv` (Xapian::Remote::open).
    /// `timeoutMilliseconds` bounds both connecting and each later operation.
    public init(remoteHost: String, port: Int, timeoutMilliseconds: Int = 10000) throws {
        guard (1...65535).contains(port) else {
            throw XapianError(kind: .invalidArgumentError, message: "port \(port) is out of range")
        }
        let timeout = try unsigned32(timeoutMilliseconds, "timeoutMilliseconds")
        handle = try withBytes(remoteHost) { p, n in
            try call { xb_database_open_remote(p, n, UInt32(port), timeout, $0) }
        }!
    }

    /// Opens `location`: "tcp://host:port" connects to a remote database, anything else is a local path.
    public convenience init(location: String) throws {
        let scheme = "tcp://"
        guard location.hasPrefix(scheme) else {
            try self.init(path: location)
            return
        }
        let address = location.dropFirst(scheme.count)
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            throw XapianError(kind: .invalidArgumentError, message: "expected tcp://host:port, got \(location)")
        }
        var host = address[..<colon]
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else {
            throw XapianError(kind: .invalidArgumentError, message: "no host in \(location)")
        }
        try self.init(remoteHost: String(host), port: port)
    }

    deinit { xb_database_free(handle) }

    /// Adds the shards of `other`, so that this database searches both.
    public func add(_ other: Database) throws {
        try call { xb_database_add(handle, other.handle, $0) }
    }

    /// The number of documents.
    /// The revision of the last commit: 0 for a database nothing was ever committed to.
    public var revision: UInt64 {
        get throws { try call { xb_database_revision(handle, $0) } }
    }

    public var documentCount: Int {
        get throws { Int(try call { xb_database_doccount(handle, $0) }) }
    }

    /// The highest document ID in use (0 if none).
    public var lastDocumentID: UInt32 {
        get throws { try call { xb_database_lastdocid(handle, $0) } }
    }

    /// The average document length (sum of wdf) across the database.
    public var averageLength: Double {
        get throws { try call { xb_database_avlength(handle, $0) } }
    }

    /// The document with ID `id`; throws DocNotFoundError if there is none, InvalidArgumentError for 0.
    public func document(_ id: UInt32) throws -> Document {
        Document(handle: try call { xb_database_document(handle, id, $0) }!)
    }

    /// How many documents index `term`.
    public func termFrequency(_ term: String) throws -> Int {
        Int(try withBytes(term) { p, n in try call { xb_database_termfreq(handle, p, n, $0) } })
    }

    /// How many times `term` occurs in all documents (the sum of its within-document frequencies).
    public func collectionFrequency(_ term: String) throws -> Int {
        Int(try withBytes(term) { p, n in try call { xb_database_collection_freq(handle, p, n, $0) } })
    }

    /// The IDs of the documents indexing `term`, ascending.
    public func postings(_ term: String) throws -> [UInt32] {
        try Collector<UInt32>().collect { context in
            try withBytes(term) { p, n in
                try call { error in
                    xb_database_postings(handle, p, n, { context, docid in
                        Collector<UInt32>.from(context).items.append(docid)
                    }, context, error)
                }
            }
        }
    }

    /// The positions of `term` in document `docid`, ascending (empty when the document lacks the term).
    public func positions(of term: String, in docid: UInt32) throws -> [UInt32] {
        var count = 0
        guard let pointer = try withBytes(term, { p, n in try call { xb_database_positions(handle, docid, p, n, &count, $0) } }) else {
            return []
        }
        defer { xb_free(pointer) }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// The terms starting with `prefix`, in byte order, with their term frequencies.
    public func allTerms(prefix: String = "") throws -> [(term: String, frequency: Int)] {
        try withBytes(prefix) { p, n in
            try collectTerms { xb_database_allterms(handle, p, n, $0, $1, $2) }
        }.map { ($0.term, Int($0.frequency)) }
    }

    /// The terms of document `docid`, with wdf and positions.
    public func termList(_ docid: UInt32) throws -> [DocumentTerm] {
        try collectTerms { xb_database_termlist(handle, docid, $0, $1, $2) }.map(\.documentTerm)
    }

    /// The user metadata stored under `key` ("" if none).
    public func metadata(_ key: String) throws -> String {
        try withBytes(key) { p, n in try fetchString { xb_database_metadata(handle, p, n, $0, $1) } }
    }

    /// The best spelling correction for `word` from the spelling table, or nil.
    public func spellingSuggestion(_ word: String, maxEditDistance: Int = 2) throws -> String? {
        let distance = try unsigned32(maxEditDistance, "maxEditDistance")
        let suggestion = try withBytes(word) { p, n in
            try fetchString { xb_database_spelling(handle, p, n, distance, $0, $1) }
        }
        return suggestion.isEmpty ? nil : suggestion
    }

    /// The synonyms recorded for `term`, in byte order.
    public func synonyms(_ term: String) throws -> [String] {
        try withBytes(term) { p, n in try collectStrings { xb_database_synonyms(handle, p, n, $0, $1, $2) } }
    }

    /// Runs Xapian's consistency check (`Xapian::Database::check`) on the database folder at `path`; a
    /// stub is not followed. Damage the check cannot get past is its ``ConsistencyCheck/failure``,
    /// not a thrown error: the report up to it says where it stopped.
    ///
    /// A database nothing was committed to yet (revision 0) holds nothing to check, and is not handed to Xapian's
    /// check: it opens each table for writing, and Xapian creates a table of revision 0 anew when it opens it so,
    /// which truncates the tables a first writer has been writing (its commit then fails, the database damaged).
    public static func check(path: String) -> ConsistencyCheck {
        if let database = try? Database(path: path), (try? database.revision) == 0 {
            database.close()
            return ConsistencyCheck(errors: 0, report: nothingCommitted, failure: nil)
        }
        var report = ""
        var errors = 0
        var failure: XapianError?
        withUnsafeMutablePointer(to: &report) { slot in
            do {
                errors = try withBytes(path) { p, n in
                    Int(try call { xb_database_check(p, n, { context, text, length in
                        context!.assumingMemoryBound(to: String.self).pointee = decode(text, length)
                    }, slot, $0) })
                }
            } catch {
                failure = error as? XapianError ?? XapianError(kind: .error, message: "\(error)")
            }
        }
        return ConsistencyCheck(errors: errors, report: report, failure: failure)
    }

    /// The report of ``check(path:)`` for a database nothing was committed to yet.
    public static let nothingCommitted = "revision 0: nothing committed yet, nothing to check\n"

    /// Moves to the latest committed revision; false when it certainly stayed on the one it had.
    public func reopen() throws -> Bool {
        try call { xb_database_reopen(handle, $0) } != 0
    }

    /// Closes the database and releases its files and locks; later operations fail with
    /// `.databaseClosedError`. A writable database commits pending changes first (call `commit()`
    /// beforehand to see any error). Closing twice does nothing.
    public func close() {
        _ = try? call { xb_database_close(handle, $0) }
    }
}

/// What Xapian's consistency check found in one database.
public struct ConsistencyCheck: Sendable, Equatable {
    /// The inconsistencies the check counted (it goes on past these).
    public let errors: Int
    /// The check's own report, table by table, as far as it got.
    public let report: String
    /// The damage that stopped the check (a table it cannot open or read), if any.
    public let failure: XapianError?

    /// Whether the check found nothing wrong.
    public var isSound: Bool { errors == 0 && failure == nil }
}
