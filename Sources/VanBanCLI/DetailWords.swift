/// What the library says of an index and its files (in English), in Vietnamese: what `vanban check` finds, a
/// damaged index's detail, `vanban index`'s warnings and why a file could not be read, whole sentences by
/// template (``LibraryWords``), else the damage's words phrase by phrase. What is quoted from elsewhere stays as
/// written there: Xapian's message after "Xapian:", an external tool's, the system's (`strerror`).
enum DetailWords {
    /// Sentences of `IndexHealth` (problems, remedy, notes), of a damaged index's detail and of the readers' warnings.
    static let sentences: [(en: String, vi: String)] = [
        ("1 byte is not valid {} and shown as U+FFFD", "1 byte không hợp lệ theo {1} và được hiện thành U+FFFD"),
        ("{} bytes are not valid {} and shown as U+FFFD", "{1} byte không hợp lệ theo {2} và được hiện thành U+FFFD"),
        ("1 page without a text layer not read: {}", "1 trang không có lớp chữ chưa được đọc: {1}"),
        ("{} pages without a text layer not read: {}", "{1} trang không có lớp chữ chưa được đọc: {2}"),
        ("Xapian's check counted {} inconsistencies between the tables of {} (its report says where)",
         "bộ kiểm tra của Xapian đếm được {1} chỗ không khớp giữa các bảng của {2} (báo cáo của nó chỉ ra ở đâu)"),
        ("nothing is committed to {} yet (a first `vanban index` is writing it, or stopped before its first commit), so Xapian's check had nothing to check",
         "chưa có gì được ghi vào {1} (lần `vanban index` đầu tiên đang ghi, hoặc đã dừng trước lần ghi đầu tiên), nên bộ kiểm tra của Xapian không có gì để kiểm tra"),
        ("the index has schema version {}; this vanban reads version {}", "chỉ mục có lược đồ phiên bản {1}; vanban này đọc phiên bản {2}"),
        ("`vanban index FOLDER… --rebuild --index {}` builds a new index from the files beside this one and switches to it when it is complete (the files themselves are not touched)",
         "`vanban index THƯ_MỤC… --rebuild --index {1}` xây dựng một chỉ mục mới từ các tệp, bên cạnh chỉ mục này, và chuyển sang nó khi xong (không động đến các tệp)"),
        ("db.{} is left from an earlier rebuild; the next `vanban index` deletes it",
         "db.{1} còn lại từ một lần xây dựng lại trước; lần `vanban index` sau sẽ xoá nó"),
        ("db.{} is a rebuild that stopped before its first commit; the next `--rebuild` starts anew",
         "db.{1} là một lần xây dựng lại đã dừng trước lần ghi đầu tiên; lần `--rebuild` sau sẽ bắt đầu lại từ đầu"),
        ("db.{} is an unfinished rebuild: `vanban index {} --index {}` finishes it and switches to it",
         "db.{1} là một lần xây dựng lại chưa xong: `vanban index {2} --index {3}` làm nốt và chuyển sang nó"),
        ("its stub file {} says \"{}\", which names no database of the index",
         "tệp trỏ {1} của nó ghi \"{2}\", không chỉ tới cơ sở dữ liệu nào của chỉ mục"),
        ("the stub file of {} lists no shards of it: {}", "tệp trỏ của {1} không liệt kê phân đoạn nào của nó: {2}"),
    ]

