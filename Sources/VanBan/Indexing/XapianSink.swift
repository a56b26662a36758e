import Foundation
import VietText
import Xapian

/// The ``DocumentSink`` of a local Xapian index (see ``IndexFolder``). A run writes the live database,
/// or, for a rebuild, a new database beside it that replaces it when the run is complete
/// (``publish()``): until then readers see the old one, and an interrupted rebuild is resumed by the
/// next run over the same roots. Every writer holds the live database's lock for its whole run, so that
/// no other writer changes what a rebuild is about to replace.
public final class XapianSink: DocumentSink {
    let db: WritableDatabase
    private let folder: IndexFolder
    /// The live database while a rebuild writes `db.N` beside it: held for its lock, and read for what
    /// the rebuild must account for. Nil when the run writes the live database, or when it is too damaged to open.
    private var live: (database: IndexFolder.Database, handle: WritableDatabase?)?
    /// The generation a rebuild writes.
    private let building: Int?
    /// Word forms whose synonym this sink has added: each is added once per run.
    private var synonyms = Set<WordFormKey>()

    /// Opens the index at `options.indexPath` for an indexing run: the live database, or a database beside
    /// it for a rebuild (asked with `options.rebuild`, or an unfinished one of the same roots, resumed).
    /// Refuses an index of another schema version (outside a rebuild), one another writer holds, and a
    /// folder that holds files but no index.
    public convenience init(options: IndexOptions) throws {
        let roots = options.roots.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }.sorted()
        try self.init(path: options.indexPath, rebuild: options.rebuild, roots: roots, create: true)
    }

    /// Opens the live database of the index at `path`, which must exist, to change it (`vanban remove`).
    public convenience init(editing path: String) throws {
        try self.init(path: path, rebuild: false, roots: nil, create: false)
    }

    private init(path: String, rebuild: Bool, roots: [String]?, create: Bool) throws {
        let folder = IndexFolder(path)
        self.folder = folder
        do {
            try Self.prepare(folder, create: create)
            let (liveDatabase, liveHandle) = try Self.lockLive(folder, rebuilding: rebuild)
            var current = 0
            if case .generation(let n)? = liveDatabase { current = n }
            // What a writer killed after a switch left behind: older databases, the glass files of the older layout.
            let generations = folder.generations()
            for n in generations where n < current { folder.discard(.generation(n)) }
            if current > 0 { folder.discard(.plain) }
            let waiting = generations.last.flatMap { $0 > current ? $0 : nil }
            let resumable = waiting.flatMap { n in
                Self.rebuildRoots(of: folder.path(of: .generation(n))) == roots ? n : nil
            }
            if rebuild || resumable != nil {
                for n in generations where n > current && n != resumable { folder.discard(.generation(n)) }
                let n = resumable ?? (generations.last.map { max($0, current) } ?? current) + 1
                let database = try WritableDatabase(path: folder.path(of: .generation(n)), mode: .createOrOpen)
                if resumable == nil {
                    try database.setMetadata(IndexFolder.rebuildRootsKey, (roots ?? []).joined(separator: "\n"))
                    try database.commit()
                }
                db = database
                building = n
                live = liveDatabase.map { ($0, liveHandle) }
            } else if let liveHandle {
                try Schema.check(liveHandle, location: path)
                db = liveHandle
                building = nil
            } else if liveDatabase == nil, create {
                // A new index: its first database, live at once (an interrupted first run keeps what it committed).
                let n = (generations.last ?? 0) + 1
                db = try WritableDatabase(path: folder.path(of: .generation(n)), mode: .createOrOverwrite)
                try folder.publish(n)
                building = nil
            } else {
                throw VanBanError.indexMissing(path)
            }
        } catch let error as XapianError where error.kind == .databaseLockError {
            throw VanBanError.indexBusy(path)
        } catch {
            throw VanBanError.explaining(error, index: path)
        }
    }

    /// Makes the index folder; refuses a file, and a folder that holds other files but no index.
    private static func prepare(_ folder: IndexFolder, create: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw VanBanError.unreadable(path: folder.path, reason: "is a file, not an index folder: give --index a folder")
            }
            if !folder.holdsIndex, create {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                if let other = names.first(where: { !$0.hasPrefix(".") && !IndexFolder.isOwn($0) }) {
                    throw VanBanError.unreadable(path: folder.path, reason: "holds files (\(other), …) but no index: give --index a new or empty folder")
                }
            }
        } else if create {
            do {
                try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
            } catch {
                throw VanBanError.unreadable(path: folder.path, reason: "cannot create the index folder: \((error as NSError).localizedDescription)")
            }
        } else {
            throw VanBanError.indexMissing(folder.path)
        }
    }

    /// How long a writer waits for another to let go of the index before saying it is in use.
    static let lockPatience: TimeInterval = 2

    /// The live database and a writable handle on it, which holds its lock. The stub is read again once
    /// the lock is held: a rebuild that switched meanwhile is followed. A damaged live database gives no
    /// handle to a rebuild, which replaces it; any other run is refused.
    ///
    /// A lock held by another process is waited for up to ``lockPatience``: a lock is an open file
    /// description, and a process forked elsewhere in this one (or by the writer that just finished)
    /// holds a copy of it until it execs, a moment after its owner let go.
    private static func lockLive(_ folder: IndexFolder, rebuilding: Bool) throws -> (IndexFolder.Database?, WritableDatabase?) {
        let deadline = Date(timeIntervalSinceNow: lockPatience)
        while true {
            guard let live = try folder.live() else { return (nil, nil) }
            let handle: WritableDatabase
            do {
                handle = try WritableDatabase(path: folder.path(of: live), mode: .open)
            } catch let error as XapianError where rebuilding && IndexDamage.means(error) {
                return (live, nil)
            } catch let error as XapianError where error.kind == .databaseLockError && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
                continue
            }
            if try folder.live() == live { return (live, handle) }
            handle.close()
        }
    }

    /// The roots a database under rebuild was started for; nil when it has none, cannot be read, or was
    /// written by a vanban of another schema version (it is then started anew).
    private static func rebuildRoots(of path: String) -> [String]? {
        guard let db = try? Database(path: path), let text = try? db.metadata(IndexFolder.rebuildRootsKey), !text.isEmpty,
              let version = try? db.metadata(Schema.versionKey), version.isEmpty || version == Schema.version else { return nil }
        return text.split(separator: "\n").map(String.init)
    }

    public func knownFiles() throws -> [String: String] {
        try Self.files(of: db)
    }

    /// What the live database holds, when this sink rebuilds beside it; nil when it writes the live one.
    public func replacedFiles() throws -> [String: String]? {
        guard let live else { return nil }
        return try live.handle.map(Self.files(of:)) ?? [:]
    }

    /// Path → file state of every document of `db`.
    static func files(of db: Database) throws -> [String: String] {
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

    /// A rebuild's switch: the stub names the new database, then the old one is deleted. Nothing for a
    /// run that wrote the live database.
    public func publish() throws {
        guard let building else { return }
        try folder.publish(building)
        db.close()
        live?.handle?.close()
        if let old = live?.database { folder.discard(old) }
        live = nil
    }

    public func close() {
        db.close()
        live?.handle?.close()
    }
}
