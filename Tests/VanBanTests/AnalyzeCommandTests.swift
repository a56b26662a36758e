import Foundation
import Testing

/// `vanban analyze`, run as users run it.
@Suite struct AnalyzeCommandTests {
    @Test func jsonHasTheDocumentedShapeAndOffsets() throws {
        let text = "Công văn số 565 - CV/ĐĐTLĐ ngày 13/8/2021 về hòa giải"
        let r = try vanban(["analyze", text, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try r.json()
        #expect(object["encoding"] as? String == "utf-8")
        let confidence = try #require(object["confidence"] as? Double)
        #expect((0.0...1.0).contains(confidence))
        let tokens = try #require(object["tokens"] as? [[String: Any]])
        let utf8 = Array(text.utf8)
        for token in tokens {
            for key in ["text", "exact", "folded", "kind", "start", "end", "position"] { #expect(token[key] != nil, "missing \(key)") }
            let start = try #require(token["start"] as? Int), end = try #require(token["end"] as? Int)
            #expect(String(decoding: utf8[start..<end], as: UTF8.self) == token["text"] as? String)
        }
        let kinds = Set(tokens.compactMap { $0["kind"] as? String })
        #expect(kinds == ["word", "number", "date", "docnumber"])
        #expect(tokens.contains { $0["kind"] as? String == "docnumber" && $0["folded"] as? String == "565-cv/ddtld" })
        #expect(tokens.contains { $0["exact"] as? String == "hoà" && $0["folded"] as? String == "hoa" })
    }

    @Test func readsALegacyFileAndReportsTheEncoding() throws {
        let dir = try TempDir()
        // "Nghị quyết Công đoàn" in TCVN3 (ABC) bytes.
        let tcvn3: [UInt8] = [0x4E, 0x67, 0x68, 0xDE, 0x20, 0x71, 0x75, 0x79, 0xD5, 0x74, 0x20,
                               0x43, 0xAB, 0x6E, 0x67, 0x20, 0xAE, 0x6F, 0xB5, 0x6E]
        let file = try dir.write("cu.txt", Data(tcvn3))
        let r = try vanban(["analyze", "--file", file.path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try r.json()
        #expect(object["encoding"] as? String == "tcvn3")
        let exact = (object["tokens"] as? [[String: Any]] ?? []).compactMap { $0["exact"] as? String }
        #expect(exact == ["nghị", "quyết", "công", "đoàn"])
    }

    @Test(arguments: [
        (["analyze", "--file", "/no/such/file.txt"], "/no/such/file.txt"),
        (["analyze", "x", "--encoding", "klingon"], "klingon"),
        (["analyze", "x", "--file", "y"], "either"),
    ])
    func badInputGivesAClearErrorAndExitCode2(arguments: [String], mentioned: String) throws {
        let r = try vanban(arguments)
        #expect(r.status == 2)
        #expect(r.stderr.contains(mentioned), "\(r.stderr)")
    }
}
