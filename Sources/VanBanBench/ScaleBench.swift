import ArgumentParser
import Foundation

/// `make bench-scale` (issue #22 item 2): for each size, a corpus generated from the bulk set into a scratch folder;
/// `vanban index` with `--jobs N` (N shards) and with `--shards 1`, and the plain TermGenerator indexer, on the same
/// files in the same run; an incremental run with 1% of the files changed and 0.1% deleted; search latency per
/// query class against Xapian's QueryParser; then the scratch data removed. Writes scale.md, scale.csv and (with
/// gnuplot) scale.png.
struct ScaleBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scale",
        abstract: "Indexing and search at several corpus sizes, VanBan beside a plain Xapian indexer and QueryParser.")
    @Option(help: "The shared data folder.") var shared = "../shared"
    @Option(help: "Corpus sizes in documents, separated by spaces or commas.") var sizes = "10000 100000"
    @Option(help: "Scratch folder for one size's documents and indexes, removed after each size.") var work = ".build/bench-scale"
    @Option(help: "Folder for scale.md, scale.csv, scale.png and the query set.") var out = "docs/bench-scale"
    @Option(help: "Generator seed.") var seed: UInt64 = 1
    @Option(help: "vanban index --jobs (and shards).") var jobs = 2
    @Option(help: "Sizes above this skip the --shards 1 build and its search (to save time).") var oneShardMax = Int.max

    /// One indexer's run at one size.
    struct IndexRun {
        let engine: String
        let label: String
        let m: Measured
        let bytes: Int
        var incremental: Measured?
    }

    /// One size's figures.
    struct SizeResult {
        let documents: Int
        let textBytes: Int
        let generateSeconds: Double
        let load: (before: String, after: String)
        let runs: [IndexRun]
        /// Engine time per class: on the N-shard index (with QueryParser beside it) and on the one-shard index.
        let search: [ClassTimes]
        let searchOneShard: [ClassTimes]?
        /// Whole-command milliseconds per class (median of a few queries): `vanban search`, Xapian's `quest`.
        let whole: [(kind: String, vanban: Double, quest: Double?)]
    }

    func run() throws {
        let counts = sizes.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Int($0) }
        guard !counts.isEmpty else { throw ValidationError("--sizes holds no number") }
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let vanban = here.appendingPathComponent("vanban").path
        let bench = here.appendingPathComponent("vanban-bench").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let generator = try CorpusGenerator(shared: URL(fileURLWithPath: shared), seed: seed)
        let started = Date()
        var results: [SizeResult] = []
        for count in counts {
            let scratch = work + "/\(count)"
            try? FileManager.default.removeItem(atPath: scratch)
            let docs = scratch + "/docs"
            let loadBefore = loadAverage()
            var written = (bytes: 0, numbers: [String]())
            let generateSeconds = try timed { written = try generator.write(count: count, to: URL(fileURLWithPath: docs), sample: 200) }
            let queries = try ScaleQueries.make(shared: URL(fileURLWithPath: shared), numbers: written.numbers)
            try queries.write(to: out + "/queries-\(count).tsv")
            say(String(format: "%d documents, %.1f MB generated in %.1f s", count, Double(written.bytes) / 1_048_576, generateSeconds))

            var runs: [IndexRun] = []
            func index(_ engine: String, _ label: String, _ tool: String, _ args: [String], at path: String) throws {
                let m = try Measured.run(tool, args)
                guard m.status == 0 || m.status == 3 else { throw BenchError("\(label) exited with \(m.status)") }
                runs.append(IndexRun(engine: engine, label: label, m: m, bytes: diskUsage(path)))
                say(String(format: "  %@: %.1f s, peak RSS %.0f MB, index %.0f MB", label, m.seconds,
                             Double(m.peakRSS) / 1_048_576, Double(runs.last!.bytes) / 1_048_576))
            }
            let plain = scratch + "/plain", sharded = scratch + "/vanban-sharded", single = scratch + "/vanban-single"
            try index("plain", "plain TermGenerator (one writer)", bench, ["plain-index", docs, plain], at: plain)
            try index("vanban-\(jobs)shards", "vanban --jobs \(jobs) (\(jobs) shards)", vanban,
                      ["index", docs, "--index", sharded, "--jobs", "\(jobs)", "--json"], at: sharded)
            let oneShard = count <= oneShardMax
            if oneShard {
                try index("vanban-1shard", "vanban --jobs \(jobs) --shards 1", vanban,
                          ["index", docs, "--index", single, "--jobs", "\(jobs)", "--shards", "1", "--json"], at: single)
            }

            let search = try ClassTimes.measure(vanbanIndex: [sharded], plainIndex: plain, queries: queries)
            let searchOneShard = oneShard ? try ClassTimes.measure(vanbanIndex: [single], plainIndex: nil, queries: queries) : nil
            let quest = findOnPath("quest")
            let whole = try queries.kinds.map { kind in
                let picks = queries.items.filter { $0.kind == kind }.prefix(5).map(\.query)
                let ours = try picks.map { try Measured.run(vanban, ["search", "--index", sharded, $0]).seconds * 1000 }.sorted()
                let theirs = try quest.map { quest in
                    try picks.map { q in
                        try Measured.run(quest, ["-d", plain, "-m", "10", "-o", "and", "-s", "none", ClassTimes.withoutFields(q)]).seconds * 1000
                    }.sorted()
                }
                return (kind: kind, vanban: percentile(ours, 0.5), quest: theirs.map { percentile($0, 0.5) })
            }

            // 1% of the files changed (another version of each), 0.1% deleted, then an incremental run of each index.
            for i in stride(from: 37, to: count, by: 100) {
                try writeFile(docs + "/" + CorpusGenerator.relativePath(i), generator.document(i, variant: 1).bytes)
            }
            for i in stride(from: 501, to: count, by: 1000) { try FileManager.default.removeItem(atPath: docs + "/" + CorpusGenerator.relativePath(i)) }
            for (k, path) in [(1, sharded), (2, single)] where k < runs.count {
                let args = ["index", docs, "--index", path, "--jobs", "\(jobs)", "--json"]
                let m = try Measured.run(vanban, args)
                guard m.status == 0 || m.status == 3 else { throw BenchError("\(runs[k].label), incremental, exited with \(m.status)") }
                runs[k].incremental = m
                say(String(format: "  %@, incremental: %.1f s", runs[k].label, runs[k].incremental!.seconds))
            }
            try FileManager.default.removeItem(atPath: scratch)
            results.append(SizeResult(documents: count, textBytes: written.bytes, generateSeconds: generateSeconds,
                                      load: (loadBefore, loadAverage()), runs: runs, search: search,
                                      searchOneShard: searchOneShard, whole: whole))
            let report = markdown(results, started: started)
            try report.write(toFile: out + "/scale.md", atomically: true, encoding: .utf8)
            try csv(results).write(toFile: out + "/scale.csv", atomically: true, encoding: .utf8)
            say(report)
        }
        if let gnuplot = findOnPath("gnuplot") {
            try plotScript().write(toFile: out + "/scale.gp", atomically: true, encoding: .utf8)
            _ = try VanBanBench.run(gnuplot, [out + "/scale.gp"])
            say("plot: \(out)/scale.png")
        } else {
            say("gnuplot is absent (make deps installs it): no plot")
        }
    }

    /// Prints a line at once (standard output is a file when make's output is kept), to follow a long run.
    private func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    private func loadAverage() -> String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
    }

    private func markdown(_ results: [SizeResult], started: Date) -> String {
        var s = "Machine: \(machineLine()). Started \(ISO8601DateFormatter().string(from: started)).\n"
        s += "Command: `vanban-bench scale --sizes \"\(sizes)\" --jobs \(jobs) --seed \(seed)" + (oneShardMax < Int.max ? " --one-shard-max \(oneShardMax)" : "") + "`.\n\n"
        s += "| documents | text MB | indexer | s | MB/s | docs/s | index MB | index / text | peak RSS MB | speed vs plain | incremental s |\n"
        s += "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in results {
            let mb = Double(r.textBytes) / 1_048_576
            let plain = r.runs[0].m.seconds
            for run in r.runs {
                s += String(format: "| %d | %.0f | %@ | %.1f | %.2f | %.0f | %.0f | %.2f | %.0f | %.2f | %@ |\n", r.documents, mb, run.label,
                            run.m.seconds, mb / run.m.seconds, Double(r.documents) / run.m.seconds, Double(run.bytes) / 1_048_576,
                            Double(run.bytes) / Double(r.textBytes), Double(run.m.peakRSS) / 1_048_576, plain / run.m.seconds,
                            run.incremental.map { String(format: "%.1f", $0.seconds) } ?? "–")
            }
        }
        s += "\nLoad average (1, 5, 15 min) before and after each size: "
        s += results.map { "\($0.documents): \($0.load.before) → \($0.load.after)" }.joined(separator: "; ") + ". "
        s += "Generation: " + results.map { String(format: "%d in %.1f s", $0.documents, $0.generateSeconds) }.joined(separator: ", ") + ".\n\n"
        s += "Search, engine time in ms (p50 / p99), 40 queries a class, second of two rounds:\n\n"
        s += "| documents | class | vanban \(jobs) shards | vanban 1 shard | QueryParser | p99 ratio (\(jobs) shards / QueryParser) |\n"
        s += "|---:|---|---:|---:|---:|---:|\n"
        for r in results {
            for (k, t) in r.search.enumerated() {
                let one = r.searchOneShard.map { String(format: "%.2f / %.2f", $0[k].vanban.p50, $0[k].vanban.p99) } ?? "–"
                let qp = t.plain.map { String(format: "%.2f / %.2f", $0.p50, $0.p99) } ?? "–"
                let ratio = t.plain.map { String(format: "%.2f", t.vanban.p99 / $0.p99) } ?? "–"
                s += String(format: "| %d | %@ | %.2f / %.2f | ", r.documents, t.kind, t.vanban.p50, t.vanban.p99) + one + " | " + qp + " | " + ratio + " |\n"
            }
        }
        s += "\nWhole command, ms (median of 5 queries a class; process start, index open, search, output): "
        s += "`vanban search` on the \(jobs)-shard index, Xapian's `quest` on the plain one:\n\n"
        s += "| documents | " + (results.first?.whole.map(\.kind).joined(separator: " | ") ?? "") + " |\n"
        s += "|---:|" + String(repeating: "---:|", count: results.first?.whole.count ?? 0) + "\n"
        for r in results {
            s += "| \(r.documents) | " + r.whole.map { w in
                String(format: "%.0f / ", w.vanban) + (w.quest.map { String(format: "%.0f", $0) } ?? "–")
            }.joined(separator: " | ") + " |\n"
        }
        return s
    }

    /// One row per engine and size, grouped by engine (gnuplot joins a line's points only when they are adjacent);
    /// the search columns of "plain" are QueryParser's.
    private func csv(_ results: [SizeResult]) -> String {
        let kinds = results.first?.search.map(\.kind) ?? []
        var s = "documents,engine,text_mb,index_s,mb_s,peak_rss_mb,index_mb,incremental_s,p99_max_ms"
        s += kinds.map { ",\($0)_p50_ms,\($0)_p99_ms" }.joined() + "\n"
        let engines = results.flatMap { $0.runs.map(\.engine) }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for engine in engines {
            for r in results {
                guard let run = r.runs.first(where: { $0.engine == engine }) else { continue }
                let mb = Double(r.textBytes) / 1_048_576
                let times: [(p50: Double, p99: Double)] = switch run.engine {
                case "plain": r.search.compactMap(\.plain)
                case "vanban-1shard": (r.searchOneShard ?? []).map(\.vanban)
                default: r.search.map(\.vanban)
                }
                s += String(format: "%d,%@,%.1f,%.2f,%.3f,%.1f,%.1f,%@,%.2f", r.documents, run.engine, mb, run.m.seconds,
                            mb / run.m.seconds, Double(run.m.peakRSS) / 1_048_576, Double(run.bytes) / 1_048_576,
                            run.incremental.map { String(format: "%.2f", $0.seconds) } ?? "", times.map(\.p99).max() ?? 0)
                s += times.map { String(format: ",%.3f,%.3f", $0.p50, $0.p99) }.joined() + "\n"
            }
        }
        return s
    }

    /// Time, index size and worst p99 against documents, log–log, one line per engine.
    private func plotScript() -> String {
        let engines = [("vanban-\(jobs)shards", "vanban --jobs \(jobs) (\(jobs) shards)"), ("vanban-1shard", "vanban --shards 1"),
                       ("plain", "plain TermGenerator / QueryParser")]
        func plot(_ column: Int) -> String {
            "plot " + engines.map { engine, title in
                "'\(out)/scale.csv' using (strcol(2) eq '\(engine)' ? $1 : NaN):\(column) smooth unique with linespoints lw 2 pt 7 title '\(title)'"
            }.joined(separator: ", ")
        }
        return """
        set datafile separator ','
        set terminal pngcairo size 1500,480 font ',10'
        set output '\(out)/scale.png'
        set multiplot layout 1,3 title 'make bench-scale: VanBan against a plain Xapian indexer and QueryParser'
        set logscale xy
        set grid
        set key bottom right
        set offsets graph 0.05, graph 0.05, 0, 0
        set xlabel 'documents'
        set title 'indexing wall time (s)'
        \(plot(4))
        set title 'index size (MB)'
        \(plot(7))
        set title 'search p99, worst query class (ms)'
        \(plot(9))
        unset multiplot

        """
    }
}
