import Foundation
import TestTags
import Testing
import VietText
@testable import VanBan

/// A judged query set over `../shared/corpus-vn` (`Fixtures/search/relevance.json` and `relevance-heldout.json`).
struct RelevanceSet: Decodable {
    struct Judged: Decodable {
        var query: String
        /// `number`, `keyword`, `phrase` or `question`.
        var kind: String
        var spelling: String
        /// File name → grade (2 about the topic, 1 a real passage on it).
        var relevant: [String: Int]
        /// For a topic whose syllables also stand apart in other documents: the word, as the query types it.
        var word: String?
    }
    var note: String
    var queries: [Judged]

    /// The tuning set: `relevance.json` and the topics judged in session 8 (`relevance-a`, `-b`, `-c`).
    static func tuning() throws -> RelevanceSet { try merged(["relevance", "relevance-a", "relevance-b", "relevance-c"]) }
    /// The held-out set, never tuned on: `relevance-heldout.json` and `relevance-heldout-a`, `-b`, `-c`.
    static func heldOut() throws -> RelevanceSet {
        try merged(["relevance-heldout", "relevance-heldout-a", "relevance-heldout-b", "relevance-heldout-c"])
    }

    private static func merged(_ names: [String]) throws -> RelevanceSet {
        let sets = try names.filter {
            FileManager.default.fileExists(atPath: Paths.fixtures.appendingPathComponent("search/\($0).json").path)
        }.map(load)
        return RelevanceSet(note: sets.map(\.note).joined(separator: "\n"), queries: sets.flatMap(\.queries))
    }

    /// `relevance.json`, the set the ranking was tuned on; `relevance-heldout.json`, keyword queries judged in
    /// session 6 without looking at any engine's results and not used for tuning.
    static func load(_ name: String = "relevance") throws -> RelevanceSet {
        let url = Paths.fixtures.appendingPathComponent("search/\(name).json")
        return try JSONDecoder().decode(RelevanceSet.self, from: Data(contentsOf: url))
    }

    /// nDCG@k of `ranked` file names against the grades.
    static func ndcg(_ ranked: [String], _ grades: [String: Int], k: Int = 10) -> Double {
        func gain(_ g: Int) -> Double { Double((1 << g) - 1) }
        let dcg = ranked.prefix(k).enumerated().reduce(0.0) { $0 + gain(grades[$1.element] ?? 0) / log2(Double($1.offset + 2)) }
        let ideal = grades.values.sorted(by: >).prefix(k).enumerated().reduce(0.0) { $0 + gain($1.element) / log2(Double($1.offset + 2)) }
        return ideal > 0 ? dcg / ideal : 0
    }
}

