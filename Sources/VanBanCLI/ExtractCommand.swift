import ArgumentParser
import DocRefs
import Foundation
import VanBan

/// `vanban extract FILE... [--json]`: header metadata and citations of each file.
struct ExtractCommand: ParsableCommand {
    /// The examples of the help, the same commands in either language.
    private static let examples = """
          vanban extract corpus/van-ban/*.txt
          vanban extract ~/van-ban/cu/2004-quyet-dinh.doc --json
        """

    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: Help.text("Print the number, type, issuer, date, title, signer and citations of documents.",
                            vi: "In số hiệu, loại văn bản, cơ quan ban hành, ngày, trích yếu, người ký và các trích dẫn của văn bản."),
        discussion: Help.text("""
        Reads every format `vanban index` reads (.txt in any detected encoding, .md with YAML front matter, \
        .html/.htm, .docx, .pdf through pdftotext, .doc, .rtf, .odt/.ods/.odp, .xlsx, .xls, .pptx, .ppt, images); front matter and a NAME.json or NAME.ext.json sidecar \
        override the extracted fields they hold. PDF pages without a text layer and images are read by OCR as --ocr \
        says (auto, always, never; see `vanban index --help`), without a cache.

        JSON: one object per file per line, {path, encoding, number, type, issuer, issuer_as_written, date, title, \
        title_derived, signer, derived, ocr_pages, read_by_ocr, citations: [{text, number, key, type, issuer, date, relation, start, end}]}, \
        null for what the document does not say; issuer is one spelling per body (capitals, the full name), \
        issuer_as_written the document's; title_derived is true when the title is the text's first sentence; \
        derived tells where a field missing from the header was found; ocr_pages lists the pages read by OCR, and \
        read_by_ocr the fields ("number", "date") read from OCR text: the header of a first page read by OCR.

        Exit codes: 0 when every file was read; 3 when some file was missing, unreadable, binary, without text \
        (0 bytes, a scanned PDF) or of an unsupported format (an error naming it goes to stderr and the other files are still processed).

        Examples:
        \(examples)
        """, vi: """
        Đọc mọi định dạng mà `vanban index` đọc (.txt với mọi mã hóa nhận biết được, .md có YAML front matter, \
        .html/.htm, .docx, .pdf qua pdftotext, .doc, .rtf, .odt/.ods/.odp, .xlsx, .xls, .pptx, .ppt, ảnh); front matter và tệp đi kèm NAME.json hoặc NAME.ext.json \
        thay cho các trường trích xuất mà chúng có. Các trang PDF không có lớp chữ và ảnh được đọc bằng OCR theo --ocr \
        (auto, always, never; xem `vanban index --help`), không dùng bộ nhớ đệm.

        JSON: mỗi tệp một đối tượng trên một dòng, {path, encoding, number, type, issuer, issuer_as_written, date, title, \
        title_derived, signer, derived, ocr_pages, read_by_ocr, citations: [{text, number, key, type, issuer, date, relation, start, end}]}, \
        null cho những gì văn bản không ghi; issuer là một cách viết thống nhất cho mỗi cơ quan (chữ hoa, tên đầy đủ), \
        issuer_as_written là cách viết trong văn bản; title_derived là true khi trích yếu là câu đầu tiên của văn bản; \
        derived cho biết trường thiếu ở phần đầu văn bản được tìm thấy ở đâu; ocr_pages liệt kê các trang đọc bằng OCR, và \
        read_by_ocr các trường ("number", "date") đọc từ chữ OCR: phần đầu của trang đầu tiên được đọc bằng OCR.

        Mã thoát: 0 khi mọi tệp đều đọc được; 3 khi có tệp không tồn tại, không đọc được, là tệp nhị phân, không có chữ \
        (0 byte, PDF scan) hoặc có định dạng không hỗ trợ (một thông báo lỗi nêu tên tệp đó được in ra stderr và các tệp khác vẫn được xử lý).

        Ví dụ:
        \(examples)
        """)
    )

    @Argument(help: Help.argument("Files to read.", vi: "Các tệp cần đọc.")) var files: [String]
    @Option(help: Help.argument("OCR of PDF pages without text and of images: auto (default), always (every page), never.",
                                vi: "OCR cho các trang PDF không có chữ và cho ảnh: auto (mặc định), always (mọi trang), never."))
    var ocr: OCRMode = .auto
    @OptionGroup var output: OutputOptions<PlainFormat>

    func run() throws {
        let out = output.printer()
        let registry = ReaderRegistry(ocr: OCREngine(mode: ocr))
        var failed = false
        for path in files {
            do {
                let file = try registry.read(URL(fileURLWithPath: path))
                for warning in file.warnings { out.warning("extract: \(path): \(warning)") }
                let metadata = DocumentMetadata.extract(from: file, fileName: (path as NSString).lastPathComponent)
                if output.format == .json {
                    try out.json(ExtractedFile(path, file, metadata))
                } else {
                    print(summary(path, file, metadata, in: out.say))
                }
            } catch let error as VanBanError {
                failed = true
                out.problem("extract: " + out.say.vanBanError(error))
            } catch {
                failed = true
                out.problem("extract: \(path): \(error)")
            }
        }
        if failed { throw Exit.someFilesFailed }
    }
}

