import Foundation
import Testing
@testable import VanBan

/// `vanban serve` as a command: its help, its bad options, and its warning when it listens beyond loopback.
/// The server itself is tested in Tests/VanBanServerTests and, in a browser, by `make test-serve`.
@Suite struct ServeCommandTests {
    @Test func helpHasExamples() throws {
        let r = try vanban(["serve", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Examples:"))
        #expect(r.stdout.contains("vanban serve --index"))
    }

    @Test func badOptionsAndMissingIndexExitTwo() throws {
        let dir = try TempDir("serve")
        for arguments in [["serve", "--port", "0"], ["serve", "--port", "70000"], ["serve", "--index", dir.url.appendingPathComponent("none").path]] {
            let r = try vanban(arguments)
            #expect(r.status == 2, "\(arguments)")
            #expect(!r.stderr.isEmpty, "\(arguments)")
        }
    }

    /// Listening on every address prints a warning on stderr before the server starts; SIGTERM stops it.
    @Test func warnsBeyondLoopback() throws {
        let dir = try TempDir("serve")
        _ = try buildIndex(Paths.packageRoot.appendingPathComponent("corpus/bao-cao"), in: dir)
        let port = 20_000 + Int.random(in: 0..<20_000)
        let process = Process()
        process.executableURL = Paths.vanban
        process.arguments = ["serve", "--index", dir.url.appendingPathComponent("index").path, "--host", "0.0.0.0", "--port", String(port)]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The warning is the first line the command writes.
        var stderr = Data()
        let deadline = Date().addingTimeInterval(60)
        while !String(decoding: stderr, as: UTF8.self).contains("\n"), Date() < deadline, process.isRunning {
            stderr += err.fileHandleForReading.availableData
        }
        process.terminate()
        process.waitUntilExit()
        #expect(String(decoding: stderr, as: UTF8.self).hasPrefix("vanban: warning: listening on 0.0.0.0"))
    }
}
