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
public struct FileScanner {
    public let registry: ReaderRegistry

    public init(registry: ReaderRegistry = ReaderRegistry()) { self.registry = registry }

    public struct Result: Sendable {
        public var files: [ScannedFile] = []
        public var unsupported: [String] = []
        public var problems: [(path: String, error: String)] = []
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
        var st = stat()
        guard stat(url.path, &st) == 0 else {
            var lst = stat()
            let dangling = lstat(url.path, &lst) == 0
            result.problems.append((url.path, dangling ? "broken symbolic link" : "cannot access: \(String(cString: strerror(errno)))"))
            return
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            let id = FileID(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
            guard visited.insert(id).inserted else {
                if !isRoot { result.problems.append((url.path, "symbolic link loop or repeated folder, skipped")) }
                return
            }
            let names: [String]
            do { names = try FileManager.default.contentsOfDirectory(atPath: url.path) } catch {
                result.problems.append((url.path, "cannot list folder: \((error as NSError).localizedDescription)"))
                return
            }
            let ignored = Self.ignorePatterns(in: url)
            let visible = names.filter { name in
                !name.hasPrefix(".") && !ignored.contains { fnmatch($0, name, 0) == 0 }
            }.sorted()
            let siblings = Set(visible)
            for name in visible {
                let child = url.appendingPathComponent(name)
                if Self.isSidecar(child, siblings: siblings) { continue }
                walk(child, &result, &visited, &seen, isRoot: false)
            }
            return
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            result.unsupported.append(url.path)
            return
        }
        let path = url.resolvingSymlinksInPath().path
        guard seen.insert(path).inserted else { return }
        guard registry.accepts(url) else {
            result.unsupported.append(url.path)
            return
        }
        result.files.append(ScannedFile(url: url, path: path, size: Int(st.st_size), mtime: Int(st.st_mtim.tv_sec)))
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
