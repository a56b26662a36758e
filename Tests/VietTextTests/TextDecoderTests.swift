import Foundation
import TestTags
import Testing
@testable import VietText

@Suite struct TextDecoderTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return Array(try Data(contentsOf: url))
    }

    static func terms(_ text: String) -> [String] {
        Analyzer().tokens(in: text).map(\.exact)
    }

    @Test(arguments: [
        ("sentence-tcvn3.txt", TextEncoding.tcvn3), ("sentence-vni.txt", .vni), ("sentence-viscii.txt", .viscii),
        ("sentence-cp1258.txt", .cp1258), ("sentence-utf16.txt", .utf16), ("sentence-utf8.txt", .utf8),
        ("mojibake-utf8.txt", .utf8Mojibake), ("mojibake-tcvn3.txt", .tcvn3Mojibake), ("mojibake-vni.txt", .vniMojibake),
    ])
    func detectsFixture(file: String, encoding: TextEncoding) throws {
        let expected = String(decoding: try Self.fixture("sentence-utf8.txt"), as: UTF8.self)
        let decoded = TextDecoder.decode(try Self.fixture(file))
        #expect(decoded.encoding == encoding)
        #expect(decoded.text == expected)
        #expect(decoded.invalidBytes == 0)
        #expect(decoded.confidence > 0.8)
    }

    @Test(arguments: [TextEncoding.tcvn3, .vni, .viscii, .cp1258, .utf16])
    func explicitEncodingOverrides(encoding: TextEncoding) throws {
        let expected = String(decoding: try Self.fixture("sentence-utf8.txt"), as: UTF8.self)
        let name = encoding == .vni ? "vni" : encoding.rawValue.replacingOccurrences(of: "-", with: "")
        let decoded = TextDecoder.decode(try Self.fixture("sentence-\(name).txt"), as: encoding)
        #expect(decoded.text == expected)
        #expect(decoded.encoding == encoding)
        #expect(decoded.confidence == 1)
        // Read as something else on purpose, it is decoded as told (and not equal).
        let forced = TextDecoder.decode(try Self.fixture("sentence-\(name).txt"), as: encoding == .tcvn3 ? .viscii : .tcvn3)
        #expect(forced.text != expected)
    }

    @Test(arguments: [
        ("Nghá»‹ quyáº¿t", "Nghị quyết", TextEncoding.utf8Mojibake),
        ("CÃ´ng Ä‘oÃ n Viá»‡t Nam", "Công đoàn Việt Nam", .utf8Mojibake),
        ("CÃ´ng Ä‘oÃ n", "Công đoàn", .utf8Mojibake),
        ("NghÞ quyÕt", "Nghị quyết", .tcvn3Mojibake),
        ("C«ng ®oµn ViÖt Nam", "Công đoàn Việt Nam", .tcvn3Mojibake),
        ("Uû ban nh©n d©n", "Uỷ ban nhân dân", .tcvn3Mojibake),
        ("Nhµ n\u{AD}íc", "Nhà nước", .tcvn3Mojibake),
        ("Nghò quyeát", "Nghị quyết", .vniMojibake),
        ("Coâng ñoaøn Vieät Nam", "Công đoàn Việt Nam", .vniMojibake),
        ("Ñaûng ñoaøn", "Đảng đoàn", .vniMojibake),
    ])
    func repairsMojibake(input: String, expected: String, encoding: TextEncoding) {
        let repaired = TextDecoder.repair(input)
        #expect(repaired.text == expected)
        #expect(repaired.encoding == encoding)
    }

    @Test(.tags(.slow), .notInFastLoop) func longMojibakeIsChosenOnASampleAndRepairedWhole() {
        let line = "CÃ´ng Ä‘oÃ n Viá»‡t Nam\n"
        let count = TextDecoder.repairSample / line.unicodeScalars.count + 10
        let repaired = TextDecoder.repair(String(repeating: line, count: count) + "Nghá»‹ quyáº¿t")
        #expect(repaired.encoding == .utf8Mojibake)
        #expect(repaired.text == String(repeating: "Công đoàn Việt Nam\n", count: count) + "Nghị quyết")
        // Correct text with a few Latin-1 symbols after the sample is left as it is.
        let correct = String(repeating: "Công đoàn Việt Nam\n", count: count) + "nhiệt độ 25°C, «trích»"
        #expect(TextDecoder.repair(correct).text == correct)
    }

    @Test(arguments: ["Nghị quyết của Ban Chấp hành", "café crème brûlée à la carte", "Giá 100 €, “trích dẫn” – …",
                      "Straße Ørsted Ñandú", "", "abc"])
    func repairLeavesCorrectText(input: String) {
        let repaired = TextDecoder.repair(input)
        #expect(repaired.text == input)
        #expect(repaired.encoding == .utf8)
    }

    @Test func invalidUTF8IsReplacedAndCounted() {
        let decoded = TextDecoder.decode([0x41, 0xFF, 0x42, 0xE1, 0xBA, 0x43, 0xC3])
        #expect(decoded.text == "A\u{FFFD}B\u{FFFD}C\u{FFFD}")
        #expect(decoded.invalidBytes == 4)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.confidence < 1)
        let explicit = TextDecoder.decode([0xC0, 0x80, 0xED, 0xA0, 0x80], as: .utf8)
        #expect(explicit.text.unicodeScalars.allSatisfy { $0 == "\u{FFFD}" })
        #expect(explicit.invalidBytes == 5)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 3, 17, 1000, 70_000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let decoded = TextDecoder.decode(bytes)
            #expect(decoded.confidence >= 0 && decoded.confidence <= 1)
            for encoding in TextEncoding.allCases {
                _ = TextDecoder.decode(bytes, as: encoding)
            }
            _ = Analyzer().tokens(in: decoded.text)
        }
    }

    @Test func byteOrderMarks() {
        let text = "Công đoàn"
        #expect(TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)).text == text)
        var le: [UInt8] = [0xFF, 0xFE], be: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(TextDecoder.decode(le).text == text)
        #expect(TextDecoder.decode(be).text == text)
        #expect(TextDecoder.decode(be).encoding == .utf16)
        #expect(TextDecoder.decode(le + [0x41]).invalidBytes == 1)
    }

    @Test func utf16WithoutByteOrderMark() throws {
        let text = String(decoding: try Self.fixture("sentence-utf8.txt"), as: UTF8.self)
        var le: [UInt8] = [], be: [UInt8] = []
        for unit in text.utf16 {
            le += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            be += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        for (bytes, name) in [(le, "LE"), (be, "BE")] {
            let decoded = TextDecoder.decode(bytes)
            #expect(decoded.encoding == .utf16, "\(name)")
            #expect(decoded.text == text, "\(name)")
        }
        // A UTF-8 text with a few NULs is not mistaken for UTF-16.
        #expect(TextDecoder.decode(Array("Công đoàn\u{0}Việt Nam".utf8)).encoding == .utf8)
    }

    @Test func viqrOnRequestOnly() {
        let viqr = Array("Vie^.t Nam. Nghi. quye^'t cu?a DDa?ng, ho^.i nghi.? Ca'c ddie^`u \\. xong.".utf8)
        let decoded = TextDecoder.decode(viqr, as: .viqr)
        #expect(decoded.text == "Việt Nam. Nghị quyết của Đảng, hội nghị? Các điều . xong.")
        #expect(TextDecoder.decode(viqr).encoding == .utf8)
    }

    @Test func legacySignaturesFromReference() {
        // Section 7.2/7.3 samples: bytes of "Nghị quyết" in each encoding.
        #expect(TextEncoder.encode("Nghị quyết", as: .tcvn3) == [0x4E, 0x67, 0x68, 0xDE, 0x20, 0x71, 0x75, 0x79, 0xD5, 0x74])
        #expect(TextEncoder.encode("Nghị quyết", as: .vni) == [0x4E, 0x67, 0x68, 0xF2, 0x20, 0x71, 0x75, 0x79, 0x65, 0xE1, 0x74])
        #expect(TextEncoder.encode("ế ạ Ệ", as: .cp1258) == [0xEA, 0xEC, 0x20, 0x61, 0xF2, 0x20, 0xCA, 0xF2])
        #expect(TextEncoder.encode("Đ đ ợ", as: .viscii) == [0xD0, 0x20, 0xF0, 0x20, 0xFE])
        #expect(String(decoding: TextEncoder.encode("Công đoàn", as: .tcvn3Mojibake), as: UTF8.self) == "C«ng ®oµn")
        #expect(String(decoding: TextEncoder.encode("Công đoàn", as: .vniMojibake), as: UTF8.self) == "Coâng ñoaøn")
        #expect(String(decoding: TextEncoder.encode("Nghị", as: .utf8Mojibake), as: UTF8.self) == "Nghá»‹")
    }

    /// Cross-checks the single-byte tables against glibc iconv when it is installed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv"), "iconv is absent"),
          arguments: [("TCVN5712-1", TextEncoding.tcvn3), ("VISCII", .viscii), ("CP1258", .cp1258)])
    func tablesAgreeWithIconv(name: String, encoding: TextEncoding) throws {
        let sample = Self.allLetters
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", name]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(sample.utf8))
        try input.fileHandleForWriting.close()
        let bytes = Array(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        #expect(TextDecoder.decode(bytes, as: encoding).text == sample)
    }

    static let allLetters: String = (NormalizerTests.lower + NormalizerTests.upper).joined(separator: " - ") + " đ Đ"

    @Test(arguments: [TextEncoding.tcvn3, .vni, .viscii, .cp1258, .viqr, .utf16])
    func everyLetterRoundTrips(encoding: TextEncoding) {
        let text = Self.allLetters
        let decoded = TextDecoder.decode(TextEncoder.encode(text, as: encoding), as: encoding).text
        if encoding == .tcvn3 {
            #expect(decoded.lowercased() == text.lowercased())  // ABC stores toned capitals as lower case
        } else {
            #expect(decoded == text)
        }
    }

    static let legacyRoundTrips: [TextEncoding] = [.tcvn3, .vni, .viscii, .cp1258, .utf16,
                                                   .utf8Mojibake, .tcvn3Mojibake, .vniMojibake]

    /// Real corpus paragraphs: encode, decode with auto-detection, compare the index terms.
    @Test(.enabled(if: SharedData.available, "../shared is absent: no corpus paragraphs for round trips"),
          arguments: legacyRoundTrips)
    func corpusParagraphRoundTrip(encoding: TextEncoding) throws {
        let paragraphs = try SharedData.paragraphs(minLength: 300, limit: 12)
        #expect(paragraphs.count >= 10)
        for paragraph in paragraphs {
            let bytes = TextEncoder.encode(paragraph, as: encoding)
            let decoded = TextDecoder.decode(bytes)
            #expect(decoded.encoding == encoding, "\(paragraph.prefix(60))")
            #expect(Self.terms(decoded.text) == Self.terms(paragraph))
        }
    }

    /// Correct UTF-8 documents must come back unchanged (no false mojibake repair).
    @Test(.enabled(if: SharedData.available, "../shared is absent: no corpus documents"), .tags(.slow), .notInFastLoop)
    func corpusDocumentsStayUTF8() throws {
        for doc in try SharedData.documents() {
            let decoded = TextDecoder.decode(Array(doc.text.utf8))
            #expect(decoded.encoding == .utf8, "\(doc.name)")
            #expect(decoded.text == doc.text, "\(doc.name)")
        }
    }

    @Test(.enabled(if: SharedData.available, "../shared is absent: no corpus paragraphs for round trips"))
    func corpusParagraphViqrRoundTrip() throws {
        for paragraph in try SharedData.paragraphs(minLength: 300, limit: 12) {
            let decoded = TextDecoder.decode(TextEncoder.encode(paragraph, as: .viqr), as: .viqr)
            #expect(Self.terms(decoded.text) == Self.terms(paragraph))
        }
    }
}
