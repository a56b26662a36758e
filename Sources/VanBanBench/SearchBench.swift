import ArgumentParser
import DocRefs
import Foundation
import VanBan
import VietText
import Xapian

struct SearchBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search",
        abstract: "Latency of 200 mixed queries: vanban search against Xapian's QueryParser on a plain TermGenerator index.",
        discussion: """
            With --index and --queries: the engine time of any index, per query class, beside --plain's QueryParser. \
            --index again searches several as one, e.g. shards served by xapian-tcpsrv:
              vanban-bench search --index tcp://127.0.0.1:7001 --index tcp://127.0.0.1:7002 --queries q.tsv
            """)
    @OptionGroup var options: BenchOptions
    @Option(help: "Number of queries.") var count = 200
    @Option(help: "A vanban index to time with --queries, instead of the shared sets (a folder or tcp://HOST:PORT; repeat to search several as one).") var index: [String] = []
    @Option(help: "A query file: one query a line, or class<TAB>query.") var queries: String?
    @Option(help: "With --index: a plain TermGenerator index of the same files, for QueryParser.") var plain: String?

    func run() throws {
        if !index.isEmpty || queries != nil {
            guard !index.isEmpty, let queries else { throw ValidationError("--index and --queries go together") }
            let times = try ClassTimes.measure(vanbanIndex: index, plainIndex: plain, queries: try ClassedQueries.read(queries))
            print("machine: \(machineLine())")
            print("| class | queries | vanban p50 ms | vanban p99 ms | QueryParser p50 ms | QueryParser p99 ms | p99 ratio |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for t in times {
                let theirs = t.plain.map { String(format: "%.2f | %.2f | %.2f", $0.p50, $0.p99, t.vanban.p99 / $0.p99) } ?? "– | – | –"
                print(String(format: "| %@ | %d | %.2f | %.2f | ", t.kind, t.count, t.vanban.p50, t.vanban.p99) + theirs + " |")
            }
            return
        }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let vanban = here.appendingPathComponent("vanban").path
        let bench = here.appendingPathComponent("vanban-bench").path
        let set = try Self.querySet(shared: options.sharedURL, count: count)
        let long = try Self.fourWordQueries(shared: options.sharedURL, count: 40)
        print("machine: \(machineLine())")
        print("queries: \(set.count) (document numbers in several spellings, words with and without marks, phrases)")
        for corpus in try options.corpora() {
            let work = options.workURL.appendingPathComponent("search-\(corpus.name)").path
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            // An index of an earlier schema is rebuilt (an incremental run refuses it).
            let stale = (try? Database(path: work + "/vanban").metadata(Schema.versionKey)).map { $0 != Schema.version } ?? false
            _ = try Measured.run(vanban, ["index", corpus.folder.path, "--index", work + "/vanban", "--json"] + (stale ? ["--rebuild"] : []))
            if !FileManager.default.fileExists(atPath: work + "/plain/iamglass") {
                _ = try Measured.run(bench, ["plain-index", corpus.folder.path, work + "/plain"])
            }
            let ours = try SearchIndex(locations: [work + "/vanban"])
            let plainDB = try Database(path: work + "/plain")
            let parser = QueryParser()
            parser.database = plainDB
            parser.defaultOperatorAnd = true

            var theirErrors = 0
            /// QueryParser, a page of ten and each result's stored text; with `snippets`, Xapian's own snippet
            /// of each (`MSet::snippet`, what Omega shows), the work vanban's results page does.
            func xapian(_ q: String, snippets: Bool) -> (seconds: Double, results: Int) {
                var results = 0
                let seconds = timed {
                    do {
                        let enquire = Enquire(plainDB)
                        enquire.query = try parser.parse(q)
                        for item in try enquire.mset(offset: 0, limit: 10) {
                            _ = try item.document.withData { text in
                                snippets ? try enquire.snippet(of: text, length: SnippetBuilder.defaultLength).utf8.count : text.count
                            }
                            results += 1
                        }
                    } catch { theirErrors += 1 }
                }
                return (seconds, results)
            }
            // Each engine runs the whole set on its own, twice, and is timed on the second round: run query by
            // query in turn, each would start with the caches the other had just filled with its own index.
            func rounds(_ queries: [String]? = nil, _ body: (String) -> Double) -> [Double] {
                var times: [Double] = []
                for _ in 0..<2 { times = (queries ?? set).map(body) }
                return times
            }
            var oursTimes = rounds { q in timed { _ = try? ours.search(q) } }
            var theirsTimes = rounds { q in xapian(q, snippets: false).seconds }
            var snippetTimes = rounds { q in xapian(q, snippets: true).seconds }
            // One more pass, untimed: how many results the QueryParser shows, and how many queries it refuses.
            theirErrors = 0
            let theirCounts = set.map { xapian($0, snippets: false).results }
            // Parts of vanban's work, to show where its time goes: the query language alone (parse and
            // compile), and the search without suggestions.
            var unsuggested = SearchOptions()
            unsuggested.suggest = false
            let parseTimes = rounds { q in timed { var compiler = QueryCompiler(); _ = try? compiler.compile(QueryLanguage.parse(q)) } }
            let unsuggestedTimes = rounds { q in timed { _ = try? ours.search(q, options: unsuggested) } }
            // Queries of four words, apart from the main set (which keeps its figures comparable).
            var longOurs = rounds(long) { q in timed { _ = try? ours.search(q) } }
            var longTheirs = rounds(long) { q in xapian(q, snippets: false).seconds }
            // The queries where the QueryParser side shows a full page too, so both do a page's work.
            let fullPage = set.indices.filter { theirCounts[$0] == 10 }
            func median(_ times: [Double]) -> Double { percentile(fullPage.map { times[$0] }.sorted(), 0.5) }
            let fullPageLine = String(format: "queries where QueryParser shows a full page (%d of %d): p50 vanban %.2f ms, QueryParser %.2f ms (ratio %.2f), with its snippets %.2f ms (ratio %.2f)",
                                      fullPage.count, set.count, median(oursTimes) * 1000, median(theirsTimes) * 1000,
                                      median(oursTimes) / median(theirsTimes), median(snippetTimes) * 1000,
                                      median(oursTimes) / median(snippetTimes))
            let emptyCount = theirCounts.filter { $0 == 0 }.count
            let slowest = zip(set.indices, oursTimes).sorted { $0.1 > $1.1 }.prefix(5)
            let theirsByQuery = theirsTimes
            let oursByQuery = oursTimes
            // Medians by kind of query: numbers (the first two fifths), words, quoted phrases.
            let kinds: [(String, (Int) -> Bool)] = [
                ("numbers", { $0 < set.count * 2 / 5 }),
                ("words", { $0 >= set.count * 2 / 5 && !set[$0].hasPrefix("\"") }),
                ("phrases", { set[$0].hasPrefix("\"") }),
            ]
            let byKind = kinds.map { name, isKind in
                let indices = set.indices.filter(isKind)
                return String(format: "%@ %.2f / %.2f ms", name, percentile(indices.map { oursByQuery[$0] }.sorted(), 0.5) * 1000,
                              percentile(indices.map { theirsByQuery[$0] }.sorted(), 0.5) * 1000)
            }
            oursTimes.sort(); theirsTimes.sort(); snippetTimes.sort()
            let p50o = percentile(oursTimes, 0.5) * 1000, p99o = percentile(oursTimes, 0.99) * 1000
            let p50t = percentile(theirsTimes, 0.5) * 1000, p99t = percentile(theirsTimes, 0.99) * 1000
            let p50s = percentile(snippetTimes, 0.5) * 1000, p99s = percentile(snippetTimes, 0.99) * 1000
            print("\n\(corpus.name): \(corpus.texts.count) documents")
            print("| engine | p50 ms | p99 ms |")
            print("|---|---:|---:|")
            print(String(format: "| vanban search (parse, rank, snippets) | %.2f | %.2f |", p50o, p99o))
            print(String(format: "| Xapian QueryParser + plain index | %.2f | %.2f |", p50t, p99t))
            print(String(format: "| Xapian QueryParser + plain index + MSet::snippet | %.2f | %.2f |", p50s, p99s))
            print(String(format: "ratio vanban/QueryParser: p50 %.2f, p99 %.2f; with Xapian's snippets: p50 %.2f, p99 %.2f; QueryParser errors: %d",
                         p50o / p50t, p99o / p99t, p50o / p50s, p99o / p99s, theirErrors))
            print("p50 by kind (vanban / QueryParser): " + byKind.joined(separator: ", "))
            print("QueryParser finds nothing for \(emptyCount) of \(set.count) queries; " + fullPageLine)
            print(String(format: "parts of vanban's p50: parsing and compiling %.2f ms, search without suggestions %.2f ms (QueryParser's whole query %.2f ms)",
                         percentile(parseTimes.sorted(), 0.5) * 1000, percentile(unsuggestedTimes.sorted(), 0.5) * 1000, p50t))
            longOurs.sort(); longTheirs.sort()
            print(String(format: "queries of four words (%d, with and without marks): vanban p50 %.2f, p99 %.2f ms; QueryParser p50 %.2f, p99 %.2f ms",
                         long.count, percentile(longOurs, 0.5) * 1000, percentile(longOurs, 0.99) * 1000,
                         percentile(longTheirs, 0.5) * 1000, percentile(longTheirs, 0.99) * 1000))
            print("slowest vanban queries (vanban / QueryParser): "
                  + slowest.map { String(format: "%@ (%.1f / %.1f ms)", set[$0.0], $0.1 * 1000, theirsByQuery[$0.0] * 1000) }.joined(separator: ", "))
        }
    }

    /// Four words of titles in the manifest, every other query without marks (the pair boost's case).
    static func fourWordQueries(shared: URL, count: Int) throws -> [String] {
        try titleWords(shared: shared).filter { $0.count >= 8 }.prefix(count).enumerated().map { k, words in
            let pick = words[4..<8].joined(separator: " ")
            return k % 2 == 0 ? pick : Folding.fold(pick)
        }
    }

    /// The words (letters only, two or more) of each title in the manifest.
    static func titleWords(shared: URL) throws -> [[String]] {
        try manifest(shared: shared).compactMap { $0["title"] as? String }.map { title in
            title.split(separator: " ").map(String.init).filter { $0.count > 1 && $0.allSatisfy(\.isLetter) }
        }
    }

    static func manifest(shared: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: shared.appendingPathComponent("corpus-vn/manifest.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    /// Deterministic mixed queries from the manifest: numbers in five spellings, title words with and
    /// without marks, and quoted phrases.
    static func querySet(shared: URL, count: Int) throws -> [String] {
        let numbers = try manifest(shared: shared).compactMap { $0["number"] as? String }
        var out: [String] = []
        for (i, n) in numbers.enumerated() where out.count < count * 2 / 5 {
            switch i % 5 {
            case 0: out.append(n)
            case 1: out.append(n.lowercased())
            case 2: out.append(Folding.fold(n).uppercased())
            case 3: out.append(n.replacingOccurrences(of: "/", with: " / ").replacingOccurrences(of: "-", with: " - "))
            default: out.append("số " + n)
            }
        }
        var k = 0
        for words in try titleWords(shared: shared) where out.count < count {
            guard words.count >= 6 else { continue }
            let pick = Array(words[3..<(3 + 2 + k % 2)])
            switch k % 3 {
            case 0: out.append(pick.joined(separator: " "))
            case 1: out.append(Folding.fold(pick.joined(separator: " ")))
            default: out.append("\"" + pick.joined(separator: " ") + "\"")
            }
            k += 1
        }
        return out
    }
}
