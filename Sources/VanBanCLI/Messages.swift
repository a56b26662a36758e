import Foundation
import VanBan

/// Every message the CLI prints for people, in one language. ``en`` and ``vi`` fill the same fields, so a
/// message missing from either does not compile. Document types and relations are Vietnamese words in both
/// (they come from the documents); JSON does not go through here. The Vietnamese follows the web page's words
/// (`VanBanServer.Strings`).
struct Messages: Sendable {
    typealias Say<each A> = @Sendable (repeat each A) -> String

    // Shared by the commands.
    var error: String
    var warning: String
    /// A library error as a sentence.
    var vanBanError: Say<VanBanError>
    var notInIndex: String
    /// "1 document", "2 documents".
    var documents: Say<Int>
    /// "3 mentions", after a document.
    var mentions: Say<Int>
    var noSuchFileOrFolder: Say<String>
    var noDocument: Say<String>

    // search: the query is given quoted (text) or in bold (Markdown).
    var didYouMean: Say<String>
    var noResultsOnPage: Say<Int, Bool, String>
    var noDocumentsMatch: Say<String>
    var readAsQuestion: Say<String>
    var bestMatch: Say<String, Int, Bool>
    var onlyApart: Say<String, Int>
    /// The count of documents matching, the query, and those holding the words apart.
    var documentsMatch: Say<Int, Bool, String, Int>
    var withWordsApart: Say<Int>
    var type: String
    var issuer: String
    var year: String

    // number, cited-by, mentions, graph
    var noDocumentNumbered: Say<String>
    var citedBy: Say<Int>
    var noNumber: String
    var nothingCites: Say<String>
    var mentionsSummary: Say<Int, String, Int>
    var resolved: String
    var moreDocuments: Say<Int>
    var notInGraph: Say<String>

    // cite
    var citationsIn: Say<String, Int>
    var times: Say<Int>
    var unsettled: String

    // show, stats
    var signedBy: String
    var formatLine: Say<String, String, UInt32>
    var cites: String
    var indexLabel: String
    var statsLine: Say<Int, Int, Int, String>
    var lastUpdate: Say<String?>
    var byType: String
    var byIssuer: String
    var byYear: String
    var more: Say<Int>

    // index, remove, compact, check
    var progress: Say<Int, Int, String, String, Int>
    var stopping: String
    var indexSummary: Say<IndexReport, String>
    var failed: String
    var noTextHeading: Say<Int>
    var unsupported: Say<Int>
    var interruptedRebuild: String
    var interrupted: String
    var notSwitched: Say<Int>
    var removed: Say<Bool, Int, String, Int>
    var notIndexed: Say<String>
    var compacted: Say<String, String, String, Int>
    var sound: Say<Int, String, String>
    var damaged: String
    var outdated: String
    var whatIsWrong: String
    var whatToDo: String
    var note: String
    var remoteCheck: String

    // extract, analyze
    var ocrPages: Say<Int>
    /// The field names of `extract`: number, type, issuer, date, title, signer.
    var fields: [String: String]
    /// Where a field missing from the header was found (`extract --json`'s `derived` values), as a phrase.
    var derivedFrom: Say<String>
    var issuerAsWritten: String
    var readByOCR: String
    var citations: String
    var analysisHeader: Say<String, String, Int>
    var columns: [String]
    var tokens: Say<Int>
    var textOrFile: String
    var unknownEncoding: Say<String, String>
    var noSuchFile: Say<String>
    var cannotRead: Say<String>

    // serve
    var exposed: Say<String, Int>
    var serving: Say<String, String>
}

/// `n` and the noun in the singular or the plural.
private func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

private func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_048_576 }

