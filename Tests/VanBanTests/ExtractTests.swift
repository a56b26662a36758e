import Foundation
import TestTags
import Testing
import DocRefs
import VietText
@testable import VanBan

@Suite("Metadata extraction and vanban extract")
struct ExtractTests {
    static let header = """
    ỦY BAN NHÂN DÂN
    TỈNH BẮC NINH
    Số: 15/2024/QĐ-UBND
    Bắc Ninh, ngày 12 tháng 3 năm 2024
    QUYẾT ĐỊNH
    Về việc quản lý đất đai
    Căn cứ Luật Đất đai số 31/2024/QH15 ngày 18 tháng 1 năm 2024;
    """

    @Test("header extracted from the text, the type from the number when the text has none")
    func fromText() {
        let m = DocumentMetadata.extract(from: SourceFile(text: Self.header, format: "txt", encoding: "utf-8", formatTitle: nil, metadata: [:]))
        #expect(m.header.number?.display == "15/2024/QĐ-UBND")
        #expect(m.type == "Quyết định")
        #expect(m.header.date == "2024-03-12")
        #expect(m.citations.contains { $0.key.contains("31/2024/QH15") || $0.number?.display == "31/2024/QH15" })
        #expect(!m.citations.contains { $0.number?.display == "15/2024/QĐ-UBND" }, "own number is not a citation")

        let noType = DocumentMetadata.extract(from: SourceFile(text: "Số: 7/2022/TT-BYT\nnội dung", format: "txt", encoding: "utf-8", formatTitle: nil, metadata: [:]))
        #expect(noType.type == "Thông tư")
    }

    @Test("stated metadata overrides the text; the format's title fills a missing title only")
    func overrides() {
        let stated = SourceFile(text: Self.header, format: "md", encoding: "utf-8", formatTitle: "Tiêu đề HTML",
                                metadata: ["number": "99/2023/NQ-HĐND", "type": "Nghị quyết", "date": "2023-07-01", "title": "Tiêu đề nêu"])
        let m = DocumentMetadata.extract(from: stated)
        #expect(m.header.number?.display == "99/2023/NQ-HĐND")
        #expect(m.type == "Nghị quyết")
        #expect(m.header.date == "2023-07-01")
        #expect(m.header.title == "Tiêu đề nêu")
        #expect(m.header.issuer != nil)

        let html = DocumentMetadata.extract(from: SourceFile(text: "nội dung không có phần đầu", format: "html", encoding: "utf-8", formatTitle: "Tiêu đề HTML", metadata: [:]))
        #expect(html.header.title == "Tiêu đề HTML")
        #expect(html.header.number == nil)
        #expect(html.type == nil)
    }

