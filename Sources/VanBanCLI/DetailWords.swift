/// What the library says of an index and its files (in English), in Vietnamese: what `vanban check` finds, a
/// damaged index's detail and `vanban index`'s warnings, whole sentences by template (``LibraryWords``), else
/// the damage's words phrase by phrase. Xapian's own message, quoted after "Xapian:", stays as Xapian wrote it.
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
        if let sentence = LibraryWords.vietnamese(text, table: sentences) { return sentence }
        // Only the part before Xapian's own words.
        let cut = text.range(of: " (Xapian: ")?.lowerBound ?? text.endIndex
        var head = String(text[..<cut])
        for (en, vi) in phrases { head = head.replacingOccurrences(of: en, with: vi) }
        return head + text[cut...]
    }
}
