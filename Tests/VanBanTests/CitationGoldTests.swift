import DocRefs
import Foundation
import Testing
@testable import VanBan

/// The citations of 43 documents judged by reading (Fixtures/cite/citation-gold, rules in its README): precision
/// and recall of what indexing stores, relation accuracy and resolution accuracy on the citations found, the
/// tuning and held-out documents reported apart.
@Suite(.enabled(if: Paths.sharedAvailable, "../shared is absent: the judged documents are there"))
struct CitationGoldTests {
    struct GoldDocument: Decodable {
        struct Entry: Decodable {
            var quote: String
            var occurrence: Int
            var form: String
            var target: String?
            var name: String?
            var year: Int?
            var relation: String?
        }
        struct NotCitation: Decodable {
            var quote: String
            var occurrence: Int
        }
        var file: String
        var split: String
        var citations: [Entry]
        var not_citations: [NotCitation]
    }

    /// Counts over a set of documents.
    struct Score {
        var found = 0, gold = 0, matched = 0, relationRight = 0, resolutionRight = 0, falseLookAlikes = 0
        var precision: Double { found == 0 ? 1 : Double(matched) / Double(found) }
        var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
        var relationAccuracy: Double { matched == 0 ? 1 : Double(relationRight) / Double(matched) }
        var resolutionAccuracy: Double { matched == 0 ? 1 : Double(resolutionRight) / Double(matched) }
        mutating func add(_ o: Score) {
            found += o.found; gold += o.gold; matched += o.matched; relationRight += o.relationRight
            resolutionRight += o.resolutionRight; falseLookAlikes += o.falseLookAlikes
        }
        var line: String {
            String(format: "precision %.3f (%d/%d), recall %.3f (%d/%d), relation %.3f, resolution %.3f; %d look-alikes taken",
                   precision, matched, found, recall, matched, gold, relationAccuracy, resolutionAccuracy, falseLookAlikes)
        }
    }

    static let directory = Paths.fixtures.appendingPathComponent("cite/citation-gold")

    static func documents() throws -> [GoldDocument] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted().map {
            try JSONDecoder().decode(GoldDocument.self, from: Data(contentsOf: directory.appendingPathComponent($0)))
        }
    }

    /// UTF-8 range of the `occurrence`-th `quote` in `text`.
    static func span(of quote: String, occurrence: Int, in text: String) -> Range<Int>? {
        let bytes = Array(text.utf8), q = Array(quote.utf8)
        guard !q.isEmpty, q.count <= bytes.count else { return nil }
        var seen = 0
        for i in 0...(bytes.count - q.count) where bytes[i] == q[0] && Array(bytes[i..<(i + q.count)]) == q {
            seen += 1
            if seen == occurrence { return i..<(i + q.count) }
        }
        return nil
    }

    /// Scores one document; `report` receives the misses and the extra citations.
    static func score(_ gold: GoldDocument, report: (String) -> Void) throws -> Score {
        let url = Paths.shared.appendingPathComponent(gold.file)
        let stored = try StoredDocument.reading(url)
        let text = stored.text
        let resolver = CitationResolver(documents: [])
        var unmatched = try gold.citations.map { entry -> (GoldDocument.Entry, Range<Int>) in
            (entry, try #require(span(of: entry.quote, occurrence: entry.occurrence, in: text), "\(gold.file): \(entry.quote)"))
        }
        let lookAlikes = gold.not_citations.compactMap { span(of: $0.quote, occurrence: $0.occurrence, in: text) }
        var s = Score(found: stored.citations.count, gold: gold.citations.count)
        for c in stored.citations {
            guard let i = unmatched.firstIndex(where: { $0.1.lowerBound < c.end && c.start < $0.1.upperBound }) else {
                if lookAlikes.contains(where: { $0.lowerBound < c.end && c.start < $0.upperBound }) { s.falseLookAlikes += 1 }
                report("  extra  \(c.text.oneLine) [\(c.key)]")
                continue
            }
            let (entry, _) = unmatched.remove(at: i)
            s.matched += 1
            if entry.relation == c.relation?.rawValue {
                s.relationRight += 1
            } else {
                report("  relation \(c.text.oneLine): \(c.relation?.rawValue ?? "none"), judged \(entry.relation ?? "none")")
            }
            let resolution = try resolver.resolve(c)
            let right: Bool
            if let target = entry.target {
                right = resolution.key == DocNumberParser.parse(target)?.key
            } else {
                // Rightly unresolved; a law named with its year may resolve to that edition's number.
                right = resolution.key == nil || (resolution.status == .inferred && (c.kind == .named || c.kind == .article))
            }
            if right { s.resolutionRight += 1 } else {
                report("  target \(c.text.oneLine): \(resolution.key ?? "unresolved"), judged \(entry.target ?? "unresolved")")
            }
        }
        for (entry, _) in unmatched { report("  missed \(entry.quote.oneLine) (\(entry.form))") }
        return s
    }

    @Test func everyQuoteIsInItsText() throws {
        let docs = try Self.documents()
        #expect(docs.count >= 40)
        #expect(docs.filter { $0.split == "heldout" }.count * 5 >= docs.count, "about a quarter held out")
        for d in docs {
            let text = try StoredDocument.reading(Paths.shared.appendingPathComponent(d.file)).text
            for e in d.citations {
                #expect(Self.span(of: e.quote, occurrence: e.occurrence, in: text) != nil, "\(d.file): \(e.quote)")
                #expect(["full", "short", "named", "article"].contains(e.form))
                #expect(e.relation.map { Relation(rawValue: $0) != nil } ?? true, "\(e.relation ?? "")")
            }
        }
    }

    @Test func extractionAgainstTheJudgedCitations() throws {
        var tune = Score(), heldout = Score()
        var lines: [String] = []
        for d in try Self.documents() {
            var notes: [String] = []
            let s = try Self.score(d) { notes.append($0) }
            if d.split == "heldout" { heldout.add(s) } else { tune.add(s) }
            lines.append("\(d.split) \(d.file): \(s.line)")
            lines += notes
        }
        let report = lines.joined(separator: "\n")
        try? report.write(to: URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("citation-gold-report.txt"),
                          atomically: true, encoding: .utf8)
        print("citation gold, tuning:   \(tune.line)")
        print("citation gold, held out: \(heldout.line)")
        print("goals: precision ≥ 0.98, recall ≥ 0.95, relation ≥ 0.90, resolution ≥ 0.99; details in \(NSTemporaryDirectory())citation-gold-report.txt")
        // Floors at the lower of the two sets' figures of the last change, so nothing falls back unseen
        // (BENCHMARKS.md keeps the figures and the goals).
        for s in [tune, heldout] {
            #expect(s.precision >= Self.floor.precision && s.recall >= Self.floor.recall, "\(s.line)")
            #expect(s.relationAccuracy >= Self.floor.relation && s.resolutionAccuracy >= Self.floor.resolution, "\(s.line)")
        }
    }

    static let floor = (precision: 0.99, recall: 0.95, relation: 0.91, resolution: 0.98)
}
