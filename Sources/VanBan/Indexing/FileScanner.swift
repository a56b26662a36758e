import Foundation

/// A file found under the roots being indexed.
public struct ScannedFile: Sendable, Hashable {
    public let url: URL
    /// Absolute, standardised path; what the index stores.
    public let path: String
    public let size: Int
    public let mtime: Int
    /// `mtime size` — compared with the stored state before any hashing.
    public var statKey: String { "\(mtime) \(size)" }
}

/// Walks folders recursively: hidden entries skipped, symlinks followed once (loops detected),
/// sidecar JSON files left to the file they describe, files no reader takes (by name or by their first
/// bytes) reported as unsupported.
/// A `.vanbanignore` file in a folder lists names or shell patterns (`*.bak`) to skip there.
/// Besides the files, a scan says what it could not see (``Result/unreachable``) and what it left out on
/// the user's word (``Result/excluded``): what ``Result/removal(of:fileSystem:)`` needs to tell a deleted
/// file from one it could not reach.
public struct FileScanner {
    public let registry: ReaderRegistry
    public let fileSystem: any FileSystem

    public init(registry: ReaderRegistry = ReaderRegistry(), fileSystem: any FileSystem = LocalFileSystem()) {
        self.registry = registry
        self.fileSystem = fileSystem
    }

    public struct Result: Sendable {
        public var files: [ScannedFile] = []
        public var unsupported: [String] = []
        public var problems: [(path: String, error: String)] = []
        /// Folders that could not be listed and entries that could not be examined (any error but ENOENT),
        /// as resolved paths: what lies under them is unknown, not gone.
        public var unreachable: [String] = []
        /// Entries skipped by a hidden name or a `.vanbanignore` pattern, as resolved paths.
        public var excluded: [String] = []
        /// Root folders that listed with no entry at all (an unmounted share looks like this), as resolved paths.
        public var emptyRoots: [String] = []
    }

    /// What becomes of a document the scan did not find.
    public enum Removal: Equatable, Sendable {
        /// Proof it is gone: its folder, or the nearest one above it, listed without error and the file
        /// is not there (ENOENT), or the user's own rules now leave it out.
        case remove
        /// No proof: kept in the index. `reason` says why when no problem of the scan says it already.
        case keep(reason: String?)
    }

    public func scan(_ roots: [URL]) -> Result {
        var result = Result()
        var visitedDirs = Set<FileID>()
        var seenFiles = Set<String>()
        for root in roots {
            walk(root.standardizedFileURL, &result, &visitedDirs, &seenFiles, isRoot: true)
        }
        result.files.sort { $0.path < $1.path }
        return result
    }

    private struct FileID: Hashable { let device: UInt64; let inode: UInt64 }

    private func walk(_ url: URL, _ result: inout Result, _ visited: inout Set<FileID>, _ seen: inout Set<String>, isRoot: Bool) {
        let st: FileStatus
        do { st = try fileSystem.status(of: url.path) } catch {
            var lst = stat()
            if lstat(url.path, &lst) == 0, error.isGone {
                result.problems.append((url.path, "broken symbolic link"))
            } else if error.isGone {
                // Listed a moment ago: a name that is not UTF-8 (Swift's path repaired it), or deleted since,
                // which is reported but proves it gone.
                let invalid = url.lastPathComponent.unicodeScalars.contains("\u{FFFD}")
                result.problems.append((url.path, invalid ? "the name is not valid UTF-8: rename it to index it" : "cannot access: \(error)"))
            } else {
                result.problems.append((url.path, "cannot access: \(error)"))
                result.unreachable.append(url.resolvingSymlinksInPath().path)
            }
            return
        }
        if st.kind == .folder {
            let id = FileID(device: st.device, inode: st.inode)
            guard visited.insert(id).inserted else {
                if !isRoot { result.problems.append((url.path, "symbolic link loop or repeated folder, skipped")) }
                return
            }
            let names: [String]
            do { names = try fileSystem.contents(ofFolder: url.path) } catch {
                result.problems.append((url.path, "cannot list folder: \(error)"))
                result.unreachable.append(url.resolvingSymlinksInPath().path)
                return
            }
            if isRoot && names.isEmpty { result.emptyRoots.append(url.resolvingSymlinksInPath().path) }
            let ignored = Self.ignorePatterns(in: url)
            var visible: [String] = []
            for name in names.sorted() {
                if name.hasPrefix(".") || ignored.contains(where: { fnmatch($0, name, 0) == 0 }) {
                    result.excluded.append(url.appendingPathComponent(name).resolvingSymlinksInPath().path)
                } else {
                    visible.append(name)
                }
            }
            let siblings = Set(visible)
            for name in visible {
                let child = url.appendingPathComponent(name)
                if Self.isSidecar(child, siblings: siblings) { continue }
                walk(child, &result, &visited, &seen, isRoot: false)
            }
            return
        }
        guard st.kind == .file else {
            result.unsupported.append(url.path)
            return
        }
        let path = url.resolvingSymlinksInPath().path
        guard seen.insert(path).inserted else { return }
        do {
            guard try registry.accepts(url) else {
                result.unsupported.append(url.path)
                return
            }
        } catch {
            let reason = if case VanBanError.unreadable(_, let reason) = error { reason } else { "\(error)" }
            result.problems.append((url.path, reason))
            result.unreachable.append(path)
            return
        }
        result.files.append(ScannedFile(url: url, path: path, size: st.size, mtime: st.mtime))
    }

    /// Patterns from the folder's `.vanbanignore`: one per line, `#` starts a comment.
    static func ignorePatterns(in folder: URL) -> [String] {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(".vanbanignore"), encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// True when `url` is the sidecar (`NAME.json` or `NAME.ext.json`) of another file among `siblings`.
    static func isSidecar(_ url: URL, siblings: Set<String>) -> Bool {
        guard url.pathExtension.lowercased() == "json" else { return false }
        let stem = url.deletingPathExtension().lastPathComponent
        if siblings.contains(stem) { return true }
        return siblings.contains { $0 != url.lastPathComponent && ($0 as NSString).deletingPathExtension == stem }
    }
}

extension FileScanner.Result {
    /// Whether the document of the file at `path` (resolved, under a root, not found by this scan) may
    /// leave the index. `fileSystem` is asked once more whether the file is there.
    public func removal(of path: String, fileSystem: any FileSystem) -> FileScanner.Removal {
        if unreachable.contains(where: { Indexer.isUnder(path, [$0]) }) { return .keep(reason: nil) }
        if emptyRoots.contains(where: { Indexer.isUnder(path, [$0]) }) { return .keep(reason: nil) }
        if excluded.contains(where: { Indexer.isUnder(path, [$0]) }) { return .remove }
        do {
            _ = try fileSystem.status(of: path)
            return .keep(reason: "still there, but no longer read as a document: kept in the index (`vanban remove` takes it out)")
        } catch {
            return error.isGone ? .remove : .keep(reason: "cannot examine: \(error); kept in the index")
        }
    }
}
