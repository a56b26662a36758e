import Foundation
import Testing
@testable import DocRefs
@testable import VanBan

/// `vanban cite` on the seed report: every document it refers to, in first-mention order, in each format.
@Suite struct CitationListTests {
    /// What the seed cites, by key, in order of first mention, with the number of mentions of each
    /// (26 references in all, listed by the DocRefs seed test).
    static let expected: [(key: String, number: String?, mentions: Int)] = [
        ("2-NQ/TW", "02-NQ/TW", 17), ("2/CTR-BCH", "02/CTr-BCH", 4), ("NQ:DAI-HOI-XIII", nil, 2),
        ("2-CTR/TLD", "02-CTr/TLĐ", 1), ("565-CV/DDTLD", "565-CV/ĐĐTLĐ", 1), ("LUAT:CONG-DOAN", nil, 1),
    ]

    static func seedIndex() throws -> (TempDir, String, String) {
        let dir = try TempDir("cite")
        let source = try String(contentsOf: Paths.seed, encoding: .utf8)
        let file = try dir.write("docs/bao-cao.txt", source)
        _ = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        return (dir, dir.url.appendingPathComponent("index").path, file.path)
    }

    static func cite(_ index: String, _ file: String, _ format: String, _ extra: [String] = []) throws -> String {
        let r = try vanban(["cite", file, "--index", index, "--format", format] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return r.stdout
    }

    @Test func jsonListsEveryReferenceInOrder() throws {
        let (dir, index, file) = try Self.seedIndex()
        _ = dir
        let list = try JSONDecoder().decode(CitationList.self, from: Data(try Self.cite(index, file, "json").utf8))
        #expect(list.entries.map(\.key) == Self.expected.map(\.key))
        #expect(list.entries.map(\.mentions) == Self.expected.map(\.mentions))
        #expect(list.entries.map(\.mentions).reduce(0, +) == 26)
        #expect(list.entries.map(\.number) == Self.expected.map(\.number))
        #expect(list.entries.map(\.firstMention) == list.entries.map(\.firstMention).sorted())
        #expect(list.entries.allSatisfy { !$0.inIndex && $0.path == nil })
        let nq = list.entries[0]
        #expect(nq.type == "Nghị quyết" && nq.date == "2021-06-12" && nq.issuer == "Bộ Chính trị" && nq.relation == "thuc_hien")
        // Every field is written, null when absent.
        let raw = try #require(try JSONSerialization.jsonObject(with: Data(try Self.cite(index, file, "json").utf8)) as? [String: Any])
        let first = try #require((raw["entries"] as? [[String: Any]])?.first)
        for field in ["key", "number", "written", "type", "issuer", "date", "title", "relation", "mentions", "path", "in_index"] {
            #expect(first.keys.contains(field), "missing \(field)")
        }
        #expect(first["title"] is NSNull)
    }

    @Test func textReadsLikeAVietnameseReferenceList() throws {
        let (dir, index, file) = try Self.seedIndex()
        _ = dir
        let lines = try Self.cite(index, file, "text", ["--lang", "vi"]).split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + Self.expected.count)
        #expect(lines[0].hasPrefix("Tài liệu trích dẫn trong"))
        #expect(lines[1].hasPrefix("1. Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị"))
        #expect(lines[1].contains("17 lần"))
        #expect(lines[2].hasPrefix("2. Chương trình số 02/CTr-BCH ngày 20/7/2021 của Ban Chấp hành Tổng LĐLĐ Việt Nam"))
        #expect(lines[3].hasPrefix("3. Nghị quyết Đại hội"))
        #expect(lines[5].hasPrefix("5. Công văn số 565-CV/ĐĐTLĐ ngày 13/8/2021"))
        #expect(lines[6].hasPrefix("6. Luật Công đoàn"))
        for (i, line) in lines.dropFirst().enumerated() { #expect(line.hasPrefix("\(i + 1). ")) }
    }

    @Test func markdownIsANumberedList() throws {
        let (dir, index, file) = try Self.seedIndex()
        _ = dir
        let lines = try Self.cite(index, file, "md").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        #expect(lines.first?.hasPrefix("## Tài liệu trích dẫn trong") == true)
        let items = lines.filter { $0.first?.isNumber == true }
        #expect(items.count == Self.expected.count)
        #expect(items[0].hasPrefix("1. Nghị quyết số 02-NQ/TW ngày 12/6/2021") && items[0].contains("(17 lần)"))
        #expect(items[4].contains("565-CV/ĐĐTLĐ"))
    }

    @Test func csvParsesBack() throws {
        let (dir, index, file) = try Self.seedIndex()
        _ = dir
        let rows = CSVReader.rows(try Self.cite(index, file, "csv"))
        let header = ["order", "key", "number", "written", "type", "issuer", "date", "title", "relation", "relation_label",
                      "mentions", "resolution", "reason", "in_index", "path"]
        #expect(rows.first == header)
        let body = rows.dropFirst().filter { $0 != [""] }
        #expect(body.map { $0[1] } == Self.expected.map(\.key))
        #expect(body.map { Int($0[10]) } == Self.expected.map { $0.mentions })
        #expect(body.map { $0[0] } == (1...Self.expected.count).map(String.init))
        #expect(body.allSatisfy { $0.count == header.count })
        #expect(body.allSatisfy { ["exact", "inferred", "unresolved"].contains($0[11]) })
        // The issuer holds a space and the written form of the Đại hội resolution is long: quoting keeps columns.
        #expect(body[2][3] == "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII")
    }

    @Test func sortsByDateAndType() throws {
        let (dir, index, file) = try Self.seedIndex()
        _ = dir
        let byDate = try JSONDecoder().decode(CitationList.self, from: Data(try Self.cite(index, file, "json", ["--sort", "date"]).utf8))
        #expect(byDate.entries.prefix(3).map(\.date) == ["2021-06-12", "2021-07-20", "2021-08-13"])
        #expect(byDate.entries.dropFirst(3).allSatisfy { $0.date == nil })
        let byType = try JSONDecoder().decode(CitationList.self, from: Data(try Self.cite(index, file, "json", ["--sort", "type"]).utf8))
        let types = byType.entries.map { $0.type ?? "~" }
        #expect(types == types.sorted())
        #expect(Set(byType.entries.map(\.key)) == Set(Self.expected.map(\.key)))
    }

    @Test func citesAFileOutsideTheIndexAndRejectsUnknownDocuments() throws {
        let r = try vanban(["cite", Paths.seed.path, "--index", "/nonexistent/vanban-index", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try JSONDecoder().decode(CitationList.self, from: Data(r.stdout.utf8))
        #expect(list.entries.map(\.key) == Self.expected.map(\.key))
        let (dir, index, _) = try Self.seedIndex()
        _ = dir
        let missing = try vanban(["cite", "999/QĐ-KHÔNG", "--index", index])
        #expect(missing.status == 1 && missing.stderr.contains("999/QĐ-KHÔNG"))
        let badFormat = try vanban(["cite", Paths.seed.path, "--format", "pdf"])
        #expect(badFormat.status != 0 && badFormat.stdout.isEmpty)
    }

    @Test func citedDocumentsInTheIndexShowTheirOwnMetadata() throws {
        let dir = try TempDir("cite-graph")
        _ = try buildIndex(Paths.fixtures.appendingPathComponent("cite/graph"), in: dir)
        let index = dir.url.appendingPathComponent("index").path
        let list = try JSONDecoder().decode(CitationList.self, from: Data(try Self.cite(index, "11/QĐ-UBND", "json").utf8))
        #expect(list.entries.map(\.key) == ["12/QD-UBND", "99/2020/ND-CP"])
        let b = list.entries[0]
        #expect(b.inIndex && b.mentions == 2 && b.date == "2024-01-02" && b.path?.hasSuffix("qd-12.txt") == true)
        #expect(b.title?.uppercased().contains("GIAO NHIỆM VỤ THỬ NGHIỆM") == true)
        #expect(!list.entries[1].inIndex && list.entries[1].number == "99/2020/NĐ-CP")
        let text = try Self.cite(index, "11/QĐ-UBND", "text", ["--lang", "vi"])
        #expect(text.contains("2. Nghị định số 99/2020/NĐ-CP ngày 1/7/2020 của Chính phủ [căn cứ; không có trong chỉ mục]"))
        let english = try Self.cite(index, "11/QĐ-UBND", "text")
        #expect(english.contains("2. Nghị định số 99/2020/NĐ-CP ngày 1/7/2020 của Chính phủ [căn cứ; not in the index]"), "\(english)")
    }

    @Test func referenceLineAndCSVQuoting() {
        let e = CitedEntry(key: "2-NQ/TW", number: "02-NQ/TW", written: "Nghị quyết 02", type: "Nghị quyết", issuer: "Bộ Chính trị",
                           date: "2021-06-12", title: "về tăng cường công tác dân vận", relation: nil, mentions: 1,
                           resolution: .exact, path: nil, paths: [], inIndex: true, firstMention: 0)
        #expect(CitationList.referenceLine(e) == "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về tăng cường công tác dân vận")
        var bare = e
        bare.number = nil; bare.date = nil; bare.issuer = nil; bare.title = nil
        #expect(CitationList.referenceLine(bare) == "Nghị quyết 02")
        #expect(CSV.field("a,b") == "\"a,b\"" && CSV.field("say \"x\"") == "\"say \"\"x\"\"\"" && CSV.field("plain") == "plain")
        #expect(CSVReader.rows("a,\"b,\"\"c\"\"\",d\n") == [["a", "b,\"c\"", "d"], [""]])
    }
}

/// A small RFC 4180 reader, to read the CSV output back.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var it = Array(text.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" {
                    if it.first == "\"" { field.unicodeScalars.append("\""); it.removeFirst() } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true
            } else if c == "," { row.append(field); field = ""
            } else if c == "\n" { row.append(field); rows.append(row); row = []; field = ""
            } else { field.unicodeScalars.append(c) }
        }
        row.append(field)
        rows.append(row)
        return rows
    }
}
