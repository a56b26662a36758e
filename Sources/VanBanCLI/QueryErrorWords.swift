/// The messages of ``VanBan/VanBanError/badQuery(message:position:)`` in Vietnamese. The library writes them in
/// English with the values in place; each is matched to its template here and written again. A message with no
/// template stays English (`LanguageTests.queryErrorsInVietnamese` lists the ones expected).
enum QueryErrorWords {
    /// English templates, `{}` for each value in order, and their Vietnamese, `{1}`, `{2}`… for the values.
    static let table: [(en: String, vi: String)] = [
        ("query too long ({} bytes; the limit is {})", "truy vấn quá dài ({1} byte; giới hạn là {2})"),
        ("control character U+{} is not allowed", "không được dùng ký tự điều khiển U+{1}"),
        ("empty query", "truy vấn trống"),
        ("unknown field {}: the fields are {}; put \"{}:…\" in quotes to search the text",
         "không có trường {1}: các trường là {2}; đặt \"{3}:…\" trong ngoặc kép để tìm chữ này trong văn bản"),
        ("field {}: needs a value", "trường {1}: cần một giá trị"),
        ("nothing to search for: \"{}\" has no letters or digits", "không có gì để tìm: \"{1}\" không có chữ cái hay chữ số"),
        ("unbalanced quote", "thiếu dấu ngoặc kép đóng"),
        ("empty phrase", "cụm từ trống"),
        ("closing parenthesis without an opening one", "có ngoặc đóng mà không có ngoặc mở"),
        ("unexpected input", "không đọc được phần này"),
        ("OR needs a term on its right", "OR cần một từ ở bên phải"),
        ("OR needs a term on its left", "OR cần một từ ở bên trái"),
        ("AND needs a term on its right", "AND cần một từ ở bên phải"),
        ("AND needs a term on its left", "AND cần một từ ở bên trái"),
        ("expected a word, phrase or number", "cần một từ, cụm từ hoặc số hiệu"),
        ("NOT NOT is not allowed", "không được viết NOT NOT"),
        ("double exclusion", "loại trừ hai lần"),
        ("AND cannot follow {}", "AND không được đứng sau {1}"),
        ("{} needs a term after it", "{1} cần một từ đứng sau"),
        ("a wildcard needs letters before *", "dấu * cần có chữ đứng trước"),
        ("so: needs a document number such as 565-CV/ĐĐTLĐ or NQ 02", "so: cần một số hiệu như 565-CV/ĐĐTLĐ hoặc NQ 02"),
        ("unbalanced parenthesis", "thiếu ngoặc đóng"),
        ("empty parentheses", "cặp ngoặc trống"),
        ("operator without a term", "toán tử không có từ đi kèm"),
        ("nam: needs a four-digit year, e.g. nam:2021", "nam: cần một năm có bốn chữ số, ví dụ nam:2021"),
        ("ngay: needs a range FROM..TO, e.g. ngay:2021-08-01..2021-08-31",
         "ngay: cần một khoảng TỪ..ĐẾN, ví dụ ngay:2021-08-01..2021-08-31"),
        ("unknown type \"{}\": use a type's name or abbreviation (QĐ, CV, NQ…): {}",
         "không có loại văn bản \"{1}\": hãy dùng tên hoặc chữ viết tắt của một loại (QĐ, CV, NQ…): {2}"),
        ("the date range ends ({}) before it starts ({}): give FROM before TO",
         "khoảng ngày kết thúc ({1}) trước khi bắt đầu ({2}): hãy cho ngày bắt đầu trước ngày kết thúc"),
        ("cannot read the date \"{}\": use a real date as YYYY-MM-DD, DD/MM/YYYY or YYYY",
         "không đọc được ngày \"{1}\": hãy dùng một ngày có thật, dạng YYYY-MM-DD, DD/MM/YYYY hoặc YYYY"),
        ("\"{}\" is not a reference VanBan can read", "VanBan không đọc được \"{1}\" như một tham chiếu đến văn bản"),
        ("\"{}\" is not a document number (e.g. 565-CV/ĐĐTLĐ, 145/2020/NĐ-CP)",
         "\"{1}\" không phải số hiệu văn bản (ví dụ 565-CV/ĐĐTLĐ, 145/2020/NĐ-CP)"),
        ("\"{}\" is not a document number, a short reference (NQ 02) or a named document (Luật Công đoàn)",
         "\"{1}\" không phải số hiệu, tham chiếu rút gọn (NQ 02) hay tên văn bản (Luật Công đoàn)"),
        ("\"{}\" is the number of {} documents: {}; give the full number", "\"{1}\" là số của {2} văn bản: {3}; hãy ghi đủ số hiệu"),
    ]

    /// `message` in Vietnamese, or as it is when no template fits.
    static func vietnamese(_ message: String) -> String {
        LibraryWords.vietnamese(message, table: table) ?? message
    }
}

/// Messages the library writes in English with their values in place, put in Vietnamese by template.
enum LibraryWords {
    /// `message` through the first template of `table` it fits (`{}` for each value in English, `{1}`, `{2}`… in
    /// Vietnamese), each value through `value`; nil when none fits.
    static func vietnamese(_ message: String, table: [(en: String, vi: String)], value: (String) -> String = { $0 }) -> String? {
        for (en, vi) in table {
            guard let values = values(of: message, in: en) else { continue }
            var text = vi
            for (i, found) in values.enumerated() { text = text.replacingOccurrences(of: "{\(i + 1)}", with: value(found)) }
            return text
        }
        return nil
    }

    /// The values that fill `template`'s `{}` to give `text`, each the shortest that fits; nil when it does not fit.
    static func values(of text: String, in template: String) -> [String]? {
        let literals = template.components(separatedBy: "{}").map { Array($0.unicodeScalars) }
        let scalars = Array(text.unicodeScalars)
        guard scalars.starts(with: literals[0]) else { return nil }
        var at = literals[0].count
        var values: [String] = []
        for (k, literal) in literals.enumerated().dropFirst() {
            let last = k == literals.count - 1
            let candidates = last ? [scalars.count - literal.count] : Array(at...max(at, scalars.count - literal.count))
            guard let end = candidates.first(where: { $0 >= at && scalars[$0...].starts(with: literal) }) else { return nil }
            var value = String.UnicodeScalarView()
            value.append(contentsOf: scalars[at..<end])
            values.append(String(value))
            at = end + literal.count
        }
        return at == scalars.count ? values : nil
    }
}