extension Messages {
    static let en = Messages(
        error: "error", warning: "warning",
        vanBanError: { $0.description },
        notInIndex: "not in the index",
        documents: { count($0, "document", "documents") },
        mentions: { count($0, "mention", "mentions") },
        noSuchFileOrFolder: { "\($0): no such file or folder" },
        noDocument: { "not found: no document with id, path or number \"\($0)\" in the index" },
        didYouMean: { "Did you mean: \($0)" },
        noResultsOnPage: { total, exact, query in
            "No results on this page: \(exact ? "" : "about ")\(count(total, "document matches", "documents match")) \(query) (lower --offset)."
        },
        noDocumentsMatch: { "No documents match \($0)." },
        readAsQuestion: { "Read as a question, without: \($0)" },
        bestMatch: { query, total, exact in
            "No document holds every word of \(query): \(exact ? "" : "about ")\(total) \(total == 1 ? "holds" : "hold") some of them; "
                + "those with the most, and the rarest, come first."
        },
        onlyApart: { query, apart in
            "No document holds the words of \(query) as words: \(apart) \(apart == 1 ? "holds" : "hold") their syllables apart."
        },
        documentsMatch: { total, exact, query, apart in
            (exact ? "" : "About ") + count(total, "document matches", "documents match") + " \(query)"
                + (apart > 0 ? " (and \(apart) with the words apart)" : "") + "."
        },
        withWordsApart: { "With the words apart (\($0)):" },
        type: "type", issuer: "issuer", year: "year",
        noDocumentNumbered: { "no document numbered \"\($0)\" in the index; `vanban cited-by \"\($0)\"` lists the documents citing it" },
        citedBy: { "Cited by \(count($0, "document", "documents")):" },
        noNumber: "(no number)",
        nothingCites: { "No document in the index cites \($0)." },
        mentionsSummary: { mentions, label, documents in
            "\(count(mentions, "mention", "mentions")) of \(label) in \(count(documents, "document", "documents"))."
        },
        resolved: "resolved",
        moreDocuments: { "… \(count($0, "more document", "more documents")); use --limit or --json." },
        notInGraph: { "\($0) is neither in the index nor cited by a document in it" },
        citationsIn: { source, n in "Citations in \(source) (\(n)):" },
        times: { "\($0) times" },
        unsettled: "document not settled",
        signedBy: "signed by",
        formatLine: { format, encoding, docid in "format: \(format), encoding: \(encoding), docid \(docid)" },
        cites: "cites",
        indexLabel: "Index",
        statsLine: { documents, terms, length, size in
            "Documents: \(documents)   terms: \(terms)   average length: \(length)   size: \(size) MB"
        },
        lastUpdate: { "Last update: \($0 ?? "unknown")" },
        byType: "By type", byIssuer: "By issuer", byYear: "By year",
        more: { "… \($0) more" },
        progress: { done, total, rate, mbps, ocr in
            "\(done)/\(count(total, "file", "files"))  \(rate) files/s  \(mbps) MB/s" + (ocr > 0 ? "  \(count(ocr, "page", "pages")) by OCR" : "")
        },
        stopping: "stopping after the current batch (again to quit now)",
        indexSummary: { r, path in
            let kept = r.keptDespiteErrors > 0 ? ", \(r.keptDespiteErrors) kept despite errors" : ""
            let empty = r.noText.isEmpty ? "" : ", \(r.noText.count) without text"
            let held = r.rebuild && !r.switched ? "in the rebuilt index, not yet in use" : "in the index"
            return "\(r.rebuild ? "Rebuilt" : "Indexed into") \(path): \(r.added) added, \(r.updated) updated, \(r.removed) removed\(kept), "
                + "\(r.unchanged) unchanged, \(r.failed.count) failed\(empty) "
                + String(format: "(%.1f MB of text in %.2f s); ", megabytes(r.bytes), r.seconds)
                + "\(count(r.documents, "document", "documents")) \(held)."
        },
        failed: "failed",
        noTextHeading: { "no text, not indexed (\($0)):" },
        unsupported: { "unsupported (\($0))" },
        interruptedRebuild: "interrupted: the old index is untouched and still searched; run again to resume the rebuild.",
        interrupted: "interrupted: the work done so far is committed; run again to finish.",
        notSwitched: {
            "not switched: \(count($0, "document", "documents")) of the old index could not be read again (above), so it stays in use; "
                + "fix the errors and run again (the rebuild resumes), or `vanban remove` those documents first."
        },
        removed: { dryRun, removed, path, left in
            "\(dryRun ? "Would remove" : "Removed") \(count(removed, "document", "documents")) from \(path); "
                + "\(count(left, "document", "documents")) in the index\(dryRun ? " (nothing changed)" : "")."
        },
        notIndexed: { "\($0): no document of the index is this file or under this folder" },
        compacted: { path, before, after, shards in "Compacted \(path): \(before) → \(after), \(count(shards, "shard", "shards"))" },
        sound: { documents, schema, database in
            "sound — \(count(documents, "document", "documents")), schema \(schema); Xapian's check found no error in \(database)."
        },
        damaged: "damaged.",
        outdated: "sound, but of another schema version.",
        whatIsWrong: "What is wrong", whatToDo: "What to do", note: "Note",
        remoteCheck: "a remote index is checked on its server: `vanban check --index DIR` there",
        ocrPages: { "\(count($0, "page", "pages")) by OCR" },
        fields: ["number": "number", "type": "type", "issuer": "issuer", "date": "date", "title": "title", "signer": "signer"],
        derivedFrom: { "from the \($0)" },
        issuerAsWritten: "issuer as written",
        readByOCR: "read by OCR",
        citations: "citations",
        analysisHeader: { encoding, confidence, invalid in
            "encoding: \(encoding)  confidence: \(confidence)" + (invalid > 0 ? "  invalid bytes replaced: \(invalid)" : "")
        },
        columns: ["pos", "kind", "text", "exact", "folded", "bytes"],
        tokens: { count($0, "token", "tokens") },
        textOrFile: "give either TEXT or --file, not both.",
        unknownEncoding: { encoding, valid in "unknown encoding '\(encoding)'. Valid encodings: \(valid)." },
        noSuchFile: { "no such file: \($0)" },
        cannotRead: { "cannot read \($0)" },
        exposed: { host, port in "listening on \(host): anyone who can reach this machine on port \(port) can read the whole index" },
        serving: { index, url in "serving \(index) at \(url)" })

