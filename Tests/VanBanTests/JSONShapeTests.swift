import Foundation
import Testing
@testable import VanBan
@testable import VanBanCLI

/// Every JSON type the CLI prints writes every key, `null` for what is absent, and reads back what it wrote.
@Suite struct JSONShapeTests {
    /// `value`'s JSON object, checked to hold exactly `keys`, `null` at `nulls` and nowhere else.
    @discardableResult
    static func object<T: Encodable>(_ value: T, keys: Set<String>, nulls: Set<String>,
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let data = try JSONEncoder().encode(value)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], sourceLocation: sourceLocation)
        #expect(Set(object.keys) == keys, sourceLocation: sourceLocation)
        #expect(Set(object.filter { $0.value is NSNull }.keys) == nulls, sourceLocation: sourceLocation)
        return object
    }

    /// Checks that each of `values` decodes from its JSON to a value writing the same JSON.
    static func roundTrips<T: Codable>(_ values: T..., sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for value in values {
            let data = try encoder.encode(value)
            let decoded = try JSONDecoder().decode(T.self, from: data)
            #expect(String(decoding: try encoder.encode(decoded), as: UTF8.self) == String(decoding: data, as: UTF8.self),
                    sourceLocation: sourceLocation)
        }
    }

    static let metadata: Set<String> = ["number", "type", "issuer", "date", "title"]

    static func stored(number: String? = nil) -> StoredDocument {
        StoredDocument(path: "/a.txt", format: "txt", encoding: "utf-8", number: number, numberKey: nil, type: nil, issuer: nil,
                       date: nil, title: nil, signer: nil, citations: [], text: "")
    }

    @Test func nullEncodedWritesNullAndReadsAMissingKeyAsNil() throws {
        struct Pair: Codable, Equatable { var a: Int; @NullEncoded var b: String? }
        #expect(String(decoding: try JSONEncoder().encode(Pair(a: 1, b: nil)), as: UTF8.self).contains(#""b":null"#))
        #expect(try JSONDecoder().decode(Pair.self, from: Data(#"{"a":1}"#.utf8)) == Pair(a: 1, b: nil))
        #expect(try JSONDecoder().decode(Pair.self, from: Data(#"{"a":1,"b":null}"#.utf8)) == Pair(a: 1, b: nil))
        #expect(try JSONDecoder().decode(Pair.self, from: Data(#"{"a":1,"b":"x"}"#.utf8)) == Pair(a: 1, b: "x"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Pair.self, from: Data(#"{"a":1,"b":2}"#.utf8)) }
    }

    /// The Xapian data: the issuer's display form and its form as written, and the derived-title mark; data
    /// written without the last two reads as a title the text gives and no written form.
    @Test func storedDocumentKeepsTheIssuerAsWrittenAndTheDerivedMark() throws {
        var doc = Self.stored(number: "07-KL/VPTW")
        (doc.issuer, doc.issuerAsWritten, doc.title, doc.titleDerived) = ("VĂN PHÒNG TRUNG ƯƠNG ĐẢNG", "VĂN PHÒNG", "Câu đầu", true)
        let json = try doc.encodedMetadata()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["issuer"] as? String == "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG")
        #expect(object["issuer_as_written"] as? String == "VĂN PHÒNG")
        #expect(object["title_derived"] as? Bool == true)
        #expect(try StoredDocument.decode(json) == doc)
        let older = try StoredDocument.decode(#"{"path":"/a.txt","format":"txt","encoding":"utf-8","issuer":"X","title":"T"}"#)
        #expect(!older.titleDerived && older.issuerAsWritten == nil && older.issuer == "X")
    }

    @Test func searchHit() throws {
        let hit = SearchHit(rank: 1, docid: 2, path: "/a.txt", number: nil, type: nil, issuer: nil, date: nil, title: nil,
                            titleDerived: false, score: 0.5, relevance: 100, snippet: "công đoàn", highlights: [[0, 14]], wordsApart: false)
        try Self.object(hit, keys: SearchCLITests.hitKeys, nulls: Self.metadata)
        var full = hit
        (full.number, full.type, full.issuer, full.date, full.title) = ("12/QĐ-TLĐ", "Quyết định", "Tổng Liên đoàn", "2021-03-05", "Về đại hội")
        try Self.object(full, keys: SearchCLITests.hitKeys, nulls: [])
        try Self.roundTrips(hit, full)
    }

    @Test func searchResponse() throws {
        let response = SearchResponse(query: "q", estimatedTotal: 0, totalIsExact: true, wordsApartTotal: 0, leftOut: [], reading: .allWords, results: [], suggestion: nil,
                                      facets: nil)
        try Self.object(response, keys: ["query", "estimated_total", "total_is_exact", "words_apart_total", "left_out", "reading", "results", "suggestion", "facets"],
                        nulls: ["suggestion", "facets"])
        let full = SearchResponse(query: "q", estimatedTotal: 1, totalIsExact: false, wordsApartTotal: 23, leftOut: ["bao lâu"], reading: .bestMatch, results: [], suggestion: "công đoàn",
                                  facets: Facets(type: [FacetCount(value: "Quyết định", count: 1)], issuer: [], year: []))
        try Self.roundTrips(response, full)
    }

    @Test func citedEntry() throws {
        let entry = CitedEntry(key: "NQ:DAI-HOI-XIII", number: nil, written: "Nghị quyết Đại hội XIII", type: nil, issuer: nil,
                               date: nil, title: nil, relation: nil, mentions: 2, resolution: .unresolved,
                               reason: "chỉ có tên, không có số hiệu hay năm ban hành", path: nil, paths: [], inIndex: false,
                               firstMention: 10)
        try Self.object(entry, keys: ["key", "number", "written", "type", "issuer", "date", "title", "title_derived", "relation", "relation_label",
                                      "mentions", "resolution", "reason", "path", "paths", "in_index", "first_mention"],
                        nulls: Self.metadata.union(["relation", "relation_label", "path"]))
        var based = entry
        based.relation = "can_cu"
        #expect(based.relationLabel == "căn cứ", "the label follows the code")
        try Self.roundTrips(entry)
        #expect(try JSONDecoder().decode(CitedEntry.self, from: JSONEncoder().encode(entry)) == entry)
    }

    @Test func documentSummaryWritesRelationAndMentionsOnlyForACitingDocument() throws {
        let own = DocumentSummary(3, Self.stored())
        try Self.object(own, keys: Self.metadata.union(["docid", "path", "title_derived"]), nulls: Self.metadata)
        let citing = DocumentSummary(4, Self.stored(number: "12/QĐ-TLĐ"), relation: nil, mentions: 2)
        try Self.object(citing, keys: Self.metadata.union(["docid", "path", "title_derived", "relation", "relation_label", "mentions"]),
                        nulls: Self.metadata.subtracting(["number"]).union(["relation"]))
        for summary in [own, citing] {
            #expect(try JSONDecoder().decode(DocumentSummary.self, from: JSONEncoder().encode(summary)) == summary)
        }
    }

    @Test func numberLookup() throws {
        let missing = NumberLookup(query: "999/KH-UBND", key: "999/KH-UBND", number: "999/KH-UBND", documents: [], citedBy: [])
        try Self.object(missing, keys: ["query", "key", "number", "documents", "cited_by"], nulls: [])
        let found = NumberLookup(query: "q", key: "k", number: "k", documents: [DocumentSummary(1, Self.stored())],
                                 citedBy: [DocumentSummary(2, Self.stored(), relation: "theo", mentions: 1)])
        try Self.roundTrips(missing, found)
    }

    @Test func mention() throws {
        let mention = Mention(text: "NQ 02", start: 1, end: 6, passage: "theo NQ 02", passageHighlight: [5, 10], relation: nil, resolved: true)
        try Self.object(mention, keys: ["text", "start", "end", "passage", "passage_highlight", "relation", "relation_label", "resolved"],
                        nulls: ["relation", "relation_label"])
        var based = mention
        based.relation = "thuc_hien"
        #expect(based.relationLabel == "thực hiện")
        #expect(try JSONDecoder().decode(Mention.self, from: JSONEncoder().encode(based)) == based)
        try Self.roundTrips(mention)
        #expect(try JSONDecoder().decode(Mention.self, from: JSONEncoder().encode(mention)) == mention)
    }

    @Test func mentionDocument() throws {
        let doc = MentionDocument(path: "/a.txt", number: nil, type: nil, issuer: nil, date: nil, title: nil, titleDerived: false, mentions: [])
        try Self.object(doc, keys: Self.metadata.union(["path", "title_derived", "mentions"]), nulls: Self.metadata)
        try Self.roundTrips(doc)
    }

    @Test func indexStats() throws {
        let stats = IndexStats(locations: ["index"], documents: 0, terms: 0, averageLength: 0, sizeBytes: 0, lastUpdate: nil,
                               byType: [], byIssuer: [], byYear: [])
        try Self.object(stats, keys: ["locations", "documents", "terms", "average_length", "size_bytes", "last_update", "by_type",
                                      "by_issuer", "by_year"], nulls: ["last_update"])
        var updated = stats
        updated.lastUpdate = "2025-01-01T00:00:00Z"
        try Self.roundTrips(stats, updated)
    }

    @Test func extractedFile() throws {
        let cited = ExtractedFile.Cited(text: "Luật Công đoàn", number: nil, key: "LUAT:CONG-DOAN", type: nil, issuer: nil, date: nil,
                                        relation: nil, start: 0, end: 10)
        try Self.object(cited, keys: ["text", "number", "key", "type", "issuer", "date", "relation", "start", "end"],
                        nulls: ["number", "type", "issuer", "date", "relation"])
        let file = ExtractedFile(path: "a.txt", encoding: "utf-8", number: nil, type: nil, issuer: nil, issuerAsWritten: nil, date: nil,
                                 title: nil, titleDerived: false, signer: nil, derived: [:], ocrPages: [], readByOCR: [], citations: [cited])
        let keys = Self.metadata.union(["path", "encoding", "issuer_as_written", "title_derived", "signer", "derived", "ocr_pages", "read_by_ocr", "citations"])
        try Self.object(file, keys: keys, nulls: Self.metadata.union(["issuer_as_written", "signer"]))
    }
}
