import ArgumentParser
import DocRefs
import Foundation
import VanBan
import VietText
import Xapian

@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vanban-bench",
        abstract: "VanBan's benchmarks, each against Xapian's own tools on the same input in the same run.",
        subcommands: [AnalyzeBench.self, IndexBench.self, SearchBench.self, FormatsBench.self, OCRBench.self, PlainIndex.self, GenerateCommand.self, ScaleBench.self]
    )
}

/// Options every benchmark shares.
struct BenchOptions: ParsableArguments {
    @Option(help: "The shared data folder.") var shared = "../shared"
    @Option(help: "Scratch folder for indexes and unpacked texts.") var work = ".build/bench"
    @Flag(help: "Skip corpus-bulk even when it is present.") var noBulk = false

    var sharedURL: URL { URL(fileURLWithPath: shared) }
    var workURL: URL { URL(fileURLWithPath: work) }

    func corpora() throws -> [BenchCorpus] {
        guard FileManager.default.fileExists(atPath: sharedURL.appendingPathComponent("corpus-vn/docs").path) else {
            throw BenchError("\(shared)/corpus-vn is absent: the benchmarks need ../shared")
        }
        try FileManager.default.createDirectory(at: workURL, withIntermediateDirectories: true)
        var list = [try BenchCorpus.vietnamese(shared: sharedURL)]
        if !noBulk, let bulk = try BenchCorpus.bulk(shared: sharedURL, work: workURL) { list.append(bulk) }
        return list
    }
}

func machineLine() -> String {
    let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
        .split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":").last?
        .trimmingCharacters(in: .whitespaces) ?? "unknown CPU"
    return "\(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, Xapian \(xapianVersion)"
}

struct AnalyzeBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "analyze",
        abstract: "VanBan's analyzer against Xapian's TermGenerator (index_text, no stemmer), one core, best of N rounds.")
    @OptionGroup var options: BenchOptions
    @Option(help: "Rounds; the best is kept.") var rounds = 5

    func run() throws {
        let corpus = try options.corpora()[0]
        let mb = Double(corpus.bytes) / 1_048_576
        let analyzer = Analyzer()
        var tokens = 0
        var ours = Double.infinity
        var theirs = Double.infinity
        for _ in 0..<rounds {
            ours = min(ours, timed {
                tokens = 0
                for text in corpus.texts { analyzer.forEachToken(in: text) { _ in tokens += 1 } }
            })
            theirs = min(theirs, timed {
                let generator = TermGenerator()
                for text in corpus.texts {
                    let doc = Document()
                    generator.document = doc
                    generator.indexText(text)
                }
            })
        }
        print("machine: \(machineLine())")
        print("input: \(corpus.name), \(corpus.texts.count) texts, \(String(format: "%.1f", mb)) MB")
        print(String(format: "vanban analyzer (exact + folded + numbers + dates): %.1f MB/s (%d tokens)", mb / ours, tokens))
        print(String(format: "xapian TermGenerator index_text:                    %.1f MB/s", mb / theirs))
        print(String(format: "ratio (vanban / TermGenerator): %.2f", theirs / ours))
    }
}
