import Foundation
import Testing
@testable import VanBan

/// The lines of `docs/BAD-INPUT.md` that no other suite tests: each bad input on the real binary, with the
/// message and exit code it gets.
@Suite("Bad input")
struct BadInputTests {
    var index: [String] { get throws { ["--index", try SearchFixture.indexPath] } }

    @Test("a malformed query: exit 2, the reason and a caret under the place", arguments: [
        ("\"công đoàn", "unbalanced quote"), ("(thuế", "unbalanced parenthesis"), ("", "empty query"),
        ("!!!", "nothing to search for"), ("thuế\u{7}đất", "control character U+7"), ("nam:21", "four-digit year"),
        ("ngay:hôm..qua", "cannot read the date"), ("10 KB", "too long"),
    ])
    func query(_ query: String, message: String) throws {
        let text = query == "10 KB" ? String(repeating: "công đoàn ", count: 1000) : query
        let r = try vanban(["search", text] + index)
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("vanban: error: query error at character ") && r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) == "^", "\(r.stderr)")
    }

    @Test("a bad option value: exit 2 before anything is read, the option named", arguments: [
        (["index", "corpus", "--jobs", "0"], "--jobs must be at least 1"),
        (["search", "x", "--limit", "-1"], "--limit must be between 0 and 10000"),
        (["search", "x", "--limit", "10001"], "--limit must be between 0 and 10000"),
        (["search", "x", "--offset", "-1"], "--offset must not be negative"),
        (["search", "x", "--exact", "--fold"], "--exact and --fold exclude each other"),
        (["search", "x", "--from", "not a date"], "--from: cannot read the date \"not a date\""),
        (["search", "x", "--to", "2025-13-45"], "--to: cannot read the date \"2025-13-45\""),
        (["search", "x", "--bogus"], "Unknown option '--bogus'"),
        (["search", "x", "--lang", "xx"], "'xx' is invalid for '--lang"),
        (["remove"], "Missing expected argument '<paths> ...'"),
    ])
    func option(_ arguments: [String], message: String) throws {
        let r = try vanban(arguments + ["--index", "/nonexistent/never-read"])
        #expect(r.status == 2 && r.stdout.isEmpty)
        #expect(r.stderr.contains(message), "\(r.stderr)")
    }

    @Test("no index where --index points: every command says to run `vanban index` (exit 2)",
          arguments: [["search", "x"], ["show", "1"], ["stats"], ["check"], ["remove", "/tmp"], ["number", "1/QĐ-UBND"]])
    func noIndex(_ arguments: [String]) throws {
        let r = try vanban(arguments + ["--index", "/nonexistent/vanban-index"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("no index at /nonexistent/vanban-index: run `vanban index` first"), "\(r.stderr)")
    }

    @Test("--index naming a file, or a folder of other files: refused, nothing written there")
    func indexFolderOfSomethingElse() throws {
        let dir = try TempDir()
        let file = try dir.write("ghi-chu.txt", "không phải chỉ mục")
        let asFile = try vanban(["index", Paths.seed.path, "--index", file.path])
        #expect(asFile.status == 2 && asFile.stderr.contains("is a file, not an index folder"), "\(asFile.stderr)")
        let asFolder = try vanban(["index", Paths.seed.path, "--index", dir.path])
        #expect(asFolder.status == 2 && asFolder.stderr.contains("holds files (ghi-chu.txt, …) but no index"), "\(asFolder.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ghi-chu.txt"])
    }

    @Test("a remote index that cannot be reached, and `check` of a remote one: exit 2, said plainly")
    func remote() throws {
        let unreachable = try vanban(["search", "x", "--index", "tcp://127.0.0.1:1"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("tcp://127.0.0.1:1: cannot reach the index there (Xapian NetworkError"), "\(unreachable.stderr)")
        let check = try vanban(["check", "--index", "tcp://127.0.0.1:1"])
        #expect(check.status == 2 && check.stderr.contains("a remote index is checked on its server"), "\(check.stderr)")
    }

    @Test("a document looked up by an unknown id: exit 1 (nothing found); a text that is no number: exit 2; said plainly")
    func unknownDocument() throws {
        let show = try vanban(["show", "99999"] + index)
        #expect(show.status == 1 && show.stderr.contains("not found: no document with id, path or number \"99999\""), "\(show.stderr)")
        let number = try vanban(["number", "xin chào"] + index)
        #expect(number.status == 2 && number.stderr.contains("is not a document number"), "\(number.stderr)")
    }

    @Test("a sidecar that is not a JSON object, a name that is not UTF-8, a FIFO: reported, the rest indexed")
    func oddFiles() throws {
        let dir = try TempDir()
        try dir.write("docs/tot.txt", "Văn bản hợp lệ về thủy lợi")
        try dir.write("docs/kem.txt", "Văn bản có tệp kèm hỏng")
        try dir.write("docs/kem.json", "[1, 2")
        let docs = dir.url.appendingPathComponent("docs")
        // A name with a lone 0xFF byte, which no UTF-8 string can hold.
        let oddBytes = Array(docs.path.utf8) + Array("/ten".utf8) + [0xFF] + Array("la.txt".utf8) + [0]
        let fd = oddBytes.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644) }
        try #require(fd >= 0)
        close(fd)
        #expect(mkfifo(docs.path + "/ong.txt", 0o644) == 0)

        let r = try vanban(["index", docs.path, "--index", dir.path + "/index", "--json"])
        #expect(r.status == 3)
        let report = try r.json()
        #expect(report["added"] as? Int == 1)
        let failed = try #require(report["failed"] as? [[String: String]])
        #expect(failed.contains { $0["path"]?.hasSuffix("/kem.txt") == true && $0["error"] == "sidecar metadata is not a JSON object" }, "\(failed)")
        #expect(failed.contains { $0["error"] == "the name is not valid UTF-8: rename it to index it" }, "\(failed)")
        #expect((report["unsupported"] as? [String])?.contains { $0.hasSuffix("/ong.txt") } == true, "a FIFO is not read (and does not block)")
    }
    @Test("every line of docs/BAD-INPUT.md names tests, and each exists")
    func tableNamesRealTests() throws {
        let table = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/BAD-INPUT.md"), encoding: .utf8)
        let sources = try FileManager.default.subpathsOfDirectory(atPath: Paths.packageRoot.appendingPathComponent("Tests").path)
            .filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOf: Paths.packageRoot.appendingPathComponent("Tests/" + $0), encoding: .utf8) }
            .joined()
        let rows = table.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("| Input") }
        #expect(rows.count >= 40)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let names = (cells.last ?? "").split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            #expect(!names.isEmpty, "no test named: \(row)")
            for name in names {
                let parts = name.split(separator: ".")
                guard parts.count >= 2, let function = parts.last else { continue }  // a whole target, as `VietTextTests`
                #expect(sources.contains("func \(function)("), "\(name), named in: \(row)")
            }
        }
    }
}
