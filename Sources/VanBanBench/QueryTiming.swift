import Foundation
import VanBan
import VietText
import Xapian

/// A query set in classes, read from and written to a file of `class<TAB>query` lines (a line without a tab is
/// of class "all").
struct ClassedQueries {
    var items: [(kind: String, query: String)]

    static func read(_ path: String) throws -> ClassedQueries {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        return ClassedQueries(items: lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            return parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("all", String(line))
        })
    }

    func write(to path: String) throws {
        try items.map { "\($0.kind)\t\($0.query)\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The classes in the order they first appear.
    var kinds: [String] { items.reduce(into: [String]()) { if !$0.contains($1.kind) { $0.append($1.kind) } } }
}

/// The scale benchmark's query set: 40 each of document numbers (renewed numbers of the generated corpus, in
/// five spellings), keywords with marks, the same without, phrases, and keywords with a field filter.
enum ScaleQueries {
    static func make(shared: URL, numbers: [String]) throws -> ClassedQueries {
        var items: [(String, String)] = []
        for (i, n) in numbers.prefix(40).enumerated() {
            switch i % 5 {
            case 0: items.append(("number", n))
            case 1: items.append(("number", n.lowercased()))
            case 2: items.append(("number", Folding.fold(n).uppercased()))
            case 3: items.append(("number", n.replacingOccurrences(of: "/", with: " / ").replacingOccurrences(of: "-", with: " - ")))
            default: items.append(("number", "số " + n))
            }
        }
        let picks = try SearchBench.titleWords(shared: shared).filter { $0.count >= 6 }.enumerated().map { k, words in
            words[3..<(3 + 2 + k % 2)].joined(separator: " ")
        }
        let filters = ["loai:QĐ", "nam:2015", "loai:TT", "nam:2021", "loai:CV"]
        for pick in picks.prefix(40) { items.append(("keyword", pick)) }
        for pick in picks.dropFirst(40).prefix(40) { items.append(("unmarked", Folding.fold(pick))) }
        for pick in picks.dropFirst(80).prefix(40) { items.append(("phrase", "\"" + pick + "\"")) }
        for (k, pick) in picks.dropFirst(120).prefix(40).enumerated() { items.append(("filtered", pick + " " + filters[k % filters.count])) }
        return ClassedQueries(items: items)
    }
}

/// Engine-time latency of a query set, per class: VanBan's search on its index, and Xapian's QueryParser (AND,
/// a page of ten and each result's stored text) on a plain TermGenerator index of the same files. Field filters
/// (`loai:QĐ`), which the plain index cannot read, are left out of the QueryParser's query.
struct ClassTimes {
    let kind: String
    let count: Int
    let vanban: (p50: Double, p99: Double)
    let plain: (p50: Double, p99: Double)?

    /// `vanbanIndex`: the locations searched as one (an index folder, or shards served by `xapian-tcpsrv`).
    static func measure(vanbanIndex: [String], plainIndex: String?, queries: ClassedQueries) throws -> [ClassTimes] {
        let ours = try SearchIndex(locations: vanbanIndex)
        let set = queries.items.map(\.query)
        // Each engine runs the whole set twice on its own and is timed on the second round (caches of its own).
        func rounds(_ body: (String) -> Double) -> [Double] {
            var times: [Double] = []
            for _ in 0..<2 { times = set.map(body) }
            return times
        }
        let oursTimes = rounds { q in timed { _ = try? ours.search(q) } }
        var theirsTimes: [Double]?
        if let plainIndex {
            let db = try Database(path: plainIndex)
            let parser = QueryParser()
            parser.database = db
            parser.defaultOperatorAnd = true
            theirsTimes = rounds { q in
                timed {
                    do {
                        let enquire = Enquire(db)
                        enquire.query = try parser.parse(withoutFields(q))
                        for item in try enquire.mset(offset: 0, limit: 10) { _ = try item.document.withData { $0.count } }
                    } catch {}
                }
            }
        }
        return queries.kinds.map { kind in
            let indices = queries.items.indices.filter { queries.items[$0].kind == kind }
            func p(_ times: [Double]) -> (Double, Double) {
                let sorted = indices.map { times[$0] }.sorted()
                return (percentile(sorted, 0.5) * 1000, percentile(sorted, 0.99) * 1000)
            }
            return ClassTimes(kind: kind, count: indices.count, vanban: p(oursTimes), plain: theirsTimes.map(p))
        }
    }

    /// `q` without its `field:value` words.
    static func withoutFields(_ q: String) -> String {
        q.split(separator: " ").filter { !$0.contains(":") }.joined(separator: " ")
    }
}
