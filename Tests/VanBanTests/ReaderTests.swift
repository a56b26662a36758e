import Foundation
import Testing
import VietText
import ZIPFoundation
@testable import VanBan

@Suite("Readers")
struct ReaderTests {
    let registry = ReaderRegistry()

    @Test("UTF-8 text is read as is")
    func utf8() throws {
        let dir = try TempDir()
        let url = try dir.write("a.txt", "Nghị quyết về ngân sách")
        let file = try registry.read(url)
        #expect(file.text == "Nghị quyết về ngân sách")
        #expect(file.format == "txt")
        #expect(file.encoding == "utf-8")
    }

    @Test("TCVN3 text is detected and decoded to Unicode")
    func tcvn3() throws {
        let dir = try TempDir()
        let text = "Căn cứ Luật Tổ chức Chính phủ, Bộ trưởng Bộ Nội vụ quyết định thực hiện nghiêm túc."
        let url = try dir.write("legacy.txt", Data(TextEncoder.encode(text, as: .tcvn3)))
        #expect(try Data(contentsOf: url) != Data(text.utf8))
        let file = try registry.read(url)
        #expect(file.encoding == "tcvn3")
        #expect(Normalizer.normalize(file.text) == Normalizer.normalize(text))
    }

    @Test("UTF-16 with a BOM is not mistaken for binary")
    func utf16() throws {
        let dir = try TempDir()
        var data = Data([0xFF, 0xFE])
        data.append("Quyết định số 5".data(using: .utf16LittleEndian)!)
        let file = try registry.read(try dir.write("u16.txt", data))
        #expect(file.text.contains("Quyết định số 5"))
    }

