import Foundation

/// What the scanner and the indexer ask of the file system: a folder's names and a path's status. A seam:
/// tests inject the failures (EACCES, EIO, ESTALE) that decide whether a document may leave the index.
public protocol FileSystem: Sendable {
    /// The names in the folder at `path`, hidden ones included.
    func contents(ofFolder path: String) throws(FileSystemError) -> [String]
    /// What `path` names, symbolic links followed (`stat`).
    func status(of path: String) throws(FileSystemError) -> FileStatus
}

/// A failed file-system call: its `errno` and what `strerror` says of it.
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Int32

    public init(code: Int32) { self.code = code }

    /// Proof that nothing is there: ENOENT, or ENOTDIR (a folder on the way is now a file).
    public var isGone: Bool { code == ENOENT || code == ENOTDIR }

    public var description: String { String(cString: strerror(code)) }
}

/// The parts of `stat` the scanner uses.
public struct FileStatus: Sendable, Equatable {
    public enum Kind: Sendable { case folder, file, other }
    public var kind: Kind
    public var size: Int
    public var mtime: Int
    public var device: UInt64
    public var inode: UInt64

    public init(kind: Kind, size: Int, mtime: Int, device: UInt64, inode: UInt64) {
        self.kind = kind
        self.size = size
        self.mtime = mtime
        self.device = device
        self.inode = inode
    }
}

/// The file system of this machine, through `opendir`/`readdir` and `stat`.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func contents(ofFolder path: String) throws(FileSystemError) -> [String] {
        guard let dir = opendir(path) else { throw FileSystemError(code: errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                // NULL with errno set is a failed read (EIO, ESTALE), not the end of the folder.
                if errno != 0 { throw FileSystemError(code: errno) }
                return names
            }
            // The record is only as long as its name (`d_reclen`): read up to the NUL where it lies, never copy
            // the whole `d_name` array (AddressSanitizer: a heap overflow past a short record).
            let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let base = UnsafeRawPointer(entry).advanced(by: offset)
            let length = strlen(base.assumingMemoryBound(to: CChar.self))
            let name = String(decoding: UnsafeRawBufferPointer(start: base, count: length), as: UTF8.self)
            if name != "." && name != ".." { names.append(name) }
        }
    }

    public func status(of path: String) throws(FileSystemError) -> FileStatus {
        var st = stat()
        guard stat(path, &st) == 0 else { throw FileSystemError(code: errno) }
        let kind: FileStatus.Kind = switch st.st_mode & S_IFMT {
        case S_IFDIR: .folder
        case S_IFREG: .file
        default: .other
        }
        return FileStatus(kind: kind, size: Int(st.st_size), mtime: Int(st.st_mtim.tv_sec),
                          device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }
}
