import Foundation
import Xapian

/// Xapian's errors for a damaged database, put in words.
enum IndexDamage {
    /// Whether `error` says the database is damaged (rather than busy, closed, missing or too new):
    /// a corrupt or missing table, a block cut short.
    static func means(_ error: XapianError) -> Bool {
        switch error.kind {
        case .databaseCorruptError, .databaseError, .databaseOpeningError, .databaseNotFoundError: true
        default: false
        }
    }

    /// What `error` means for the index, in words, with Xapian's own message after them; `table` is the
    /// table the error was met in, when known.
    static func words(for error: XapianError, table: String? = nil) -> String {
        let message = error.message
        let what: String
        if message.contains("EOF reading block") || message.contains("Couldn't read enough") {
            what = "a file of the index is shorter than the index says (cut short by a full disk, a crash or a copy that did not finish)"
        } else if error.kind == .databaseOpeningError || error.kind == .databaseNotFoundError {
            what = "a file of the index is missing or cannot be opened"
        } else {
            what = "a file of the index holds bytes the index did not write there (overwritten or damaged on disk)"
        }
        let place = table.flatMap { tableWords[$0] }.map { ", in \($0)" } ?? ""
        return "\(what)\(place) (Xapian: \(error.kind): \(message))"
    }

    /// Glass's tables, as `Xapian::Database::check` names them in its report.
    static let tableWords = [
        "postlist": "the lists of documents for each term (postlist.glass)",
        "termlist": "the lists of terms for each document (termlist.glass)",
        "docdata": "the documents' stored data (docdata.glass)",
        "position": "the word positions (position.glass)",
        "spelling": "the spelling table (spelling.glass)",
        "synonym": "the synonym table (synonym.glass)",
    ]

    /// The table the check was in when its report ends: the last `NAME:` line.
    static func lastTable(in report: String) -> String? {
        report.split(separator: "\n").last { $0.hasSuffix(":") && tableWords[String($0.dropLast())] != nil }.map { String($0.dropLast()) }
    }
}

/// What `vanban check` finds in an index: Xapian's consistency check of its live database, the schema
/// version, and rebuilds left unfinished, each said in words with what to do.
public struct IndexHealth: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Xapian's check found nothing wrong and the schema is this vanban's.
        case sound
        /// Xapian's check found damage, or the index cannot be opened.
        case damaged
        /// Sound, but of another schema version: searches refuse it until it is rebuilt.
        case outdated
    }

    /// The index folder, as given.
    public var index: String
    /// The database checked: the one the stub names, or the folder itself.
    @NullEncoded public var database: String?
    public var status: Status
    /// What is wrong, in words.
    public var problems: [String] = []
    /// What to do about it.
    @NullEncoded public var remedy: String?
    /// What is worth knowing but harms nothing: a rebuild waiting to be resumed, a database left over.
    public var notes: [String] = []
    @NullEncoded public var documents: Int?
    @NullEncoded public var schema: String?
    /// Xapian's own report, table by table.
    public var xapianReport: String = ""

    enum CodingKeys: String, CodingKey {
        case index, database, status, problems, remedy, notes, documents, schema, xapianReport = "xapian_report"
    }

    /// Checks the index at `path`; throws ``VanBanError/indexMissing(_:)`` where there is none.
    public static func check(_ path: String) throws -> IndexHealth {
        let folder = IndexFolder(path)
        guard folder.holdsIndex else { throw VanBanError.indexMissing(path) }
        var health = IndexHealth(index: path, status: .sound)
        let rebuild = "`vanban index FOLDER… --rebuild --index \(path)` builds a new index from the files beside this one "
            + "and switches to it when it is complete (the files themselves are not touched)"
        let live: IndexFolder.Database
        do {
            guard let found = try folder.live() else { throw VanBanError.indexMissing(path) }
            live = found
        } catch VanBanError.damaged(_, let detail) {
            health.status = .damaged
            health.problems.append(detail)
            health.remedy = rebuild
            return health
        }
        let databasePath = folder.path(of: live)
        health.database = databasePath
        health.notes = notes(folder, live: live)

        let shards: [String]
        do {
            shards = try folder.shards(of: live)
        } catch VanBanError.damaged(_, let detail) {
            health.status = .damaged
            health.problems.append(detail)
            health.remedy = rebuild
            return health
        }
        // Each shard is a database of its own to Xapian's check; the first damaged one is the last checked.
        var reports: [String] = []
        for shard in shards where health.problems.isEmpty {
            let check = Database.check(path: shard)
            reports.append(shards.count > 1 ? "\(shard):\n\(check.report)" : check.report)
            if let failure = check.failure {
                health.problems.append(IndexDamage.words(for: failure, table: IndexDamage.lastTable(in: check.report)))
            }
            if check.errors > 0 {
                health.problems.append("Xapian's check counted \(check.errors) inconsistencies between the tables of \(shard) (its report says where)")
            }
        }
        health.xapianReport = reports.joined(separator: "\n")
        if health.problems.isEmpty {
            do {
                let db = try Database(path: databasePath)
                health.documents = try db.documentCount
                // A new database's first commit holds its schema alone (revision 1); its documents come after.
                if try health.documents == 0 && shards.allSatisfy({ try Database(path: $0).revision <= 1 }) {
                    health.notes.append("nothing is committed to \(databasePath) yet (a first `vanban index` is writing it, "
                        + "or stopped before its first commit), so Xapian's check had nothing to check")
                }
                let version = try db.metadata(Schema.versionKey)
                health.schema = version.isEmpty ? nil : version
                if !version.isEmpty && version != Schema.version {
                    health.status = .outdated
                    health.problems.append("the index has schema version \(version); this vanban reads version \(Schema.version)")
                    health.remedy = rebuild
                }
            } catch let error as XapianError {
                health.problems.append(IndexDamage.words(for: error))
            }
        }
        if health.status == .sound && !health.problems.isEmpty {
            health.status = .damaged
            health.remedy = rebuild
        }
        return health
    }

    /// Rebuilds waiting beside the live database, and databases left from an earlier switch.
    static func notes(_ folder: IndexFolder, live: IndexFolder.Database) -> [String] {
        let current: Int
        switch live {
        case .plain: current = 0
        case .generation(let n): current = n
        }
        return folder.generations().compactMap { n in
            if n < current { return "db.\(n) is left from an earlier rebuild; the next `vanban index` deletes it" }
            guard n > current else { return nil }
            let roots = (try? Database(path: folder.path(of: .generation(n))).metadata(IndexFolder.rebuildRootsKey)) ?? ""
            if roots.isEmpty { return "db.\(n) is a rebuild that stopped before its first commit; the next `--rebuild` starts anew" }
            let folders = roots.split(separator: "\n").joined(separator: " ")
            return "db.\(n) is an unfinished rebuild: `vanban index \(folders) --index \(folder.path)` finishes it and switches to it"
        }
    }
}
