import Foundation
import Testing
@testable import DocRefs

/// The project's seed report: every reference it makes, found by reading it, in order.
struct SeedTests {
    static func seed() throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/000_ecd74850d61ce1ad", withExtension: "txt"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static let expected: [String] = [
        "Nghị quyết 02", "Nghị quyết 02", "Chương trình hành động số 02/Ctr-BCH",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII", "Nghị quyết 02",
        // the photo caption: "báo cáo về kết quả triển khai thực hiện Nghị quyết 02 tại buổi làm việc"
        "Nghị quyết 02",
        "Chương trình hành động số 02/Ctr-BCH", "Nghị quyết 02", "Chương trình hành động số 02-CTr/TLĐ", "Nghị quyết 02",
        "Nghị quyết 02", "công văn số 565-CV/ĐĐTLĐ", "Nghị quyết 02", "Nghị quyết 02", "Nghị quyết 02",
        "Nghị quyết số 02", "Chương trình số 02/Ctr-BCH", "Nghị quyết 02", "Nghị quyết 02", "Nghị quyết 02",
        "Nghị quyết 02", "Chương trình 02/Ctr-BCH", "Nghị quyết Đại hội XIII", "Nghị quyết 02", "Luật Công đoàn",
        "Nghị quyết 02",
    ]

    @Test func findsExactlyTheSeedReferencesWithSpans() throws {
        let text = try Self.seed()
        let found = CitationExtractor.extract(from: text)
        #expect(found.map(\.text) == Self.expected)
        let bytes = Array(text.utf8)
        for c in found {
            #expect(String(decoding: bytes[c.start..<c.end], as: UTF8.self) == c.text)
        }
        let nq02 = found.filter { RefText.fold($0.text).hasPrefix("NGHI QUYET") && $0.text.hasSuffix("02") }
        #expect(nq02.count == Self.expected.filter { $0.hasPrefix("Nghị quyết") && $0.hasSuffix("02") }.count)
        #expect(nq02.count == 17)
        for c in nq02 {
            #expect(c.key == "2-NQ/TW", "\(c.text) at \(c.start)")
            #expect(c.resolved)
            #expect(c.date == "2021-06-12")
        }
        let cv = try #require(found.first { $0.text.contains("565") })
        #expect(cv.key == "565-CV/DDTLD")
        #expect(cv.date == "2021-08-13")
        #expect(cv.type == "Công văn")
        let program = try #require(found.first { $0.text.contains("02/Ctr-BCH") })
        #expect(program.date == "2021-07-20")
        #expect(program.issuer == "Ban Chấp hành Tổng LĐLĐ Việt Nam")
        #expect(program.key == "2/CTR-BCH")
        #expect(found.filter { $0.key == "NQ:DAI-HOI-XIII" }.count == 2)
        #expect(found.last(where: { $0.kind == .named && $0.type == "Luật" })?.key == "LUAT:CONG-DOAN")
        #expect(found[0].relation == .implements)
        #expect(found[1].relation == nil)
    }
}
