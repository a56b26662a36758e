import Foundation
import Testing
@testable import VanBan

/// The library's search service, as the CLI and a server call it: plan → execute → present, look-ups by
/// number and reference, citation lists, and the pool of handles for concurrent readers.
@Suite struct ServiceTests {
    static func plainOptions() -> SearchOptions {
        var options = SearchOptions()
        options.limit = 50
        return options
    }

    @Test func threeStepsGiveWhatSearchGives() throws {
        let index = try SearchFixture.open()
        for query in ["cong doan", "\"công đoàn\"", "12/QĐ-TLĐ", "dat dai OR xang dau", "chuyen*"] {
            let plan = try SearchPlan(query, options: Self.plainOptions())
            let stepwise = try index.present(plan, try index.execute(plan))
            let whole = try index.search(query, options: Self.plainOptions())
            #expect(stepwise.results.map(\.path) == whole.results.map(\.path), "\(query)")
            #expect(stepwise.results.map(\.snippet) == whole.results.map(\.snippet), "\(query)")
            #expect(stepwise.estimatedTotal == whole.estimatedTotal)
        }
    }

    @Test(arguments: ["\"công đoàn", "a AND", "nam:21", "(cong"])
    func aPlanRejectsABadQueryWithoutAnIndex(_ query: String) {
        #expect(throws: VanBanError.self) { try SearchPlan(query) }
    }

    @Test func aPlanRejectsABadFilter() {
        var options = SearchOptions()
        options.from = "not a date"
        #expect(throws: VanBanError.self) { try SearchPlan("cong doan", options: options) }
    }

    @Test func lookUpByNumberFindsTheDocumentAndWhoCitesIt() throws {
        let found = try #require(try SearchFixture.open().lookUp(number: "12/QD-TLD"))
        #expect(found.key == "12/QD-TLD")
        #expect(found.documents.map { URL(fileURLWithPath: $0.path).lastPathComponent } == [SearchFixture.a])
        #expect(Set(found.citedBy.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == [SearchFixture.b, SearchFixture.c])
        #expect(found.citedBy.map { $0.date ?? "" } == found.citedBy.map { $0.date ?? "" }.sorted(by: >), "newest first")
        #expect(found.citedBy.allSatisfy { ($0.mentions ?? 0) >= 1 })
    }

    @Test func aNumberWithoutItsIssuerNamesTheOneDocumentBearingIt() throws {
        let index = try SearchFixture.open()
        #expect(try index.lookUp(number: "Quyết định 12")?.key == "12/QD-TLD")
        #expect(try index.lookUp(number: "Quyết định 999") == nil, "no document bears it")
        #expect(throws: VanBanError.self) { try index.lookUp(number: "cong doan") }
    }

    @Test func aNumberTwoDocumentsBearIsAmbiguous() throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "UBND TỈNH BẮC NINH\nSố: 7/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc một\n")
        try dir.write("docs/b.txt", "BỘ TÀI CHÍNH\nSố: 7/QĐ-BTC\nQUYẾT ĐỊNH\nVề việc hai\n")
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: dir.path + "/index")
        let index = try SearchIndex(locations: [dir.path + "/index"])
        do {
            _ = try index.lookUp(number: "QĐ 7")
            Issue.record("an ambiguous number was resolved")
        } catch VanBanError.badQuery(let message, _) {
            #expect(message.contains("7/QĐ-UBND") && message.contains("7/QĐ-BTC"), "\(message)")
        }
    }

    @Test func citedByReadsAnyFormOfAReference() throws {
        let index = try SearchFixture.open()
        #expect(try index.citing("Quyết định số 12/QĐ-TLĐ").count == 2)
        #expect(throws: VanBanError.self) { try index.citing("xin chào") }
    }

    @Test func aCitationListWithoutAnIndexMarksEveryEntryOutOfIt() throws {
        let dir = try TempDir()
        let file = try dir.write("a.txt", "Căn cứ Quyết định số 12/QĐ-TLĐ ngày 05/3/2021 và Nghị quyết số 02-NQ/TW.\n")
        let source = try StoredDocument.reading(file)
        #expect(source.citations.count == 2)
        let alone = try CitationList.of(source, in: nil)
        #expect(alone.entries.map(\.inIndex) == [false, false])
        let indexed = try CitationList.of(source, in: try SearchFixture.open())
        #expect(indexed.entries.map(\.inIndex) == [true, false])
    }

    @Test func poolServesManyReadersAtOnceAsOneWould() async throws {
        let locations = try SearchFixture.open().locations
        let pool = try IndexPool(locations: locations, readers: 3)
        let queries = ["cong doan", "công đoạn", "12/QĐ-TLĐ", "chuyen doi so", "dat dai", "xăng dầu"]
        var expected: [String: [String]] = [:]
        for q in queries { expected[q] = try SearchFixture.open().search(q).results.map(\.path) }
        let seen = try await withThrowingTaskGroup(of: (String, [String]).self) { group in
            for round in 0..<8 {
                for q in queries {
                    group.addTask { (q, try await pool.read { try $0.search(q).results.map(\.path) }) }
                }
                _ = round
            }
            return try await group.reduce(into: [(String, [String])]()) { $0.append($1) }
        }
        #expect(seen.count == 8 * queries.count)
        for (q, paths) in seen { #expect(paths == expected[q], "\(q)") }
    }

    @Test func poolSeesWhatAnIndexerCommitsWithoutARestart() async throws {
        let dir = try TempDir()
        try dir.write("docs/a.txt", "Số: 1/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc phòng chống thiên tai\n")
        let index = dir.path + "/index"
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        let pool = try IndexPool(locations: [index], readers: 2)
        #expect(try await pool.read { try $0.search("ngap lut").results.count } == 0)
        try dir.write("docs/b.txt", "Số: 2/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc khắc phục ngập lụt\n")
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        for _ in 0..<4 { #expect(try await pool.read { try $0.search("ngap lut").results.count } == 1) }
    }

    @Test func poolReportsAMissingIndexAtOnce() {
        #expect(throws: VanBanError.indexMissing("/nonexistent/vanban-index")) {
            try IndexPool(locations: ["/nonexistent/vanban-index"])
        }
    }
}
