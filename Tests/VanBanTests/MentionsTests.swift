import Foundation
import Testing
@testable import DocRefs
@testable import VanBan

/// `vanban mentions` over stored citations: the seed report found by number and by short form, the JSON shape,
/// passages, ordering and bad input.
@Suite struct MentionsTests {
    static func json(_ index: String, _ reference: String, _ extra: [String] = []) throws -> [String: Any] {
        let r = try vanban(["mentions", reference, "--index", index, "--json"] + extra)
        #expect(r.status == 0, "\(reference): \(r.stderr)")
        return try r.json()
    }

    @Test(arguments: ["02-NQ/TW", "Nghị quyết 02", "Nghị quyết số 02-NQ/TW", "NQ 02", "nghị quyết 02-nq/tw"])
    func findsTheSeedReport(reference: String) throws {
        let (dir, index, file) = try CitationListTests.seedIndex()
        _ = dir
        let r = try Self.json(index, reference)
        #expect(r["reference"] as? String == reference)
        #expect(r["total_documents"] as? Int == 1)
        #expect(r["total_mentions"] as? Int == 17)
        let docs = try #require(r["documents"] as? [[String: Any]])
        let doc = try #require(docs.first)
        #expect((doc["path"] as? String).map { URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }
                == URL(fileURLWithPath: file).resolvingSymlinksInPath().path)
        for field in ["path", "number", "type", "issuer", "date", "title", "mentions"] { #expect(doc.keys.contains(field), "missing \(field)") }
        let mentions = try #require(doc["mentions"] as? [[String: Any]])
        #expect(mentions.count == 17)
        let bytes = Array(try String(contentsOfFile: file, encoding: .utf8).utf8)
        for m in mentions {
            for field in ["text", "start", "end", "passage", "relation", "resolved"] { #expect(m.keys.contains(field), "missing \(field)") }
            let start = try #require(m["start"] as? Int), end = try #require(m["end"] as? Int)
            let text = try #require(m["text"] as? String)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == text)
            #expect(text.hasPrefix("Nghị quyết") && text.hasSuffix("02"))
            #expect((m["passage"] as? String)?.contains(text.replacingOccurrences(of: "\n", with: " ")) == true)
            #expect(m["resolved"] as? Bool == true)
        }
        #expect(mentions.first?["relation"] as? String == "thuc_hien")
        #expect(mentions.contains { $0["relation"] is NSNull })
    }

    @Test func namedReferencesFindTheSeed() throws {
        let (dir, index, _) = try CitationListTests.seedIndex()
        _ = dir
        let congress = try Self.json(index, "Nghị quyết Đại hội XIII")
        #expect(congress["key"] as? String == "NQ:DAI-HOI-XIII" && congress["total_mentions"] as? Int == 2)
        let law = try Self.json(index, "Luật Công đoàn")
        #expect(law["key"] as? String == "LUAT:CONG-DOAN" && law["total_mentions"] as? Int == 1)
        let program = try Self.json(index, "02/CTr-BCH")
        #expect(program["total_mentions"] as? Int == 4)
    }

    @Test func noMentionIsExitOneAndNonsenseIsAnError() throws {
        let (dir, index, _) = try CitationListTests.seedIndex()
        _ = dir
        let none = try vanban(["mentions", "57-NQ/TW", "--index", index, "--json"])
        #expect(none.status == 1)
        let r = try none.json()
        #expect(r["total_documents"] as? Int == 0 && (r["documents"] as? [Any])?.isEmpty == true)
        let nonsense = try vanban(["mentions", "hôm nay trời đẹp", "--index", index])
        #expect(nonsense.status == 2 && nonsense.stderr.contains("hôm nay trời đẹp"))
        let empty = try vanban(["mentions", "  ", "--index", index])
        #expect(empty.status == 2)
        let negative = try vanban(["mentions", "02-NQ/TW", "--index", index, "--context", "-3"])
        #expect(negative.status != 0 && negative.status != 1)
        let noIndex = try vanban(["mentions", "02-NQ/TW", "--index", dir.url.appendingPathComponent("missing").path])
        #expect(noIndex.status == 2)
    }

    @Test func textOutputMarksTheMention() throws {
        let (dir, index, _) = try CitationListTests.seedIndex()
        _ = dir
        let r = try vanban(["mentions", "Nghị quyết 02", "--index", index, "--context", "5"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("17 mentions of Nghị quyết 02 in 1 document."), "the reader's form, not the key NQ:2")
        #expect(r.stdout.contains("[Nghị quyết 02]") && r.stdout.contains("(thực hiện, resolved)"))
        #expect(r.stdout.contains("…"), "five words each side cut the long sentences")
        let full = try vanban(["mentions", "Nghị quyết 02-NQ/TW", "--index", index])
        #expect(full.stdout.hasPrefix("17 mentions of 02-NQ/TW"), "the number as written, zeros kept")
    }

    @Test func ordersNewestFirstOrByRelevance() throws {
        let dir = try TempDir("mentions-order")
        let head = { (n: String, date: String) in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: \(n)\n\nHà Nội, ngày \(date)\n\nKẾ HOẠCH\n\nVỀ VIỆC THỬ\n\n" }
        try dir.write("docs/old.txt", head("1/KH-UBND", "01 tháng 02 năm 2020") + "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024. Theo Nghị quyết số 57-NQ/TW. Và Nghị quyết số 57-NQ/TW.\n")
        try dir.write("docs/new.txt", head("2/KH-UBND", "03 tháng 4 năm 2025") + "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.\n")
        try dir.write("docs/other.txt", head("3/KH-UBND", "03 tháng 4 năm 2025") + "Căn cứ Nghị quyết số 58-NQ/TW và Nghị quyết số 57/NQ-CP.\n")
        _ = try buildIndex(dir.url.appendingPathComponent("docs"), in: dir)
        let index = dir.url.appendingPathComponent("index").path
        let byDate = try Self.json(index, "57-NQ/TW")
        let paths = { (r: [String: Any]) in (r["documents"] as? [[String: Any]] ?? []).compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) } }
        #expect(paths(byDate) == ["new.txt", "old.txt"])
        #expect(byDate["total_mentions"] as? Int == 4)
        #expect(paths(try Self.json(index, "57-NQ/TW", ["--sort", "relevance"])) == ["old.txt", "new.txt"])
        // The words of search: -date newest first (the default), date oldest first.
        #expect(paths(try Self.json(index, "57-NQ/TW", ["--sort=-date"])) == ["new.txt", "old.txt"])
        #expect(paths(try Self.json(index, "57-NQ/TW", ["--sort", "date"])) == ["old.txt", "new.txt"])
        let first = try #require((byDate["documents"] as? [[String: Any]])?.first)
        #expect(first["date"] as? String == "2025-04-03" && first["number"] as? String == "2/KH-UBND")
        #expect((first["mentions"] as? [[String: Any]])?.first?["relation"] as? String == "can_cu")
        // A different symbol is a different document.
        #expect(paths(try Self.json(index, "57/NQ-CP")) == ["other.txt"])
    }

    @Test func namedLawsCoverEveryEditionByNameOrNumber() throws {
        let target = try #require(ReferenceTarget.parse("Bộ luật Lao động"))
        #expect(target.kind == .named && target.key == "BOLUAT:LAO-DONG")
        #expect(target.keys.isSuperset(of: ["BOLUAT:LAO-DONG", "45/2019/QH14", "10/2012/QH13"]))
        let text = "Căn cứ Bộ luật Lao động năm 2019; Luật Lao động số 45/2019/QH14; Bộ luật lao động; Luật Việc làm số 38/2013/QH13; kỷ luật lao động."
        let resolver = CitationResolver(documents: [])
        let hits = try CitationExtractor.extract(from: text).filter { try target.matches($0, resolver: resolver) }.map(\.text)
        #expect(hits == ["Bộ luật Lao động năm 2019", "Luật Lao động số 45/2019/QH14", "Bộ luật lao động"])
        let edition = try #require(ReferenceTarget.parse("Luật Công đoàn 2024"))
        #expect(edition.keys == ["50/2024/QH15"])
        #expect(ReferenceTarget.parse("") == nil && ReferenceTarget.parse("xin chào") == nil)
        let party = try #require(ReferenceTarget.parse("565/CV-DDTLD"))
        #expect(try CitationExtractor.extract(from: "Thực hiện Công văn số 565-CV/ĐĐTLĐ ngày 13/8/2021")
            .filter { try party.matches($0, resolver: resolver) }.count == 1)
        // "một số điều của Bộ luật Lao động": the article word needs a number after it.
        let inTitle = CitationExtractor.extract(from: "hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động")
        #expect(inTitle.map(\.text) == ["Bộ luật Lao động"])
    }