    /// Why a file was not read, or not read whole (the readers', the scanner's and the indexer's reasons, and a
    /// location's), most specific first: a value may itself be a reason, put in Vietnamese in turn.
    static let reasons: [(en: String, vi: String)] = [
        // What is missing on this machine.
        ("tesseract has no Vietnamese data (vie): install {}: make deps (or apt-get install {})",
         "tesseract không có dữ liệu tiếng Việt (vie): hãy cài {1}: make deps (hoặc apt-get install {2})"),
        ("OCR is not available", "không dùng được OCR"),
        ("cannot run {}: {}", "không chạy được {1}: {2}"),
        ("cannot make a temporary folder for OCR: {}", "không tạo được thư mục tạm cho OCR: {1}"),
        ("cannot prepare catdoc's character map in {}: {}", "không chuẩn bị được bảng ký tự của catdoc trong {1}: {2}"),
        // Scans and images.
        ("scanned PDF, no text layer: pass --ocr auto (needs tesseract-ocr-vie: make deps)",
         "PDF quét, không có lớp chữ: hãy dùng --ocr auto (cần tesseract-ocr-vie: make deps)"),
        ("scanned PDF, no text layer: {}", "PDF quét, không có lớp chữ: {1}"),
        ("scanned PDF: no text found by OCR", "PDF quét: OCR không tìm thấy chữ nào"),
        ("image: OCR is off (--ocr never): pass --ocr auto to read it", "ảnh: OCR đang tắt (--ocr never): hãy dùng --ocr auto để đọc"),
        ("image: no text found by OCR", "ảnh: OCR không tìm thấy chữ nào"),
        ("image: {}", "ảnh: {1}"),
        ("damaged image: not a PNG, JPEG or TIFF file", "ảnh bị hỏng: không phải tệp PNG, JPEG hay TIFF"),
        ("damaged image: tesseract could not read it (exit {}): {}", "ảnh bị hỏng: tesseract không đọc được (mã thoát {1}): {2}"),
        ("damaged image: tesseract could not read it (exit {})", "ảnh bị hỏng: tesseract không đọc được (mã thoát {1})"),
        ("OCR of page {}: {}", "OCR trang {1}: {2}"),
        ("pdftoppm could not render page {} (exit {}): {}", "pdftoppm không dựng được trang {1} (mã thoát {2}): {3}"),
        ("pdftoppm could not render page {} (exit {})", "pdftoppm không dựng được trang {1} (mã thoát {2})"),
        ("the image", "ảnh"),
        ("page {} at {} dpi", "trang {1} ở {2} dpi"),
        // PDFs.
        ("password-protected PDF: save it without the password to index it",
         "PDF có mật khẩu: hãy lưu lại bản không mật khẩu để lập chỉ mục"),
        ("pdftotext failed: {}: {}", "pdftotext không đọc được: {1}: {2}"),
        ("pdftotext failed: {}", "pdftotext không đọc được: {1}"),
        ("damaged or not a PDF", "tệp bị hỏng hoặc không phải PDF"),
        ("the PDF forbids copying its text (encrypted)", "PDF cấm sao chép chữ (đã mã hoá)"),
        ("exit {}", "mã thoát {1}"),
        // Office files, zip parts, markup.
        ("damaged .{}: {} failed (exit {}): {}", "tệp .{1} bị hỏng: {2} không đọc được (mã thoát {3}): {4}"),
        ("damaged .{}: {} failed (exit {})", "tệp .{1} bị hỏng: {2} không đọc được (mã thoát {3})"),
        ("damaged .{}: not a compound (OLE2) file", "tệp .{1} bị hỏng: không phải tệp phức hợp (OLE2)"),
        ("damaged .rtf: it does not start with {\\rtf", "tệp .rtf bị hỏng: không bắt đầu bằng {\\rtf"),
        ("damaged .pptx: no slide inside", "tệp .pptx bị hỏng: bên trong không có trang chiếu nào"),
        ("damaged .xlsx: no worksheet inside", "tệp .xlsx bị hỏng: bên trong không có trang tính nào"),
        ("damaged .{}: no content.xml inside", "tệp .{1} bị hỏng: bên trong không có content.xml"),
        ("damaged .{}: {}", "tệp .{1} bị hỏng: {2}"),
        ("damaged {}: not UTF-8", "{1} bị hỏng: không phải UTF-8"),
        ("damaged {}: a processing instruction without data", "{1} bị hỏng: một chỉ dẫn xử lý không có dữ liệu"),
        ("damaged {}: {}", "{1} bị hỏng: {2}"),
        ("not a valid {} (zip) file", "không phải tệp {1} (zip) hợp lệ"),
        ("no word/document.xml inside the .docx", "tệp .docx không có word/document.xml bên trong"),
        ("invalid YAML front matter: a key that is not text", "phần đầu YAML không hợp lệ: có khoá không phải chữ"),
        ("invalid YAML front matter: {}", "phần đầu YAML không hợp lệ: {1}"),
        ("YAML front matter is not a mapping", "phần đầu YAML không phải một bảng khoá–giá trị"),
        ("sidecar metadata is not a JSON object", "siêu dữ liệu kèm theo (tệp .json cạnh tệp) không phải một đối tượng JSON"),
        // Files without text, files that cannot be read.
        ("0 bytes", "0 byte"),
        ("no text in the .{} file", "không có chữ nào trong tệp .{1}"),
        ("binary data, not text", "dữ liệu nhị phân, không phải chữ"),
        ("cannot read: {}", "không đọc được: {1}"),
        ("the name is not valid UTF-8: rename it to index it", "tên tệp không phải UTF-8 hợp lệ: hãy đổi tên để lập chỉ mục"),
        ("cannot access: {}", "không truy cập được: {1}"),
        ("still there, but no longer read as a document: kept in the index (`vanban remove` takes it out)",
         "vẫn còn đó nhưng không còn được đọc như một văn bản: vẫn giữ trong chỉ mục (`vanban remove` đưa nó ra)"),
        ("cannot examine: {}; kept in the index", "không kiểm tra được: {1}; vẫn giữ trong chỉ mục"),
        ("the folder is empty but {} documents were indexed from it: they are kept (is it an unmounted share?); `vanban remove {}` removes them",
         "thư mục trống nhưng đã có {1} văn bản được lập chỉ mục từ đó: chúng vẫn được giữ (đó có phải một ổ mạng chưa được gắn?); `vanban remove {2}` xóa chúng"),
        ("not analysed", "chưa được phân tích"),
        // The index folder and its locations.
        ("is a file, not an index folder: give --index a folder", "là một tệp, không phải thư mục chỉ mục: hãy cho --index một thư mục"),
        ("holds files ({}, …) but no index: give --index a new or empty folder",
         "có tệp ({1}, …) nhưng không có chỉ mục: hãy cho --index một thư mục mới hoặc trống"),
        ("cannot create the index folder: {}", "không tạo được thư mục chỉ mục: {1}"),
        ("cannot lay out the shards of the index: {}", "không sắp đặt được các phân mảnh của chỉ mục: {1}"),
        ("cannot switch the index to its rebuilt database: {}", "không chuyển được chỉ mục sang cơ sở dữ liệu vừa xây dựng lại: {1}"),
        ("xapian-compact failed (exit {}): {}", "xapian-compact không chạy xong (mã thoát {1}): {2}"),
        ("cannot reach the index there (Xapian {}): is xapian-tcpsrv serving one?",
         "không kết nối được tới chỉ mục ở đó (Xapian {1}): xapian-tcpsrv có đang phục vụ một chỉ mục ở đó không?"),
        // Those that start with a value, last: the value would otherwise take a reason's own words ("image: tesseract").
        ("{} is not installed: install {}: make deps (or apt-get install {})",
         "chưa cài {1}: hãy cài {2}: make deps (hoặc apt-get install {3})"),
        ("{} took more than {} s and was stopped (a damaged file?)", "{1} chạy quá {2} giây nên đã bị dừng (tệp bị hỏng?)"),
        ("{} is {}×{} pixels, more than the {} megapixels OCR takes: scan it at 300 dpi or split it",
         "{1} có {2}×{3} điểm ảnh, quá {4} megapixel mà OCR nhận: hãy quét ở 300 dpi hoặc chia nhỏ"),
        ("{}; no other reader takes it", "{1}; không bộ đọc nào khác nhận tệp này"),
    ]