@Suite struct RelevanceTests {
    @Test func theSetIsWellFormed() throws {
        let set = try RelevanceSet.load()
        #expect(set.queries.count >= 30)
        let numbers = set.queries.filter { $0.kind == "number" }
        #expect(Set(numbers.map { $0.relevant.keys.first! }).count >= 8)
        #expect(Set(numbers.map(\.spelling)) == ["printed", "lowercase", "unmarked", "separators", "so"])
        #expect(set.queries.allSatisfy { !$0.relevant.isEmpty && $0.relevant.values.allSatisfy { (1...2).contains($0) } })
        #expect(set.queries.contains { $0.kind == "phrase" } && set.queries.contains { $0.spelling == "unmarked" })

        let heldOut = try RelevanceSet.heldOut()
        #expect(heldOut.queries.allSatisfy { ["keyword", "question"].contains($0.kind) && !$0.relevant.isEmpty
            && $0.relevant.values.allSatisfy { (1...2).contains($0) } })
        // Each topic of the session-8 sets and the held-out set with marks and without, judged alike.
        let tuning = try RelevanceSet.tuning()
        for set in [heldOut, tuning] {
            for marked in set.queries where marked.spelling == "marked" && marked.kind != "phrase" && Folding.fold(marked.query) != marked.query {
                let plain = set.queries.first { $0.spelling == "unmarked" && $0.query == Folding.fold(marked.query) }
                #expect(plain?.relevant == marked.relevant, "\(marked.query)")
            }
        }
        // Issue #18: at least 40 topics, a third held out, 10 with a word whose syllables also stand apart, 8 questions.
        func topics(_ set: RelevanceSet, _ include: (RelevanceSet.Judged) -> Bool = { _ in true }) -> Set<String> {
            Set(set.queries.filter { $0.kind != "number" && include($0) }.map { Folding.fold($0.query.replacingOccurrences(of: "\"", with: "")) })
        }
        let all = topics(tuning).union(topics(heldOut))
        #expect(topics(tuning).isDisjoint(with: topics(heldOut)), "a topic is tuning or held out, not both")
        #expect(all.count >= 40, "\(all.count) topics")
        #expect(topics(heldOut).count * 3 >= all.count, "\(topics(heldOut).count) of \(all.count) held out")
        #expect(topics(tuning) { $0.word != nil }.union(topics(heldOut) { $0.word != nil }).count >= 10)
        #expect(topics(tuning) { $0.kind == "question" }.union(topics(heldOut) { $0.kind == "question" }).count >= 8)
    }

    @Test func ndcgOfPerfectAndReversedRankings() {
        let grades = ["a": 2, "b": 1]
        #expect(RelevanceSet.ndcg(["a", "b", "x"], grades) == 1)
        #expect(RelevanceSet.ndcg(["x", "y"], grades) == 0)
        #expect(RelevanceSet.ndcg(["b", "a"], grades) < 1)
    }

    /// Indexes corpus-vn (or uses `$VANBAN_RELEVANCE_INDEX` when it names an index of it) and runs the set.
    @Test(.enabled(if: Paths.sharedAvailable, "../shared is absent: the relevance set runs over ../shared/corpus-vn"),
          .timeLimit(.minutes(30)), .tags(.slow), .notInFastLoop)
    func relevance() throws {
        let set = try RelevanceSet.tuning()
        let dir = try TempDir("vanban-relevance")
        let indexPath: String
        if let given = ProcessInfo.processInfo.environment["VANBAN_RELEVANCE_INDEX"], !given.isEmpty {
            indexPath = given
        } else {
            indexPath = dir.url.appendingPathComponent("index").path
            _ = try Indexer(options: IndexOptions(roots: [Paths.shared.appendingPathComponent("corpus-vn/docs")],
                                                  indexPath: indexPath, jobs: 2)).run(stop: StopRequest())
        }
        let index = try SearchIndex(locations: [indexPath])
        #expect(try index.database.documentCount >= 500)

        var numberHits = 0, numberTotal = 0
        var misses: [String] = []
        var ndcgs: [(String, Double)] = []
        /// The file names of the first page for `query`.
        func ranked(_ query: String) throws -> [String] {
            var options = SearchOptions()
            options.suggest = false
            return try index.search(query, options: options).results.map { URL(fileURLWithPath: $0.path).lastPathComponent }
        }
        for judged in set.queries {
            let ranked = try ranked(judged.query)
            if judged.kind == "number" {
                numberTotal += 1
                if let first = ranked.first, judged.relevant[first] != nil { numberHits += 1 } else {
                    misses.append("\(judged.query) → \(ranked.prefix(3))")
                }
            } else {
                ndcgs.append((judged.query, RelevanceSet.ndcg(ranked, judged.relevant)))
            }
        }
        let heldOutSet = try RelevanceSet.heldOut()
        let heldOut = try heldOutSet.queries.map { ($0.query, RelevanceSet.ndcg(try ranked($0.query), $0.relevant)) }
        // Of the documents reported as matching a word whose syllables also stand apart (the first 100, those not
        // marked as holding the words apart), the share that hold it as a word: its syllables side by side, as typed
        // (marked) or folded (unmarked).
        var holding = 0, reported = 0
        for judged in set.queries + heldOutSet.queries {
            guard let word = judged.word else { continue }
            var options = SearchOptions()
            options.suggest = false
            options.limit = 100
            let wanted = judged.spelling == "marked" ? word.lowercased() : Folding.fold(word)
            var holds = 0
            // Reported as matching: the results not marked as holding the words apart.
            let results = try index.search(judged.query, options: options).results.filter { !$0.wordsApart }
            for hit in results {
                let text = try index.stored(hit.docid).text
                let words = Analyzer().tokens(in: text).map { judged.spelling == "marked" ? $0.exact : $0.folded }
                let parts = wanted.split(separator: " ").map(String.init)
                if words.count >= parts.count, (0...(words.count - parts.count)).contains(where: { Array(words[$0..<($0 + parts.count)]) == parts }) {
                    holds += 1
                }
            }
            holding += holds
            reported += results.count
            print("  word \(judged.query): \(holds) of \(results.count) matching documents hold it as a word")
        }
        print(String(format: "relevance: %d of %d matching documents hold the word (%.1f %%; goal 95 %%)", holding, reported,
                     100 * Double(holding) / Double(max(1, reported))))
        let rate = Double(numberHits) / Double(max(1, numberTotal))
        let mean = ndcgs.map(\.1).reduce(0, +) / Double(max(1, ndcgs.count))
        let heldOutMean = heldOut.map(\.1).reduce(0, +) / Double(max(1, heldOut.count))
        print("relevance: number queries at rank 1: \(numberHits)/\(numberTotal) (\(String(format: "%.1f", rate * 100)) %)")
        for m in misses { print("  miss: \(m)") }
        for (q, v) in ndcgs { print(String(format: "  nDCG@10 %.3f  %@", v, q)) }
        print(String(format: "relevance: mean nDCG@10 of %d tuning keyword, phrase and question queries: %.3f", ndcgs.count, mean))
        for (q, v) in heldOut { print(String(format: "  held out: nDCG@10 %.3f  %@", v, q)) }
        print(String(format: "relevance: mean nDCG@10 of %d held-out keyword and question queries: %.3f", heldOut.count, heldOutMean))
        #expect(rate >= 0.98, "number queries at rank 1: \(numberHits)/\(numberTotal); misses: \(misses)")
        // A floor well under the measured figure, to catch a ranking regression.
        #expect(mean >= 0.6, "mean nDCG@10 \(mean)")
        #expect(heldOutMean >= 0.6, "held-out mean nDCG@10 \(heldOutMean)")
    }
}
