import Testing
@testable import VietText

@Suite("Question words")
struct QuestionWordsTests {
    typealias Role = QuestionWords.Role

    /// The words of `text` (exact or folded) and the roles read for them.
    static func roles(_ text: String, marked: Bool = true) -> [String: Role]? {
        let words = Analyzer().tokens(in: text).map { marked ? $0.exact : $0.folded }
        guard let roles = QuestionWords.roles(of: words, marked: marked, endsWithMark: text.hasSuffix("?")) else { return nil }
        return Dictionary(zip(words, roles), uniquingKeysWith: { a, _ in a })
    }

    @Test func interrogativesOfSeveralSyllablesAreLeftOut() throws {
        let r = try #require(Self.roles("nghỉ phép năm được bao nhiêu ngày"))
        #expect(r["bao"] == .interrogative && r["nhiêu"] == .interrogative)
        #expect(r["được"] == .function)
        #expect(r["nghỉ"] == .content && r["ngày"] == .content)
        let how = try #require(Self.roles("lệ phí trước bạ tính như thế nào"))
        #expect(["như", "thế", "nào"].allSatisfy { how[$0] == .interrogative })
    }

    @Test func unmarkedQuestionsAreReadByTheirFoldedForms() throws {
        let r = try #require(Self.roles("chung thuc ban sao mat bao lau", marked: false))
        #expect(r["bao"] == .interrogative && r["lau"] == .interrogative && r["chung"] == .content)
        // `may` is also `máy` and `dau` is `đầu`, `dầu`: unmarked, they are read as content.
        let machine = try #require(Self.roles("xe may dau tu bao nhieu", marked: false))
        #expect(machine["may"] == .content && machine["dau"] == .content)
        #expect(Self.roles("mấy giờ mở cửa")?["mấy"] == .interrogative)
    }

    @Test func particlesCountOnlyWhereTheyAsk() throws {
        // "không" asks at the end, not inside; "ai" asks first, not inside.
        #expect(Self.roles("thanh toán không dùng tiền mặt") == nil)
        let ends = try #require(Self.roles("đảng viên sinh con thứ ba có bị kỷ luật không"))
        #expect(ends["không"] == .function && ends["có"] == .function && ends["kỷ"] == .content)
        #expect(Self.roles("ai có thẩm quyền xử phạt")?["ai"] == .function)
        #expect(Self.roles("trí tuệ nhân tạo ai") == nil)
        // A one-syllable interrogative may be part of a word: the search keeps it where it is one ("bản sao").
        #expect(Self.roles("bản sao là gì")?["sao"] == .function)
    }

    @Test func noQuestionNoRoles() {
        #expect(Self.roles("công đoàn cơ sở") == nil)
        #expect(Self.roles("") == nil)
        #expect(Self.roles("bao nhiêu") == nil, "nothing would be left to ask about")
        #expect(Self.roles("mức đóng bảo hiểm?")?.values.contains(.content) == true, "a question mark makes a question")
    }
}
