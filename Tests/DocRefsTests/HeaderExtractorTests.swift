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

    @Test func textWithoutHeaderGivesOnlyItsFirstSentenceMarkedDerived() throws {
        let h = HeaderExtractor.extract(from: try Self.fixture("header-none"))
        #expect(h == DocumentHeader(title: "Biên bản ghi chép buổi sinh hoạt chi đoàn, không có tiêu đề", titleDerived: true))
        #expect(HeaderExtractor.extract(from: "") == DocumentHeader())
        #expect(HeaderExtractor.extract(from: "\n|\n---\n|\n") == DocumentHeader(), "no words, no title")
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

/// Whole titles: the subject under the type word joined across line breaks, up to the body, the issuer's title
/// printed again above it, or the signature block. The layouts are those of the sample corpus's documents named.
struct HeaderExtractorTitleTests {
    static func title(_ text: String) -> String? { HeaderExtractor.extract(from: text).title }

    static let stateHead = "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n-------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\nSố: 1951/QĐ-UBND\nCao Bằng, ngày 18\ntháng 11 năm 2025\n"

    /// 212-KL/TW: "BAN BÍ THƯ" after "CỦA BỘ CHÍNH TRỊ," goes on with the subject; a rule ends it.
    @Test func aCommaCarriesTheSubjectOverABodysName() {
        let text = "BAN\nCHẤP HÀNH TRUNG ƯƠNG\n\nĐẢNG\nCỘNG SẢN VIỆT NAM\n---------------\n\nSố 212-KL/TW\n\nHà Nội, ngày 18\ntháng 11 năm 2025\n\nKẾT LUẬN\nCỦA BỘ CHÍNH TRỊ,\nBAN BÍ THƯ\nVỀ ĐỊNH HƯỚNG XÂY\nDỰNG TIÊU CHUẨN CỦA ĐƠN VỊ HÀNH CHÍNH\nĐÔ THỊ\n-----\nTại phiên họp ngày 14/11/2025, Bộ Chính trị kết luận như sau:\n"
        let h = HeaderExtractor.extract(from: text)
        #expect(h.title == "CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ ĐỊNH HƯỚNG XÂY DỰNG TIÊU CHUẨN CỦA ĐƠN VỊ HÀNH CHÍNH ĐÔ THỊ")
        #expect(h.issuer == "BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG opens the motto ĐẢNG CỘNG SẢN VIỆT NAM")
        #expect(!h.titleDerived)
    }

    /// 89/2025/QĐ-UBND: "PHÂN CẤP" folds like "PHẦN", "CHƯƠNG TRÌNH" like "CHƯƠNG", "ĐIỀU CHỈNH" like "ĐIỀU":
    /// none is a numbered heading, so none ends the subject; "Căn cứ" does.
    @Test(arguments: ["PHÂN CẤP TUYỂN DỤNG VIÊN CHỨC", "CHƯƠNG TRÌNH GIẢM NGHÈO", "ĐIỀU CHỈNH QUY HOẠCH", "MỤC ĐÍCH CHUNG"])
    func subjectsThatOpenLikeHeadingsAreKept(subject: String) {
        let text = Self.stateHead + "QUYẾT ĐỊNH\n\(subject)\nTRÊN ĐỊA BÀN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
        #expect(Self.title(text) == subject + " TRÊN ĐỊA BÀN TỈNH")
        let heading = Self.stateHead + "QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP\nCHƯƠNG I\nQUY ĐỊNH CHUNG\n"
        #expect(Self.title(heading) == "VỀ VIỆC THÀNH LẬP", "a numbered heading is the body")
    }

    /// 1951/QĐ-UBND: a body's name after a comma goes on; the chairman's title above "Căn cứ" does not.
    /// 3361/QĐ-BCT: the minister's title, broken "BỘ" / "TRƯỞNG BỘ CÔNG THƯƠNG", after an empty line.
    @Test func theIssuersTitleAboveTheBodyIsNotTheSubject() {
        let cao = Self.stateHead + "QUYẾT ĐỊNH\nVỀ\nVIỆC CÔNG BỐ DANH MỤC THỦ TỤC CỦA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG, SỞ TÀI CHÍNH,\nỦY BAN NHÂN DÂN CẤP XÃ TỈNH CAO BẰNG\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
        #expect(Self.title(cao) == "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC CỦA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG, SỞ TÀI CHÍNH, ỦY BAN NHÂN DÂN CẤP XÃ TỈNH CAO BẰNG")
        let bct = "BỘ CÔNG\nTHƯƠNG\n-------\nSố: 3361/QĐ-BCT\nHà Nội, ngày\n18 tháng 11 năm 2025\n\nQUYẾT\nĐỊNH\n\nVỀ VIỆC CÔNG BỐ THỦ TỤC THUỘC PHẠM VI QUẢN LÝ CỦA\nBỘ CÔNG THƯƠNG\n\nBỘ\nTRƯỞNG BỘ CÔNG THƯƠNG\n\nCăn cứ Nghị định số 40/2025/NĐ-CP;\n"
        #expect(Self.title(bct) == "VỀ VIỆC CÔNG BỐ THỦ TỤC THUỘC PHẠM VI QUẢN LÝ CỦA BỘ CÔNG THƯƠNG")
        // A comma inside the issuer's title: it ends with the issuer's own name.
        let vh = "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n-------\nSố: 4508/QĐ-BVHTTDL\nHà Nội, ngày 18 tháng 11 năm 2025\nQUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH\nBỘ TRƯỞNG BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nCăn cứ Nghị định số 43/2025/NĐ-CP;\n"
        #expect(Self.title(vh) == "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH")
        // Mixed case: the collective body above the body text.
        let qh = "NGHỊ QUYẾT\n\nSửa đổi, bổ sung một số điều của Hiến pháp\n\nQUỐC HỘI\n\nCăn cứ Hiến pháp;\n"
        #expect(Self.title(qh) == "Sửa đổi, bổ sung một số điều của Hiến pháp")
    }

    /// Where the line before leaves the phrase open, or the block is no title ("QUỐC HỘI QUYẾT ĐỊNH …"), a line
    /// opening with a body's name is the subject's.
    @Test func aBodysNameInsideTheSubjectGoesOn() {
        let open = Self.stateHead + "QUYẾT ĐỊNH\nVỀ VIỆC TÁCH NỘI DUNG DỰ ÁN ĐÃ ĐƯỢC\nQUỐC HỘI QUYẾT ĐỊNH CHỦ TRƯƠNG ĐẦU TƯ\nCăn cứ Luật Đầu tư công;\n"
        #expect(Self.title(open) == "VỀ VIỆC TÁCH NỘI DUNG DỰ ÁN ĐÃ ĐƯỢC QUỐC HỘI QUYẾT ĐỊNH CHỦ TRƯƠNG ĐẦU TƯ")
        let tone = Self.stateHead + "NGHỊ QUYẾT\nVỀ VIỆC CHO PHÉP NHẬP CẢNH BẰNG THỊ THỰC ĐIỆN TỬ\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\n"
        #expect(Self.title(tone) == "VỀ VIỆC CHO PHÉP NHẬP CẢNH BẰNG THỊ THỰC ĐIỆN TỬ", "“TỬ” is not the open “TỪ”")
    }

    /// A law is named with its type word; a note in brackets closes a subject, an appendix's "(Kèm theo …)" does not.
    @Test func lawNameLineAndClosingNote() {
        #expect(Self.title("QUỐC HỘI\n-------\nLuật số: 06/2012/QH13\nLUẬT\nBẢO HIỂM TIỀN GỬI\nCăn cứ Hiến pháp;\n") == "LUẬT BẢO HIỂM TIỀN GỬI")
        let note = Self.stateHead + "NGHỊ QUYẾT\n\nQUY ĐỊNH MỨC TIỀN PHẠT TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI\n\n(thực hiện khoản 1 Điều 33 Luật Thủ đô)\n\nHỘI ĐỒNG NHÂN DÂN THÀNH PHỐ HÀ NỘI\nCăn cứ Luật Thủ đô;\n"
        #expect(Self.title(note) == "QUY ĐỊNH MỨC TIỀN PHẠT TRÊN ĐỊA BÀN THÀNH PHỐ HÀ NỘI (thực hiện khoản 1 Điều 33 Luật Thủ đô)")
        let appendix = Self.stateHead + "QUYẾT ĐỊNH\nBAN HÀNH DANH MỤC\n(Kèm theo Quyết định số 5/QĐ-UBND)\n"
        #expect(Self.title(appendix) == "BAN HÀNH DANH MỤC")
    }

    /// 10988/BNV-CQĐP: the "V/v" lines go on across a capital ("… của" / "Đảng, Nhà nước.") to the empty line; a
    /// place broken from its date ("Hà" / "Nội, ngày …") or "Kính gửi" ends them where no empty line does.
    @Test func vvLinesRunToTheEmptyLine() {
        let bnv = "BỘ NỘI VỤ\n--------\nSố:10988/BNV-CQĐP\nV/v tuyên truyền chủ trương, chính sách của\nĐảng, Nhà nước.\n\nHà Nội, ngày\n21 tháng 11 năm 2025\n\nKính gửi:\n"
        #expect(Self.title(bnv) == "V/v tuyên truyền chủ trương, chính sách của Đảng, Nhà nước")
        let road = "VĂN PHÒNG CHÍNH PHỦ\n-------\nSố: 11414/VPCP-CN\nV/v đẩy nhanh tiến độ Dự án đường cao tốc\nBến Lức - Long Thành\nthuộc nhiệm vụ của Đoàn kiểm tra số 06\n\nHà Nội, ngày 20\ntháng 11 năm 2025\n"
        #expect(Self.title(road) == "V/v đẩy nhanh tiến độ Dự án đường cao tốc Bến Lức - Long Thành thuộc nhiệm vụ của Đoàn kiểm tra số 06")
        #expect(Self.title("CỤC THUẾ\nSố: 5/CT-CS\nV/v thuế suất thuế\nGTGT\nHà\nNội, ngày 01 tháng 12 năm 2025\n") == "V/v thuế suất thuế GTGT")
        #expect(Self.title("CỤC THUẾ\nSố: 5/CT-CS\nV/v thuế suất\nKính gửi: Công ty A\n") == "V/v thuế suất")
        // A công văn's subject without "V/v", right under the number.
        #expect(Self.title("SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 5155/SGDĐT-GDTX\nVề hướng dẫn đánh giá trung tâm\nhọc tập cộng đồng\n\nThành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025\n")
                == "Về hướng dẫn đánh giá trung tâm học tập cộng đồng")
    }
}

