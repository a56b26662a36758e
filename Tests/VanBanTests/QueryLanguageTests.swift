import DocRefs
import Foundation
import Testing
@testable import VanBan

@Suite struct QueryLanguageTests {
    func parse(_ q: String) throws -> QueryNode { try QueryLanguage.parse(q) }

    @Test func wordsAreAllRequired() throws {
        #expect(try parse("cong doan") == .and([.word("cong", prefix: false), .word("doan", prefix: false)]))
        #expect(try parse("thuế") == .word("thuế", prefix: false))
    }

    @Test func phrases() throws {
        #expect(try parse("\"công đoàn cơ sở\" đại hội")
                == .and([.phrase("công đoàn cơ sở"), .word("đại", prefix: false), .word("hội", prefix: false)]))
        #expect(try parse("“chuyển đổi số”") == .phrase("chuyển đổi số"))
    }

    @Test func orBindsLooserThanAnd() throws {
        #expect(try parse("a b OR c") == .or([.and([.word("a", prefix: false), .word("b", prefix: false)]), .word("c", prefix: false)]))
        #expect(try parse("thuế HOẶC phí") == .or([.word("thuế", prefix: false), .word("phí", prefix: false)]))
    }

    @Test func exclusionWithMinusAndNot() throws {
        let expected = QueryNode.and([.word("dat", prefix: false), .not(.word("thue", prefix: false))])
        #expect(try parse("dat -thue") == expected)
        #expect(try parse("dat NOT thue") == expected)
        #expect(try parse("NOT thue") == .not(.word("thue", prefix: false)))
        #expect(try parse("-\"giai đoạn\"") == .not(.phrase("giai đoạn")))
    }

    @Test func dashBetweenSpacesIsPunctuation() throws {
        #expect(try parse("kinh tế - xã hội")
                == .and([.word("kinh", prefix: false), .word("tế", prefix: false), .word("xã", prefix: false), .word("hội", prefix: false)]))
    }

    @Test func explicitAndIsAccepted() throws {
        #expect(try parse("thuế AND đất") == .and([.word("thuế", prefix: false), .word("đất", prefix: false)]))
    }

    @Test func parenthesesGroup() throws {
        #expect(try parse("(thuế OR phí) đất")
                == .and([.or([.word("thuế", prefix: false), .word("phí", prefix: false)]), .word("đất", prefix: false)]))
        #expect(try parse("-(a OR b) c") == .and([.not(.or([.word("a", prefix: false), .word("b", prefix: false)])), .word("c", prefix: false)]))
    }

    @Test func wildcard() throws {
        #expect(try parse("chuyen*") == .word("chuyen", prefix: true))
    }

    @Test func fields() throws {
        #expect(try parse("loai:QĐ") == .field(.type, "QĐ"))
        #expect(try parse("coquan:\"bac ninh\"") == .field(.issuer, "bac ninh"))
        #expect(try parse("nam:2023") == .field(.year, "2023"))
        #expect(try parse("ngay:2021-08-01..2021-08-31") == .field(.date, "2021-08-01..2021-08-31"))
        #expect(try parse("tieude:\"chuyển đổi số\"") == .field(.title, "chuyển đổi số"))
        #expect(try parse("LOAI:qd") == .field(.type, "qd"))
        guard case .number(let n, _) = try parse("so:12/QĐ-TLĐ") else { Issue.record("so: is not a number"); return }
        #expect(n.key == DocNumberParser.parse("12/QĐ-TLĐ")?.key)
        guard case .partial = try parse("so:\"NQ 02\"") else { Issue.record("so:\"NQ 02\" is not a partial number"); return }
    }

    @Test func fieldValueMayFollowASpace() throws {
        guard case .number(let n, _) = try parse("Số: 12/QĐ-TLĐ") else { Issue.record("Số: is not a number"); return }
        #expect(n.display == "12/QĐ-TLĐ")
        #expect(try parse("loai: QĐ thuế") == .and([.field(.type, "QĐ"), .word("thuế", prefix: false)]))
    }

    /// A name of letters before a colon and a value was meant as a field: an unknown one is an error naming the
    /// fields; in quotes, or with a space after the colon, it is text.
    @Test func unknownFieldIsAnError() throws {
        #expect { try parse("foo:bar") } throws: { error in
            guard case VanBanError.badQuery(let message, _) = error else { return false }
            return message.contains("unknown field foo") && message.contains("loai:")
        }
        #expect(throws: Never.self) { try parse("\"http:abc\"") }
        #expect(throws: Never.self) { try parse("Nơi nhận: Bộ Tài chính") }
        #expect(try parse("V/v:abc") == .word("V/v:abc", prefix: false))
    }

    @Test(arguments: ["565-CV/ĐĐTLĐ", "565/cv-đđtlđ", "565-CV/DDTLD", "565 CV ĐĐTLĐ", "số 565-CV/ĐĐTLĐ"])
    func numberSpellingsGiveOneKey(spelling: String) throws {
        let key = try #require(DocNumberParser.parse("565-CV/ĐĐTLĐ")).key
        #expect(numbers(in: try parse(spelling)).map(\.key) == [key], "\(spelling)")
    }

    @Test func numberAnywhereInTheQuery() throws {
        let node = try parse("kinh phí Quyết định số 12/QĐ-TLĐ công đoàn")
        let found = numbers(in: node)
        #expect(found.map(\.key) == [try #require(DocNumberParser.parse("12/QĐ-TLĐ")).key])
        guard case .and(let items) = node else { Issue.record("not AND: \(node)"); return }
        #expect(items.contains(.word("kinh", prefix: false)) && items.contains(.word("đoàn", prefix: false)))
    }

    func numbers(in node: QueryNode) -> [DocNumber] {
        switch node {
        case .number(let n, _): return [n]
        case .and(let items), .or(let items): return items.flatMap(numbers)
        case .not(let inner): return numbers(in: inner)
        default: return []
        }
    }

    /// Every malformed query gets an error pointing at a position inside the query; never a crash.
    @Test(arguments: [
        ("\"công đoàn", 0, "unbalanced quote"),
        ("thuế \"đất", 5, "unbalanced quote"),
        ("(thuế đất", 0, "unbalanced parenthesis"),
        ("((a) b", 0, "unbalanced parenthesis"),
        ("thuế) đất", 4, "closing parenthesis"),
        ("()", 0, "empty parentheses"),
        ("OR", 0, "OR needs a term on its left"),
        ("thuế OR", 5, "OR needs a term on its right"),
        ("a OR OR b", 2, "OR needs a term on its right"),
        ("NOT", 0, "NOT needs a term"),
        ("thuế -", 5, "- needs a term"),
        ("-", 0, "- needs a term"),
        ("AND", 0, "AND needs a term on its left"),
        ("thuế AND", 5, "AND needs a term on its right"),
        ("NOT NOT a", 4, "NOT NOT"),
        ("*", 0, "wildcard"),
        ("!!!", 0, "nothing to search for"),
        ("", 0, "empty query"),
        ("   ", 0, "empty query"),
        ("đất nam:20x4", 4, "four-digit year"),
        ("ngay:2021-01-01", 0, "range"),
        ("thuế ngay:hôm..qua", 5, "cannot read the date"),
        ("ngay:2025-13-45..2025-99-99", 0, "cannot read the date \"2025-13-45\""),
        ("ngay:2025-01-01..32/1/2025", 0, "cannot read the date \"32/1/2025\""),
        ("ngay:..2025-1-100", 0, "cannot read the date"),
        ("so:abc", 0, "so: needs a document number"),
        ("loai:", 0, "needs a value"),
        ("thuế\u{7}đất", 4, "control character U+7"),
        ("a\u{0}", 1, "control character U+0"),
    ] as [(String, Int, String)])
    func malformed(query: String, position: Int, message: String) {
        do {
            let node = try QueryLanguage.parse(query)
            Issue.record("\(query.debugDescription) parsed as \(node)")
        } catch VanBanError.badQuery(let m, let p) {
            #expect(m.contains(message), "\(query.debugDescription): \(m)")
            #expect(p == position, "\(query.debugDescription): position \(p), \(m)")
        } catch {
            Issue.record("\(query.debugDescription): unexpected \(error)")
        }
    }

    @Test func tenKilobytesIsRefused() {
        let long = String(repeating: "công đoàn ", count: 1000)
        #expect(long.utf8.count > 10_000)
        #expect(throws: VanBanError.self) { try QueryLanguage.parse(long) }
        do { _ = try QueryLanguage.parse(long) } catch let e as VanBanError {
            #expect(e.description.contains("too long"))
        } catch { Issue.record("\(error)") }
    }

    @Test func theErrorNamesTheCharacter() {
        #expect(VanBanError.badQuery(message: "unbalanced quote", position: 5).description == "query error at character 6: unbalanced quote")
    }

    /// Random byte soup never crashes the parser: it parses or throws ``VanBanError``.
    @Test func randomInputNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab đô()\"“”-*:OR NOT AND so:ngay:..12/QĐ\\\t").map(String.init)
        for _ in 0..<2000 {
            let n = Int.random(in: 0..<24, using: &generator)
            let q = (0..<n).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            do { _ = try QueryLanguage.parse(q) } catch is VanBanError {} catch { Issue.record("\(q.debugDescription): \(error)") }
        }
    }
}
