import Foundation
import TestTags
import Testing
import VietText
import Xapian
@testable import VanBan

@Suite("Indexer")
struct IndexTests {
    @Test("every format is indexed and searchable, with its format term")
    func everyFormat() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/a.txt", "Báo cáo về hợp tác xã nông nghiệp")
        try dir.write("docs/b.md", "---\ntitle: Kế hoạch\n---\nKế hoạch phát triển du lịch cộng đồng\n")
        try dir.write("docs/c.html", "<html><head><title>Trang</title><script>var x='bí mật';</script></head><body><p>Hướng dẫn thanh tra xây dựng</p></body></html>")
        try IndexKit.makeDOCX(at: docs.appendingPathComponent("d.docx"), paragraphs: ["Tờ trình về chuyển đổi số quốc gia"])
        let hasPdf = Paths.onPath("pdftotext") != nil
        if hasPdf {
            try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("formats/thong-bao.pdf"),
                                             to: docs.appendingPathComponent("e.pdf"))
        }
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([docs], into: index)
        #expect(report.failed == [])
        #expect(report.added == (hasPdf ? 5 : 4))
        #expect(try IndexKit.names("\"hợp tác xã\"", in: index) == ["a.txt"])
        #expect(try IndexKit.names("du lịch cộng đồng", in: index) == ["b.md"])
        #expect(try IndexKit.names("thanh tra xây dựng", in: index) == ["c.html"])
        #expect(try IndexKit.names("bí mật", in: index).isEmpty)
        #expect(try IndexKit.names("chuyển đổi số", in: index) == ["d.docx"])
        if hasPdf { #expect(try IndexKit.names("37416", in: index).contains("e.pdf")) }
        #expect(try IndexKit.stored("c.html", in: index)?.title == "Trang")
        #expect(try IndexKit.stored("b.md", in: index)?.title == "Kế hoạch")
        let db = try Database(path: index)
        for format in ["txt", "md", "html", "docx"] {
            #expect(try db.postings(Schema.Prefix.format + format).count == 1, "XF\(format)")
        }
        #expect(try IndexKit.assertWholeDocuments(index) == report.added)
    }

    @Test("sidecar NAME.json and NAME.ext.json and front matter set the stored metadata")
    func sidecarsAndFrontMatter() throws {
        let dir = try TempDir()
        let header = "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/2024/QĐ-UBND\nBắc Ninh, ngày 12 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc quản lý đất đai\n"
        try dir.write("docs/plain.txt", header)
        try dir.write("docs/stem.txt", header)
        try dir.write("docs/stem.json", #"{"number": "99/2023/NQ-HĐND", "type": "Nghị quyết", "date": "2023-07-01"}"#)
        try dir.write("docs/full.txt", header)
        try dir.write("docs/full.txt.json", #"{"issuer": "Bộ Tài chính", "signer": "Nguyễn Văn A"}"#)
        try dir.write("docs/front.md", "---\nnumber: \"7/2022/TT-BYT\"\ntype: Thông tư\ndate: 2022-05-06\ntitle: Hướng dẫn khám bệnh\n---\n" + header)
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        #expect(report.added == 4)
        #expect(report.unsupported.isEmpty, "sidecars are not listed as unsupported files")

        let plain = try #require(try IndexKit.stored("plain.txt", in: index))
        #expect(plain.number == "15/2024/QĐ-UBND")
        #expect(plain.type == "Quyết định")
        #expect(plain.date == "2024-03-12")

        let stem = try #require(try IndexKit.stored("stem.txt", in: index))
        #expect(stem.number == "99/2023/NQ-HĐND")
        #expect(stem.type == "Nghị quyết")
        #expect(stem.date == "2023-07-01")

        let full = try #require(try IndexKit.stored("full.txt", in: index))
        #expect(full.number == "15/2024/QĐ-UBND")
        #expect(full.issuer == "BỘ TÀI CHÍNH")
        #expect(full.issuerAsWritten == "Bộ Tài chính")
        #expect(full.signer == "Nguyễn Văn A")

        let front = try #require(try IndexKit.stored("front.md", in: index))
        #expect(front.number == "7/2022/TT-BYT")
        #expect(front.type == "Thông tư")
        #expect(front.date == "2022-05-06")
        #expect(front.title == "Hướng dẫn khám bệnh")

        let db = try Database(path: index)
        #expect(try db.postings(Terms.type("Nghị quyết")).count == 1)
        #expect(try db.postings(Schema.Prefix.year + "2022").count == 1)
        #expect(try IndexKit.names("số:7/2022/TT-BYT", in: index).first == "front.md")
    }

    @Test("incremental runs: unchanged skipped, changed replaced, deleted removed, new added")
    func incremental() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/mot.txt", "Văn bản thứ nhất về thủy lợi")
        try dir.write("docs/hai.txt", "Văn bản thứ hai về lâm nghiệp")
        try dir.write("docs/sub/ba.txt", "Văn bản thứ ba về ngư nghiệp")
        let index = dir.url.appendingPathComponent("index").path

        let first = try IndexKit.index([docs], into: index)
        #expect((first.added, first.updated, first.removed, first.unchanged) == (3, 0, 0, 0))
        #expect(first.documents == 3)

        let second = try IndexKit.index([docs], into: index)
        #expect((second.added, second.updated, second.removed, second.unchanged) == (0, 0, 0, 3))
        #expect(second.bytes == 0)

        try dir.write("docs/hai.txt", "Văn bản thứ hai đã sửa về khí tượng thủy văn")
        try FileManager.default.removeItem(at: docs.appendingPathComponent("sub/ba.txt"))
        try dir.write("docs/bon.txt", "Văn bản thứ tư về hải đảo")
        let third = try IndexKit.index([docs], into: index)
        #expect((third.added, third.updated, third.removed, third.unchanged) == (1, 1, 1, 1))
        #expect(third.documents == 3)
        #expect(try Database(path: index).documentCount == 3)
        #expect(try IndexKit.names("lâm nghiệp", in: index).isEmpty)
        #expect(try IndexKit.names("khí tượng thủy văn", in: index) == ["hai.txt"])
        #expect(try IndexKit.names("ngư nghiệp", in: index).isEmpty)
        #expect(try IndexKit.names("hải đảo", in: index) == ["bon.txt"])

        // Touched but identical content: the hash says unchanged and nothing is rewritten.
        let mot = docs.appendingPathComponent("mot.txt")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: mot.path)
        let fourth = try IndexKit.index([docs], into: index)
        #expect((fourth.added, fourth.updated, fourth.removed, fourth.unchanged) == (0, 0, 0, 3))
        // … and its new mtime is stored, so the next run skips it without reading it.
        let scanned = try #require(FileScanner().scan([docs]).files.first { $0.path.hasSuffix("/mot.txt") })
        let db = try Database(path: index)
        let id = try #require(try db.postings(Terms.id(path: scanned.path)).first)
        #expect(try db.document(id).value(Schema.Slot.fileState).hasPrefix(scanned.statKey + " "))
        #expect(try IndexKit.names("thủy lợi", in: index) == ["mot.txt"])
        #expect(try SearchIndex(locations: [index]).stored(id).text == "Văn bản thứ nhất về thủy lợi")

        // Indexing only a subfolder does not remove documents outside it.
        try dir.write("docs/sub/nam.txt", "Văn bản thứ năm")
        let partial = try IndexKit.index([docs.appendingPathComponent("sub")], into: index)
        #expect((partial.added, partial.removed) == (1, 0))
        #expect(partial.documents == 4)
        #expect(try IndexKit.assertWholeDocuments(index) == 4)
    }

    @Test("a file changed but for its text (front matter edited, saved in another encoding) gets its new document, as a clean build would")
    func sameTextOtherDocument() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        let text = "Quyết định về thủy lợi năm 2024.\n"
        let md = try dir.write("docs/a.md", "---\nnumber: 12/QĐ-UBND\n---\n" + text)
        let txt = try dir.write("docs/b.txt", "Công văn về lâm nghiệp")
        let index = dir.path + "/index"
        try IndexKit.index([docs], into: index)
        #expect(try IndexKit.stored("a.md", in: index)?.number == "12/QĐ-UBND")
        #expect(try IndexKit.stored("b.txt", in: index)?.encoding == "utf-8")

        // The same text below other front matter, and the same text in UTF-16: each with a new mtime, as saving gives.
        try Data(("---\nnumber: 99/QĐ-UBND\n---\n" + text).utf8).write(to: md)
        try Data([0xFF, 0xFE] + Array("Công văn về lâm nghiệp".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: txt)
        for file in [md, txt] {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 3600)], ofItemAtPath: file.path)
        }
        let report = try IndexKit.index([docs], into: index)
        #expect((report.updated, report.unchanged) == (2, 0))
        #expect(try IndexKit.stored("a.md", in: index)?.number == "99/QĐ-UBND")
        #expect(try IndexKit.stored("b.txt", in: index)?.encoding == "utf-16")
        #expect(try SearchIndex(locations: [index]).database.postings(Terms.ownNumber(key: "99/QD-UBND")).count == 1)

        // What a clean build of the same files stores.
        let clean = dir.path + "/clean"
        try IndexKit.index([docs], into: clean)
        for name in ["a.md", "b.txt"] {
            #expect(try IndexKit.stored(name, in: index) == IndexKit.stored(name, in: clean), "\(name)")
        }

        // Touched alone, a file keeps its document: only the new mtime is stored.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 7200)], ofItemAtPath: md.path)
        let touched = try IndexKit.index([docs], into: index)
        #expect((touched.updated, touched.unchanged) == (0, 2))
        #expect(try IndexKit.index([docs], into: index).bytes == 0, "the next run skips it on its stat")
    }

    @Test("a writer waits a moment for a lock another process is letting go of, then says the index is in use")
    func lockLetGo() throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "Công văn về lâm nghiệp")
        let index = dir.path + "/index"
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)

        // A copy of the open file description of this index's lock (not another test's: they run in this process
        // too), as a process forked elsewhere in this one holds until it execs.
        func lockCopy() throws -> Int32 {
            let fds = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").compactMap(Int32.init)
            return fcntl(try #require(fds.first { fd in
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")) ?? ""
                return target.contains("/\(dir.url.lastPathComponent)/index/") && target.hasSuffix("/flintlock")
            }), F_DUPFD_CLOEXEC, 0)
        }
        let first = try XapianSink(editing: index)
        let copy = try lockCopy()
        first.close()
        // A thread of its own: the shared queues may all be busy with other tests' blocking work for longer than the patience.
        Thread.detachNewThread { usleep(300_000); close(copy) }
        let started = Date()
        let second = try XapianSink(editing: index)
        #expect(Date().timeIntervalSince(started) >= 0.25, "the second writer could not have had the lock before the copy closed")
        #expect(try second.documentCount() == 1)

        // A lock that is not let go of: refused once the patience is spent.
        let held = try lockCopy()
        defer { close(held) }
        second.close()
        let refused = Date()
        #expect(throws: VanBanError.indexBusy(index)) { try XapianSink(editing: index) }
        #expect(Date().timeIntervalSince(refused) >= XapianSink.lockPatience * 0.9)
    }

    @Test("--rebuild starts from an empty index")
    func rebuild() throws {
        let dir = try TempDir()
        try dir.write("a/x.txt", "một")
        try dir.write("b/y.txt", "hai")
        let index = dir.url.appendingPathComponent("index").path
        try IndexKit.index([dir.url.appendingPathComponent("a")], into: index)
        let report = try IndexKit.index([dir.url.appendingPathComponent("b")], into: index, rebuild: true)
        #expect(report.added == 1)
        #expect(report.documents == 1)
        #expect(try IndexKit.names("một", in: index).isEmpty)
    }

    @Test("bad files are reported and skipped; the others are indexed")
    func badFiles() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/tot.txt", "Nội dung hợp lệ về bảo hiểm xã hội")
        var binary = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        binary.insert(0, at: 10)
        try dir.write("docs/nhi-phan.txt", binary)
        try dir.write("docs/cat-cut.docx", "PK\u{3}\u{4}\u{14}\u{0}")
        try dir.write("docs/rong.txt", Data())
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([docs], into: index)
        #expect(Set(report.failed.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["nhi-phan.txt", "cat-cut.docx"])
        #expect(report.noText.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["rong.txt"])
        #expect(report.noText.first?.error == "0 bytes")
        let binaryError = try #require(report.failed.first { $0.path.hasSuffix("nhi-phan.txt") }?.error)
        #expect(binaryError.contains("binary") && !binaryError.contains("nhi-phan"), "the report names the path once: \(binaryError)")
        #expect(report.added == 1, "the good file; the empty one is not indexed as if it had text")
        #expect(try IndexKit.names("bảo hiểm xã hội", in: index) == ["tot.txt"])
        #expect(try IndexKit.stored("rong.txt", in: index) == nil)
        #expect(try IndexKit.assertWholeDocuments(index) == 1)
        // A failed file is retried on the next run, and still fails.
        let again = try IndexKit.index([docs], into: index)
        #expect(again.failed.count == 2)
        #expect(again.noText.count == 1)
        #expect(again.unchanged == 1)
    }

    @Test("TCVN3 file found by a Unicode query; NFD text found by an NFC query")
    func encodings() throws {
        let dir = try TempDir()
        let tcvn = "Bộ Nội vụ hướng dẫn việc sắp xếp đơn vị hành chính cấp xã trong năm nay."
        try dir.write("docs/cu.txt", Data(TextEncoder.encode(tcvn, as: .tcvn3)))
        let nfd = "Quyết định phê duyệt quy hoạch thủy điện".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Quyết định phê duyệt quy hoạch thủy điện".unicodeScalars.count)
        try dir.write("docs/nfd.txt", nfd)
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        #expect(report.failed == [])
        #expect(try IndexKit.names("\"đơn vị hành chính\"", in: index) == ["cu.txt"])
        #expect(try IndexKit.stored("cu.txt", in: index)?.encoding == "tcvn3")
        #expect(try IndexKit.names("\"quy hoạch thủy điện\"", in: index) == ["nfd.txt"])
        #expect(try IndexKit.names("phê duyệt", in: index) == ["nfd.txt"])
    }

    @Test("the sample corpus TCVN3 file is found by a Unicode query")
    func corpusTCVN3() throws {
        let dir = try TempDir()
        let source = Paths.packageRoot.appendingPathComponent("corpus/dinh-dang/10988-bnv-cqdp-2025.tcvn3.txt")
        try FileManager.default.copyItem(at: source, to: dir.url.appendingPathComponent("legacy.txt"))
        let index = dir.url.appendingPathComponent("index").path
        try IndexKit.index([dir.url.appendingPathComponent("legacy.txt")], into: index)
        #expect(try IndexKit.names("Bộ Nội vụ", in: index) == ["legacy.txt"])
        #expect(try IndexKit.stored("legacy.txt", in: index)?.number == "10988/BNV-CQĐP")
    }

    @Test("file names in NFD and with spaces")
    func fileNames() throws {
        let dir = try TempDir()
        let nfdName = "Công văn số 5.txt".decomposedStringWithCanonicalMapping
        try dir.write("docs/\(nfdName)", "Về việc phòng chống bão lũ")
        try dir.write("docs/bao cao  quy 1.txt", "Báo cáo quý một về xuất khẩu")
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        #expect(report.added == 2)
        #expect(report.failed == [])
        let hits = try IndexKit.names("bão lũ", in: index)
        #expect(hits.count == 1)
        #expect(hits.first?.precomposedStringWithCanonicalMapping == "Công văn số 5.txt")
        #expect(try IndexKit.names("xuất khẩu", in: index) == ["bao cao  quy 1.txt"])
        // The second run recognises both paths as unchanged.
        let again = try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        #expect(again.unchanged == 2)
        #expect(again.added == 0)
    }

    @Test("word forms are counted by their bytes: NFC forms as String counts them, other forms apart")
    func wordFormKeys() {
        let words = ["công", "đoàn", "công", "hoà", "Công", "hoà"]
        var counts: [WordFormKey: Int] = [:]
        for w in words { counts[WordFormKey(form: w), default: 0] += 1 }
        #expect(counts.count == 4 && counts[WordFormKey(form: "công")] == 2 && counts[WordFormKey(form: "hoà")] == 2)
        // The analyzer gives NFC only; a decomposed form would be a key of its own.
        #expect(WordFormKey(form: "ho\u{61}\u{300}") != WordFormKey(form: "hoà"))
    }

    @Test("a 50 MB file is indexed", .tags(.slow), .notInFastLoop)
    func largeFile() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        let url = docs.appendingPathComponent("lon.txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let block = Data(String(repeating: "Điều khoản về quản lý ngân sách nhà nước và đầu tư công trung hạn.\n", count: 8000).utf8)
        var written = 0
        while written < 50 << 20 {
            try handle.write(contentsOf: block)
            written += block.count
        }
        try handle.write(contentsOf: Data("Đoạn cuối cùng có từ hiếm: khủng long.\n".utf8))
        try handle.close()
        try dir.write("docs/nho.txt", "Văn bản nhỏ bên cạnh")

        let index = dir.url.appendingPathComponent("index").path
        // Under AddressSanitizer, the freed blocks it holds back (its quarantine, 256 MB by default) add
        // about 700 MB to the peak whatever the program does; a 64 MB quarantine adds about 200 MB, so the
        // bound below holds with and without it (the setting is ignored by a build without ASan).
        let asan = ProcessInfo.processInfo.environment["ASAN_OPTIONS"].map { $0 + ":" } ?? ""
        let (result, maxRSS) = try vanbanPeakRSS(["index", docs.path, "--index", index, "--json"],
                                                 environment: ["ASAN_OPTIONS": asan + "quarantine_size_mb=64"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let report = try result.json()
        #expect(report["added"] as? Int == 2)
        #expect((report["bytes"] as? Int ?? 0) > 50 << 20)
        // The indexer peaks at about 300 MB here (debug or release; about 500 MB under ASan as set above):
        // the text, the document's data, its positions and Xapian's copies of the data as it writes them.
        // 800 MB leaves room for allocator differences, and fails when whole-text copies pile up again
        // (50 MB each; the analyzer's atoms of the whole text alone were 500 MB, the peak was 690 MB).
        // (It holds at least the 50 MB text: a smaller figure means it was not measured.)
        #expect((50_000..<800_000).contains(maxRSS), "peak RSS of the indexer: \(maxRSS) kB")
        #expect(try IndexKit.names("khủng long", in: index) == ["lon.txt"])
        #expect(try IndexKit.names("văn bản nhỏ", in: index) == ["nho.txt"])
    }

    @Test("a batch ends at its byte budget, with at least one file")
    func batchBytes() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        for (name, size) in [("a", 300), ("b", 300), ("c", 2000), ("d", 100), ("e", 100), ("f", 100)] {
            try dir.write("docs/\(name).txt", String(repeating: "văn bản ", count: size / 10))
        }
        var options = IndexOptions(roots: [docs], indexPath: dir.url.appendingPathComponent("index").path, jobs: 2)
        options.batchBytes = 700
        var done: [Int] = []
        let report = try Indexer(options: options).run(stop: StopRequest()) { done.append($0.done) }
        #expect(report.added == 6)
        #expect(done == [2, 3, 6])
    }

    @Test("hidden files, .vanbanignore patterns and unsupported formats")
    func scanning() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/giu.txt", "giữ lại")
        try dir.write("docs/.an.txt", "ẩn")
        try dir.write("docs/.git/config.txt", "ẩn nữa")
        try dir.write("docs/nhap.bak.txt", "bỏ qua")
        try dir.write("docs/tam/rac.txt", "bỏ qua")
        try dir.write("docs/.vanbanignore", "# comment\n*.bak.txt\ntam\n")
        try dir.write("docs/bang.numbers", "x")
        try dir.write("docs/anh.bmp", "x")
        try dir.write("docs/le.json", "{}")
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([docs], into: index)
        #expect(report.added == 1)
        #expect(Set(report.unsupported.map { URL(fileURLWithPath: $0).lastPathComponent }) == ["bang.numbers", "anh.bmp", "le.json"])
        #expect(try IndexKit.names("giữ lại", in: index) == ["giu.txt"])
        #expect(try IndexKit.names("bỏ qua", in: index).isEmpty)
        #expect(try IndexKit.names("ẩn", in: index).isEmpty)
    }

    @Test("a symbolic link loop is detected without hanging; linked files are indexed once")
    func symlinkLoop() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/a/mot.txt", "tài liệu liên kết")
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("a/vong").path, withDestinationPath: docs.path)
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("ban-sao.txt").path,
                                                   withDestinationPath: docs.appendingPathComponent("a/mot.txt").path)
        try FileManager.default.createSymbolicLink(atPath: docs.appendingPathComponent("gay.txt").path, withDestinationPath: "/nonexistent/x.txt")
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([docs], into: index)
        #expect(report.added == 1)
        #expect(report.failed.contains { $0.path.hasSuffix("a/vong") && $0.error.contains("loop") })
        #expect(report.failed.contains { $0.path.hasSuffix("gay.txt") && $0.error.contains("broken") })
        #expect(try IndexKit.names("liên kết", in: index).count == 1)
    }

    @Test("a result's card holds its seven fields; absent ones come back nil; a separator inside a field is a space")
    func hitCard() {
        func roundTrip(_ value: String) -> [String?]? {
            var value = value
            return value.withUTF8 { Schema.HitCard.decode($0) }
        }
        let card = Schema.HitCard.encode(path: "/a/b.txt", number: "565-CV/ĐĐTLĐ", type: nil, issuer: "Công đoàn",
                                         date: "2021-08-13", title: "Về việc\u{1F}tổ chức", titleDerived: false)
        #expect(roundTrip(card) == ["/a/b.txt", "565-CV/ĐĐTLĐ", nil, "Công đoàn", "2021-08-13", "Về việc tổ chức", nil])
        #expect(roundTrip(Schema.HitCard.encode(path: "/x", number: nil, type: nil, issuer: nil, date: nil, title: "Câu đầu",
                                                titleDerived: true)) == ["/x", nil, nil, nil, nil, "Câu đầu", "1"])
        #expect(roundTrip("only a path") == nil)
        #expect(roundTrip("") == nil)
        #expect(roundTrip("/x\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}") == nil, "a card of schema 5 has six fields")
    }

    @Test("an index of another schema version is refused with a message saying to rebuild")
    func schemaMismatch() throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "nội dung")
        let index = dir.url.appendingPathComponent("index").path
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        do {
            let db = try WritableDatabase(path: index, mode: .createOrOpen)
            try db.setMetadata(Schema.versionKey, "0-old")
            try db.commit()
            db.close()
        }
        #expect(throws: VanBanError.schemaMismatch(index: index, found: "0-old", expected: Schema.version)) {
            try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        }
        for args in [["index", dir.url.appendingPathComponent("docs").path, "--index", index], ["search", "nội dung", "--index", index]] {
            let result = try vanban(args)
            #expect(result.status == 2)
            #expect(result.stderr.contains("vanban index --rebuild"), "\(result.stderr)")
        }
        let rebuilt = try vanban(["index", dir.url.appendingPathComponent("docs").path, "--index", index, "--rebuild"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try IndexKit.names("nội dung", in: index) == ["a.txt"])
    }

    @Test("the index is a standard Xapian database: xapian-delve and quest open it",
          .enabled(if: Paths.onPath("xapian-delve") != nil && Paths.onPath("quest") != nil,
                   "xapian-delve or quest is not installed (apt-get install xapian-tools)"))
    func xapianTools() throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "Thông tư hướng dẫn")
        try dir.write("docs/b.txt", "Công văn khác")
        let index = dir.url.appendingPathComponent("index").path
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Paths.onPath(tool)!)
            process.arguments = arguments
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let delve = try run("xapian-delve", [index])
        #expect(delve.status == 0)
        #expect(delve.text.contains("number of documents = 2"))
        // The folded terms carry no prefix, so Xapian's own query parser (without a stemmer) finds them.
        let quest = try run("quest", ["-s", "none", "-d", index, "huong dan"])
        #expect(quest.status == 0)
        #expect(quest.text.contains("Exactly 1 matches") && quest.text.contains("/docs/a.txt"), "\(quest.text)")
    }

    @Test("vanban index --json prints the report; exit 3 when some file failed")
    func cliJSON() throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "tốt")
        try dir.write("docs/b.txt", Data([0x00, 0x01, 0x02, 0xFF]))
        try dir.write("docs/c.key", "x")
        let index = dir.url.appendingPathComponent("index").path
        let result = try vanban(["index", dir.url.appendingPathComponent("docs").path, "--index", index, "--json", "--jobs", "1"])
        #expect(result.status == 3)
        let json = try result.json()
        #expect(Set(json.keys) == ["added", "updated", "removed", "kept_despite_errors", "unchanged", "failed", "no_text", "warnings", "unsupported", "bytes",
                                   "seconds", "write_seconds", "interrupted", "rebuild", "switched", "documents"], "the keys --help documents")
        #expect(json["added"] as? Int == 1)
        #expect(json["updated"] as? Int == 0)
        #expect(json["removed"] as? Int == 0)
        #expect(json["unchanged"] as? Int == 0)
        #expect(json["bytes"] as? Int == "tốt".utf8.count)
        let seconds = try #require(json["seconds"] as? Double)
        // The writer's share of the run: some time in Xapian (an add and a commit), never more than the run.
        let writing = try #require(json["write_seconds"] as? Double)
        #expect(writing > 0 && writing <= seconds)
        let failed = try #require(json["failed"] as? [[String: Any]])
        #expect(failed.count == 1)
        #expect((failed.first?["path"] as? String)?.hasSuffix("b.txt") == true)
        #expect(failed.first?["error"] is String)
        #expect((json["unsupported"] as? [String])?.count == 1)

        let plain = try vanban(["index", dir.url.appendingPathComponent("docs").path, "--index", index])
        #expect(plain.status == 3)
        #expect(plain.stdout.contains("1 unchanged"))
        // The failures and the skipped files on stderr, the counts alone on stdout.
        #expect(plain.stderr.contains("failed: ") && plain.stderr.contains("b.txt"), "\(plain.stderr)")
        #expect(plain.stderr.contains("unsupported (1)"), "\(plain.stderr)")
        #expect(!plain.stdout.contains("failed: ") && !plain.stdout.contains("unsupported"), "\(plain.stdout)")

        try FileManager.default.removeItem(at: dir.url.appendingPathComponent("docs/b.txt"))
        #expect(try vanban(["index", dir.url.appendingPathComponent("docs").path, "--index", index]).status == 0)
        let missing = try vanban(["index", "/nonexistent/thu-muc", "--index", index])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/thu-muc"))
    }
}
