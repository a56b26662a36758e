/// The words of a question typed as a person asks it that are not what it asks about: its interrogatives
/// ("bao nhiêu", "như thế nào", "mấy giờ", "có … không") and the function words it is built with ("được",
/// "thì", "là", "mất"). A search reads a question by the rest ("nghỉ phép năm được bao nhiêu ngày" →
/// "nghỉ phép năm … ngày").
public enum QuestionWords {
    /// What a word of a query is to its question.
    public enum Role: Sendable, Equatable {
        /// What the question asks about.
        case content
        /// An interrogative of two or three syllables: left out.
        case interrogative
        /// An interrogative of one syllable, a question particle or a function word: left out when it forms
        /// no word with a neighbour ("sao" in "bản sao", "cơ" in "cơ quan"; the search judges that).
        case function
    }

    /// Interrogatives of two or three syllables (exact forms).
    static let phrases: [[String]] = [
        ["như", "thế", "nào"], ["bao", "nhiêu"], ["bao", "lâu"], ["bao", "giờ"], ["thế", "nào"], ["ra", "sao"],
        ["là", "gì"], ["làm", "gì"], ["khi", "nào"], ["lúc", "nào"], ["ở", "đâu"], ["tại", "sao"], ["vì", "sao"],
        ["mấy", "giờ"], ["hay", "không"], ["được", "không"], ["hay", "chưa"], ["có", "phải"], ["phải", "không"],
    ]
    /// Interrogatives of one syllable, anywhere (exact forms).
    static let singles: Set<String> = ["gì", "nào", "đâu", "mấy", "sao", "chăng", "hả", "nhỉ"]
    /// Those of them whose unmarked form is not also a common word (`dau` is `đầu`, `dầu`; `may` is `máy`;
    /// `sao` is `bản sao`): an unmarked query reads these alone.
    static let foldedSingles: Set<String> = ["gi", "nao", "chang", "nhi"]
    /// Interrogatives only as the last word ("… có bị kỷ luật không", "… đã nộp chưa", "… vậy").
    static let last: Set<String> = ["không", "chưa", "vậy", "ạ"]
    /// Interrogatives only as the first word ("ai có thẩm quyền …").
    static let first: Set<String> = ["ai"]
    /// Function words a question is built with (exact forms).
    static let function: Set<String> = [
        "có", "được", "bị", "thì", "là", "phải", "mất", "cần", "nếu", "khi", "đã", "sẽ", "đang", "của", "cho",
        "từ", "đến", "với", "và", "các", "những", "một", "thế", "hay", "hoặc", "thể",
    ]

    private static let foldedPhrases = phrases.map { $0.map(Folding.fold) }
    private static let foldedLast = Set(last.map(Folding.fold))
    private static let foldedFirst = Set(first.map(Folding.fold))
    private static let foldedFunction = Set(function.map(Folding.fold))

    /// The role of each of `words` (lower-case, NFC; exact forms when `marked`, folded forms otherwise),
    /// nil when they make no question: a question holds an interrogative, or ends with "?" (`endsWithMark`).
    public static func roles(of words: [String], marked: Bool, endsWithMark: Bool = false) -> [Role]? {
        guard !words.isEmpty else { return nil }
        var roles = Array(repeating: Role.content, count: words.count)
        var asks = false
        var i = 0
        while i < words.count {
            let table = marked ? phrases : foldedPhrases
            if let phrase = table.filter({ $0.count <= words.count - i && Array(words[i..<(i + $0.count)]) == $0 })
                .max(by: { $0.count < $1.count }) {
                for k in i..<(i + phrase.count) { roles[k] = .interrogative }
                asks = true
                i += phrase.count
                continue
            }
            let word = words[i]
            if (marked ? singles.contains(word) : foldedSingles.contains(word))
                || (i == words.count - 1 && (marked ? last : foldedLast).contains(word))
                || (i == 0 && words.count > 1 && (marked ? first : foldedFirst).contains(word)) {
                roles[i] = .function
                asks = true
            } else if (marked ? function : foldedFunction).contains(word) {
                roles[i] = .function
            }
            i += 1
        }
        guard asks || endsWithMark, roles.contains(.content) else { return nil }
        return roles
    }
}
