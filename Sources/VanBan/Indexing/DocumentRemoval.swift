import Foundation
import Xapian

/// Documents taken out of an index on the user's word (`vanban remove`): a file's document, or the
/// documents of every file under a folder, whether or not the files are still there.
public struct DocumentRemoval: Codable, Sendable, Equatable {
    /// The paths of the documents removed (or, in a dry run, that would be), sorted.
    public var removed: [String] = []
    /// The paths asked for that name no document of the index.
    public var unmatched: [String] = []
    public var dryRun: Bool
    /// The documents in the index afterwards (in a dry run, as it is).
    public var documents = 0

    enum CodingKeys: String, CodingKey { case removed, unmatched, dryRun = "dry_run", documents }

    /// Removes from the index at `indexPath` the documents of `paths` (files or folders, absolute or
    /// relative to the current folder); a dry run reads the index without changing it.
    public static func remove(_ paths: [String], from indexPath: String, dryRun: Bool = false) throws -> DocumentRemoval {
        var result = DocumentRemoval(dryRun: dryRun)
        let targets = paths.map { path in
            let url = URL(fileURLWithPath: path).standardizedFileURL
            return FileManager.default.fileExists(atPath: url.path) ? url.resolvingSymlinksInPath().path : url.path
        }
        func matching(_ held: [String: String]) -> [String] {
            for (path, target) in zip(paths, targets) where !held.keys.contains(where: { Indexer.isUnder($0, [target]) }) {
                result.unmatched.append(path)
            }
            return held.keys.filter { Indexer.isUnder($0, targets) }.sorted()
        }
        do {
            if dryRun {
                let index = try SearchIndex(locations: [indexPath])
                result.removed = matching(try XapianSink.files(of: index.database))
                result.documents = try index.database.documentCount
                return result
            }
            let sink = try XapianSink(editing: indexPath)
            defer { sink.close() }
            result.removed = matching(try sink.knownFiles())
            for path in result.removed { try sink.delete(idTerm: Terms.id(path: path)) }
            try sink.setMetadata(Schema.lastUpdateKey, ISO8601DateFormatter().string(from: Date()))
            try sink.commit()
            result.documents = try sink.documentCount()
            return result
        } catch {
            throw VanBanError.explaining(error, index: indexPath)
        }
    }
}
