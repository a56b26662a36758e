import Foundation
import Testing
@testable import DocRefs

struct HeaderExtractorTests {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: "txt"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test func stateDecisionWithBrokenNumberAndDate() throws {
        let h = HeaderExtractor.extract(from: try Self.fixture("header-state"))
        #expect(h.number?.display == "125/2025/QĐ-CT")
        #expect(h.issuer == "CỤC THUẾ")
        #expect(h.parentIssuer == "BỘ TÀI CHÍNH")
        #expect(h.type == "Quyết định")
        #expect(h.date == "2025-03-05")
        #expect(h.place == "Hà Nội")
        #expect(h.title == "Về việc ban hành quy chế làm việc")
        #expect(h.signerRole == "KT. CỤC TRƯỞNG PHÓ CỤC TRƯỞNG")
        #expect(h.signer == "Nguyễn Văn An")
        #expect(h.recipients == ["Như Điều 3"])
    }

    @Test func partyResolutionWithTabbedColumns() throws {
        let h = HeaderExtractor.extract(from: try Self.fixture("header-party"))
        #expect(h.number?.display == "15-NQ/HU")
        #expect(h.number?.style == .party)
        #expect(h.issuer == "HUYỆN ỦY YÊN PHONG")
        #expect(h.parentIssuer == "ĐẢNG BỘ TỈNH BẮC NINH")
        #expect(h.type == "Nghị quyết")
        #expect(h.date == "2018-04-03")
        #expect(h.place == "Yên Phong")
        #expect(h.signerRole == "T/M BAN THƯỜNG VỤ BÍ THƯ")
        #expect(h.signer == "Trần Thị Bình")
    }

    @Test func tradeUnionWithPipeColumns() throws {
        let h = HeaderExtractor.extract(from: try Self.fixture("header-union"))
        #expect(h.number?.display == "933/QĐ-TLĐ")
        #expect(h.issuer == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM")
        #expect(h.type == "Quyết định")
        #expect(h.date == "2024-05-14")
        #expect(h.title == "Ban hành quy định về thể loại văn bản")
        #expect(h.signer == "Nguyễn Đình Khang")
    }

    @Test func congVanWithSubjectLineAndAddressees() throws {
        let text = try Self.fixture("header-congvan")
        let h = HeaderExtractor.extract(from: text)
        #expect(h.number?.display == "1234/UBND-KT")
        #expect(h.type == "Công văn")
        #expect(h.title == "V/v triển khai Nghị quyết 02")
        #expect(h.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
        #expect(h.date == "2021-08-13")
        #expect(h.recipients == ["Sở Nội vụ", "Liên đoàn Lao động tỉnh"])
        #expect(h.signer == "Lê Văn Cường")
        let cites = CitationExtractor.extract(from: text, ownNumber: h.number)
        #expect(!cites.contains { $0.key == h.number?.key })
        #expect(cites.first { $0.kind == .full }?.relation == .implements)
    }

    @Test func textWithoutHeaderGivesEmptyMetadata() throws {
        #expect(HeaderExtractor.extract(from: try Self.fixture("header-none")) == DocumentHeader())
        #expect(HeaderExtractor.extract(from: "") == DocumentHeader())
    }

    @Test func sidecarOverridesFields() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docrefs-sidecar-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(try Sidecar.load(for: file) == nil)
        try #"{"number": "565-CV/DDTLD", "date": "2021-08-13", "pages": 3}"#.write(
            to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        let fields = try #require(try Sidecar.load(for: file))
        var h = DocumentHeader(issuer: "X")
        Sidecar.apply(fields, to: &h)
        #expect(h.number?.display == "565-CV/ĐĐTLĐ")
        #expect(h.date == "2021-08-13")
        #expect(h.issuer == "X")
        try "[1]".write(to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        #expect(throws: Sidecar.Failure.self) { try Sidecar.load(for: file) }
    }
}

/// Texts without a letterhead: what the body says about the document, and what it must not be taken for.
struct BodyStatementTests {
    @Test func selfReferenceGivesTheType() {
        let h = HeaderExtractor.extract(from: "CHƯƠNG I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nThông tư này quy định về dự phòng rủi ro.\nĐiều 9. Thông tư này có hiệu lực từ ngày 1/1/2022. Nghị định này được dẫn.")
        #expect(h.type == "Thông tư")
        #expect(h.issuer == nil, "a chapter heading is no issuer")
        #expect(h.date == nil, "an effective date is not the date of issue")
        #expect(HeaderExtractor.extract(from: "Điều 1. Bộ luật này quy định tội phạm.\nBộ luật này có hiệu lực.").type == "Bộ luật")
        #expect(HeaderExtractor.extract(from: "Điều 1. Phạm vi\nvăn bản này và Điều này").type == nil)
        #expect(HeaderExtractor.extract(from: "Kính gửi: Sở Tài chính\nTheo Nghị định này thì …").type == "Công văn", "a letter quoting a decree stays a letter")
    }

