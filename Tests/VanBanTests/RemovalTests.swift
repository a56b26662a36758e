import Foundation
import Testing
@testable import VanBan

/// The local file system, except that the paths given fail with the given `errno`.
struct FailingFileSystem: FileSystem {
    var listing: [String: Int32] = [:]
    var status: [String: Int32] = [:]

    func contents(ofFolder path: String) throws(FileSystemError) -> [String] {
        if let code = listing[path] { throw FileSystemError(code: code) }
        return try LocalFileSystem().contents(ofFolder: path)
    }

    func status(of path: String) throws(FileSystemError) -> FileStatus {
        if let code = status[path] { throw FileSystemError(code: code) }
        return try LocalFileSystem().status(of: path)
    }
}

/// A document leaves the index only on proof that its file is gone, or on the user's word (`vanban remove`).
@Suite("Removal only on proof")
struct RemovalTests {
    /// docs/a.txt and docs/sub/b.txt indexed into index/.
    static func indexed() throws -> (dir: TempDir, docs: URL, index: String) {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "Văn bản thứ nhất về thủy lợi")
        try dir.write("docs/sub/b.txt", "Văn bản thứ hai về ngư nghiệp")
        let docs = dir.url.appendingPathComponent("docs").resolvingSymlinksInPath()
        let index = dir.url.appendingPathComponent("index").path
        let first = try IndexKit.index([docs], into: index)
        #expect(first.added == 2)
        return (dir, docs, index)
    }

    static func run(_ docs: URL, into index: String, fileSystem: any FileSystem) throws -> IndexReport {
        var options = IndexOptions(roots: [docs], indexPath: index, jobs: 2)
        options.fileSystem = fileSystem
        return try Indexer(options: options).run(stop: StopRequest())
    }

    @Test("a folder that cannot be listed keeps its documents and says why", arguments: [EACCES, EIO, ESTALE])
    func unlistableFolder(code: Int32) throws {
        let (dir, docs, index) = try Self.indexed()
        defer { withExtendedLifetime(dir) {} }
        let sub = docs.appendingPathComponent("sub").path
        let report = try Self.run(docs, into: index, fileSystem: FailingFileSystem(listing: [sub: code]))
        #expect((report.removed, report.keptDespiteErrors, report.unchanged) == (0, 1, 1))
        #expect(report.failed == [.init(path: sub, error: "cannot list folder: \(String(cString: strerror(code)))")])
        #expect(try IndexKit.names("ngư nghiệp", in: index) == ["b.txt"])
        // Readable again and the file deleted meanwhile: now there is proof.
        try FileManager.default.removeItem(atPath: sub + "/b.txt")
        let later = try Self.run(docs, into: index, fileSystem: LocalFileSystem())
        #expect((later.removed, later.keptDespiteErrors, later.failed) == (1, 0, []))
        #expect(try IndexKit.names("ngư nghiệp", in: index).isEmpty)
    }

    @Test("a file that cannot be examined is kept; a file that cannot be read again keeps its old document")
    func unexaminableFile() throws {
        let (dir, docs, index) = try Self.indexed()
        defer { withExtendedLifetime(dir) {} }
        let b = docs.appendingPathComponent("sub/b.txt").path
        let report = try Self.run(docs, into: index, fileSystem: FailingFileSystem(status: [b: EIO]))
        #expect((report.removed, report.keptDespiteErrors) == (0, 1))
        #expect(report.failed.map(\.path) == [b] && report.failed[0].error.contains("Input/output error"))

        // Changed into something no reader can read: the old document stays, and is counted.
        var binary = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        binary.insert(0, at: 10)
        try binary.write(to: URL(fileURLWithPath: b))
        let again = try Self.run(docs, into: index, fileSystem: LocalFileSystem())
        #expect((again.removed, again.keptDespiteErrors, again.failed.map(\.path)) == (0, 1, [b]))
        #expect(try IndexKit.names("ngư nghiệp", in: index) == ["b.txt"])
    }

    @Test("proof removes: a deleted file, a deleted folder, a file now hidden or ignored")
    func proof() throws {
        let (dir, docs, index) = try Self.indexed()
        try dir.write("docs/c.txt", "Văn bản thứ ba về lâm nghiệp")
        try dir.write("docs/d.txt", "Văn bản thứ tư về hải đảo")
        try dir.write("docs/e.txt", "Văn bản thứ năm về khí tượng")
        #expect(try IndexKit.index([docs], into: index).added == 3)
        try FileManager.default.removeItem(at: docs.appendingPathComponent("sub"))
        try FileManager.default.removeItem(at: docs.appendingPathComponent("c.txt"))
        try FileManager.default.moveItem(at: docs.appendingPathComponent("d.txt"), to: docs.appendingPathComponent(".d.txt"))
        try dir.write("docs/.vanbanignore", "e.txt\n")
        let report = try IndexKit.index([docs], into: index)
        #expect((report.removed, report.keptDespiteErrors, report.failed) == (4, 0, []))
        #expect(report.documents == 1)
    }

    @Test("a root folder that lists empty keeps its documents (an unmounted share looks so) until `vanban remove`")
    func emptyRoot() throws {
        let (dir, docs, index) = try Self.indexed()
        defer { withExtendedLifetime(dir) {} }
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path) {
            try FileManager.default.removeItem(at: docs.appendingPathComponent(name))
        }
        let report = try IndexKit.index([docs], into: index)
        #expect((report.removed, report.keptDespiteErrors, report.documents) == (0, 2, 2))
        #expect(report.failed.count == 1 && report.failed[0].path == docs.path)
        #expect(report.failed[0].error.contains("unmounted share") && report.failed[0].error.contains("vanban remove"), "\(report.failed)")

        let dry = try DocumentRemoval.remove([docs.path], from: index, dryRun: true)
        #expect(dry.removed.count == 2 && dry.documents == 2 && dry.unmatched.isEmpty)
        let removal = try DocumentRemoval.remove([docs.path], from: index)
        #expect(removal.removed == [docs.path + "/a.txt", docs.path + "/sub/b.txt"])
        #expect(removal.documents == 0)
        #expect(try IndexKit.index([docs], into: index).failed == [], "nothing left to keep")
    }

    /// How to run `vanban` as a user that `chmod 000` shuts out: as it is when the tests are not root, else
    /// as `nobody` through setpriv, when `nobody` can run the binary and index in the temporary folder (a
    /// clone under a private folder cannot); nil otherwise.
    static let asUnprivileged: [String]? = {
        if geteuid() != 0 { return [] }
        let launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        guard FileManager.default.isExecutableFile(atPath: launcher[0]), let probe = try? TempDir("vanban-nobody"),
              chmod(probe.path, 0o777) == 0, (try? probe.write("docs/a.txt", "thử")) != nil,
              let result = try? run(launcher, ["index", probe.path + "/docs", "--index", probe.path + "/index"]),
              result.status == 0 else { return nil }
        return launcher
    }()

    /// Runs `vanban` as a user that `chmod 000` shuts out: this one when not root, else `nobody`.
    static func vanbanUnprivileged(_ arguments: [String]) throws -> CLIResult {
        try run(try #require(asUnprivileged), arguments)
    }

    static func run(_ launcher: [String], _ arguments: [String]) throws -> CLIResult {
        try runProcess(URL(fileURLWithPath: launcher.first ?? Paths.vanban.path),
                       launcher.dropFirst() + (launcher.isEmpty ? [] : [Paths.vanban.path]) + arguments)
    }

    @Test("vanban index over a folder made unreadable (chmod 000) keeps its documents, exits 3 and counts them",
          .enabled(if: asUnprivileged != nil, "running as root, and nobody cannot run vanban here (no setpriv, or a private folder): chmod 000 does not shut root out (the seam tests above cover it)"))
    func chmodUnreadableFolderOnTheBinary() throws {
        let dir = try TempDir()
        chmod(dir.path, 0o777)  // the unprivileged user writes the index here
        try dir.write("docs/a.txt", "Văn bản thứ nhất về thủy lợi")
        let b = try dir.write("docs/sub/b.txt", "Văn bản thứ hai về ngư nghiệp")
        let docs = dir.url.appendingPathComponent("docs").path, sub = docs + "/sub", index = dir.path + "/index"
        let first = try Self.vanbanUnprivileged(["index", docs, "--index", index, "--json"])
        #expect(first.status == 0, "\(first.stderr)")

        chmod(sub, 0)
        defer { chmod(sub, 0o755) }
        let run = try Self.vanbanUnprivileged(["index", docs, "--index", index, "--json"])
        #expect(run.status == 3, "\(run.stderr)")
        let report = try run.json()
        #expect(report["removed"] as? Int == 0 && report["kept_despite_errors"] as? Int == 1 && report["documents"] as? Int == 2)
        let failed = try #require(report["failed"] as? [[String: String]])
        #expect(failed.count == 1 && failed.first?["path"]?.hasSuffix("/docs/sub") == true)
        #expect(failed.first?["error"] == "cannot list folder: Permission denied")
        let text = try Self.vanbanUnprivileged(["index", docs, "--index", index])
        #expect(text.status == 3 && text.stdout.contains("0 removed, 1 kept despite errors"), "\(text.stdout)")
        let shown = try Self.vanbanUnprivileged(["show", b.resolvingSymlinksInPath().path, "--index", index, "--json"])
        #expect(shown.status == 0, "the document is still there: \(shown.stderr)")

        chmod(sub, 0o755)
        try FileManager.default.removeItem(at: b)
        let proof = try Self.vanbanUnprivileged(["index", docs, "--index", index, "--json"])
        #expect(proof.status == 0, "\(proof.stderr)")
        #expect(try proof.json()["removed"] as? Int == 1)
    }

    @Test("vanban remove: --dry-run lists and changes nothing, then removes; a PATH naming nothing exits 1")
    func removeCommand() throws {
        let (dir, docs, index) = try Self.indexed()
        defer { withExtendedLifetime(dir) {} }
        let dry = try vanban(["remove", docs.path + "/sub", "--index", index, "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let planned = try dry.json()
        #expect(planned["removed"] as? [String] == [docs.path + "/sub/b.txt"] && planned["dry_run"] as? Bool == true)
        #expect(planned["documents"] as? Int == 2 && planned["unmatched"] as? [String] == [])
        #expect(try IndexKit.names("ngư nghiệp", in: index) == ["b.txt"])

        let text = try vanban(["remove", docs.path + "/sub", "--index", index])
        #expect(text.status == 0 && text.stdout.hasPrefix("Removed 1 document from \(index); 1 document in the index."), "\(text.stdout)")
        #expect(try IndexKit.names("ngư nghiệp", in: index).isEmpty)
        #expect(FileManager.default.fileExists(atPath: docs.path + "/sub/b.txt"), "the file itself is not touched")

        let none = try vanban(["remove", docs.path + "/khong-co", docs.path + "/a.txt", "--index", index, "--json"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("khong-co: no document of the index"), "\(none.stderr)")
        #expect(try none.json()["removed"] as? [String] == [docs.path + "/a.txt"])
        #expect(try vanban(["remove", "x", "--index", dir.path + "/khong-co"]).status == 2)
        #expect(try vanban(["remove", "--index", index]).status == 2, "no PATH is a usage error")
    }
}
