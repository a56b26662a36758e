import Foundation
import Hummingbird
import HummingbirdTesting
import TestTags
import Testing
import VanBan
@testable import VanBanServer

/// A small index built for the server tests: a decision, a dispatch citing it and a resolution that is not
/// indexed, a document whose title and text carry `<script>`, quotes and a right-to-left override, and
/// enough dispatches on `công đoàn` to fill three pages.
enum ServerFixture {
    static let evilTitle = "Về việc <script>alert('x')</script> \"trích\" \u{202E}kiểm tra"

    static let documents: [(name: String, text: String)] = [
        ("a-quyet-dinh.txt", """
        TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
        Số: 12/QĐ-TLĐ
        Hà Nội, ngày 05 tháng 3 năm 2021
        QUYẾT ĐỊNH
        Về việc tổ chức đại hội công đoàn cơ sở

        Công đoàn cơ sở tổ chức đại hội nhiệm kỳ mới. Đoàn viên công đoàn tham gia đầy đủ và bầu ban chấp hành.
        """),
        ("b-cong-van.txt", """
        BỘ CÔNG THƯƠNG
        Số: 345/BCT-CN
        Hà Nội, ngày 10 tháng 6 năm 2022
        CÔNG VĂN
        Về việc kiểm tra công đoạn sản xuất xăng dầu

        Căn cứ Nghị quyết số 02-NQ/TW ngày 12 tháng 6 năm 2021 của Bộ Chính trị;
        Các doanh nghiệp rà soát từng công đoạn sản xuất, bảo quản xăng dầu và báo cáo kết quả.
        Thực hiện theo Quyết định số 12/QĐ-TLĐ về an toàn lao động.
        """),
        ("c-evil.txt", """
        BỘ CÔNG THƯƠNG
        Số: 77/BCT-CN
        Hà Nội, ngày 01 tháng 2 năm 2023
        CÔNG VĂN
        \(evilTitle)

        Nội dung <script>alert(1)</script> về công đoàn & "trích dẫn" \u{202E}ngược chiều.
        Căn cứ Quyết định số 12/QĐ-TLĐ đã nêu.
        """),
    ] + (1...24).map { i in
        ("d-\(i).txt", """
        ỦY BAN NHÂN DÂN TỈNH BẮC NINH
        Số: \(100 + i)/UBND-VP
        Bắc Ninh, ngày \(i) tháng 11 năm \(2020 + i % 4)
        CÔNG VĂN
        Về việc hỗ trợ hoạt động công đoàn số \(i)

        Ủy ban đề nghị các đơn vị hỗ trợ công đoàn cơ sở thực hiện nhiệm vụ thứ \(i).
        """)
    }

    /// A new index of the fixture (or of the documents named `only`) in a folder of its own, `vanban-serve-…` in
    /// the temporary directory (its caller removes it; the shared one lives as long as the test process, and the
    /// next run removes it).
    static func index(only: Set<String>? = nil) throws -> (folder: URL, index: String) {
        let root = try ScratchFolders.make("vanban-serve")
        let docs = root.appendingPathComponent("docs")
        try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
        for doc in documents where only?.contains(doc.name) ?? true {
            try Data(doc.text.utf8).write(to: docs.appendingPathComponent(doc.name))
        }
        let index = root.appendingPathComponent("index").path
        _ = try Indexer(options: IndexOptions(roots: [docs], indexPath: index, jobs: 1)).run(stop: StopRequest())
        return (docs, index)
    }

    /// The fixture's index, built once for the tests that only read it.
    static let shared = Result<String, any Error> { try index().index }

    /// Runs `test` with a client of the server over `index` (the shared one by default).
    static func withServer<T: Sendable>(index: String? = nil, limits: Limits = Limits(),
                                        _ test: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let pool = try IndexPool(locations: [try index ?? shared.get()])
        let app = Application(router: try VanBanServer.router(pool: pool, limits: limits))
        return try await app.test(.router) { client in try await test(client) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The error object of an error response: its code, and whether it has the documented keys.
    func errorCode() throws -> String? {
        guard let object = try json() as? [String: Any], let error = object["error"] as? [String: Any],
              error["status"] as? Int == Int(status.code), error["message"] is String else { return nil }
        return error["code"] as? String
    }
}

extension TestClientProtocol {
    func get(_ uri: String) async throws -> TestResponse { try await execute(uri: uri, method: .get) }
}
