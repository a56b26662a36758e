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
}
