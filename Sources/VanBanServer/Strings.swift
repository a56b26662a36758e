/// The words of the page, in Vietnamese (the default) and English (`?lang=en`).
struct Strings: Sendable {
    var lang: String
    var otherLang: String
    var otherLangName: String
    var appName: String
    var search: String
    var searchPlaceholder: String
    var numberLookup: String
    var mentions: String
    var numberPlaceholder: String
    var referencePlaceholder: String
    var type: String
    var issuer: String
    var year: String
    var from: String
    var to: String
    var sort: String
    var sortRelevance: String
    var sortOldest: String
    var sortNewest: String
    var marks: String
    var marksAuto: String
    var marksExact: String
    var marksFold: String
    var apply: String
    var any: String
    var didYouMean: String
    var noResults: String
    var results: String
    var about: String
    var wordsApart: String
    var bestMatch: String
    var readAsQuestion: String
    var previous: String
    var next: String
    var page: String
    var removeFilter: String
    var number: String
    var date: String
    var signer: String
    var format: String
    var file: String
    var text: String
    var cites: String
    var citedBy: String
    var mentionsElsewhere: String
    var notInIndex: String
    var unresolved: String
    var times: String
    var download: String
    var graph: String
    var graphOf: String
    var depth: String
    var noCitations: String
    var noCitedBy: String
    var noMentions: String
    var documentsBearing: String
    var noDocumentNumbered: String
    var resolvedShort: String
    var error: String
    var backToSearch: String
    var syntaxHelp: String
    var api: String
    var inIndex: String

    static let vi = Strings(
        lang: "vi", otherLang: "en", otherLangName: "English", appName: "VanBan — tìm văn bản",
        search: "Tìm kiếm", searchPlaceholder: "Từ khóa, số hiệu (565-CV/ĐĐTLĐ) hoặc câu hỏi",
        numberLookup: "Tra số hiệu", mentions: "Nơi nhắc đến",
        numberPlaceholder: "Số hiệu, ví dụ 380/NQ-CP", referencePlaceholder: "Ví dụ: Nghị quyết 02-NQ/TW",
        type: "Loại văn bản", issuer: "Cơ quan ban hành", year: "Năm", from: "Từ ngày", to: "Đến ngày",
        sort: "Sắp xếp", sortRelevance: "Phù hợp nhất", sortOldest: "Cũ trước", sortNewest: "Mới trước",
        marks: "Dấu", marksAuto: "Theo cách gõ", marksExact: "Đúng dấu", marksFold: "Bỏ qua dấu",
        apply: "Áp dụng", any: "Tất cả", didYouMean: "Có phải bạn muốn tìm",
        noResults: "Không tìm thấy văn bản nào khớp", results: "văn bản khớp", about: "Khoảng",
        wordsApart: "Văn bản có các tiếng nhưng đứng rời nhau",
        bestMatch: "Không văn bản nào chứa đủ mọi từ; dưới đây là các văn bản chứa nhiều từ nhất",
        readAsQuestion: "Đọc như một câu hỏi, bỏ qua", previous: "← Trước", next: "Sau →", page: "Trang",
        removeFilter: "bỏ lọc", number: "Số hiệu", date: "Ngày", signer: "Người ký", format: "Định dạng",
        file: "Tệp", text: "Toàn văn", cites: "Văn bản này trích dẫn", citedBy: "Được trích dẫn bởi",
        mentionsElsewhere: "Được nhắc đến ở văn bản khác", notInIndex: "không có trong chỉ mục",
        unresolved: "chưa xác định được văn bản", times: "lần", download: "Tải danh mục trích dẫn",
        graph: "Sơ đồ trích dẫn", graphOf: "Sơ đồ trích dẫn quanh", depth: "Số bước",
        noCitations: "Văn bản này không trích dẫn văn bản nào.", noCitedBy: "Chưa văn bản nào trong chỉ mục trích dẫn văn bản này.",
        noMentions: "Không có nơi nào nhắc đến.", documentsBearing: "Văn bản mang số này",
        noDocumentNumbered: "Không có văn bản mang số này trong chỉ mục",
        resolvedShort: "suy ra từ cách viết tắt", error: "Lỗi", backToSearch: "Về trang tìm kiếm",
        syntaxHelp: "Cú pháp: \"cụm từ\" · a OR b · -từ · tiền_tố* · so:02-NQ/TW · loai:QĐ · coquan:\"bac ninh\" · nam:2025 · ngay:2025-11-01..2025-11-30 · tieude:\"chuyển đổi số\". Gõ có dấu để tìm đúng dấu, gõ không dấu để tìm mọi cách viết.",
        api: "API", inIndex: "văn bản trong chỉ mục")