    @Test func closingFormulaGivesAdoptingBodyAndDate() {
        let law = "CHƯƠNG I\nĐiều 1. Luật này quy định …\n" + String(repeating: "Nội dung điều khoản.\n", count: 400)
            + "Luật này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá X, kỳ họp thứ hai thông qua ngày 12 tháng 12 năm 1997."
        let h = HeaderExtractor.extract(from: law)
        #expect(h.issuer == "Quốc hội")
        #expect(h.date == "1997-12-12")
        #expect(h.type == "Luật")
        let council = HeaderExtractor.extract(from: "Nghị quyết này đã được Hội đồng nhân dân tỉnh Bắc Ninh khóa XIX, kỳ họp thứ 10 thông qua ngày 5 tháng 7 năm 2024.")
        #expect(council.issuer == "Hội đồng nhân dân tỉnh Bắc Ninh")
        #expect(council.date == "2024-07-05")
        let other = HeaderExtractor.extract(from: "Dự thảo đã được Bộ Tư pháp thông qua ngày 5 tháng 7 năm 2024.")
        #expect(other.issuer == nil && other.date == nil, "only a legislature or council adopts a text this way")
    }

    @Test func citedDatesAreNotTheDocumentsDate() {
        let letter = """
        Kính gửi: Các Bộ
        Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025 và
        Kết luận số 221-KL/TW, ngày 28/11/2025 của Bộ Chính trị, theo Báo cáo số 11296/BC-BNV
        ngày 27/11/2025 của Bộ Nội vụ, đề nghị các Bộ khẩn trương thực hiện.
        """
        #expect(HeaderExtractor.extract(from: letter).date == nil)
        #expect(HeaderExtractor.extract(from: "Hà Nội, ngày 02 tháng 12 năm 2025\nKính gửi: Các Bộ").date == "2025-12-02")
    }

    @Test func mottoSplitAcrossLinesIsNotTheIssuer() {
        let h = HeaderExtractor.extract(from: "BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ\nNGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 5330/CT-CS\nV/v chính sách thuế\n")
        #expect(h.issuer == "CỤC THUẾ")
        #expect(h.parentIssuer == "BỘ TÀI CHÍNH")
        #expect(h.type == "Công văn")
    }

    @Test func appendixHeadingsNameTheirParent() {
        let text = "Điều 1 …\n(Kèm theo Công văn số 174/CV-BCĐ ngày 02 tháng 12 năm 2025 của Ban Chỉ đạo)\n(Ban hành kèm theo Thông tư số 22/2019/TT-NHNN ngày 15/11/2019)\n(kèm theo quyết định)\n(Bảng 1)"
        let parents = BodyStatements.appendixParents(in: text)
        #expect(parents.map(\.number.display) == ["174/CV-BCĐ", "22/2019/TT-NHNN"])
        #expect(parents.map(\.date) == ["2025-12-02", "2019-11-15"])
        #expect(BodyStatements.appendixParents(in: "Theo Công văn số 5/CV-BCĐ ngày 2/12/2025 (đã gửi)").isEmpty)
    }

    @Test func newsSentenceGivesTheIssueDateOfItsOwnNumberOnly() throws {
        let own = try #require(DocNumberParser.parse("389/NQ-CP"))
        let news = "Bổ sung 41 cửa khẩu\nNgày 2/12/2025, Chính phủ ban hành Nghị quyết 389/NQ-CP về việc bổ sung."
        #expect(BodyStatements.issueStatement(in: news, of: own).map { [$0.date, $0.type] } == ["2025-12-02", "Nghị quyết"])
        let spelled = "Tin mới. Ngày 18 tháng 11 năm 2025, Bộ Tài chính đã ban hành Công văn số 389/NQ-CP."
        #expect(BodyStatements.issueStatement(in: spelled, of: own).map { [$0.date, $0.type] } == ["2025-11-18", "Công văn"])
        // Another document's issue, a date inside a sentence, an effective date, no "ban hành": nothing.
        #expect(BodyStatements.issueStatement(in: "Ngày 2/12/2025, Chính phủ ban hành Nghị quyết 390/NQ-CP.", of: own) == nil)
        #expect(BodyStatements.issueStatement(in: "Từ ngày 2/12/2025, Chính phủ ban hành Nghị quyết 389/NQ-CP.", of: own) == nil)
        #expect(BodyStatements.issueStatement(in: "Nghị quyết 389/NQ-CP có hiệu lực từ ngày 2/12/2025.", of: own) == nil)
        #expect(BodyStatements.issueStatement(in: "Ngày 2/12/2025, Chính phủ họp. Sau đó ban hành Nghị quyết 389/NQ-CP.", of: own) == nil)
        let late = String(repeating: "x ", count: 1_000) + "\nNgày 2/12/2025, Chính phủ ban hành Nghị quyết 389/NQ-CP."
        #expect(BodyStatements.issueStatement(in: late, of: own) == nil, "only the opening of the text is read")
    }
}

