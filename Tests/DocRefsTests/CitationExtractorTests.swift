import Testing
@testable import DocRefs

struct CitationExtractorTests {
    @Test func listSharesTrailingSymbolAndDate() {
        let c = CitationExtractor.extract(from: "Quán triệt các Nghị quyết số 01, 02 và 03-NQ/TW ngày 25/10/2017 của Bộ Chính trị.")
        #expect(c.map(\.key) == ["1-NQ/TW", "2-NQ/TW", "3-NQ/TW"])
        #expect(c.allSatisfy { $0.date == "2017-10-25" && $0.relation == .implements })
        #expect(c.allSatisfy { $0.issuer == "Bộ Chính trị" })
    }

    /// Found by fuzzing: an article number at the very end of the text read one character past it.
    @Test(arguments: ["Điều 5", "theo Điều 5 ", "khoản 2 Điều 05\n"])
    func articleNumberEndingTheText(text: String) {
        #expect(CitationExtractor.extract(from: text).isEmpty)
    }

    @Test func relationsFromCueWords() {
        let text = "Căn cứ Nghị định số 30/2020/NĐ-CP; sửa đổi, bổ sung Thông tư số 78/2021/TT-BTC; thay thế Quyết định số 1014/QĐ-TLĐ; "
            + "bãi bỏ Chỉ thị số 05/CT-UBND; hướng dẫn Nghị định số 145/2020/NĐ-CP; theo Công văn số 565-CV/ĐĐTLĐ, ngày 13/8/2021."
        let c = CitationExtractor.extract(from: text)
        #expect(c.map(\.relation) == [.basedOn, .amends, .replaces, .repeals, .guides, .refersTo])
        #expect(c.last?.date == "2021-08-13")
        #expect(c.last?.text == "Công văn số 565-CV/ĐĐTLĐ")
    }

    /// A number written without the type its type word names takes the type when the citation is dated under
    /// Nghị định 30/2020/NĐ-CP (N/TYPE-ISSUER); older numbers, công văn and undated citations stay as written.
    @Test(arguments: [
        ("- Chỉ thị số 24/TTg ngày\n29/7/2024 của Thủ tướng Chính phủ", "24/CT-TTG"),
        ("Quyết định số 769/TTg ngày 18 tháng 9 năm 1997 của Thủ tướng", "769/TTG"),
        ("Chỉ thị 814/TTg ngày 12/12/1995", "814/TTG"),
        ("Công văn số 28/TTg ngày 10/11/2025", "28/TTG"),
        ("Chỉ thị số 24/TTg của Thủ tướng", "24/TTG"),
        ("Quyết định số 12/UBND-VP ngày 5/3/2025", "12/UBND-VP"),
    ])
    func typeWordSuppliesTheMissingType(_ text: String, _ key: String) {
        #expect(CitationExtractor.extract(from: text).map(\.key) == [key])
    }

    @Test func namedReferencesAndArticles() {
        let c = CitationExtractor.extract(from: "Theo Điều 5 Luật Công đoàn 2012 và Điều 129 Bộ luật Lao động 2019, Nghị quyết Trung ương 4 khóa XII.")
        #expect(c.map(\.kind) == [.article, .article, .named])
        #expect(c[0].key == "12/2012/QH13")
        #expect(c[0].text == "Điều 5 Luật Công đoàn 2012")
        #expect(c[1].key == "45/2019/QH14")
        #expect(c[2].key == "NQ:TW-4-KHOA-XII")
        #expect(CitationExtractor.extract(from: "Luật Công đoàn năm 2024").first?.key == "50/2024/QH15")
    }

    @Test func shortFormResolvesToEarlierFullMention() {
        let c = CitationExtractor.extract(from: "Chỉ thị số 05-CT/TW ngày 15/5/2016. Tiếp tục thực hiện Chỉ thị 05 và NQ 07.")
        #expect(c.map(\.key) == ["5-CT/TW", "5-CT/TW", "NQ:7"])
        #expect(c[1].resolved && !c[2].resolved)
        #expect(c[1].kind == .short)
    }

