import Testing
import VietText
@testable import DocRefs

/// Issuer symbols with a dot, an ampersand or a mixed-case part (issue #17): the parser reads them whole, the
/// analyzer reads the same numbers, and a number printed in canonical form parses back to its key.
struct SymbolPartsTests {
    /// The number `find` reads in `text` and the analyzer's `docnumber` tokens, as written.
    static func readings(_ text: String) -> (found: [String], analyzed: [String]) {
        let bytes = Array(text.utf8)
        let found = DocNumberParser.find(in: text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
        let analyzed = Analyzer().tokens(in: text).filter { $0.kind == .docnumber }.map(\.text)
        return (found, analyzed)
    }

    struct Shape: Sendable, CustomStringConvertible {
        let text: String
        let written: String
        let key: String
        let issuers: [String]
        var description: String { text }
    }

    static let shapes: [Shape] = [
        Shape(text: "công văn số 4814/CCTKV.05-TTKT3 ngày 12/8/2025", written: "4814/CCTKV.05-TTKT3",
              key: "4814/CCTKV.05-TTKT3", issuers: ["CCTKV.05", "TTKT3"]),
        Shape(text: "văn bản số 14/2025/CV-E.K.LM của Công ty", written: "14/2025/CV-E.K.LM",
              key: "14/2025/CV-E.K.LM", issuers: ["E.K.LM"]),
        Shape(text: "Văn bản số 1890/STP-VB&TDTHPL ngày 30/9/2025", written: "1890/STP-VB&TDTHPL",
              key: "1890/STP-VB&TDTHPL", issuers: ["STP", "VB&TDTHPL"]),
        Shape(text: "công văn số 9172/HAN-KTr5 ngày 06/8/2025", written: "9172/HAN-KTr5",
              key: "9172/HAN-KTR5", issuers: ["HAN", "KTR5"]),
        Shape(text: "Công văn số 144/2025/CV-BSGBTr ngày 17/11/2025", written: "144/2025/CV-BSGBTr",
              key: "144/2025/CV-BSGBTR", issuers: ["BSGBTR"]),
        Shape(text: "Công văn 11554/VPCP-V.I về việc", written: "11554/VPCP-V.I", key: "11554/VPCP-V.I", issuers: ["VPCP", "V.I"]),
        Shape(text: "Thông tư số 24/2025/TT-BGD&ĐT; và", written: "24/2025/TT-BGD&ĐT", key: "24/2025/TT-BGD&DT", issuers: ["BGD&ĐT"]),
        Shape(text: "số 838/CCTKV.XII-NVDTPC.HUE ngày", written: "838/CCTKV.XII-NVDTPC.HUE",
              key: "838/CCTKV.XII-NVDTPC.HUE", issuers: ["CCTKV.XII", "NVDTPC.HUE"]),
        // A full stop right after the number still ends the sentence.
        Shape(text: "theo công văn số 4814/CCTKV.05-TTKT3. Theo đó", written: "4814/CCTKV.05-TTKT3",
              key: "4814/CCTKV.05-TTKT3", issuers: ["CCTKV.05", "TTKT3"]),
    ]

    @Test(arguments: shapes)
    func readWhole(_ shape: Shape) throws {
        let (found, analyzed) = Self.readings(shape.text)
        #expect(found == [shape.written])
        #expect(analyzed == [shape.written], "the analyzer reads what the parser reads")
        let n = try #require(DocNumberParser.find(in: shape.text).first?.number)
        #expect(n.key == shape.key)
        #expect(n.issuers == shape.issuers)
        #expect(DocNumberParser.parse(shape.written)?.key == shape.key)
        #expect(DocNumberParser.parse(shape.written.lowercased())?.key == shape.key, "typed in lower case")
        #expect(DocNumberParser.parse(n.display)?.key == shape.key, "display \(n.display) parses back")
        #expect(Self.readings("theo \(n.display) nay").analyzed == [n.display])
        NormaliserTests.checkNumbers(in: shape.text)
    }

    /// Where the symbol stops: a full stop before a space or a word of the sentence, a decimal, a lower-case word
    /// glued on, a mixed-case part set apart by spaces or standing first, and a dot after the type slot.
    @Test(arguments: [
        ("công văn số 4814/CCTKV. Theo đó", "4814/CCTKV") as (String, String?),
        ("công văn số 4814/CCTKV.Theo đó", "4814/CCTKV"),
        ("theo số 12/QĐ-UBND.\nĐiều 2", "12/QĐ-UBND"),
        ("Luật số 45/2019/QH14.5 lần", "45/2019/QH14"),
        ("văn bản 15/2025/CV-E.k.lm nay", "15/2025/CV-E"),
        ("số 12/QĐ-UBND ngày 5/3/2025", "12/QĐ-UBND"),
        ("số 12/QĐ-UBND-ngay", "12/QĐ-UBND"),
        ("số 12/QĐ-UBND-Ngày 5", "12/QĐ-UBND"),
        ("số 12/QĐ-UBND-Dd nay", "12/QĐ-UBND"),
        ("Quyết định số 35/2025/QĐ-TTg của", "35/2025/QĐ-TTg"),
        ("công văn số 9172/HAN - KTr5 ngày", "9172/HAN"),
        ("công văn số 9172/HAN -KTr5 ngày", "9172/HAN"),
        ("số 12/QĐ-UBND-Thú nay", "12/QĐ-UBND"),
        // After a mixed-case type (`TTr`) no mixed-case issuer part: a type with no issuer is no number.
        ("công văn 454/TTr-SoNNMT nay", nil),
        ("Văn bản số 1890/STP-VB & TDTHPL nay", "1890/STP-VB"),
        ("Văn bản số 1890/STP-VB&tdthpl nay", "1890/STP-VB"),
    ])
    func symbolStops(_ text: String, _ expected: String?) {
        let (found, analyzed) = Self.readings(text)
        let wanted = expected.map { [$0] } ?? []
        #expect(found == wanted)
        #expect(analyzed == wanted, "the analyzer reads what the parser reads")
    }

    /// A glued sentence word is no part: "35/2025/QĐ-TTgcủa" is not read as an issuer `TTGCUA`.
    @Test func aGluedWordIsNoIssuer() {
        #expect(!DocNumberParser.find(in: "Quyết định số 35/2025/QĐ-TTgcủa Thủ tướng").contains { $0.number.key.hasSuffix("TTGCUA") })
        #expect(!DocNumberParser.find(in: "số 12/QĐ-UBNDngày 5").contains { $0.number.key.contains("NGAY") })
    }

    /// Dots and ampersands elsewhere are not numbers: decimals, amounts, abbreviations with no number near.
    @Test(arguments: ["tăng 3.5/KH.2 lần", "T.P. Hồ Chí Minh", "Bộ GD&ĐT", "1.500.000 đồng/người", "S.L. 12", "đạt 12.5/100"])
    func noNumberWithoutItsShape(_ text: String) {
        #expect(DocNumberParser.find(in: text).isEmpty, "\(text)")
    }
}