/// A text whose header gives no title: a news report's or article's headline, else its first sentence, marked
/// derived; captions, the letterhead, the addressees and the bases are not content.
struct HeaderExtractorLeadTitleTests {
    @Test func headlineOfAnArticle() {
        let h = HeaderExtractor.extract(from: "Quốc hội sẽ họp bất thường vào tháng 2/2025\nNội dung chính\nTheo thông báo, kỳ họp bắt đầu ngày 12/2.")
        #expect(h.title == "Quốc hội sẽ họp bất thường vào tháng 2/2025")
        #expect(!h.titleDerived)
        let question = HeaderExtractor.extract(from: "Có được cho mượn căn hộ khi chưa có sổ hồng hay không?\n\nTheo quy định, người mua được cho mượn.")
        #expect(question.title == "Có được cho mượn căn hộ khi chưa có sổ hồng hay không?")
        #expect(!question.titleDerived)
    }

    /// Not headlines: a first line with a full stop, a wrapped sentence (the next line goes on in lower case),
    /// three words of page furniture, an item label.
    @Test func firstLinesThatAreNoHeadline() {
        let stop = HeaderExtractor.extract(from: "Chính phủ ban hành Nghị định số 300/2025/NĐ-CP. Nghị định có hiệu lực từ ngày ký.\nĐoạn hai.")
        #expect(stop.title == "Chính phủ ban hành Nghị định số 300/2025/NĐ-CP")
        #expect(stop.titleDerived)
        let wrapped = HeaderExtractor.extract(from: "Thời gian qua, Ủy ban nhân\ndân thành phố đã có nhiều văn bản chỉ đạo. Câu hai.")
        #expect(wrapped.title == "Thời gian qua, Ủy ban nhân dân thành phố đã có nhiều văn bản chỉ đạo")
        #expect(wrapped.titleDerived)
        let furniture = HeaderExtractor.extract(from: "Download on the\nApp Store\nChủ động ứng phó với siêu bão từ sớm, từ xa.")
        #expect(furniture.titleDerived)
        let item = HeaderExtractor.extract(from: "1. Phạm vi điều chỉnh\n\na) Quyết định này ban hành tiêu chuẩn xe ô tô.\n")
        #expect(item.title == "Quyết định này ban hành tiêu chuẩn xe ô tô")
        #expect(item.titleDerived)
    }

