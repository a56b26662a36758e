import Foundation

/// The folder of an index and the databases in it. `XAPIANDB`, Xapian's stub file, names the live
/// database `db.N`; Xapian follows it, so a reader opening the folder opens `db.N`. A rebuild writes
/// `db.N+1` beside it and switches in one step: the new stub is written under another name and renamed
/// over the old one. An index made before the stub (the glass files in the folder itself) is read and
/// written where it is; its next rebuild moves it to `db.1`.
public struct IndexFolder: Sendable {
    public let path: String

    /// Xapian's name for a stub file inside a database folder.
    public static let stubName = "XAPIANDB"
    /// Metadata key of a database being rebuilt: the resolved roots of the rebuild, one per line. A run
    /// over the same roots resumes it.
    public static let rebuildRootsKey = "vanban.rebuild.roots"

    public init(_ path: String) { self.path = path }

    /// A database of the folder.
    public enum Database: Equatable, Sendable {
        /// The glass files in the folder itself (the layout before the stub).
        case plain
        /// `db.N`.
        case generation(Int)
    }

    var stubPath: String { path + "/" + Self.stubName }

    /// The folder of the OCR cache, beside the databases: a rebuild keeps it, so that no page is read twice.
    public static let ocrCacheName = "ocr-cache"
    public var ocrCachePath: String { path + "/" + Self.ocrCacheName }

    /// The folder of `database`.
    public func path(of database: Database) -> String {
        switch database {
        case .plain: path
        case .generation(let n): path + "/db.\(n)"
        }
    }

    /// The stub's text, nil when there is none: a reader notes it when it opens the index, and knows the
    /// index was switched when it changes.
    public static func stub(in path: String) -> String? {
        try? String(contentsOfFile: path + "/" + stubName, encoding: .utf8)
    }

    /// The live database as Xapian finds it: the glass files in the folder while their `iamglass` is there
    /// (it shadows the stub), else the database the stub names; nil when there are neither. A stub that names
    /// no database of this folder is damage.
    public func live() throws -> Database? {
        if FileManager.default.fileExists(atPath: path + "/iamglass") { return .plain }
        if let stub = Self.stub(in: path) {
            let words = stub.split(whereSeparator: \.isWhitespace)
            guard words.count == 2, let n = Self.generation(named: String(words[1])) else {
                throw VanBanError.damaged(index: path, detail: "its stub file \(Self.stubName) says \"\(stub.trimmingCharacters(in: .whitespacesAndNewlines))\", which names no database of the index")
            }
            return .generation(n)
        }
        return nil
    }

    /// Whether the folder holds an index (a stub or glass files), without opening it.
    public var holdsIndex: Bool {
        FileManager.default.fileExists(atPath: stubPath) || FileManager.default.fileExists(atPath: path + "/iamglass")
    }

    /// The shard databases of `database`, in order: the `sK` folders its own stub lists (a database written by
    /// several writers, see ``makeShards(of:count:)``), or the database itself.
    public func shards(of database: Database) throws -> [String] {
        let base = path(of: database)
        guard case .generation = database, let stub = Self.stub(in: base) else { return [base] }
        let lines = stub.split(whereSeparator: \.isNewline)
        let names = lines.compactMap { line -> String? in
            let words = line.split(whereSeparator: \.isWhitespace)
            guard words.count == 2, words[0] == "auto", Self.shard(named: String(words[1])) != nil else { return nil }
            return String(words[1])
        }
        guard !names.isEmpty, names.count == lines.count, names == (0..<names.count).map(Self.shardName) else {
            throw VanBanError.damaged(index: path, detail: "the stub file of \(base) lists no shards of it: \(stub.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        return names.map { base + "/" + $0 }
    }

    /// Lays out `db.N` as `count` shards, `s0`…, named by a stub inside it that Xapian follows (readers open
    /// the shards as one database); returns their paths. One shard is `db.N` itself, as before shards.
    func makeShards(of generation: Int, count: Int) throws -> [String] {
        let base = path(of: .generation(generation))
        guard count > 1 else { return [base] }
        do {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
            try Self.writeDurably((0..<count).map { "auto \(Self.shardName($0))\n" }.joined(), to: base + "/" + Self.stubName)
        } catch {
            throw VanBanError.unreadable(path: base, reason: "cannot lay out the shards of the index: \(error)")
        }
        return (0..<count).map { base + "/" + Self.shardName($0) }
    }

    static func shardName(_ k: Int) -> String { "s\(k)" }

    /// The bytes of the files in the folder `path` (a database's tables).
    static func bytes(in path: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).reduce(0) { sum, name in
            sum + (((try? FileManager.default.attributesOfItem(atPath: path + "/" + name))?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }

    static func shard(named name: String) -> Int? {
        guard name.hasPrefix("s"), let k = Int(name.dropFirst()), k >= 0, name == shardName(k) else { return nil }
        return k
    }

    /// Writes `text` to `target` in one step: beside it, flushed, renamed over it, the folder flushed.
    static func writeDurably(_ text: String, to target: String) throws {
        let temporary = target + ".new"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(code: errno) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let flushed = fsync(fd) == 0
        let failure = errno
        close(fd)
        guard written == bytes.count, flushed else { throw FileSystemError(code: failure) }
        guard rename(temporary, target) == 0 else { throw FileSystemError(code: errno) }
        let folder = open((target as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 { fsync(folder); close(folder) }
    }

    /// The numbers of the `db.N` folders present, ascending.
    func generations() -> [Int] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).compactMap(Self.generation(named:)).sorted()
    }

    static func generation(named name: String) -> Int? {
        guard name.hasPrefix("db."), let n = Int(name.dropFirst(3)), n > 0, name == "db.\(n)" else { return nil }
        return n
    }

    /// Makes `db.N` the live database in one step: the stub is written beside, flushed, and renamed over
    /// the old one. Glass files of the older layout shadow the stub until their `iamglass` goes: removing it
    /// is then the switch.
    func publish(_ generation: Int) throws {
        do {
            try Self.writeDurably("auto db.\(generation)\n", to: stubPath)
            if unlink(path + "/iamglass") != 0, errno != ENOENT { throw FileSystemError(code: errno) }
            let folder = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if folder >= 0 { fsync(folder); close(folder) }
        } catch {
            throw VanBanError.unreadable(path: path, reason: "cannot switch the index to its rebuilt database: \(error)")
        }
    }

    /// Whether `name`, in the folder, is the index's own: its stub (or one being written), a `db.N` or the OCR cache.
    static func isOwn(_ name: String) -> Bool {
        name.hasPrefix(stubName) || generation(named: name) != nil || name == ocrCacheName
    }

    /// Deletes a database that is no longer live. `iamglass` goes first: a reader that still has it open
    /// and reopens finds it gone (and opens the live one) rather than half its tables. Errors are ignored:
    /// what is left is deleted by the next writer.
    func discard(_ database: Database) {
        let folder = self.path(of: database)
        for shard in (try? shards(of: database)) ?? [folder] { unlink(shard + "/iamglass") }
        switch database {
        case .generation:
            try? FileManager.default.removeItem(atPath: folder)
        case .plain:
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where name.hasSuffix(".glass") || name == "flintlock" {
                unlink(folder + "/" + name)
            }
        }
    }
}
