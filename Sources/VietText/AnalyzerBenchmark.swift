#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Throughput measurement of the analyzer, for comparing with other tokenizers.
public enum AnalyzerBenchmark {
    /// Bytes analysed, tokens produced and wall-clock seconds.
    public struct Result: Sendable {
        public let bytes: Int
        public let tokens: Int
        public let seconds: Double
        /// CPU time of the measuring thread (stable when the machine is busy).
        public let cpuSeconds: Double
        /// Throughput in MB/s (10^6 bytes per second).
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds / 1_000_000 : 0 }
    }

    /// Runs `analyzer.forEachToken` over every text (computing every term, as an indexer would)
    /// and times it.
    public static func run(texts: [String], analyzer: Analyzer = Analyzer()) -> Result {
        var bytes = 0
        var tokens = 0
        var termBytes = 0
        let clock = ContinuousClock()
        let cpuStart = threadCPUTime()
        let elapsed = clock.measure {
            for text in texts {
                bytes += text.utf8.count
                analyzer.forEachToken(in: text) { token in
                    tokens += 1
                    termBytes &+= token.exact.utf8.count &+ token.folded.utf8.count
                }
            }
        }
        precondition(termBytes >= 0)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(bytes: bytes, tokens: tokens, seconds: seconds, cpuSeconds: threadCPUTime() - cpuStart)
    }

    private static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
