import Foundation
import TestTags
import Testing
import VietText

/// Throughput over the whole corpus. Run in release mode:
/// `VIETTEXT_BENCH=1 swift test -c release --filter BenchmarkTests`
@Suite struct BenchmarkTests {
    static let enabled = ProcessInfo.processInfo.environment["VIETTEXT_BENCH"] != nil && SharedData.available

    @Test(.enabled(if: BenchmarkTests.enabled, "set VIETTEXT_BENCH=1 and provide ../shared to measure throughput"),
          .tags(.slow), .notInFastLoop)
    func corpusThroughput() throws {
        let texts = try SharedData.documents().map(\.text)
        _ = AnalyzerBenchmark.run(texts: Array(texts.prefix(20)))
        let result = AnalyzerBenchmark.run(texts: texts)
        print(String(format: "VietText analyzer: %d files, %.1f MB, %d tokens, %.3f s wall (%.1f MB/s), %.3f s CPU (%.1f MB/s)",
                     texts.count, Double(result.bytes) / 1e6, result.tokens, result.seconds, result.megabytesPerSecond,
                     result.cpuSeconds, Double(result.bytes) / result.cpuSeconds / 1e6))
        #expect(result.tokens > result.bytes / 20)
    }
}
