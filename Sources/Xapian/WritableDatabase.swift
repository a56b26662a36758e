import XapianBridge

/// A local database opened for writing. Only one writer may hold a database at a time;
/// a second one fails with `.databaseLockError`. Not `Sendable`, as for `Database`.
public final class WritableDatabase: Database {
    /// How to open the database.
    public enum Mode: Sendable {
        /// Create a new database; fail if one exists.
        case create
        /// Open an existing database or create a new one.
        case createOrOpen
        /// Create a new database, replacing any existing one.
        case createOrOverwrite
        /// Open an existing database; fail if there is none.
        case open

        var bridgeValue: Int32 {
            switch self {
            case .create: Int32(XB_DB_CREATE)
            case .createOrOpen: Int32(XB_DB_CREATE_OR_OPEN)
            case .createOrOverwrite: Int32(XB_DB_CREATE_OR_OVERWRITE)
            case .open: Int32(XB_DB_OPEN)
            }
        }
    }

    /// Opens (or creates) the database at `path` for writing.
    public init(path: String, mode: Mode = .createOrOpen) throws {
        let handle = try withBytes(path) { p, n in
            try call { xb_database_open_writable(p, n, mode.bridgeValue, $0) }
        }!
        super.init(handle: handle)
    }

    /// Adds `doc`; returns its new ID.
    @discardableResult
    public func add(_ doc: Document) throws -> UInt32 {
        try call { xb_database_add_document(handle, doc.handle, $0) }
    }

    /// Replaces every document indexing `uniqueTerm` by `doc` (adding it if there is none); returns its ID.
    @discardableResult
    public func replace(uniqueTerm: String, with doc: Document) throws -> UInt32 {
        try withBytes(uniqueTerm) { p, n in try call { xb_database_replace_by_term(handle, p, n, doc.handle, $0) } }
    }

    /// Replaces (or creates) the document with ID `id`.
    public func replace(_ id: UInt32, with doc: Document) throws {
        try call { xb_database_replace_document(handle, id, doc.handle, $0) }
    }

    /// Deletes every document indexing `uniqueTerm` (none is not an error).
    public func delete(uniqueTerm: String) throws {
        try withBytes(uniqueTerm) { p, n in try call { xb_database_delete_by_term(handle, p, n, $0) } }
    }

    /// Makes the changes so far durable and visible to readers.
    public func commit() throws {
        try call { xb_database_commit(handle, $0) }
    }

    /// Stores `value` under `key` (an empty value deletes it); an empty key is an `.invalidArgumentError`.
    public func setMetadata(_ key: String, _ value: String) throws {
        try withBytes(key) { k, kn in
            try withBytes(value) { v, vn in try call { xb_database_set_metadata(handle, k, kn, v, vn, $0) } }
        }
    }

    /// Records `word` in the spelling table.
    public func addSpelling(_ word: String, frequencyIncrement: Int = 1) throws {
        let increment = try unsigned32(frequencyIncrement, "frequencyIncrement")
        try withBytes(word) { p, n in try call { xb_database_add_spelling(handle, p, n, increment, $0) } }
    }

    /// Records `synonym` as a synonym of `term`.
    public func addSynonym(_ term: String, _ synonym: String) throws {
        try withBytes(term) { t, tn in
            try withBytes(synonym) { s, sn in try call { xb_database_add_synonym(handle, t, tn, s, sn, $0) } }
        }
    }
}
