import Dispatch
import Foundation
import Synchronization
import VietText
import Xapian

/// The ``DocumentSink`` of a local Xapian index (see ``IndexFolder``). A run writes the live database,
/// or, for a rebuild, a new database beside it that replaces it when the run is complete
/// (``publish()``): until then readers see the old one, and an interrupted rebuild is resumed by the
/// next run over the same roots. Every writer holds the live database's lock for its whole run, so that
/// no other writer changes what a rebuild is about to replace.
///
/// A database may be made of shards, each written by its own thread (``ShardWriter``): a document goes to
/// the shard its id term hashes to, always the same one; the index-wide entries (schema version, spelling
/// data) are kept in the first. A new index or a rebuild has ``IndexOptions/shards`` of them; a run that
/// writes the live database keeps its number.
public final class XapianSink: DocumentSink {
    private let shards: [ShardWriter]
    private let folder: IndexFolder
    /// The live database while a rebuild writes `db.N` beside it: held for its lock (a handle per shard), and
    /// read for what the rebuild must account for. Nil when the run writes the live database; no handles when it is too damaged to open.
    private var live: (database: IndexFolder.Database, handles: [WritableDatabase]?)?
    /// The generation a rebuild writes.
    private let building: Int?
    /// The generation this run writes from empty (a new index or a rebuild), when ``publish()`` compacts it.
    private let compacting: Int?
    /// Word forms whose synonym this sink has added: each is added once per run.
    private var synonyms = Set<WordFormKey>()

