import Foundation
import TestTags
import Testing
@testable import VanBan

/// A small corpus written for the search tests: five short documents with headers, types,
/// issuers, dates and citations, and the words `công đoàn` / `công đoạn` to tell apart.
enum SearchFixture {
    static let documents: [(name: String, text: String)] = [
        ("a-quyet-dinh-cong-doan.txt", """
        TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
        Số: 12/QĐ-TLĐ
        Hà Nội, ngày 05 tháng 3 năm 2021
        QUYẾT ĐỊNH
        Về việc tổ chức đại hội công đoàn cơ sở

        Căn cứ quy định hiện hành;
        Công đoàn cơ sở tổ chức đại hội nhiệm kỳ mới. Đoàn viên công đoàn tham gia đầy đủ và bầu ban chấp hành.
        Kinh phí công đoàn được sử dụng đúng quy định.
        """),
        ("b-cong-van-cong-doan-san-xuat.txt", """
        BỘ CÔNG THƯƠNG
        Số: 345/BCT-CN
        Hà Nội, ngày 10 tháng 6 năm 2022
        CÔNG VĂN
        Về việc kiểm tra công đoạn sản xuất xăng dầu

        Căn cứ quy định hiện hành;
        Các doanh nghiệp rà soát từng công đoạn sản xuất, bảo quản xăng dầu và báo cáo kết quả.
        Thực hiện theo Quyết định số 12/QĐ-TLĐ về an toàn lao động.
        """),
        ("c-nghi-quyet-chuyen-doi-so.txt", """
        HỘI ĐỒNG NHÂN DÂN TỈNH BẮC NINH
        Số: 07/NQ-HĐND
        Bắc Ninh, ngày 15 tháng 7 năm 2023
        NGHỊ QUYẾT
        Về chuyển đổi số trong cơ quan nhà nước

        Căn cứ quy định hiện hành;
        Đẩy mạnh chuyển đổi số, xây dựng chính quyền số. Căn cứ Quyết định số 12/QĐ-TLĐ và Quyết định 12/QĐ-TLĐ đã nêu,
        các cơ quan bố trí kinh phí cho chuyển đổi số.
        """),
        ("d-ke-hoach-dat-dai.txt", """
        ỦY BAN NHÂN DÂN TỈNH BẮC NINH
        Số: 88/KH-UBND
        Bắc Ninh, ngày 20 tháng 11 năm 2023
        KẾ HOẠCH
        Thu thuế sử dụng đất đai năm 2024

        Căn cứ quy định hiện hành;
        Kế hoạch thu thuế đất đai, thuế sử dụng đất nông nghiệp trên địa bàn tỉnh. Giai đoạn 2024 - 2025 tập trung thu nợ thuế.
        """),
        ("e-thong-bao-giai-doan.txt", """
        ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP
        Số: 19/TB-UBND
        Đồng Tháp, ngày 02 tháng 2 năm 2024
        THÔNG BÁO
        Kết luận về giai đoạn hai của dự án đất đai

        Căn cứ quy định hiện hành;
        Giai đoạn hai của dự án chuyển đổi đất nông nghiệp hoàn thành; dự đoán tiến độ đạt yêu cầu.
        """),
    ]

    /// Writes the documents into `dir/docs` (or only those named).
    static func write(into dir: TempDir, only names: Set<String>? = nil, folder: String = "docs") throws -> URL {
        for doc in documents where names?.contains(doc.name) ?? true {
            try dir.write("\(folder)/\(doc.name)", doc.text)
        }
        return dir.url.appendingPathComponent(folder)
    }

    /// One index of the whole fixture corpus, built once; each test opens its own ``SearchIndex``.
    /// When it cannot be built, each test that uses it fails with the error (`try` at the use site)
    /// and the rest of the suite runs.
    static var indexPath: String { get throws { try built.get() } }

    private static let built = Result<String, any Error> {
        let dir = try ScratchFolders.make("vanban-search-fixture")
        let docs = dir.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for doc in documents { try Data(doc.text.utf8).write(to: docs.appendingPathComponent(doc.name)) }
        let path = dir.appendingPathComponent("index").path
        _ = try Indexer(options: IndexOptions(roots: [docs], indexPath: path, jobs: 2)).run(stop: StopRequest())
        return path
    }.mapError { FixtureError(description: "the search fixture index could not be built: \($0)") as any Error }

    struct FixtureError: Error, CustomStringConvertible { let description: String }

    static func open() throws -> SearchIndex { try SearchIndex(locations: [indexPath]) }

    /// The file names of the results of `query`, in rank order.
    static func names(_ query: String, _ configure: (inout SearchOptions) -> Void = { _ in }) throws -> [String] {
        var options = SearchOptions()
        options.limit = 50
        configure(&options)
        return try open().search(query, options: options).results.map { URL(fileURLWithPath: $0.path).lastPathComponent }
    }

    static let a = "a-quyet-dinh-cong-doan.txt", b = "b-cong-van-cong-doan-san-xuat.txt", c = "c-nghi-quyet-chuyen-doi-so.txt"
    static let d = "d-ke-hoach-dat-dai.txt", e = "e-thong-bao-giai-doan.txt"
}