    static let en = Strings(
        lang: "en", otherLang: "vi", otherLangName: "Tiếng Việt", appName: "VanBan — document search",
        search: "Search", searchPlaceholder: "Words, a number (565-CV/ĐĐTLĐ) or a question",
        numberLookup: "Number look-up", mentions: "Mentions",
        numberPlaceholder: "A number, e.g. 380/NQ-CP", referencePlaceholder: "E.g. Nghị quyết 02-NQ/TW",
        type: "Type", issuer: "Issuer", year: "Year", from: "From", to: "To",
        sort: "Sort", sortRelevance: "Relevance", sortOldest: "Oldest first", sortNewest: "Newest first",
        marks: "Marks", marksAuto: "As typed", marksExact: "Exact marks", marksFold: "Ignore marks",
        apply: "Apply", any: "Any", didYouMean: "Did you mean",
        noResults: "No documents match", results: "documents match", about: "About",
        wordsApart: "Documents holding the syllables apart",
        bestMatch: "No document holds every word; those holding the most come first",
        readAsQuestion: "Read as a question, without", previous: "← Previous", next: "Next →", page: "Page",
        removeFilter: "remove", number: "Number", date: "Date", signer: "Signed by", format: "Format",
        file: "File", text: "Text", cites: "This document cites", citedBy: "Cited by",
        mentionsElsewhere: "Mentioned elsewhere", notInIndex: "not in the index",
        unresolved: "document not settled", times: "times", download: "Download the citation list",
        graph: "Citation graph", graphOf: "Citation graph around", depth: "Steps",
        noCitations: "This document cites no other.", noCitedBy: "No document of the index cites this one.",
        noMentions: "No mentions.", documentsBearing: "Documents bearing this number",
        noDocumentNumbered: "No document of the index bears this number",
        resolvedShort: "resolved from a short form", error: "Error", backToSearch: "Back to search",
        syntaxHelp: "Syntax: \"phrase\" · a OR b · -word · prefix* · so:02-NQ/TW · loai:QĐ · coquan:\"bac ninh\" · nam:2025 · ngay:2025-11-01..2025-11-30 · tieude:\"chuyển đổi số\". Type marks to match them exactly; type without marks to match every spelling.",
        api: "API", inIndex: "documents in the index")

    /// What an error status means, in the page's language; the error's own message (in English for now,
    /// as the library's are) follows it.
    func meaning(ofStatus status: Int) -> String {
        let english = lang == "en"
        switch status {
        case 404: return english ? "There is no such page or document." : "Không có trang hoặc văn bản này."
        case 413: return english ? "The query is too long." : "Truy vấn quá dài."
        case 503: return english ? "The server cannot answer now; try again, or narrow the query." : "Máy chủ chưa trả lời được; hãy thử lại hoặc thu hẹp truy vấn."
        case 400..<500: return english ? "The request cannot be read." : "Yêu cầu không hợp lệ."
        default: return english ? "The server could not answer." : "Máy chủ không trả lời được."
        }
    }

    /// A date as the page's language writes it: `24/11/2025` in Vietnamese, `2025-11-24` in English.
    func day(_ iso: String?) -> String? {
        guard let iso else { return nil }
        let parts = iso.split(separator: "-")
        guard lang == "vi", parts.count == 3, let d = Int(parts[2]), let m = Int(parts[1]) else { return iso }
        return String(format: "%02d/%02d/%@", d, m, String(parts[0]))
    }

    /// "N mentions in M documents", in the page's language (English in the singular for 1).
    func mentionsSummary(_ mentions: Int, in documents: Int) -> String {
        guard lang == "en" else { return "\(mentions) lần nhắc đến trong \(documents) văn bản" }
        return "\(mentions) mention\(mentions == 1 ? "" : "s") in \(documents) document\(documents == 1 ? "" : "s")"
    }

    /// "and N with the words apart", after the count of documents holding the words as words.
    func andApart(_ n: Int) -> String { lang == "en" ? "and \(n) with the syllables apart" : "và \(n) văn bản có các tiếng đứng rời nhau" }
}
