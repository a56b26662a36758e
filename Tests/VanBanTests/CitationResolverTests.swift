import DocRefs
import Testing
@testable import VanBan

/// The resolver's rules, over a list of documents (the graph's resolver; the index's asks the same questions).
@Suite struct CitationResolverTests {
    static func doc(_ number: String, _ path: String) -> StoredDocument {
        let n = DocNumberParser.parse(number)!
        return StoredDocument(path: path, format: "txt", encoding: "utf-8", number: n.display, numberKey: n.key, type: nil,
                              issuer: nil, date: nil, title: nil, signer: nil, citations: [], text: "")
    }

    static var resolver: CitationResolver { CitationResolver(documents: [
        (1, doc("39/2014/NĐ-CP", "/a")), (2, doc("380/NQ-CP", "/b")), (3, doc("380/NQ-CP", "/b-copy")),
        (4, doc("63/2025/QĐ-UBND", "/c")), (5, doc("63/2024/QĐ-UBND", "/d")), (6, doc("02-NQ/TW", "/e")),
    ]) }

    static func cite(_ text: String) throws -> Citation { try #require(CitationExtractor.extract(from: text).first) }

    @Test func aFullNumberResolvesOnlyToThatNumber() throws {
        let other = try Self.resolver.resolve(Self.cite("Căn cứ Nghị định số 39/2022/NĐ-CP;"))
        #expect(other.status == .exact && other.key == "39/2022/ND-CP" && other.docids.isEmpty, "never 39/2014")
        let own = try Self.resolver.resolve(Self.cite("theo Nghị định số 39/2014/NĐ-CP"))
        #expect(own.docids == [1])
        // Both separator styles name the same document.
        #expect(try Self.resolver.resolve(Self.cite("Nghị quyết số 02/NQ-TW")).docids == [6])
    }

    @Test func everyCopyBearingTheNumberIsItsTarget() throws {
        #expect(try Self.resolver.resolve(Self.cite("Nghị quyết số 380/NQ-CP")).docids == [2, 3])
    }

    @Test func aNumberWithoutItsYearTakesTheYearOfItsDateOrStaysUnresolved() throws {
        let dated = try Self.resolver.resolve(Self.cite("Quyết định số 63/QĐ-UBND ngày 24/10/2024 của UBND tỉnh"))
        #expect(dated.status == .inferred && dated.key == "63/2024/QD-UBND" && dated.docids == [5])
        let undated = try Self.resolver.resolve(Self.cite("Quyết định số 63/QĐ-UBND của UBND tỉnh"))
        #expect(undated.status == .unresolved && undated.key == nil && undated.reason?.contains("2 số hiệu") == true)
        let otherYear = try Self.resolver.resolve(Self.cite("Quyết định số 63/QĐ-UBND ngày 01/02/2019"))
        #expect(otherYear.key == "63/QD-UBND" && otherYear.docids.isEmpty, "a date of another year: not in the index")
    }

    @Test func shortFormsAndNamesResolveOnlyWhenTheTextSettlesThem() throws {
        let short = try Self.resolver.resolve(Self.cite("thực hiện Nghị quyết 380 của Chính phủ"))
        #expect(short.status == .unresolved && short.docids.isEmpty, "one candidate in the index does not settle it")
        #expect(short.reason?.contains("1 số hiệu") == true)
        let tied = CitationExtractor.extract(from: "Nghị quyết số 380/NQ-CP ngày 25/11/2025. Thực hiện Nghị quyết 380 nghiêm túc.")
        let second = try Self.resolver.resolve(try #require(tied.last))
        #expect(second.status == .inferred && second.docids == [2, 3])
        let named = try Self.resolver.resolve(Self.cite("theo Luật Đấu thầu"))
        #expect(named.status == .unresolved && named.key == nil)
        let withYear = try Self.resolver.resolve(Self.cite("theo Luật Công đoàn 2012"))
        #expect(withYear.status == .inferred && withYear.key == "12/2012/QH13")
    }
}
