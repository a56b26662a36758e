import Dispatch
import Foundation
import Synchronization

/// Graphviz's `dot`, run as a child process with an argument list (never a shell) and a time limit.
enum Graphviz {
    /// The SVG of the DOT text `dot`; ``ServerError`` 503 when `dot` is missing, fails or overruns `limit`.
    static func svg(_ dot: String, limit: Duration = .seconds(10)) async throws -> String {
        guard let executable = executable else {
            throw ServerError(.serviceUnavailable, "graphviz_missing", "Graphviz (dot) is not installed on the server")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let timedOut = Mutex(false)
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: ServerError(.serviceUnavailable, "graphviz_failed", "Graphviz (dot) could not be started"))
                    return
                }
                let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                    if process.isRunning { timedOut.withLock { $0 = true }; process.terminate() }
                }
                // Written from another thread, so that a large graph cannot block both ends of the pipes.
                DispatchQueue.global().async {
                    try? input.fileHandleForWriting.write(contentsOf: Data(dot.utf8))
                    try? input.fileHandleForWriting.close()
                }
                let data = output.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                if timedOut.withLock({ $0 }) {
                    continuation.resume(throwing: ServerError.timeout)
                } else if process.terminationStatus != 0 {
                    continuation.resume(throwing: ServerError(.serviceUnavailable, "graphviz_failed", "Graphviz (dot) could not draw the graph"))
                } else {
                    let svg = String(decoding: data, as: UTF8.self)
                    // The <svg> element alone, without the XML declaration and doctype, to sit inside a page.
                    continuation.resume(returning: svg.range(of: "<svg").map { String(svg[$0.lowerBound...]) } ?? svg)
                }
            }
        }
    }

    /// `dot` on the PATH.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("dot") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()
}