    static let vi = Messages(
        error: "lỗi", warning: "cảnh báo",
        vanBanError: vietnamese,
        notInIndex: "không có trong chỉ mục",
        documents: { "\($0) văn bản" },
        mentions: { "\($0) lần nhắc đến" },
        noSuchFileOrFolder: { "\($0): không có tệp hoặc thư mục này" },
        noDocument: { "không có văn bản nào có docid, đường dẫn hoặc số hiệu \"\($0)\" trong chỉ mục" },
        didYouMean: { "Có phải bạn muốn tìm: \($0)" },
        noResultsOnPage: { total, exact, query in
            "Trang này không có kết quả: \(exact ? "" : "khoảng ")\(total) văn bản khớp \(query) (hãy giảm --offset)."
        },
        noDocumentsMatch: { "Không tìm thấy văn bản nào khớp \($0)." },
        readAsQuestion: { "Đọc như một câu hỏi, bỏ qua: \($0)" },
        bestMatch: { query, total, exact in
            "Không văn bản nào chứa đủ mọi từ của \(query): \(exact ? "" : "khoảng ")\(total) văn bản chứa một phần; "
                + "văn bản chứa nhiều từ nhất, và từ hiếm nhất, đứng trước."
        },
        onlyApart: { query, apart in
            "Không văn bản nào chứa các từ của \(query) đứng liền thành từ: \(apart) văn bản có các tiếng nhưng đứng rời nhau."
        },
        documentsMatch: { total, exact, query, apart in
            "\(exact ? "" : "Khoảng ")\(total) văn bản khớp \(query)" + (apart > 0 ? " (và \(apart) văn bản có các tiếng đứng rời nhau)" : "") + "."
        },
        withWordsApart: { "Văn bản có các tiếng nhưng đứng rời nhau (\($0)):" },
        type: "loại văn bản", issuer: "cơ quan ban hành", year: "năm",
        noDocumentNumbered: {
            "không có văn bản nào mang số \"\($0)\" trong chỉ mục; `vanban cited-by \"\($0)\"` liệt kê các văn bản trích dẫn số này"
        },
        citedBy: { "Được trích dẫn bởi \($0) văn bản:" },
        noNumber: "(không có số)",
        nothingCites: { "Chưa văn bản nào trong chỉ mục trích dẫn \($0)." },
        mentionsSummary: { mentions, label, documents in "\(mentions) lần nhắc đến \(label) trong \(documents) văn bản." },
        resolved: "suy ra từ cách viết tắt",
        moreDocuments: { "… còn \($0) văn bản nữa; dùng --limit hoặc --json." },
        notInGraph: { "\($0) không có trong chỉ mục và không được văn bản nào trong chỉ mục trích dẫn" },
        citationsIn: { source, n in "Tài liệu trích dẫn trong \(source) (\(n)):" },
        times: { "\($0) lần" },
        unsettled: "chưa xác định được văn bản",
        signedBy: "người ký",
        formatLine: { format, encoding, docid in "định dạng: \(format), mã hóa: \(encoding), docid \(docid)" },
        cites: "trích dẫn",
        indexLabel: "Chỉ mục",
        statsLine: { documents, terms, length, size in
            "Văn bản: \(documents)   mục từ: \(terms)   độ dài trung bình: \(length)   dung lượng: \(size) MB"
        },
        lastUpdate: { "Cập nhật lần cuối: \($0 ?? "không rõ")" },
        byType: "Theo loại văn bản", byIssuer: "Theo cơ quan ban hành", byYear: "Theo năm",
        more: { "… còn \($0) mục nữa" },
        progress: { done, total, rate, mbps, ocr in
            "\(done)/\(total) tệp  \(rate) tệp/giây  \(mbps) MB/giây" + (ocr > 0 ? "  \(ocr) trang đọc bằng OCR" : "")
        },
        stopping: "sẽ dừng sau lô đang làm (nhấn lần nữa để thoát ngay)",
        indexSummary: { r, path in
            let kept = r.keptDespiteErrors > 0 ? ", giữ lại \(r.keptDespiteErrors) dù có lỗi" : ""
            let empty = r.noText.isEmpty ? "" : ", \(r.noText.count) tệp không có chữ"
            let held = r.rebuild && !r.switched ? "trong chỉ mục xây dựng lại, chưa đưa vào dùng" : "trong chỉ mục"
            return "\(r.rebuild ? "Đã xây dựng lại" : "Đã lập chỉ mục vào") \(path): thêm \(r.added), cập nhật \(r.updated), xóa \(r.removed)\(kept), "
                + "không đổi \(r.unchanged), lỗi \(r.failed.count)\(empty) "
                + String(format: "(%.1f MB văn bản trong %.2f giây); ", megabytes(r.bytes), r.seconds)
                + "\(r.documents) văn bản \(held)."
        },
        failed: "lỗi",
        noTextHeading: { "không có chữ, không lập chỉ mục (\($0)):" },
        unsupported: { "định dạng không hỗ trợ (\($0))" },
        interruptedRebuild: "bị ngắt: chỉ mục cũ còn nguyên và vẫn được dùng để tìm; chạy lại để tiếp tục xây dựng lại.",
        interrupted: "bị ngắt: phần việc đã làm đã được ghi; chạy lại để làm nốt.",
        notSwitched: {
            "chưa chuyển sang chỉ mục mới: \($0) văn bản của chỉ mục cũ không đọc lại được (xem trên), nên chỉ mục cũ vẫn được dùng; "
                + "hãy sửa các lỗi rồi chạy lại (việc xây dựng lại sẽ tiếp tục), hoặc `vanban remove` các văn bản đó trước."
        },
        removed: { dryRun, removed, path, left in
            "\(dryRun ? "Sẽ xóa" : "Đã xóa") \(removed) văn bản khỏi \(path); còn \(left) văn bản trong chỉ mục\(dryRun ? " (chưa thay đổi gì)" : "")."
        },
        notIndexed: { "\($0): không văn bản nào của chỉ mục là tệp này hoặc nằm trong thư mục này" },
        compacted: { path, before, after, shards in "Đã nén \(path): \(before) → \(after), \(shards) phân mảnh" },
        sound: { documents, schema, database in
            "nguyên vẹn — \(documents) văn bản, lược đồ \(schema); phép kiểm tra của Xapian không thấy lỗi nào trong \(database)."
        },
        damaged: "bị hỏng.",
        outdated: "nguyên vẹn, nhưng thuộc phiên bản lược đồ khác.",
        whatIsWrong: "Vấn đề", whatToDo: "Cách khắc phục", note: "Ghi chú",
        remoteCheck: "chỉ mục từ xa được kiểm tra trên máy chủ của nó: chạy `vanban check --index THƯ_MỤC` ở đó",
        ocrPages: { "\($0) trang đọc bằng OCR" },
        fields: ["number": "số hiệu", "type": "loại văn bản", "issuer": "cơ quan ban hành", "date": "ngày", "title": "trích yếu",
                 "signer": "người ký"],
        derivedFrom: { source in
            let words = ["first sentence": "câu đầu", "file name": "tên tệp", "appendix heading": "tiêu đề phụ lục",
                         "issue statement": "câu thông qua", "number": "số hiệu"]
            return "lấy từ \(words[source] ?? source)"
        },
        issuerAsWritten: "cơ quan ban hành như văn bản ghi",
        readByOCR: "đọc bằng OCR",
        citations: "trích dẫn",
        analysisHeader: { encoding, confidence, invalid in
            "mã hóa: \(encoding)  độ tin cậy: \(confidence)" + (invalid > 0 ? "  byte không hợp lệ đã thay: \(invalid)" : "")
        },
        columns: ["vị trí", "loại", "chữ", "dạng đúng", "dạng bỏ dấu", "byte"],
        tokens: { "\($0) từ tố" },
        textOrFile: "chỉ đưa TEXT hoặc --file, không đưa cả hai.",
        unknownEncoding: { encoding, valid in "không biết bảng mã '\(encoding)'. Các bảng mã dùng được: \(valid)." },
        noSuchFile: { "không có tệp: \($0)" },
        cannotRead: { "không đọc được \($0)" },
        exposed: { host, port in "đang nghe trên \(host): ai kết nối được tới máy này qua cổng \(port) cũng đọc được toàn bộ chỉ mục" },
        serving: { index, url in "đang phục vụ \(index) tại \(url)" })