    @Test func ownNumberIsExcludedAndNonNumbersIgnored() throws {
        let own = try #require(DocNumberParser.parse("12/QĐ-UBND"))
        let c = CitationExtractor.extract(from: "Số: 12/QĐ-UBND. Gọi 0912.345.678 24/7, tỷ lệ 80/82, COVID-19, Điều 5, trang 5/10; căn cứ Quyết định 977/QĐ-TTg.", ownNumber: own)
        #expect(c.map(\.key) == ["977/QD-TTG"])
        #expect(CitationExtractor.extract(from: "").isEmpty)
    }

    /// Numbered parts, item labels and table abbreviations are not citations (issue #17's false citations).
    @Test(arguments: [
        "S.L.\n2.\n3.000", "DỰ ÁN 1: HỖ TRỢ ĐẤT Ở\nDỰ ÁN 2: ĐA DẠNG HÓA SINH KẾ", "\nKẾ HOẠCH 1\nnội dung",
        "thực hiện Dự án 1 và Tiểu dự án 2 của Chương trình", "Phương án 2: giữ nguyên",
    ])
    func partsAndFurnitureAreNoCitations(_ text: String) {
        #expect(CitationExtractor.extract(from: text).isEmpty, "\(CitationExtractor.extract(from: text).map(\.text))")
    }