    /// The seed report: photo captions framed by "|" lines are no content; its first sentence stands in.
    @Test func captionsAreSkipped() {
        let h = HeaderExtractor.extract(from: "|\nQuang cảnh buổi làm việc\n|\nCác đồng chí A, B chủ trì buổi làm việc.\nTham dự có đồng chí C.")
        #expect(h.title == "Các đồng chí A, B chủ trì buổi làm việc")
        #expect(h.titleDerived)
    }

    /// A letter without a letterhead: the addressees (on the line, on the next lines, or as a list after an
    /// empty line) and the bases are skipped; the first sentence of the body stands in.
    @Test func addresseesAndBasesAreSkipped() {
        let list = "Kính gửi:\n\n- Các thương nhân đầu mối;\n- Các thương nhân phân phối.\n\nCăn cứ Nghị định số 83/2014/NĐ-CP ngày 03 tháng 9\nnăm 2014 của Chính phủ;\n\nBộ Công Thương công bố giá cơ sở như sau:\n"
        #expect(HeaderExtractor.extract(from: list).title == "Bộ Công Thương công bố giá cơ sở như sau")
        let wrapped = "Kính\ngửi: Chi nhánh Công ty F tại\nHà Nội.\n(Đ/c: Tầng 6, Phố Duy Tân)\nTrả lời công văn số 13/CV-FDI của Chi nhánh, Cục Hải quan có ý kiến như sau:\n"
        #expect(HeaderExtractor.extract(from: wrapped).title == "Trả lời công văn số 13/CV-FDI của Chi nhánh, Cục Hải quan có ý kiến như sau")
        let lower = "Kính gửi: Các\nđồng chí Bộ trưởng\nThực hiện Kết luận số 192-KL/TW, ngày 19/9/2025, Ban Chỉ đạo đề nghị như sau.\n"
        #expect(HeaderExtractor.extract(from: lower).title == "Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025, Ban Chỉ đạo đề nghị như sau",
                "a cited date is not a place-and-date line")
    }

    /// A letterhead without a subject: its lines are skipped, not taken for a headline.
    @Test func letterheadWithoutSubject() {
        let text = "BỘ XÂY DỰNG\n-------\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 39/2025/TT-BXD\nHà Nội, ngày 25\ntháng 11 năm 2025\nTHÔNG TƯ\n\nCăn cứ Luật Đường bộ;\n\nBộ trưởng Bộ Xây dựng ban hành Thông tư sửa đổi định mức.\n"
        let h = HeaderExtractor.extract(from: text)
        #expect(h.title == "Bộ trưởng Bộ Xây dựng ban hành Thông tư sửa đổi định mức")
        #expect(h.titleDerived)
        #expect(h.number?.display == "39/2025/TT-BXD")
    }

    /// Sentence ends: not after an abbreviation ("TP.") or a quoted item's label ("“4."), but after a number's
    /// symbol ("NĐ-CP."); a sentence longer than the limit is cut at a word with "…"; up to "Nơi nhận" only.
    @Test func sentenceEnds() {
        #expect(HeaderExtractor.extract(from: "Công ty tại TP. Hồ Chí Minh hỏi về thuế. Câu hai.").title == "Công ty tại TP. Hồ Chí Minh hỏi về thuế")
        #expect(HeaderExtractor.extract(from: "Bổ sung khoản 4 như sau: “4. Việc trích lập dự phòng.” Câu hai.").title
                == "Bổ sung khoản 4 như sau: “4. Việc trích lập dự phòng.”")
        let words = (1...80).map { "từ\($0)" }.joined(separator: " ")
        let long = HeaderExtractor.extract(from: words + ".")
        #expect(long.title == (1...LeadTitle.maxWords).map { "từ\($0)" }.joined(separator: " ") + " …")
        #expect(HeaderExtractor.extract(from: "Nơi nhận:\n- Như trên;\n- Lưu: VT.").title == nil)
        #expect(HeaderExtractor.extract(from: "CHƯƠNG I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\n").title == nil, "headings only")
    }
}