    /// A library error in Vietnamese: a query's problem through ``QueryErrorWords``, a damaged index's detail and a
    /// file's reason through ``DetailWords``; what an error carries from elsewhere (Xapian's words, a tool's) stays as written there.
    private static func vietnamese(_ error: VanBanError) -> String {
        switch error {
        case .indexMissing(let path):
            "không có chỉ mục tại \(path): hãy chạy `vanban index` trước (hoặc dùng --index THƯ_MỤC)"
        case .indexBusy(let path):
            "chỉ mục tại \(path) đang được dùng: một lệnh `vanban index` khác đang ghi vào đó; hãy chờ lệnh ấy xong"
        case .schemaMismatch(let index, let found, let expected):
            "chỉ mục tại \(index) có lược đồ phiên bản \(found), vanban này cần phiên bản \(expected): hãy chạy `vanban index --rebuild`"
        case .unreadable(let path, let reason):
            "\(path): \(DetailWords.vietnamese(reason))"
        case .unsupported(let path):
            "\(path): định dạng không hỗ trợ"
        case .noText(let path, let reason):
            "\(path): không có chữ: \(DetailWords.vietnamese(reason))"
        case .badQuery(let message, let position):
            "lỗi truy vấn ở ký tự \(position + 1): \(QueryErrorWords.vietnamese(message))"
        case .notFound(let what):
            "không tìm thấy: \(what)"
        case .damaged(let index, let detail):
            "chỉ mục tại \(index) bị hỏng: \(DetailWords.vietnamese(detail)). `vanban check --index \(index)` cho biết thêm; "
                + "`vanban index THƯ_MỤC… --rebuild --index \(index)` xây dựng lại chỉ mục từ các tệp, bên cạnh chỉ mục hỏng "
                + "(không động đến các tệp)"
        case .xapian(let error):
            "lỗi Xapian \(error.kind): \(error.message)"
        }
    }
}

extension Language {
    /// The messages in this language.
    var messages: Messages { self == .vi ? .vi : .en }
}
