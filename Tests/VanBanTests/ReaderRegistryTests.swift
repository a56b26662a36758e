import Foundation
import Testing
import Xapian
@testable import VanBan

/// A reader for the registry tests: takes its extensions by name and files starting with `magic` by
/// signature; reads a file as "NAME: its bytes", or hands it over when `handsOver` gives a reason.
struct StubReader: FileReader {
    let name: String
    var extensions: [String] = []
    var magic: String?
    var priority = 0
    var handsOver: String?

    func match(_ head: FileHead) -> ReaderMatch {
        match(head, signed: magic.map { head.starts(with: $0) } ?? false)
    }

    func read(_ head: FileHead) throws -> ReadOutcome {
        if let handsOver { return .handOver(reason: handsOver) }
        let text = name + ": " + String(decoding: try head.contents(), as: UTF8.self)
        return .read(SourceFile(text: text, format: name, encoding: "utf-8", formatTitle: nil, metadata: [:]))
    }
}

@Suite("Reader registry")
struct ReaderRegistryTests {
    let registry = ReaderRegistry()
    static let hasPdftotext = Paths.onPath("pdftotext") != nil

    @Test("a file whose extension no reader takes is read by the reader its first bytes name")
    func unknownExtension() throws {
        let dir = try TempDir()
        let page = try dir.write("trang.tmp", "\u{FEFF}\n  <!DOCTYPE html><html><head><title>Thông báo</title></head><body><p>Nội dung chính</p></body></html>")
        let html = try registry.read(page)
        #expect(html.format == "html" && html.formatTitle == "Thông báo" && html.text == "Nội dung chính")
        #expect(try registry.read(try dir.write("TRANG2", "<HTML><body>Hai</body></HTML>")).format == "html")

        let note = try dir.write("ghi-chu", "---\r\nnumber: \"5/QĐ-UBND\"\r\n---\r\nNội dung")
        let md = try registry.read(note)
        #expect(md.format == "md" && md.metadata == ["number": "5/QĐ-UBND"] && md.text == "Nội dung")

        let word = dir.url.appendingPathComponent("nq.dat")
        try IndexKit.makeDOCX(at: word, paragraphs: ["NGHỊ QUYẾT"])
        #expect(try registry.read(word).format == "docx")

        for url in [page, note, word] { #expect(try registry.accepts(url), "\(url.lastPathComponent)") }
        // Plain text has no signature: under an unknown name it stays unsupported.
        let log = try dir.write("nhat-ky.log", "Văn bản thường")
        #expect(try !registry.accepts(log))
        #expect(throws: VanBanError.unsupported(path: log.path)) { try registry.read(log) }
    }

    @Test("a PDF under an unknown name is read as a PDF", .enabled(if: hasPdftotext, "pdftotext is not installed"))
    func unknownExtensionPDF() throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("tai-ve.bin")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("formats/thong-bao.pdf"), to: url)
        #expect(try registry.accepts(url))
        let file = try registry.read(url)
        #expect(file.format == "pdf" && file.text.contains("37416"))
    }

    @Test("a known extension wins over a hint in the text: such a .txt stays plain text")
    func extensionWinsOverHint() throws {
        let dir = try TempDir()
        let html = try registry.read(try dir.write("ma-nguon.txt", "<!DOCTYPE html><p>mã</p>"))
        #expect(html.format == "txt" && html.text == "<!DOCTYPE html><p>mã</p>")
        let front = try registry.read(try dir.write("ghi-chu.txt", "---\nnumber: 1\n---\nthân"))
        #expect(front.format == "txt" && front.metadata.isEmpty && front.text.hasPrefix("---\nnumber: 1"))
        #expect(try registry.read(try dir.write("trang.md", "<html><p>Văn bản</p></html>")).format == "md")
    }

    @Test("a signature wins over the extension: a Word file named .txt is read as Word, not refused as binary")
    func signatureWinsOverExtension() throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("nq.txt")
        try IndexKit.makeDOCX(at: url, paragraphs: ["NGHỊ QUYẾT", "Về chuyển đổi số"])
        let file = try registry.read(url)
        #expect(file.format == "docx" && file.text == "NGHỊ QUYẾT\nVề chuyển đổi số\n")
        // A zip that is not a Word file keeps going by its name.
        let zip = try dir.write("kho.txt", "PK\u{3}\u{4}\u{14}\u{0}khác")
        #expect(throws: VanBanError.unreadable(path: zip.path, reason: "binary data, not text")) { try registry.read(zip) }
    }

    @Test("a PDF named .txt is read as a PDF", .enabled(if: hasPdftotext, "pdftotext is not installed"))
    func pdfNamedText() throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("thong-bao.txt")
        try FileManager.default.copyItem(at: Paths.fixtures.appendingPathComponent("formats/thong-bao.pdf"), to: url)
        #expect(try registry.read(url).format == "pdf")
    }

    @Test("readers that match equally well are tried by priority, then in registry order; a better match beats any priority")
    func priority() throws {
        let dir = try TempDir()
        let url = try dir.write("a.xyz", "%PDF-1.4 nội dung")
        let low = StubReader(name: "low", extensions: ["xyz"])
        let high = StubReader(name: "high", extensions: ["xyz"], priority: 5)
        let second = StubReader(name: "second", extensions: ["xyz"], priority: 5)
        let named = ReaderRegistry(readers: [low, high, second])
        let head = try FileHead(reading: url)
        #expect(named.candidates(for: head).map { ($0 as! StubReader).name } == ["high", "second", "low"])
        #expect(try named.read(url).text == "high: %PDF-1.4 nội dung")

        let signed = ReaderRegistry(readers: [low, high, StubReader(name: "signed", magic: "%PDF-", priority: -10)])
        #expect(signed.candidates(for: head).map { ($0 as! StubReader).name } == ["signed"])
        let hinted = ReaderRegistry(readers: [HTMLReader(), StubReader(name: "named", extensions: ["htm"])])
        #expect(hinted.candidates(for: FileHead(url: URL(fileURLWithPath: "/x/a.htm"), bytes: Array("<html>".utf8), isWhole: true))
            .count == 2, "a name and the HTML reader's own name match equally")
        #expect(hinted.candidates(for: FileHead(url: URL(fileURLWithPath: "/x/a.tmp"), bytes: Array("<html>".utf8), isWhole: true))
            .map { $0 is HTMLReader } == [true])
    }

    @Test("a reader that hands a file over passes it to the next candidate")
    func handOver() throws {
        let dir = try TempDir()
        let url = try dir.write("scan.pdf", "%PDF-1.4 ảnh quét")
        let registry = ReaderRegistry(readers: [
            StubReader(name: "ocr", magic: "%PDF-", priority: -1),
            StubReader(name: "pdf", magic: "%PDF-", handsOver: "no text layer"),
        ])
        let file = try registry.read(url)
        #expect(file.format == "ocr" && file.text == "ocr: %PDF-1.4 ảnh quét")
    }

    @Test("a file every candidate hands over is unreadable, with each reader's reason")
    func handOverWithNoneLeft() throws {
        let dir = try TempDir()
        let url = try dir.write("scan.pdf", "%PDF-1.4 ảnh quét")
        let registry = ReaderRegistry(readers: [
            StubReader(name: "pdf", magic: "%PDF-", handsOver: "no text layer"),
            StubReader(name: "ocr", extensions: ["pdf"], priority: 9),  // a name match is not tried after a signature
            StubReader(name: "ocr2", magic: "%PDF-", handsOver: "tesseract is not installed"),
        ])
        #expect(throws: VanBanError.unreadable(path: url.path, reason: "no text layer; tesseract is not installed; no other reader takes it")) {
            try registry.read(url)
        }
    }

    @Test("the head is the whole of a small file and the start of a large one")
    func head() throws {
        let dir = try TempDir()
        let small = try FileHead(reading: try dir.write("nho.txt", "abc"))
        #expect(small.isWhole && small.bytes == Array("abc".utf8) && small.pathExtension == "txt")
        let bytes = (0..<FileHead.size + 10).map { UInt8(truncatingIfNeeded: $0) }
        let large = try FileHead(reading: try dir.write("LON.TXT", Data(bytes)))
        #expect(!large.isWhole && large.bytes == Array(bytes.prefix(FileHead.size)) && large.pathExtension == "txt")
        #expect(try large.contents() == bytes)
        #expect(throws: VanBanError.self) { try FileHead(reading: dir.url.appendingPathComponent("khong-co.txt")) }
    }

    @Test("the indexer reads with the registry it is given: a new format is indexed, a hand-over with none left fails the file and indexes nothing of it")
    func injectedRegistry() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/tot.txt", "Nội dung hợp lệ về bảo hiểm")
        try dir.write("docs/bang.xyz", "Bảng lương cán bộ")
        let scan = try dir.write("docs/scan.pdf", "%PDF-1.4 ảnh quét không có chữ")
        var options = IndexOptions(roots: [docs], indexPath: dir.url.appendingPathComponent("index").path, jobs: 2)
        options.registry = ReaderRegistry(readers: ReaderRegistry.standardReaders(ocr: OCREngine()).filter { !($0 is PDFReader) } + [
            StubReader(name: "xyz", extensions: ["xyz"]),
            StubReader(name: "pdf", extensions: ["pdf"], magic: "%PDF-", handsOver: "no text layer"),
        ])
        let report = try Indexer(options: options).run(stop: StopRequest())
        #expect(report.failed == [.init(path: scan.path, error: "no text layer; no other reader takes it")])
        #expect(report.added == 2 && report.unsupported.isEmpty && report.documents == 2)
        #expect(try IndexKit.names("bảng lương", in: options.indexPath) == ["bang.xyz"])
        #expect(try IndexKit.names("ảnh quét", in: options.indexPath).isEmpty)
        #expect(try Database(path: options.indexPath).postings(Schema.Prefix.format + "xyz").count == 1)
        #expect(try IndexKit.assertWholeDocuments(options.indexPath) == 2)
    }

    @Test("the scanner keeps a file of an unknown extension whose head a reader knows, and the indexer reads it")
    func scannerSniffs() throws {
        let dir = try TempDir()
        let docs = dir.url.appendingPathComponent("docs")
        try dir.write("docs/trang.tmp", "<!DOCTYPE html><html><head><title>Trang</title></head><body><p>Thanh tra xây dựng</p></body></html>")
        try dir.write("docs/nhat-ky.log", "Thanh tra nhật ký")
        let index = dir.url.appendingPathComponent("index").path
        let report = try IndexKit.index([docs], into: index)
        #expect(report.added == 1 && report.unsupported.map { URL(fileURLWithPath: $0).lastPathComponent } == ["nhat-ky.log"])
        #expect(try IndexKit.names("thanh tra", in: index) == ["trang.tmp"])
        #expect(try IndexKit.stored("trang.tmp", in: index)?.format == "html")
    }
}