    /// The parts of `IndexDamage.words(for:table:)`: what is wrong, then where.
    static let phrases: [(en: String, vi: String)] = [
        ("a file of the index is shorter than the index says (cut short by a full disk, a crash or a copy that did not finish)",
         "một tệp của chỉ mục ngắn hơn chỉ mục ghi nhận (bị cắt cụt do đầy đĩa, sự cố hoặc một lần sao chép chưa xong)"),
        ("a file of the index is missing or cannot be opened", "một tệp của chỉ mục bị thiếu hoặc không mở được"),
        ("a file of the index holds bytes the index did not write there (overwritten or damaged on disk)",
         "một tệp của chỉ mục chứa những byte chỉ mục không ghi vào đó (bị ghi đè hoặc hỏng trên đĩa)"),
        (", in the lists of documents for each term (postlist.glass)", ", trong danh sách văn bản của từng từ (postlist.glass)"),
        (", in the lists of terms for each document (termlist.glass)", ", trong danh sách từ của từng văn bản (termlist.glass)"),
        (", in the documents' stored data (docdata.glass)", ", trong dữ liệu lưu của các văn bản (docdata.glass)"),
        (", in the word positions (position.glass)", ", trong vị trí của các từ (position.glass)"),
        (", in the spelling table (spelling.glass)", ", trong bảng chính tả (spelling.glass)"),
        (", in the synonym table (synonym.glass)", ", trong bảng từ đồng nghĩa (synonym.glass)"),
    ]

    /// `text` in Vietnamese: a sentence of ``sentences``, else with each phrase of ``phrases`` before Xapian's
    /// quoted message replaced; as it is when nothing fits.
    static func vietnamese(_ text: String) -> String {
        if let sentence = LibraryWords.vietnamese(text, table: sentences, value: reason) { return sentence }
        if let sentence = LibraryWords.vietnamese(text, table: reasons, value: reason) { return sentence }
        // Only the part before Xapian's own words.
        let cut = text.range(of: " (Xapian: ")?.lowerBound ?? text.endIndex
        var head = String(text[..<cut])
        for (en, vi) in phrases { head = head.replacingOccurrences(of: en, with: vi) }
        return head + text[cut...]
    }

    /// A value of a sentence: a reason in its turn (`tesseract is not installed: …` in `image: …`), else as it is.
    private static func reason(_ value: String) -> String {
        LibraryWords.vietnamese(value, table: reasons, value: reason) ?? value
    }
}