/// One line of `extract --json`: every key written, `null` for what the document does not say.
struct ExtractedFile: Encodable {
    struct Cited: Encodable {
        var text: String
        @NullEncoded var number: String?
        var key: String
        @NullEncoded var type: String?
        @NullEncoded var issuer: String?
        @NullEncoded var date: String?
        @NullEncoded var relation: String?
        var start: Int
        var end: Int
    }

    var path: String
    var encoding: String
    @NullEncoded var number: String?
    @NullEncoded var type: String?
    @NullEncoded var issuer: String?
    @NullEncoded var issuerAsWritten: String?
    @NullEncoded var date: String?
    @NullEncoded var title: String?
    var titleDerived: Bool
    @NullEncoded var signer: String?
    var derived: [String: String]
    var ocrPages: [Int]
    var readByOCR: [String]
    var citations: [Cited]

    enum CodingKeys: String, CodingKey {
        case path, encoding, number, type, issuer, issuerAsWritten = "issuer_as_written", date, title
        case titleDerived = "title_derived", signer, derived, ocrPages = "ocr_pages", readByOCR = "read_by_ocr", citations
    }
}

extension ExtractedFile {
    init(_ path: String, _ file: SourceFile, _ m: DocumentMetadata) {
        let h = m.header
        self.init(path: path, encoding: file.encoding, number: h.number?.display, type: m.type, issuer: h.issuerDisplay,
                  issuerAsWritten: h.issuer, date: h.date, title: h.title, titleDerived: h.titleDerived, signer: h.signer,
                  derived: m.derived, ocrPages: file.ocrPages, readByOCR: fieldsReadByOCR(file, m), citations: m.citations.map {
                      Cited(text: $0.text, number: $0.number?.display, key: $0.key, type: $0.type, issuer: $0.issuer,
                            date: $0.date, relation: $0.relation?.rawValue, start: $0.start, end: $0.end)
                  })
    }
}

/// The number and date read from OCR text: found in the header (not the file name, a sidecar or front matter)
/// of a first page that OCR read.
private func fieldsReadByOCR(_ file: SourceFile, _ m: DocumentMetadata) -> [String] {
    guard file.ocrPages.first == 1 else { return [] }
    let present = ["number": m.header.number != nil, "date": m.header.date != nil]
    return ["number", "date"].filter { present[$0] == true && m.derived[$0] != "file name" && file.metadata[$0] == nil }
}

/// The text of `extract`: a line a field, names in the run's language, types and relations in Vietnamese.
private func summary(_ path: String, _ file: SourceFile, _ m: DocumentMetadata, in say: Messages) -> String {
    let h = m.header
    let ocr = fieldsReadByOCR(file, m)
    var lines = ["\(path) (\(file.encoding)" + (file.ocrPages.isEmpty ? "" : ", " + say.ocrPages(file.ocrPages.count)) + ")"]
    let fields: [(String, String?)] = [("number", h.number?.display), ("type", m.type), ("issuer", h.issuerDisplay),
                                       ("date", h.date), ("title", h.title), ("signer", h.signer)]
    for (name, v) in fields {
        lines.append("  \(say.fields[name] ?? name): \(v ?? "-")" + (m.derived[name].map { " (\(say.derivedFrom($0)))" } ?? "")
                     + (ocr.contains(name) ? " (\(say.readByOCR))" : ""))
        if name == "issuer", let written = h.issuer, written != v { lines.append("  \(say.issuerAsWritten): \(written)") }
    }
    lines.append("  \(say.citations): \(m.citations.count)")
    for c in m.citations {
        lines.append("    \(c.text) → \(c.key)" + (c.date.map { ", \($0)" } ?? "") + (c.relation.map { " [\($0.label)]" } ?? ""))
    }
    return lines.joined(separator: "\n")
}