    @Test func passageIsTheSentenceAroundTheMention() {
        let text = "Câu trước. Căn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị. Câu sau."
        let start = text.utf8.count - "Nghị quyết số 57-NQ/TW của Bộ Chính trị. Câu sau.".utf8.count
        let end = start + "Nghị quyết số 57-NQ/TW".utf8.count
        let (passage, range) = Passage.around(start..<end, in: text, context: 20)
        #expect(passage == "Căn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị.")
        let bytes = Array(passage.utf8)
        #expect(String(decoding: bytes[range[0]..<range[1]], as: UTF8.self) == "Nghị quyết số 57-NQ/TW")
        let (clamped, r2) = Passage.around(500..<600, in: text, context: 10)
        #expect(r2[0] <= r2[1] && r2[1] <= clamped.utf8.count)
    }

    /// `--context` counts words; a cut sentence starts and ends on a word, with "…"; line breaks inside a
    /// sentence of a PDF's text become spaces, and the highlight still covers the mention.
    @Test(arguments: [0, 1, 2, 5])
    func passagesCutOnWordsWithAnEllipsis(context: Int) throws {
        let text = "Ủy ban nhân dân tỉnh đã triển khai kế hoạch sau gần 1 năm thực hiện Nghị quyết\nsố 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về công tác dân vận trong tình hình mới"
        let mention = "Nghị quyết\nsố 02-NQ/TW"
        let start = try #require(text.utf8.firstRange(of: mention.utf8)).lowerBound
        let lo = text.utf8.distance(from: text.utf8.startIndex, to: start)
        let (passage, range) = Passage.around(lo..<(lo + mention.utf8.count), in: text, context: context)
        let bytes = Array(passage.utf8)
        #expect(String(decoding: bytes[range[0]..<range[1]], as: UTF8.self) == "Nghị quyết số 02-NQ/TW")
        #expect(passage.hasPrefix("…") && passage.hasSuffix("…"))
        let words = passage.dropFirst().dropLast().split(separator: " ")
        #expect(words.count == 4 + 2 * context, "\(passage)")
        #expect(!passage.contains("\n"))
        let whole = Passage.around(lo..<(lo + mention.utf8.count), in: text, context: 100).0
        #expect(!whole.contains("…") && whole.hasPrefix("Ủy ban") && whole.hasSuffix("tình hình mới"))
    }
}