    @Test("vanban extract --json: the documented shape, with nulls")
    func jsonShape() throws {
        let dir = try TempDir()
        let full = try dir.write("qd.txt", Self.header)
        let bare = try dir.write("trong.txt", "không có gì")
        let result = try vanban(["extract", "--json", full.path, bare.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(first.keys) == ["path", "encoding", "number", "type", "issuer", "issuer_as_written", "date", "title", "title_derived",
                                    "signer", "derived", "ocr_pages", "read_by_ocr", "citations"])
        #expect(first["ocr_pages"] as? [Int] == [] && first["read_by_ocr"] as? [String] == [])
        #expect(first["title_derived"] as? Bool == false)
        #expect(first["derived"] as? [String: String] == [:], "every field of this header is stated")
        #expect(first["path"] as? String == full.path)
        #expect(first["encoding"] as? String == "utf-8")
        #expect(first["number"] as? String == "15/2024/QĐ-UBND")
        #expect(first["type"] as? String == "Quyết định")
        #expect(first["date"] as? String == "2024-03-12")
        #expect(first["signer"] is NSNull)
        let citations = try #require(first["citations"] as? [[String: Any]])
        let citation = try #require(citations.first)
        #expect(Set(citation.keys) == ["text", "number", "key", "type", "issuer", "date", "relation", "start", "end"])
        #expect(citation["text"] is String)
        #expect(citation["start"] is Int && citation["end"] is Int)
        #expect(citation["relation"] is NSNull || citation["relation"] is String)

        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        for key in ["number", "type", "issuer", "issuer_as_written", "date", "signer"] { #expect(second[key] is NSNull, "\(key)") }
        #expect(second["title"] as? String == "không có gì", "its only sentence stands in for a title")
        #expect(second["title_derived"] as? Bool == true)
        #expect(second["derived"] as? [String: String] == ["title": "first sentence"])
        #expect((second["citations"] as? [Any])?.isEmpty == true)
    }

    @Test("vanban extract reads every format through the readers (encoding, docx, html, md, sidecar)")
    func formats() throws {
        let dir = try TempDir()
        let tcvn = try dir.write("cu.txt", Data(TextEncoder.encode(Self.header, as: .tcvn3)))
        let md = try dir.write("qd.md", "---\nnumber: \"7/2022/TT-BYT\"\ndate: 2022-05-06\n---\nnội dung\n")
        let html = try dir.write("cv.html", "<html><head><title>Công văn đôn đốc</title><script>var x;</script></head><body><p>nội dung</p></body></html>")
        let docx = dir.url.appendingPathComponent("nq.docx")
        try IndexKit.makeDOCX(at: docx, paragraphs: Self.header.components(separatedBy: "\n"))
        let side = try dir.write("side.txt", "nội dung")
        try dir.write("side.json", #"{"issuer": "Bộ Tài chính"}"#)
        let result = try vanban(["extract", "--json", tcvn.path, md.path, html.path, docx.path, side.path])
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        try #require(objects.count == 5)
        #expect(objects[0]["encoding"] as? String == "tcvn3")
        #expect(objects[0]["number"] as? String == "15/2024/QĐ-UBND")
        #expect(objects[1]["number"] as? String == "7/2022/TT-BYT")
        #expect(objects[1]["type"] as? String == "Thông tư")
        #expect(objects[1]["date"] as? String == "2022-05-06")
        #expect(objects[2]["title"] as? String == "Công văn đôn đốc")
        #expect(objects[3]["number"] as? String == "15/2024/QĐ-UBND")
        #expect(objects[4]["issuer"] as? String == "BỘ TÀI CHÍNH")
        #expect(objects[4]["issuer_as_written"] as? String == "Bộ Tài chính")
    }

    @Test("vanban extract on a binary, missing or unsupported file: clear error naming it, others processed, exit 3")
    func badFiles() throws {
        let dir = try TempDir()
        let binary = try dir.write("anh.txt", Data([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D]))
        let good = try dir.write("qd.txt", Self.header)
        let odd = try dir.write("bang.numbers", "x")
        let result = try vanban(["extract", binary.path, good.path, "/nonexistent/mat.txt", odd.path])
        #expect(result.status == 3)
        #expect(result.stdout.contains("15/2024/QĐ-UBND"))
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 3)
        #expect(errors.contains { $0.contains(binary.path) && $0.contains("binary") })
        #expect(errors.contains { $0.contains("/nonexistent/mat.txt") })
        #expect(errors.contains { $0.contains(odd.path) && $0.contains("unsupported") })
    }
}

@Suite("Header of long documents")
struct LongDocumentHeaderTests {
    /// The header extractor reads only the opening and closing lines, so a long body in between
    /// changes nothing; blank and symbol-only lines and CRLF line ends do not either.
    @Test func longBodyChangesNothing() throws {
        let body = (0..<400).map { "Điều \($0). Nội dung thi hành." }.joined(separator: "\n")
        let signature = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn Bình"
        let short = HeaderExtractor.extract(from: ExtractTests.header + signature)
        let texts = [
            ExtractTests.header + "\n \u{A0}\n-----\n\u{A0}\n" + body + signature,
            (ExtractTests.header + "\n" + body + signature).replacingOccurrences(of: "\n", with: "\r\n"),
            ExtractTests.header + String(repeating: "\n\u{A0}\u{AD}\n–––\n", count: 300) + body + signature,
        ]
        for text in texts {
            let long = HeaderExtractor.extract(from: text)
            #expect(long.signer == "Nguyễn Văn Bình")
            #expect(long.number == short.number)
            #expect(long.date == short.date)
            #expect(long.issuer == short.issuer)
            #expect(long.type == short.type)
            #expect(long.title == short.title)
        }
    }
}

@Suite("What the header leaves out")
struct DerivedMetadataTests {
    static func file(_ text: String, metadata: [String: String] = [:]) -> SourceFile {
        SourceFile(text: text, format: "txt", encoding: "utf-8", formatTitle: nil, metadata: metadata)
    }

    @Test("the file name gives the number, its code the issuer, the appendix heading the date; each marked as derived")
    func derived() {
        let text = "Điều 1. Nghị định này quy định …\n(Kèm theo Nghị định số 80/2024/NĐ-CP ngày 03 tháng 7 năm 2024 của Chính phủ)"
        let m = DocumentMetadata.extract(from: Self.file(text), fileName: "80-2024-nd-cp.txt")
        #expect(m.header.number?.display == "80/2024/NĐ-CP")
        #expect(m.header.issuer == "Chính phủ")
        #expect(m.header.date == "2024-07-03")
        #expect(m.type == "Nghị định")
        #expect(m.derived == ["number": "file name", "issuer": "number", "date": "appendix heading"])
        #expect(!m.citations.contains { $0.number?.key == "80/2024/ND-CP" }, "the own appendix heading is no citation")
    }

    @Test("a file that is only an appendix does not cite the document it belongs to; a document it names does count")
    func appendixOnly() {
        let text = "Phụ lục 3\nQuy trình tổng thể các bước công việc\n (Kèm theo Quyết định số  13/2004/QĐ-BKHCN ngày 25/5/2004\n"
            + "của Bộ trưởng Bộ Khoa học và Công nghệ)\n\nI. Đánh giá theo Thông tư số 12/2003/TT-BKHCN."
        let m = DocumentMetadata.extract(from: Self.file(text), fileName: "phu-luc-3.txt")
        #expect(m.header.number == nil)
        #expect(m.citations.map(\.key) == ["12/2003/TT-BKHCN"])
    }

    @Test("a file read for `cite` without indexing takes its number from its name, as the indexer does")
    func readingUsesTheFileName() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vanban-reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("40-hd-btgdvtw.txt")
        let text = "HƯỚNG DẪN\nXÂY DỰNG ĐỘI NGŨ BÁO CÁO VIÊN\n\nPHỤ LỤC\n(Kèm theo Hướng dẫn số 40-HD/BTGDVTW, ngày 27/11/2025 của Ban "
            + "Tuyên giáo và Dân vận Trung ương)\nCăn cứ Quy định số 294-QĐ/TW"
        try text.write(to: url, atomically: true, encoding: .utf8)
        let stored = try StoredDocument.reading(url)
        #expect(stored.numberKey == "40-HD/BTGDVTW")
        #expect(stored.citations.map(\.key) == ["294-QD/TW"])
    }

    @Test("a news text's sentence on the issue of its own number gives the date, marked as derived")
    func issueStatement() {
        // A news page: a headline, then the sentence; no letterhead to take a date from.
        let text = "Lịch tập huấn nghiệp vụ thuế cho công chức, viên chức cấp xã của các tỉnh, thành phố trong cả nước\nNgày 18/11/2025, Bộ Tài chính đã ban hành Công văn 17899/BTC-VP về việc tập huấn nghiệp vụ thuế cho công chức cấp xã."
        let m = DocumentMetadata.extract(from: Self.file(text), fileName: "17899-btc-vp-2025.txt")
        #expect(m.header.number?.display == "17899/BTC-VP")
        #expect(m.header.date == "2025-11-18")
        #expect(m.derived["date"] == "issue statement")
        #expect(m.type == "Công văn" && m.derived["type"] == "issue statement")
    }

    @Test("a stated number wins over the file name; an appendix of another document gives no date")
    func statedWins() {
        let text = "Số: 15/2024/QĐ-UBND\nQUYẾT ĐỊNH\n(Kèm theo Quyết định số 9/2020/QĐ-UBND ngày 1/2/2020)"
        let m = DocumentMetadata.extract(from: Self.file(text), fileName: "80-2024-nd-cp.txt")
        #expect(m.header.number?.display == "15/2024/QĐ-UBND")
        #expect(m.header.date == nil)
        #expect(m.derived["number"] == nil && m.derived["date"] == nil)
        let sidecar = DocumentMetadata.extract(from: Self.file("nội dung", metadata: ["number": "7/2022/TT-BYT"]), fileName: "80-2024-nd-cp.txt")
        #expect(sidecar.header.number?.display == "7/2022/TT-BYT")
        #expect(sidecar.header.issuer == "Bộ Y tế")
        let plain = DocumentMetadata.extract(from: Self.file("nội dung"), fileName: "bien-ban-hop.txt")
        #expect(plain.header.number == nil && plain.derived == ["title": "first sentence"])
    }
}

@Suite("Metadata of huge documents")
struct HugeDocumentTests {
    @Test("windows cover the text and end after a blank line, else a line break, else a scalar")
    func windows() {
        let text = "Một dòng.\n\nHai dòng\nba dòng\nbốn " + String(repeating: "đ", count: 40)
        let windows = TextWindows(text, size: 24)
        let pieces = (0..<windows.count).map { windows.window($0) }
        #expect(pieces.map(\.text).joined() == text)
        #expect(pieces.map(\.text.utf8.count).allSatisfy { $0 <= 24 })
        #expect(pieces.map(\.text).prefix(3) == ["Một dòng.\n\n", "Hai dòng\nba dòng\n", "bốn đđđđđđđđđ"])
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.offset + $0.text.utf8.count == $1.offset })
        let one = TextWindows(text)
        #expect(one.count == 1 && one.window(0).text == text && one.headAndTail == text)
    }

    @Test("a text of several windows keeps its header and every citation, with spans into the whole text", .tags(.slow), .notInFastLoop)
    func severalWindows() {
        let signature = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn Bình"
        let cited = stride(from: 0, to: 60_000, by: 97)
        let paragraphs = (0..<60_000).map { k in
            k % 97 == 0 ? "Điều \(k). Thực hiện theo Quyết định số \(10_000 + k)/QĐ-TTg của Thủ tướng.\n"
                : "Điều \(k). Các cơ quan, đơn vị tổ chức thực hiện nội dung được giao.\n"
        }
        let text = ExtractTests.header + "\n\n" + paragraphs.joined() + signature
        #expect(text.utf8.count > 2 * TextWindows.size)
        let file = SourceFile(text: text, format: "txt", encoding: "utf-8", formatTitle: nil, metadata: [:])
        let m = DocumentMetadata.extract(from: file)
        let short = HeaderExtractor.extract(from: ExtractTests.header + signature)
        #expect(m.header.number == short.number && m.header.date == short.date && m.header.title == short.title)
        #expect(m.header.signer == "Nguyễn Văn Bình")
        let bytes = Array(text.utf8)
        #expect(m.citations.allSatisfy { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == $0.text })
        let keys = m.citations.map(\.key)
        #expect(keys.filter { $0.hasSuffix("/QD-TTG") } == cited.map { "\(10_000 + $0)/QD-TTG" })
        #expect(keys.contains("31/2024/QH15"))
    }
}
