import DocRefs
import Foundation
import Testing
import Xapian
@testable import VanBan

/// `docs/SCHEMA.md` against the code, and the term layer's rules.
@Suite struct SchemaTests {
    /// The rows of the Markdown table whose header's first cell is `first`, as trimmed cells.
    static func table(_ first: String) throws -> [[String]] {
        let doc = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/SCHEMA.md"), encoding: .utf8)
        let lines = doc.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex { $0.hasPrefix("| \(first) |") }, "no table headed \(first)")
        return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map {
            $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The `code` spans of a cell.
    static func codes(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    @Test func termTableListsEveryPrefixOfTheCode() throws {
        let rows = try Self.table("Prefix")
        let documented = rows.flatMap { $0[0] == "(none)" ? [""] : Self.codes($0[0]) }
        #expect(documented.count == Set(documented).count, "a prefix documented twice")
        #expect(Set(documented) == Set(Schema.Prefix.all + [""]))
    }

    @Test func termTableExamplesFollowTheTermLayer() throws {
        for row in try Self.table("Prefix") {
            let prefixes = (row[0] == "(none)" ? [""] : Self.codes(row[0])).sorted { $0.count > $1.count }
            for example in Self.codes(row[1]) where !example.hasSuffix("…") {
                let prefix = try #require(prefixes.first { example.hasPrefix($0) }, "\(example) has none of \(prefixes)")
                let value = try #require(Terms.value(of: example, prefix: prefix))
                #expect(Terms.prefixed(prefix, value) == example, "\(example) is not how the term layer writes \(value)")
            }
        }
    }

    @Test func valueTableListsEverySlotOfTheCode() throws {
        let documented = try Self.table("Slot").map { row in
            try #require(UInt32(row[0].split(separator: ",")[0]), "slot \(row[0])")
        }
        #expect(documented.sorted() == Schema.Slot.all.sorted())
    }

    @Test func documentedVersionIsTheCodes() throws {
        let doc = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/SCHEMA.md"), encoding: .utf8)
        #expect(doc.contains("(now `\(Schema.version)`"))
    }

    @Test func aValueStartingWithACapitalGetsAColon() {
        #expect(Terms.partial("NQ:2") == "XP:NQ:2")
        #expect(Terms.cites("LUAT:CONG-DOAN:2012") == "XC:LUAT:CONG-DOAN:2012")
        #expect(Terms.cites("02-NQ/TW") == "XC02-NQ/TW")
        #expect(Terms.ownNumber(key: "565-CV/DDTLD") == "XN565-CV/DDTLD")
        #expect(Terms.type("Quyết định") == "XKquyet-dinh")
        #expect(Terms.issuerWords("UBND tỉnh Bắc Ninh") == ["XIubnd", "XItinh", "XIbac", "XIninh"])
        #expect(Terms.year("2021") == "Y2021")
        #expect(Terms.word("công", exact: true) == "XEcông")
        #expect(Terms.title("cong", exact: false) == "Scong")
    }

    @Test func valueOfATermUndoesPrefixed() {
        for (prefix, value) in [("XC", "LUAT:CONG-DOAN:"), ("XC", "2-NQ/TW"), ("XP", "NQ:2"), ("XE", "công"), ("", "cong"), ("XC", ":x")] {
            #expect(Terms.value(of: Terms.prefixed(prefix, value), prefix: prefix) == value, "\(prefix) \(value)")
        }
        #expect(Terms.value(of: "XKquyet-dinh", prefix: "XC") == nil)
    }

    @Test func longTermsAreCutToXapiansLimit() {
        let long = Terms.cites("LUAT:" + String(repeating: "Ư", count: 200))
        #expect(long.utf8.count <= 240)
        #expect(long.hasPrefix("XC:LUAT:"))
    }

    @Test func numberKeysAreTheSeparatorVariantsOfTheKey() throws {
        let number = try #require(DocNumberParser.parse("565-CV/ĐĐTLĐ"))
        #expect(Set(Terms.numberKeys(number)) == ["565-CV/DDTLD", "565/CV/DDTLD", "565-CV-DDTLD", "565/CV-DDTLD"])
        #expect(Terms.numberKeys(number).first == number.key)
        let decree = try #require(DocNumberParser.parse("145/2020/NĐ-CP"))
        #expect(Terms.ownNumber(decree) == ["XN145/2020/ND-CP", "XN145/ND-CP"])
        #expect(Terms.highlightKeys(decree).contains("145/ND-CP"))
        #expect(!Terms.numberKeys(decree).contains("145/ND-CP"), "a number typed with its year names that year only")
    }

    @Test func aPaddedNumberIsAlsoIndexedUnderItsKey() throws {
        #expect(Terms.numberText(written: "02-nq/tw") == "2-nq/tw")
        #expect(Terms.numberText(written: "0002/2020/nd-cp") == "2/2020/nd-cp")
        #expect(Terms.numberText(written: "0-nq/tw") == nil)
        #expect(Terms.numberText(written: "565-cv/ddtld") == nil)
        #expect(Terms.synonymKey(ofSpelling: "công") == "cong")
        #expect(Terms.synonymKey(ofSpelling: "cong") == nil)
        let dir = try TempDir()
        try dir.write("docs/a.txt", "Số: 5/KH-UBND\nKẾ HOẠCH\nThực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị\n")
        let index = dir.path + "/index"
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        let db = try Database(path: index)
        let id = try #require(try db.postings("02-nq/tw").first)
        let written = try db.positions(of: "02-nq/tw", in: id)
        #expect(!written.isEmpty)
        let number = try #require(DocNumberParser.parse("02-NQ/TW"))
        #expect(try db.positions(of: Terms.numberText(number.key), in: id) == written, "the query's number term stands where the text writes it")
    }

    @Test func citationKeysCoverFullLooseAndPartial() throws {
        let citation = try #require(CitationExtractor.extract(from: "theo Nghị định số 145/2020/NĐ-CP ngày 14/12/2020").first)
        #expect(Terms.citationKeys(citation) == ["145/2020/ND-CP", "145/ND-CP", "ND:145"])
    }

    /// Every term an indexed document carries under a prefix follows the `:` rule, so `xapian-delve` reads it.
    @Test func indexedTermsFollowXapiansPrefixConvention() throws {
        let dir = try TempDir()
        try dir.write("docs/nq.txt", """
        BAN CHẤP HÀNH TRUNG ƯƠNG
        Số 02-NQ/TW                      Hà Nội, ngày 12 tháng 6 năm 2021
        NGHỊ QUYẾT
        về đổi mới tổ chức và hoạt động của Công đoàn
        Căn cứ Luật Công đoàn năm 2012 và Nghị quyết 18-NQ/TW, Nghị quyết 18 …
        """)
        let index = dir.path + "/index"
        try IndexKit.index([dir.url.appendingPathComponent("docs")], into: index)
        let db = try Database(path: index)
        let terms = try db.allTerms().map(\.term)
        #expect(terms.contains("XP:NQ:2"))
        #expect(terms.contains("XC:NQ:18"))
        for term in terms {
            guard let prefix = Schema.Prefix.all.filter({ term.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { continue }
            let rest = term.utf8.dropFirst(prefix.utf8.count)
            if let first = rest.first, first >= 0x41 && first <= 0x5A {
                Issue.record("\(term): a capital after the prefix \(prefix) without ':'")
            }
        }
    }
}