/// The issuer as written and its display form: one spelling per body.
struct HeaderExtractorIssuerTests {
    /// A name broken inside its first words ("CHỦ TỊCH ỦY" / "BAN NHÂN DÂN") is one name.
    @Test func issuerBrokenInsideItsHead() {
        let h = HeaderExtractor.extract(from: "CHỦ TỊCH ỦY\nBAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n--------\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nSố:\n144/2025/QĐ-CTUBND\n")
        #expect(h.issuer == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP")
        #expect(h.parentIssuer == nil)
        let two = HeaderExtractor.extract(from: "BỘ TÀI CHÍNH\nCỤC THUẾ\n-------\nSố: 5/CT-CS\n")
        #expect(two.issuer == "CỤC THUẾ" && two.parentIssuer == "BỘ TÀI CHÍNH")
    }

    @Test(arguments: [
        ("UỶ BAN NHÂN DÂN TỈNH THANH HOÁ", nil, "ỦY BAN NHÂN DÂN TỈNH THANH HÓA"),
        ("Ủy ban nhân dân tỉnh Đắk Lắk", nil, "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"),
        ("Chính phủ", "145/2020/NĐ-CP", "CHÍNH PHỦ"),
        ("VĂN PHÒNG", "07-KL/VPTW", "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG"),
        ("BAN TỔ CHỨC", "45-HD/BTCTW", "BAN TỔ CHỨC TRUNG ƯƠNG"),
        ("VĂN PHÒNG", nil, "VĂN PHÒNG"),
        ("VĂN PHÒNG", "5/UBND-VP", "VĂN PHÒNG"),
        ("VĂN PHÒNG TỈNH ỦY", "07-KL/VPTW", "VĂN PHÒNG TỈNH ỦY"),
        ("BỘ TÀI CHÍNH", "17809/BTC-CTK", "BỘ TÀI CHÍNH"),
    ] as [(String, String?, String)])
    func displayFormIsOneSpellingPerBody(written: String, number: String?, display: String) {
        let header = DocumentHeader(issuer: written, number: number.flatMap(DocNumberParser.parse))
        #expect(header.issuerDisplay == display)
        #expect(header.issuer == written, "the form as written is kept")
    }

    @Test func noIssuerNoDisplay() {
        #expect(DocumentHeader().issuerDisplay == nil)
    }
}
