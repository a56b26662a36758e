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