struct FileNameAndIssuerCodeTests {
    @Test func fileNamesThatSpellANumber() {
        #expect(DocNumberParser.parseFileName("145-2020-nd-cp.pdf")?.key == "145/2020/ND-CP")
        #expect(DocNumberParser.parseFileName("11520-vpcp-cn-2025.txt")?.key == "11520/VPCP-CN")
        #expect(DocNumberParser.parseFileName("565_CV_DDTLD.docx")?.key == "565-CV/DDTLD")
        #expect(DocNumberParser.parseFileName("02-1997-qh10.txt")?.key == "2/1997/QH10")
        #expect(DocNumberParser.parseFileName("0124-kh-ubnd.txt")?.key == "124/KH-UBND")
    }

    @Test func fileNamesThatDoNot() {
        for name in ["01-bao-cao.txt", "2021-08-01.txt", "bao-cao-tong-ket.docx", "ke-hoach-2025.md", "12.txt", "3-tuan-le.txt", ".hidden"] {
            #expect(DocNumberParser.parseFileName(name) == nil, "\(name)")
        }
    }

    @Test func issuerCodesNameNationwideBodiesOnly() {
        func issuer(_ number: String) -> String? { DocNumberParser.parse(number).flatMap(IssuerCodes.issuer(of:)) }
        #expect(issuer("145/2020/NĐ-CP") == "Chính phủ")
        #expect(issuer("45/2019/QH14") == "Quốc hội")
        #expect(issuer("17809/BTC-CTK") == "Bộ Tài chính")
        #expect(issuer("22/2019/TT-NHNN") == "Ngân hàng Nhà nước Việt Nam")
        #expect(issuer("565-CV/ĐĐTLĐ") == "Đảng đoàn Tổng Liên đoàn Lao động Việt Nam")
        #expect(issuer("1234/UBND-VX") == nil, "every province has a UBND")
        #expect(issuer("02-NQ/TW") == nil, "TW is the Central Committee, the Politburo or the Secretariat")
        #expect(issuer("12/XYZ-AB") == nil)
    }
}

struct SubjectLineTests {
    @Test func capitalSubjectStopsAtTheBody() {
        let text = "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\nSố: 310/KH-UBND\nHà Nội, ngày 5 tháng 11 năm 2025\nKẾ HOẠCH\nPHÁT TRIỂN HẠ TẦNG 5G\nGIAI ĐOẠN\n2026 - 2030\nTriển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị\n"
        #expect(HeaderExtractor.extract(from: text).title == "PHÁT TRIỂN HẠ TẦNG 5G GIAI ĐOẠN 2026 - 2030")
        let mixed = "Số: 15/2024/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc quản lý\nđất đai trên địa bàn\n"
        #expect(HeaderExtractor.extract(from: mixed).title == "Về việc quản lý đất đai trên địa bàn")
    }

    @Test func ruleGluedToTheNumberLine() {
        // pdftotext without -layout glues the rules under the issuer and the motto to the next line.
        let text = "BỘ TÀI\nCHÍNH\nCỤC HẢI QUAN\n------CỘNG HÒA\nXÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n--------------Số: 37416/TB-CHQ\nHà Nội,\nngày 21 tháng 11 năm 2025\nTHÔNG BÁO\nVỀ KẾT QUẢ XÁC ĐỊNH\n"
        let h = HeaderExtractor.extract(from: text)
        #expect(h.number?.display == "37416/TB-CHQ")
        #expect(h.date == "2025-11-21")
        #expect(h.issuer == "CỤC HẢI QUAN")
        #expect(h.type == "Thông báo")
    }

    @Test func subjectOnTheLineAfterABareVv() {
        let h = HeaderExtractor.extract(from: "CỤC THUẾ\nSố: 5330/CT-CS\nV/v:\nChính sách thuế TNCN\n\nHà Nội, ngày 19 tháng 11 năm 2025\nKính gửi: Bà A")
        #expect(h.title == "V/v: Chính sách thuế TNCN")
        let h2 = HeaderExtractor.extract(from: "CỤC THUẾ\nSố: 5330/CT-CS\nV/v chính sách thuế\nHà Nội, ngày 19 tháng 11 năm 2025")
        #expect(h2.title == "V/v chính sách thuế")
    }
}