    @Test("binary data named .txt is refused with a message naming the file")
    func binaryText() throws {
        let dir = try TempDir()
        // An ELF header (a PNG's would be taken by its signature, as an image, whatever its name).
        let url = try dir.write("anh.txt", Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0x3E, 0]))
        #expect {
            try registry.read(url)
        } throws: { error in
            guard case VanBanError.unreadable(let path, let reason) = error else { return false }
            return path.hasSuffix("anh.txt") && reason.contains("binary")
        }
    }

    @Test("a 0-byte file, and one of white space only, give no text: not an empty document")
    func empty() throws {
        let dir = try TempDir()
        let url = try dir.write("rong.txt", Data())
        #expect(throws: VanBanError.noText(path: url.path, reason: "0 bytes")) { try registry.read(url) }
        let blank = try dir.write("trang.txt", " \n\t\n")
        #expect(throws: VanBanError.noText(path: blank.path, reason: "no text in the .txt file")) { try registry.read(blank) }
    }

    @Test("a missing file is reported as unreadable")
    func missing() throws {
        #expect(throws: VanBanError.self) { try registry.read(URL(fileURLWithPath: "/nonexistent/khong-co.txt")) }
    }

    @Test("unsupported extensions have no reader")
    func unsupported() throws {
        #expect(try registry.accepts(URL(fileURLWithPath: "/x/A.HTM")), "by its extension, without reading it")
        let dir = try TempDir()
        let url = try dir.write("bang.numbers", "x")
        #expect(try !registry.accepts(url))
        #expect(throws: VanBanError.self, "a head that cannot be read is an error") {
            try registry.accepts(URL(fileURLWithPath: "/nonexistent/a.numbers"))
        }
        #expect(throws: VanBanError.unsupported(path: url.path)) { try registry.read(url) }
    }

    @Test("Markdown front matter becomes metadata and is not part of the text")
    func markdownFrontMatter() throws {
        let dir = try TempDir()
        let url = try dir.write("qd.md", """
        ---
        number: "15/2024/QĐ-UBND"
        type: Quyết định
        date: 2024-03-12
        title: "Về quản lý đất đai"
        ---
        # Tiêu đề lớn

        Nội dung **quan trọng** | cột
        """)
        let file = try registry.read(url)
        #expect(file.format == "md")
        #expect(file.metadata["number"] == "15/2024/QĐ-UBND")
        #expect(file.metadata["type"] == "Quyết định")
        #expect(file.metadata["date"] == "2024-03-12")
        #expect(file.metadata["title"] == "Về quản lý đất đai")
        #expect(!file.text.contains("---"))
        #expect(!file.text.contains("number:"))
        #expect(!file.text.contains("#"))
        #expect(!file.text.contains("**"))
        #expect(file.text.contains("Tiêu đề lớn"))
        #expect(file.text.contains("quan trọng"))
    }

    @Test("Markdown front matter with CRLF line ends is applied; the file's own number is not among its citations")
    func markdownFrontMatterCRLF() throws {
        let dir = try TempDir()
        let url = try dir.write("qd-crlf.md", [
            "---", "number: \"15/2024/QĐ-UBND\"", "type: Quyết định", "date: 2024-03-12", "title: Về quản lý đất đai", "---  ",
            "# Quyết định", "", "Căn cứ Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ;", "",
        ].joined(separator: "\r\n"))
        let file = try registry.read(url)
        #expect(file.metadata == ["number": "15/2024/QĐ-UBND", "type": "Quyết định", "date": "2024-03-12", "title": "Về quản lý đất đai"])
        #expect(!file.text.contains("number:") && !file.text.contains("---"))
        #expect(file.text.hasPrefix(" Quyết định\r\n\r\nCăn cứ"), "the body keeps its own line ends: \(file.text.debugDescription)")
        let metadata = DocumentMetadata.extract(from: file, fileName: url.lastPathComponent)
        #expect(metadata.header.number?.display == "15/2024/QĐ-UBND")
        #expect(metadata.header.title == "Về quản lý đất đai")
        #expect(metadata.citations.map(\.key) == ["43/2014/ND-CP"], "\(metadata.citations.map(\.key))")
    }

    @Test("Markdown front matter closes only on a line of its own; without one the file has none")
    func markdownFrontMatterUnclosed() throws {
        #expect(MarkdownReader.splitFrontMatter("---\r\na: 1\r\n---x\r\nb") == (nil, "---\r\na: 1\r\n---x\r\nb"))
        #expect(MarkdownReader.splitFrontMatter("---\na: 1\n---") == ("a: 1", ""))
        #expect(MarkdownReader.splitFrontMatter("---\r\na: 1\r\nb: 2\r\n---\r\nthân") == ("a: 1\r\nb: 2", "thân"))
        #expect(MarkdownReader.splitFrontMatter("--- \na: 1\n---\n") == (nil, "--- \na: 1\n---\n"))
    }

    @Test("invalid YAML front matter is reported, not ignored")
    func badFrontMatter() throws {
        let dir = try TempDir()
        let url = try dir.write("hong.md", "---\nnumber: [1, 2\n---\nText\n")
        #expect(throws: VanBanError.self) { try registry.read(url) }
    }

    @Test("YAML front matter with a key that is not text is reported, not a trap in Yams (found by fuzzing)",
          arguments: ["{a: b}: c", "number: 1\ntitle: {[1, 2]: x}", "list:\n  - ? [a]\n    : b"])
    func frontMatterKeyNotText(yaml: String) throws {
        let dir = try TempDir()
        let url = try dir.write("khoa.md", "---\n\(yaml)\n---\nText\n")
        #expect {
            try registry.read(url)
        } throws: { error in
            guard case VanBanError.unreadable(_, let reason) = error else { return false }
            return reason == "invalid YAML front matter: a key that is not text"
        }
    }

    @Test("Markdown without front matter keeps its first line")
    func markdownPlain() throws {
        let dir = try TempDir()
        let file = try registry.read(try dir.write("plain.md", "Văn bản không có phần đầu\n---\nsau"))
        #expect(file.metadata.isEmpty)
        #expect(file.text.hasPrefix("Văn bản không có phần đầu"))
    }

    @Test("HTML: title kept, scripts, styles and comments dropped, entities decoded")
    func html() throws {
        let dir = try TempDir()
        let url = try dir.write("cv.html", """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Công văn &amp; hướng dẫn</title>
        <style>p { color: red } .bimat { }</style>
        <SCRIPT type="text/javascript">var bimat = "mã độc"; if (a < b) {}</SCRIPT></head>
        <body><!-- ghi chú ẩn --><p>Kính gửi: Sở Tài chính</p><div>Số: 12/UBND&#8209;VP &#x110;&#7891;ng</div>
        <script>document.write("không hiện")</script><p>Nội dung chính</p></body></html>
        """)
        let file = try registry.read(url)
        #expect(file.format == "html")
        #expect(file.formatTitle == "Công văn & hướng dẫn")
        #expect(file.text.contains("Kính gửi: Sở Tài chính"))
        #expect(file.text.contains("Nội dung chính"))
        #expect(file.text.contains("Đồng"))
        for hidden in ["bimat", "mã độc", "color", "không hiện", "ghi chú ẩn", "<p>", "&amp;"] {
            #expect(!file.text.contains(hidden), "\(hidden) leaked into the text")
        }
        let lines = file.text.split(separator: "\n")
        #expect(lines.contains("Kính gửi: Sở Tài chính"))
    }

    @Test(".htm in a legacy encoding is decoded like .txt")
    func htmLegacy() throws {
        let dir = try TempDir()
        let html = "<html><head><title>Thông báo</title></head><body><p>Bộ Nội vụ thông báo kết quả tuyển dụng công chức năm nay.</p></body></html>"
        let file = try registry.read(try dir.write("tb.htm", Data(TextEncoder.encode(html, as: .tcvn3))))
        #expect(file.encoding == "tcvn3")
        #expect(Normalizer.normalize(file.text).contains(Normalizer.normalize("Bộ Nội vụ thông báo kết quả")))
    }

    @Test("HTML: a tag left open at the end of the page (found by fuzzing)", arguments: ["<title", "<p", "<title>x</title"])
    func htmlOpenTagAtTheEnd(tail: String) throws {
        let dir = try TempDir()
        let file = try registry.read(try dir.write("mo.html", "<!DOCTYPE html><html><body><p>Công văn</p>" + tail))
        #expect(file.text == "Công văn")
    }

    @Test("DOCX: paragraphs and table cells become lines, entities decoded")
    func docx() throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("nq.docx")
        try IndexKit.makeDOCX(at: url, paragraphs: ["NGHỊ QUYẾT", "Về phát triển kinh tế & xã hội"],
                              cells: ["CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
        let file = try registry.read(url)
        #expect(file.format == "docx")
        let lines = file.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("NGHỊ QUYẾT"))
        #expect(lines.contains("Về phát triển kinh tế & xã hội"))
        #expect(lines == ["CHÍNH PHỦ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "NGHỊ QUYẾT", "Về phát triển kinh tế & xã hội"])
    }

    @Test("a damaged DOCX is reported as unreadable")
    func badDocx() throws {
        let dir = try TempDir()
        let url = try dir.write("hong.docx", "PK\u{3}\u{4} không phải zip")
        #expect {
            try registry.read(url)
        } throws: { error in
            guard case VanBanError.unreadable(let path, _) = error else { return false }
            return path == url.path
        }
    }

    @Test("a DOCX whose zip offsets point past its end is reported as unreadable (ZIPFoundation traps on it)")
    func docxOffsetsPastTheEnd() throws {
        let dir = try TempDir()
        let good = dir.url.appendingPathComponent("good.docx")
        try IndexKit.makeDOCX(at: good, paragraphs: ["NGHỊ QUYẾT"])
        let bytes = [UInt8](try Data(contentsOf: good))
        let end = bytes.count - 22
        #expect(bytes[end..<end + 4].elementsEqual([0x50, 0x4B, 0x05, 0x06]))
        let directory = (0..<4).reduce(0) { $0 | Int(bytes[end + 16 + $1]) << (8 * $1) }
        // The central directory's offset, then the first entry's local header offset.
        for (name, field) in [("directory.docx", end + 16), ("local.docx", directory + 42)] {
            var damaged = bytes
            damaged.replaceSubrange(field..<field + 4, with: [0xF0, 0xFF, 0xFF, 0x7F])
            let url = try dir.write(name, Data(damaged))
            #expect {
                try registry.read(url)
            } throws: { error in
                guard case VanBanError.unreadable(let path, _) = error else { return false }
                return path == url.path
            }
        }
        #expect(try registry.read(good).text == "NGHỊ QUYẾT\n")
        // A zip comment longer than the file: ZIPFoundation refuses it and leaks the bytes it was given (found by
        // fuzzing), so the check turns it away first.
        var longComment = bytes
        longComment.replaceSubrange(end + 20..<end + 22, with: [0x40, 0x00])
        #expect(ZipDocument.isWholeZip(bytes) && !ZipDocument.isWholeZip(longComment))
    }

    // The limit stops an endless loop, not a slow read (alone it takes milliseconds): Swift Testing counts it from the
    // test's start, and in a full parallel run on two cores a test may wait over a minute for a thread.
    @Test("DOCX: a deflate stream cut short is reported as unreadable, not an endless loop in ZIPFoundation (found by fuzzing)",
          .timeLimit(.minutes(10)))
    func docxDeflateCutShort() throws {
        // A stored deflate block, not the last, that announces 65535 bytes and holds 3: ZIPFoundation reads the zip's
        // directory after it as more of the block, then waits at the end of the file for the rest.
        let deflated: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00, 0x61, 0x62, 0x63]
        let name = Array("word/document.xml".utf8)
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(v >> (8 * $0) & 0xFF) } }
        // Version, flags, method 8 (deflate), time, date, CRC-32, compressed and plain sizes, name and extra lengths.
        let fields = le(20, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0x352441C2, 4) + le(deflated.count, 4) + le(3, 4) + le(name.count, 2) + le(0, 2)
        let local = [0x50, 0x4B, 0x03, 0x04] + fields + name + deflated
        let central = [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + fields + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4) + name
        let end = [0x50, 0x4B, 0x05, 0x06] + le(0, 4) + le(1, 2) + le(1, 2) + le(central.count, 4) + le(local.count, 4) + le(0, 2)
        let dir = try TempDir()
        let url = try dir.write("cut.docx", Data(local + central + end))
        #expect {
            try registry.read(url)
        } throws: { error in
            guard case VanBanError.unreadable(_, let reason) = error else { return false }
            return reason == "not a valid .docx (zip) file"
        }
    }

    @Test("DOCX: a document.xml that is not UTF-8 is reported as damaged, not a trap in FoundationXML (found by fuzzing)")
    func docxNotUTF8() throws {
        try expectDamagedXML(Data("<w:document><".utf8) + Data([0xFF]) + Data("tDe/></w:document>".utf8), "damaged document.xml: not UTF-8")
    }

    @Test("DOCX: a processing instruction without data is reported as damage, not a crash in FoundationXML (found by fuzzing)",
          arguments: ["<?pi?>", "<?w:doc  ?>"])
    func docxEmptyProcessingInstruction(instruction: String) throws {
        try expectDamagedXML(Data("<?xml version=\"1.0\"?><w:document>\(instruction)<w:body/></w:document>".utf8),
                             "damaged document.xml: a processing instruction without data")
        #expect(!ZipDocument.hasProcessingInstructionWithoutData(Array("<?xml version=\"1.0\"?><?mso-application progid=\"Word\"?>".utf8)))
    }

    /// Reads a .docx whose `word/document.xml` is `xml`, expecting it reported as unreadable for `reason`.
    func expectDamagedXML(_ xml: Data, _ reason: String) throws {
        let dir = try TempDir()
        let url = dir.url.appendingPathComponent("xau.docx")
        do {
            let archive = try Archive(url: url, accessMode: .create)
            try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(xml.count), compressionMethod: .deflate) { position, size in
                xml.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        #expect {
            try registry.read(url)
        } throws: { error in
            guard case VanBanError.unreadable(_, let actual) = error else { return false }
            return actual == reason
        }
    }

    @Test("PDF through pdftotext", .enabled(if: Paths.onPath("pdftotext") != nil, "pdftotext is not installed (apt-get install poppler-utils)"))
    func pdf() throws {
        let url = Paths.fixtures.appendingPathComponent("formats/thong-bao.pdf")
        let file = try registry.read(url)
        #expect(file.format == "pdf")
        #expect(file.text.contains("37416"))
        #expect(Normalizer.normalize(file.text).contains("Cục Hải quan") || file.text.uppercased().contains("HẢI QUAN"))
    }

    @Test("a file named .pdf that is not a PDF is reported", .enabled(if: Paths.onPath("pdftotext") != nil, "pdftotext is not installed"))
    func badPdf() throws {
        let dir = try TempDir()
        let url = try dir.write("gia.pdf", "chỉ là văn bản")
        #expect {
            try registry.read(url)
        } throws: { error in
            guard case VanBanError.unreadable(let path, let reason) = error else { return false }
            return path == url.path && reason.contains("pdftotext") && reason.contains("damaged or not a PDF")
        }
    }

    @Test("a sidecar NAME.json overrides the file's metadata")
    func sidecarStem() throws {
        let dir = try TempDir()
        let url = try dir.write("cv.txt", "Nội dung")
        try dir.write("cv.json", #"{"number": "7/BNV-CQĐP", "issuer": "Bộ Nội vụ", "extra": 3}"#)
        let file = try registry.read(url)
        #expect(file.metadata["number"] == "7/BNV-CQĐP")
        #expect(file.metadata["issuer"] == "Bộ Nội vụ")
    }

    @Test("a sidecar NAME.ext.json overrides front matter")
    func sidecarFullName() throws {
        let dir = try TempDir()
        let url = try dir.write("qd.md", "---\ntype: Quyết định\nissuer: Sở Y tế\n---\nNội dung\n")
        try dir.write("qd.md.json", #"{"issuer": "Bộ Y tế"}"#)
        let file = try registry.read(url)
        #expect(file.metadata["type"] == "Quyết định")
        #expect(file.metadata["issuer"] == "Bộ Y tế")
    }

    @Test("a sidecar that is not a JSON object fails the file")
    func badSidecar() throws {
        let dir = try TempDir()
        let url = try dir.write("cv.txt", "Nội dung")
        try dir.write("cv.json", "[1, 2]")
        #expect(throws: VanBanError.self) { try registry.read(url) }
    }
}