    @Test func shortFormsWithSốOrATypeOfCitationStay() {
        #expect(CitationExtractor.extract(from: "theo Kế hoạch số 12 của Ủy ban").map(\.key) == ["KH:12"])
        #expect(CitationExtractor.extract(from: "triển khai Nghị quyết 17 của Ủy ban").map(\.key) == ["NQ:17"])
        #expect(CitationExtractor.extract(from: "Kế hoạch số 12/KH-UBND ngày 1/2/2025. Thực hiện Kế hoạch 12 đúng hạn.").map(\.key)
                == ["12/KH-UBND", "12/KH-UBND"], "a part-like short form the text cites in full stays")
    }

    /// A relation only where a governing word acts on the citation in its clause.
    @Test(arguments: [
        ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 được sửa đổi, bổ sung bởi Luật số 87/2025/QH15;",
         ["64/2025/QH15": "can_cu", "87/2025/QH15": "can_cu"]),
        ("Căn cứ Nghị định số 97/2024/NĐ-CP sửa đổi, bổ sung một số điều của Nghị định số 10/2019/NĐ-CP;",
         ["97/2024/ND-CP": "can_cu", "10/2019/ND-CP": "-"]),
        ("tham mưu, sửa đổi chính sách liên quan đến Công đoàn như Luật Công đoàn 2012;", ["12/2012/QH13": "-"]),
        ("Sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP như sau:", ["15/2018/ND-CP": "sua_doi_bo_sung"]),
        ("Bãi bỏ Thông tư số 05/2020/TT-BTC.", ["5/2020/TT-BTC": "bai_bo"]),
        ("theo đề nghị tại Tờ trình số 843/TTr-BTC ngày 1/11/2025", ["843/TTR-BTC": "theo"]),
        ("5. Nghị quyết này bãi bỏ các Nghị quyết:\na) Nghị quyết số 11/2024/NQ-HĐND;\nb) Nghị quyết số 15/2024/NQ-HĐND.",
         ["11/2024/NQ-HDND": "bai_bo", "15/2024/NQ-HDND": "bai_bo"]),
        ("THÔNG TƯ\nBÃI BỎ THÔNG TƯ SỐ 31/2015/TT-BYT NGÀY 14 THÁNG 10 NĂM 2015", ["31/2015/TT-BYT": "bai_bo"]),
        ("Căn cứ Nghị định số 08/2015/NĐ-CP quy định chi tiết Luật Hải quan, được sửa đổi bổ\nsung tại Nghị định số 167/2025/NĐ-CP;",
         ["8/2015/ND-CP": "can_cu", "LUAT:HAI-QUAN": "-", "167/2025/ND-CP": "can_cu"]),
        ("như sau:\n- Công văn số 5298/TCT-CS về thuế;", ["5298/TCT-CS": "-"]),
        ("Căn cứ theo Quyết định 61/QĐ-TLĐ của Đoàn Chủ tịch", ["61/QD-TLD": "can_cu"]),
        ("về dự thảo Nghị quyết của Quốc hội sửa đổi, bổ sung một số điều của Nghị quyết số 136/2024/QH15", ["136/2024/QH15": "-"]),
        ("Nghị định này sửa đổi, bổ sung một số điều của Nghị định số 15/2018/NĐ-CP", ["15/2018/ND-CP": "sua_doi_bo_sung"]),
        ("Căn cứ Thông tư số 38/2015/TT-BTC ngày 25 tháng 3 năm 2015 của Bộ trưởng Bộ Tài chính quy định về thủ tục hải quan, kiểm tra giám sát hải quan, thuế xuất khẩu, thuế nhập khẩu và quản lý thuế đối với hàng hóa xuất khẩu, nhập khẩu, được sửa đổi, bổ sung tại Thông tư số 39/2018/TT-BTC;",
         ["38/2015/TT-BTC": "can_cu", "39/2018/TT-BTC": "can_cu"]),
    ])
    func relationsNeedAGoverningWord(_ text: String, _ expected: [String: String]) {
        let found = Dictionary(CitationExtractor.extract(from: text).map { ($0.key, $0.relation?.rawValue ?? "-") }) { a, _ in a }
        #expect(found == expected)
    }

    /// Laws outside the table are read by name, up to a word that ends it; a comma before a lower-case word goes on.
    @Test(arguments: [
        ("Căn cứ Luật Quản lý, sử\ndụng tài sản công số 15/2017/QH14;", "15/2017/QH14", "Luật Quản lý, sử\ndụng tài sản công số 15/2017/QH14"),
        ("theo Luật Đấu thầu quy định tại Điều 5", "LUAT:DAU-THAU", "Luật Đấu thầu"),
        ("Luật Phòng, chống ma túy năm 2021 và Luật Trẻ em", "LUAT:PHONG-CHONG-MA-TUY:2021", "Luật Phòng, chống ma túy năm 2021"),
        ("tài sản tại Luật Đất đai, Luật Nhà ở", "LUAT:DAT-DAI", "Luật Đất đai"),
    ])
    func lawsNamedOutsideTheTable(_ text: String, key: String, written: String) throws {
        let first = try #require(CitationExtractor.extract(from: text).first)
        #expect(first.key == key && first.text == written)
    }

    @Test(arguments: ["Trường Đại học Luật Hà Nội", "Luật sư Nguyễn Văn A", "Luật này có hiệu lực", "Khoa Luật Kinh tế"])
    func notALawsName(_ text: String) {
        #expect(CitationExtractor.extract(from: text).isEmpty, "\(CitationExtractor.extract(from: text).map(\.text))")
    }

    @Test(arguments: [("theo TCVN 8467:2010 và", "TCVN:8467:2010", "TCVN 8467:2010"),
                      ("TCVN 7924 - 2:2008", "TCVN:7924-2:2008", "TCVN 7924 - 2:2008"),
                      ("Quy chuẩn QCVN 97:2025/BNNMT do", "QCVN:97:2025", "QCVN 97:2025/BNNMT")])
    func standardsAreNamedCitations(_ text: String, key: String, written: String) throws {
        let c = CitationExtractor.extract(from: text)
        #expect(c.count == 1)
        #expect(c.first?.key == key && c.first?.text == written && c.first?.kind == .named)
    }

    // MARK: - Named documents (issue #17, tuning set of the citation gold)

    @Test(arguments: [
        ("Quy định số 294-QĐ/TW về thi hành Điều lệ Đảng;", "DIEU-LE:DANG", "Điều lệ Đảng"),
        ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013;", "HIEN-PHAP:2013",
         "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 2013"),
        ("thi hành một số điều của luật an toàn thực phẩm;", "LUAT:AN-TOAN-THUC-PHAM", "luật an toàn thực phẩm"),
        ("theo Luật thuế GTGT hiện hành", "LUAT:THUE-GTGT", "Luật thuế GTGT"),
        ("Nghị quyết của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "NQ:DAI-HOI-XIV",
         "Nghị quyết của Đại hội đại biểu toàn quốc lần thứ XIV"),
        ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI", "NQ:DAI-HOI-DANG-BO-TINH-XVI",
         "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI"),
    ])
    func namedDocuments(_ text: String, key: String, written: String) throws {
        let named = try #require(CitationExtractor.extract(from: text).last)
        #expect(named.key == key && named.text == written && named.kind == .named)
    }

    /// The Constitution and the laws in general, a law still in draft, "kỷ luật": no citation.
    @Test(arguments: ["bảo vệ Cương lĩnh, đường lối của Đảng, Hiến pháp và pháp luật.", "thi hành Hiến pháp, pháp luật",
                      "được xây dựng theo dự thảo Luật Tổ chức chính quyền địa phương (sửa đổi).", "dự án Luật Đất đai (sửa đổi)",
                      "vi phạm kỷ luật lao động", "các văn bản pháp luật đất đai"])
    func notCitations(_ text: String) {
        #expect(CitationExtractor.extract(from: text).isEmpty, "\(CitationExtractor.extract(from: text).map(\.text))")
    }

    /// "Luật sửa đổi, bổ sung một số điều của Luật X" without a number is cited by that name; X, inside its title, too.
    @Test func amendingLawCitedByName() {
        let c = CitationExtractor.extract(from: "Căn cứ Luật Ban\nhành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025; Luật sửa "
            + "đổi bổ sung một số điều của Luật Ban hành\nvăn bản quy phạm pháp luật ngày 25 tháng 6 năm 2025;")
        #expect(c.map(\.key) == ["LUAT:BAN-HANH-VBQPPL", "SUA-DOI:LUAT:BAN-HANH-VBQPPL", "LUAT:BAN-HANH-VBQPPL"])
        #expect(c.map(\.relation) == [.basedOn, .basedOn, nil])
        #expect(c[1].type == "Luật" && c[1].text.hasPrefix("Luật sửa đổi bổ sung"))
    }

    /// "Luật Các tổ chức tín dụng sửa đổi 2025 số 96/2025/QH15" is the amending law, numbered; the name and the number
    /// written after "sửa đổi" and the year are one citation.
    @Test func amendingLawWithItsNumber() {
        let c = CitationExtractor.extract(from: "theo Luật Các tổ chức tín dụng sửa đổi 2025 số 96/2025/QH15 và Luật Quản lý và Đầu\n"
            + "tư vốn Nhà nước tại doanh nghiệp số 68/2025/QH15")
        #expect(c.map(\.key) == ["96/2025/QH15", "68/2025/QH15"])
        #expect(c.first?.text == "Luật Các tổ chức tín dụng sửa đổi 2025 số 96/2025/QH15")
    }

    // MARK: - Relations

    /// A citation in the title of an earlier one ("… về thực hiện Nghị quyết …") has no relation of its own.
    @Test func citationInAnEarlierTitleHasNoRelation() {
        let c = CitationExtractor.extract(from: "Thực hiện Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Uỷ ban nhân dân Tỉnh về thực hiện "
            + "Nghị quyết số 71/NQ-CP ngày 01/5/2025 của Chính phủ.")
        #expect(c.map(\.relation) == [.implements, nil])
        // A passive amendment after the title still shares the clause's relation.
        let passive = CitationExtractor.extract(from: "Căn cứ Nghị định số 08/2015/NĐ-CP ngày 21/01/2015 quy định chi tiết Luật Hải quan "
            + "về thủ tục hải quan, được sửa đổi bổ sung tại Nghị định số 167/2025/NĐ-CP ngày 30/6/2025 của Chính phủ;")
        #expect(passive.first?.relation == .basedOn && passive.last?.key == "167/2025/ND-CP" && passive.last?.relation == .basedOn)
        // A "Căn cứ" line starts its own clause after a title in capitals.
        let preamble = CitationExtractor.extract(from: "NGHỊ QUYẾT SỬA ĐỔI NGHỊ QUYẾT SỐ 136/2024/QH15 CỦA QUỐC HỘI VỀ TỔ CHỨC\n"
            + "CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;")
        #expect(preamble.last?.key == "LUAT:TO-CHUC-CHINH-PHU" && preamble.last?.relation == .basedOn)
    }

    /// A clause that opens with a citation continues the list of the clause before: "Thực hiện A; B; C".
    @Test func listAcrossSemicolonsSharesTheRelation() {
        let c = CitationExtractor.extract(from: "Thực hiện Kết luận số 150-KL/TW, ngày 14/4/2025 của Bộ Chính trị hướng dẫn xây dựng "
            + "phương án nhân sự; Kết luận số 163-KL/TW, ngày 06/6/2025 của Bộ Chính trị; Nghị quyết số 190/2025/QH15 ngày 19/02/2025.")
        #expect(c.map(\.relation) == [.implements, .implements, .implements])
        // A clause opening with other words does not.
        let other = CitationExtractor.extract(from: "Thực hiện Kết luận số 150-KL/TW; các đơn vị báo cáo theo Quyết định số 12/QĐ-UBND.")
        #expect(other.map(\.relation) == [.implements, .refersTo])
    }

    /// An aside in parentheses is a clause of its own; "kèm theo" says where a text is attached.
    @Test func parenthesesAndAttachments() {
        let aside = CitationExtractor.extract(from: "Để đấu thầu lựa chọn nhà đầu tư thực hiện dự án có sử dụng đất (Sở Tài chính đã "
            + "tổng hợp và đề nghị tại Văn bản số 9700/STC-ĐTTĐ ngày 08/8/2025):")
        #expect(aside.map(\.relation) == [.refersTo])
        let closed = CitationExtractor.extract(from: "lấy tổng số báo cáo viên (trước khi thực hiện tổ chức chính quyền địa phương hai cấp) "
            + "được quy định tại Hướng dẫn số 06-HD/BTCTW-BTGTW, chia cho tổng số xã")
        #expect(closed.map(\.relation) == [.refersTo])
        let attached = CitationExtractor.extract(from: "trong Quy chế hoạt động báo cáo viên (ban hành kèm theo Quyết định số "
            + "907-QĐ/BTGDVTW, ngày 17/9/2025)")
        #expect(attached.map(\.relation) == [nil])
    }

    /// The acting verb of another document's title across a wrapped line, and this document's own heading.
    @Test func actingVerbsAcrossLines() {
        let draft = CitationExtractor.extract(from: "Thông qua: (i) Nội dung dự thảo Nghị quyết của Quốc hội sửa\nđổi, bổ sung một số "
            + "điều của Nghị quyết số 136/2024/QH15 ngày 26 tháng 6 năm 2024")
        #expect(draft.map(\.relation) == [nil])
        let heading = CitationExtractor.extract(from: "THÔNG TƯ\nBÃI BỎ THÔNG TƯ SỐ 31/2015/TT-BYT NGÀY 14 THÁNG 10 NĂM 2015")
        #expect(heading.map(\.relation) == [.repeals])
    }
}