    /// Opens the index at `options.indexPath` for an indexing run: the live database, or a database beside
    /// it for a rebuild (asked with `options.rebuild`, or an unfinished one of the same roots, resumed).
    /// Refuses an index of another schema version (outside a rebuild), one another writer holds, and a
    /// folder that holds files but no index.
    public convenience init(options: IndexOptions) throws {
        let roots = options.roots.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }.sorted()
        try self.init(path: options.indexPath, rebuild: options.rebuild, roots: roots, create: true, shards: options.shards,
                      compact: options.compact)
    }

    /// Opens the live database of the index at `path`, which must exist, to change it (`vanban remove`).
    public convenience init(editing path: String) throws {
        try self.init(path: path, rebuild: false, roots: nil, create: false, shards: 1, compact: false)
    }

    private init(path: String, rebuild: Bool, roots: [String]?, create: Bool, shards count: Int, compact: Bool) throws {
        let folder = IndexFolder(path)
        self.folder = folder
        do {
            try Self.prepare(folder, create: create)
            let (liveDatabase, liveHandles) = try Self.lockLive(folder, rebuilding: rebuild)
            var current = 0
            if case .generation(let n)? = liveDatabase { current = n }
            // What a writer killed after a switch left behind: older databases, the glass files of the older layout.
            let generations = folder.generations()
            for n in generations where n < current { folder.discard(.generation(n)) }
            if current > 0 { folder.discard(.plain) }
            // The latest rebuild of the same roots (a compaction of it cut short, above it, holds no roots).
            let resumable = generations.reversed().first { n in
                n > current && Self.rebuildRoots(of: folder.path(of: .generation(n))) == roots
            }
            if rebuild || resumable != nil {
                for n in generations where n > current && n != resumable { folder.discard(.generation(n)) }
                let n = resumable ?? (generations.last.map { max($0, current) } ?? current) + 1
                let paths = resumable != nil ? try folder.shards(of: .generation(n)) : try folder.makeShards(of: n, count: count)
                shards = try Self.writers(paths, mode: .createOrOpen)
                if resumable == nil {
                    let text = (roots ?? []).joined(separator: "\n")
                    try shards[0].now { db in
                        try db.setMetadata(IndexFolder.rebuildRootsKey, text)
                        try db.commit()
                    }
                }
                building = n
                compacting = compact ? n : nil
                live = liveDatabase.map { ($0, liveHandles?.compactMap { $0.take() }) }
            } else if let liveHandles {
                var writers: [ShardWriter] = []
                for (k, handed) in liveHandles.enumerated() {
                    guard let db = handed.take() else { continue }
                    writers.append(ShardWriter(db, label: "vanban.writer.\(k)"))
                }
                shards = writers
                try shards[0].now { db in try Schema.check(db, location: path) }
                building = nil
                compacting = nil
            } else if liveDatabase == nil, create {
                // A new index: its first database, live at once (an interrupted first run keeps what it committed).
                let n = (generations.last ?? 0) + 1
                shards = try Self.writers(try folder.makeShards(of: n, count: count), mode: .createOrOverwrite)
                // Each shard says its schema before readers can open it: the shards' commits are not one, and a
                // reader could otherwise find documents in one shard and, in the first, no schema version yet.
                for shard in shards {
                    try shard.now { db in
                        try db.setMetadata(Schema.versionKey, Schema.version)
                        try db.commit()
                    }
                }
                try folder.publish(n)
                building = nil
                compacting = compact ? n : nil
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

    /// A writer for each of `paths`, the shards of one database, in order.
    private static func writers(_ paths: [String], mode: WritableDatabase.Mode) throws -> [ShardWriter] {
        try paths.enumerated().map { k, path in ShardWriter(try WritableDatabase(path: path, mode: mode), label: "vanban.writer.\(k)") }
    }

    /// The live database and a writable handle on each of its shards, which holds its lock. The stub is read
    /// again once the locks are held: a rebuild that switched meanwhile is followed. A damaged live database
    /// gives no handles to a rebuild, which replaces it; any other run is refused.
    ///
    /// A lock held by another process is waited for up to ``lockPatience``: a lock is an open file
    /// description, and a process forked elsewhere in this one (or by the writer that just finished)
    /// holds a copy of it until it execs, a moment after its owner let go.
    private static func lockLive(_ folder: IndexFolder, rebuilding: Bool) throws -> (IndexFolder.Database?, [Handoff<WritableDatabase>]?) {
        let deadline = Date(timeIntervalSinceNow: lockPatience)
        while true {
            guard let live = try folder.live() else { return (nil, nil) }
            var handles: [Handoff<WritableDatabase>] = []
            do {
                for shard in try folder.shards(of: live) { handles.append(Handoff(try WritableDatabase(path: shard, mode: .open))) }
            } catch let error as XapianError where rebuilding && IndexDamage.means(error) {
                handles.forEach { $0.take()?.close() }
                return (live, nil)
            } catch VanBanError.damaged where rebuilding {
                return (live, nil)
            } catch let error as XapianError where error.kind == .databaseLockError && Date() < deadline {
                handles.forEach { $0.take()?.close() }
                Thread.sleep(forTimeInterval: 0.05)
                continue
            } catch {
                handles.forEach { $0.take()?.close() }
                throw error
            }
            if try folder.live() == live { return (live, handles) }
            handles.forEach { $0.take()?.close() }
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
        var known: [String: String] = [:]
        for shard in shards { known.merge(try shard.now { db in try Self.files(of: db) }) { a, _ in a } }
        return known
    }

    /// What the live database holds, when this sink rebuilds beside it; nil when it writes the live one.
    public func replacedFiles() throws -> [String: String]? {
        guard let live else { return nil }
        var known: [String: String] = [:]
        for handle in live.handles ?? [] { known.merge(try Self.files(of: handle)) { a, _ in a } }
        return known
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

    /// The shard that holds the document with id term `idTerm`: always the same one.
    private func shard(of idTerm: String) -> ShardWriter {
        shards[Int(StableHash.fnv1a64(idTerm.utf8) % UInt64(shards.count))]
    }

    /// Adds without looking for the id term: the run knows the index does not hold the file. The document
    /// is written on its shard's thread.
    public func add(_ document: sending PreparedDocument) throws {
        let shard = shard(of: document.idTerm)
        let handed = Handoff(document.document)
        shard.write { db in if let document = handed.take() { _ = try db.add(document) } }
    }

    public func replace(_ document: sending PreparedDocument) throws {
        let shard = shard(of: document.idTerm)
        let idTerm = document.idTerm
        let handed = Handoff(document.document)
        shard.write { db in if let document = handed.take() { _ = try db.replace(uniqueTerm: idTerm, with: document) } }
    }

    /// Rewrites the value only; Xapian leaves the terms alone.
    public func setFileState(_ fileState: String, idTerm: String) throws {
        shard(of: idTerm).write { db in
            for id in try db.postings(idTerm) {
                let document = try db.document(id)
                document.setValue(Schema.Slot.fileState, fileState)
                try db.replace(id, with: document)
            }
        }
    }

    public func delete(idTerm: String) throws {
        shard(of: idTerm).write { db in try db.delete(uniqueTerm: idTerm) }
    }

    /// Each form goes to the spelling table (of the first shard); a marked one also becomes a synonym of its
    /// unmarked form, so that a query typed without marks can get the marked forms back.
    public func addSpellings(_ counts: [WordFormKey: Int]) throws {
        let synonyms = counts.keys.filter { Terms.synonymKey(ofSpelling: $0.form) != nil && !self.synonyms.contains($0) }
        self.synonyms.formUnion(synonyms)
        try shards[0].now { db in
            for (key, count) in counts { try db.addSpelling(key.form, frequencyIncrement: count) }
            for key in synonyms { if let folded = Terms.synonymKey(ofSpelling: key.form) { try db.addSynonym(folded, key.form) } }
        }
    }

    /// Sets `key` in every shard, so that each shard says its schema when it is served alone (`xapian-tcpsrv`);
    /// Xapian reads the first shard's.
    public func setMetadata(_ key: String, _ value: String) throws {
        for shard in shards { try shard.now { db in try db.setMetadata(key, value) } }
    }

    /// Commits every shard, each on its own thread.
    public func commit() throws {
        for shard in shards { shard.write { db in try db.commit() } }
        for shard in shards { try shard.drain() }
    }

    public func documentCount() throws -> Int {
        var count = 0
        for shard in shards { count += try shard.now { db in try db.documentCount } }
        return count
    }

    /// A rebuild's switch: the stub names the new database, then the old one is deleted. A database the run
    /// wrote whole is first compacted into the next generation, which is published instead (when
    /// `xapian-compact` fails, the database as written is). Nothing for a run that wrote the live database.
    public func publish() throws {
        guard let written = building ?? compacting else { return }
        for shard in shards { try shard.drain() }
        let target = compacting.flatMap { try? compacted(.generation($0)) } ?? written
        if target != written || building != nil { try folder.publish(target) }
        shards.forEach { $0.close() }
        if target != written { folder.discard(.generation(written)) }
        live?.handles?.forEach { $0.close() }
        if let old = live?.database { folder.discard(old) }
        live = nil
    }

    /// Compacts the live database with Xapian's `xapian-compact` into a new generation — each shard on its own,
    /// or all of them merged into one database with `merge` — and switches to it as a rebuild does: readers keep
    /// the old one until the switch, and the lock held all along keeps writers out. Only for a sink that writes
    /// the live database (``init(editing:)``). Returns the bytes of the database before and after.
    public func compact(merge: Bool) throws -> (before: Int, after: Int, shards: Int) {
        guard building == nil, let live = try folder.live() else { throw VanBanError.indexMissing(folder.path) }
        try commit()
        let target = try compacted(live, merge: merge)
        try folder.publish(target)
        let before = try folder.shards(of: live).map(IndexFolder.bytes(in:)).reduce(0, +)
        let targets = try folder.shards(of: .generation(target))
        shards.forEach { $0.close() }
        folder.discard(live)
        return (before, targets.map(IndexFolder.bytes(in:)).reduce(0, +), targets.count)
    }

    /// Writes `database`, committed, anew with `xapian-compact` as the next generation (shard by shard, or merged
    /// into one with `merge`); returns its number. Nothing is left of it when it fails.
    private func compacted(_ database: IndexFolder.Database, merge: Bool = false) throws -> Int {
        let sources = try folder.shards(of: database)
        let current: Int = if case .generation(let n) = database { n } else { 0 }
        let target = max(current, folder.generations().last ?? 0) + 1
        let tool = ExternalTool("xapian-compact", package: "xapian-tools", timeout: 24 * 3600)
        let index = URL(fileURLWithPath: folder.path)
        do {
            if merge || sources.count == 1 {
                try Self.compact(tool, sources, into: folder.path(of: .generation(target)), index: index)
            } else {
                // The shards at once: each compaction mostly waits for the disk.
                let destinations = try folder.makeShards(of: target, count: sources.count)
                let failures = Mutex<[any Error]>([])
                DispatchQueue.concurrentPerform(iterations: sources.count) { k in
                    do { try Self.compact(tool, [sources[k]], into: destinations[k], index: index) } catch {
                        failures.withLock { $0.append(error) }
                    }
                }
                if let failure = failures.withLock({ $0.first }) { throw failure }
            }
        } catch {
            folder.discard(.generation(target))
            throw error
        }
        return target
    }

    private static func compact(_ tool: ExternalTool, _ sources: [String], into destination: String, index: URL) throws {
        let output = try tool.run(["--multipass"] + sources + [destination], for: index)
        guard output.status == 0 else {
            throw VanBanError.unreadable(path: index.path, reason: "xapian-compact failed (exit \(output.status)): \(output.message)")
        }
    }

    public func close() {
        shards.forEach { $0.close() }
        live?.handles?.forEach { $0.close() }
    }
}
