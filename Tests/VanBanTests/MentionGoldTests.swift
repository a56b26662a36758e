import Foundation
import TestTags
import Testing
@testable import VanBan

/// Precision and recall of `vanban mentions` against mentions judged by reading (Fixtures/cite/mentions-gold.json).
@Suite struct MentionGoldTests {
    struct Gold: Decodable {
        struct Reference: Decodable {
            var reference: String
            var judgement: String
            var mentions: [Span]
        }
        struct Span: Decodable, Hashable {
            var file: String
            var start: Int
            var end: Int
            var text: String
        }
        var note: String
        var references: [Reference]
    }

    struct Score {
        var truePositives = 0, found = 0, gold = 0
        var precision: Double { found == 0 ? 1 : Double(truePositives) / Double(found) }
        var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
        mutating func add(_ o: Score) { truePositives += o.truePositives; found += o.found; gold += o.gold }
        var line: String { String(format: "P %.3f R %.3f (%d/%d found, %d gold)", precision, recall, truePositives, found, gold) }
    }

    static func gold() throws -> Gold {
        let url = Paths.fixtures.appendingPathComponent("cite/mentions-gold.json")
        return try JSONDecoder().decode(Gold.self, from: Data(contentsOf: url))
    }

    /// Found spans matched one-to-one to gold spans of the same file that they overlap.
    static func score(found: [Gold.Span], gold: [Gold.Span]) -> (mentions: Score, documents: Score, missed: [Gold.Span], extra: [Gold.Span]) {
        var unused = gold
        var extra: [Gold.Span] = []
        var hits = 0
        for f in found {
            if let i = unused.firstIndex(where: { $0.file == f.file && $0.start < f.end && f.start < $0.end }) {
                unused.remove(at: i)
                hits += 1
            } else {
                extra.append(f)
            }
        }
        let foundDocs = Set(found.map(\.file)), goldDocs = Set(gold.map(\.file))
        return (Score(truePositives: hits, found: found.count, gold: gold.count),
                Score(truePositives: foundDocs.intersection(goldDocs).count, found: foundDocs.count, gold: goldDocs.count),
                unused, extra)
    }

    @Test func goldFixtureIsWellFormed() throws {
        let g = try Self.gold()
        #expect(g.references.count == 10)
        #expect(Set(g.references.map(\.reference)).count == 10)
        for r in g.references {
            #expect(!r.mentions.isEmpty && !r.judgement.isEmpty, "\(r.reference)")
            #expect(r.mentions.allSatisfy { $0.start < $0.end && $0.text.utf8.count == $0.end - $0.start }, "\(r.reference)")
        }
    }

    @Test func scoringMatchesOverlapsOnceEach() {
        let g = [Gold.Span(file: "a", start: 0, end: 10, text: ""), Gold.Span(file: "b", start: 5, end: 9, text: "")]
        let f = [Gold.Span(file: "a", start: 3, end: 12, text: ""), Gold.Span(file: "a", start: 4, end: 8, text: ""),
                 Gold.Span(file: "b", start: 9, end: 12, text: "")]
        let s = Self.score(found: f, gold: g)
        #expect(s.mentions.truePositives == 1 && s.mentions.found == 3 && s.mentions.gold == 2)
        #expect(s.documents.truePositives == 2 && s.documents.precision == 1)
        #expect(s.missed.map(\.file) == ["b"] && s.extra.count == 2)
    }

    @Test(.enabled(if: Paths.sharedAvailable, "../shared is absent: no corpus to measure mentions on"),
          .timeLimit(.minutes(30)), .tags(.slow), .notInFastLoop)
    func precisionAndRecallOnTheSharedCorpus() throws {
        let g = try Self.gold()
        let dir = try TempDir("mentions-gold")
        let docs = Paths.shared.appendingPathComponent("corpus-vn/docs")
        let (report, index) = try buildIndex(docs, in: dir)
        #expect(report.failed.isEmpty)
        var total = Score(), totalDocs = Score()
        for r in g.references {
            let response = try index.mentions(of: r.reference)
            let found = response.documents.flatMap { d in
                d.mentions.map { Gold.Span(file: URL(fileURLWithPath: d.path).lastPathComponent, start: $0.start, end: $0.end, text: $0.text) }
            }
            let s = Self.score(found: found, gold: r.mentions)
            total.add(s.mentions)
            totalDocs.add(s.documents)
            print("mentions \(r.reference): mentions \(s.mentions.line); documents \(s.documents.line)")
            for m in s.missed { print("  missed \(m.file) \(m.start) \(m.text)") }
            for m in s.extra { print("  extra  \(m.file) \(m.start) \(m.text)") }
            #expect(s.mentions.precision >= 0.95 && s.mentions.recall >= 0.95, "\(r.reference): \(s.mentions.line)")
        }
        print("mentions overall: mentions \(total.line); documents \(totalDocs.line)")
        #expect(total.precision >= 0.95, "overall precision \(total.line)")
        #expect(total.recall >= 0.95, "overall recall \(total.line)")
        #expect(totalDocs.precision >= 0.95 && totalDocs.recall >= 0.95, "documents \(totalDocs.line)")
    }
}
