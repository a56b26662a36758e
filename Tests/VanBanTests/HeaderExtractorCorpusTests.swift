import DocRefs
import Foundation
import Testing
import VanBan

/// The titles and issuers issue #17 found wrong in the sample corpus (`corpus/`), read as `vanban index` reads them.
struct HeaderExtractorCorpusTests {
    static func metadata(_ url: URL) throws -> DocumentMetadata {
        DocumentMetadata.extract(from: try ReaderRegistry().read(url), fileName: url.lastPathComponent)
    }

    static func metadata(_ path: String) throws -> DocumentMetadata {
        try metadata(Paths.packageRoot.appendingPathComponent(path))
    }

    @Test(arguments: [
        // Was "CỦA BỘ CHÍNH TRỊ,": "BAN BÍ THƯ" after the comma goes on.
        ("corpus/van-ban/212-kl-tw-2025.txt",
         "CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ VỀ ĐỊNH HƯỚNG XÂY DỰNG TIÊU CHUẨN CỦA ĐƠN VỊ HÀNH CHÍNH, PHÂN LOẠI ĐƠN VỊ HÀNH CHÍNH VÀ PHÂN LOẠI ĐÔ THỊ"),
        // Was none: "PHÂN CẤP" was taken for "PHẦN".
        ("corpus/van-ban/89-2025-qd-ubnd.txt",
         "PHÂN CẤP TUYỂN DỤNG VIÊN CHỨC, TIẾP NHẬN VÀO VIÊN CHỨC, THĂNG HẠNG CHỨC DANH NGHỀ NGHIỆP VIÊN CHỨC TRONG CÁC ĐƠN VỊ SỰ NGHIỆP CÔNG LẬP THUỘC ỦY BAN NHÂN DÂN CẤP XÃ TRÊN ĐỊA BÀN TỈNH LAI CHÂU"),
        // Was cut at the line break ("… chính sách của"); TCVN3 bytes.
        ("corpus/dinh-dang/10988-bnv-cqdp-2025.tcvn3.txt", "V/v tuyên truyền chủ trương, chính sách của Đảng, Nhà nước"),
        // Ended "…SỞ TÀI CHÍNH,": the next body goes on, the chairman's title does not.
        ("corpus/van-ban/1951-qd-ubnd-2025.txt",
         "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH BỊ BÃI BỎ TRONG LĨNH VỰC KINH DOANH BẢO HIỂM THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG, SỞ TÀI CHÍNH, ỦY BAN NHÂN DÂN CẤP XÃ TỈNH CAO BẰNG"),
        // Ended with the signer's title "BỘ TRƯỞNG BỘ CÔNG THƯƠNG".
        ("corpus/van-ban/3361-qd-bct.txt",
         "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG BAN HÀNH TRONG LĨNH VỰC XUẤT NHẬP KHẨU THUỘC PHẠM VI CHỨC NĂNG QUẢN LÝ CỦA BỘ CÔNG THƯƠNG"),
    ])
    func wholeTitles(path: String, title: String) throws {
        let header = try Self.metadata(path).header
        #expect(header.title == title)
        #expect(!header.titleDerived)
    }

    /// The seed report has no headline: its first sentence (after the photo caption) stands in, marked derived.
    @Test func theSeedReportGetsItsFirstSentenceNotItsPath() throws {
        let m = try Self.metadata(Paths.seed)
        let title = try #require(m.header.title)
        #expect(title.hasPrefix("Các đồng chí: Bùi Thị Minh Hoài, Bí thư Trung ương Đảng, Trưởng Ban Dân vận Trung ương;"))
        #expect(m.header.titleDerived)
        #expect(m.derived["title"] == "first sentence")
        #expect(!title.contains("Quang cảnh"), "the photo caption is no content")
    }

    /// `vanban search` names the seed by its derived title and prints its path once.
    @Test func theCLIPrintsTheSeedsPathOnce() throws {
        let dir = try TempDir()
        let copy = dir.url.appendingPathComponent("docs/seed.txt")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Paths.seed, to: copy)
        let index = dir.url.appendingPathComponent("idx").path
        #expect(try vanban(["index", copy.deletingLastPathComponent().path, "--index", index]).status == 0)
        let r = try vanban(["search", "cong doan", "--index", index])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.components(separatedBy: copy.path).count - 1 == 1, "\(r.stdout)")
        #expect(r.stdout.contains("Các đồng chí: Bùi Thị Minh Hoài"))
    }

    /// 07-KL/VPTW: the letterhead prints "VĂN PHÒNG" under "BAN CHẤP HÀNH TRUNG ƯƠNG"; shown by its full name.
    @Test func theCentralOfficeIsShownByItsFullName() throws {
        let h = try Self.metadata("corpus/van-ban/07-kl-vptw.txt").header
        #expect(h.issuer == "VĂN PHÒNG")
        #expect(h.parentIssuer == "BAN CHẤP HÀNH TRUNG ƯƠNG")
        #expect(h.issuerDisplay == "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG")
        let kl = try Self.metadata("corpus/van-ban/212-kl-tw-2025.txt").header
        #expect(kl.issuer == "BAN CHẤP HÀNH TRUNG ƯƠNG", "not “… ĐẢNG”: that ĐẢNG opens the motto")
    }
}
