import Foundation
import PropertyBased
import Testing
import VietText
@testable import DocRefs

/// The analyzer and the reference parser read look-alikes through one table (``VietText/LookAlikes``):
/// a number the analyzer sees is a number the parser reads, to the same key.
@Suite struct NormaliserTests {
    /// Pieces of document numbers, in their look-alikes: fullwidth letters and digits, dashes and
    /// slashes of other scripts, Ð for Đ, spaces that are not ASCII, invisibles.
    static let pieces: [String] = [
        "565", "02", "12", "145", "0", "2020", "１２", "５６５", "2025",
        "-", "/", "–", "—", "−", "／", "⁄", "∕", "－", "\u{2010}", " ", "\u{A0}", "\u{3000}", "\u{AD}", "\u{200B}",
        "CV", "ＣＶ", "NQ", "ＮＱ", "QĐ", "QÐ", "NĐ", "ND", "CP", "ＣＰ", "TW", "ĐĐTLĐ", "ÐÐTLÐ", "DDTLD", "UBND", "TTg", "BTC",
        "HD", "BCH", "số ", "Số ", "Nghị quyết ", "theo ", ", ", ".", "\n",
    ]

    static let texts = Gen.int(in: 0...(pieces.count - 1)).array(of: 1...14).map { (indices: [Int]) -> String in
        indices.map { NormaliserTests.pieces[$0] }.joined()
    }

    /// Whole numbers in ASCII, with the spellings of each character a text may use instead.
    static let numbers = ["565-CV/ĐĐTLĐ", "02-NQ/TW", "145/2020/NĐ-CP", "12/2025/QĐ-UBND", "37-HD/BTGDVTW", "977/QĐ-TTg", "45/2019/QH14"]
    static let lookAlikes: [Character: [String]] = [
        "-": ["-", "–", "—", "−", "－", "\u{2010}"], "/": ["/", "／", "⁄", "∕"], "Đ": ["Đ", "Ð"],
        "C": ["C", "Ｃ"], "V": ["V", "Ｖ"], "N": ["N", "Ｎ"], "Q": ["Q", "Ｑ"], "1": ["1", "１"], "2": ["2", "２"], "5": ["5", "５"],
    ]
    /// `ascii` with each character that has look-alikes replaced by the one `choices` picks.
    static func respell(_ ascii: String, _ choices: [Int]) -> String {
        var out = ""
        for (c, n) in zip(ascii, choices) {
            if let options = lookAlikes[c] { out += options[n % options.count] } else { out.append(c) }
        }
        return out
    }

    static let respelt = zip(Gen.int(in: 0...(numbers.count - 1)), Gen.int(in: 0...5).array(of: 16...16))
        .map { (k: Int, choices: [Int]) -> (String, String) in (numbers[k], respell(numbers[k], choices)) }

    /// Every number the analyzer reads that the parser reads too has the key of the analyzer's folded form.
    static func checkNumbers(in text: String) {
        for token in Analyzer().tokens(in: text) where token.kind == .docnumber {
            guard let parsed = DocNumberParser.parse(token.text) else { continue }
            #expect(DocNumberParser.parse(token.folded.uppercased())?.key == parsed.key,
                    "\(token.text.debugDescription): analyzer \(token.folded), parser \(parsed.key)")
        }
    }

    @Test func aNumberInLookAlikesIsOneNumberToBoth() async {
        await propertyCheck(count: 800, input: Self.respelt, Self.texts) { pair, context in
            let (ascii, written) = pair
            let text = context + " số " + written + ". " + context
            let key = DocNumberParser.parse(ascii)!.key
            #expect(DocNumberParser.parse(written)?.key == key, "parser: \(written.debugDescription)")
            let tokens = Analyzer().tokens(in: text).filter { $0.kind == .docnumber && $0.text == written }
            #expect(tokens.count >= 1, "the analyzer does not read \(written.debugDescription) as a number")
            for token in tokens {
                #expect(DocNumberParser.parse(token.text)?.key == key)
                #expect(DocNumberParser.parse(token.folded.uppercased())?.key == key, "analyzer: \(token.folded)")
            }
        }
    }

    @Test func numbersBothReadHaveOneKey() async {
        await propertyCheck(count: 1_500, input: Self.texts) { Self.checkNumbers(in: $0) }
    }

    /// The analyzer takes only what the parser could read as a symbol: Latin letters, then digits.
    @Test(arguments: ["565/CV565CV", "12/QĐ-UB5ND", "12/中文", "42/2022/NĐ-CP / Tổng", "565 /   CV-CV"])
    func symbolPartsAreLettersThenDigits(_ text: String) {
        #expect(!Analyzer().tokens(in: text).contains { $0.kind == .docnumber && $0.text == text })
    }

    /// Shapes the parser refuses, so the analyzer leaves them as words: a type with no symbol after it, and codes.
    @Test(arguments: ["270/QĐ", "66/NQ", "10/2025/TT", "5G/IoT", "3D/VR360"])
    func shapesTheParserRefusesAreNoNumbers(_ text: String) {
        #expect(DocNumberParser.parse(text) == nil)
        #expect(!Analyzer().tokens(in: "theo \(text) nay").contains { $0.kind == .docnumber }, "\(text)")
    }

    /// Serials with an ordinal or "bis": one number for the parser and the analyzer, when a year or a type follows.
    @Test(arguments: [("66.7/2025/NQ-CP", "66.7/2025/NQ-CP", "66.7"), ("123bis/2020/QĐ-UBND", "123BIS/2020/QD-UBND", "123bis"),
                      ("12a/QĐ-UBND", "12A/QD-UBND", "12a")])
    func serialsWithOrdinals(_ written: String, key: String, serial: String) throws {
        let n = try #require(DocNumberParser.parse(written))
        #expect(n.key == key && n.number == serial)
        #expect(DocNumberParser.find(in: "theo Nghị quyết số \(written) của Chính phủ").map(\.number.key) == [key])
        let tokens = Analyzer().tokens(in: "theo số \(written) nay").filter { $0.kind == .docnumber }
        #expect(tokens.map(\.text) == [written])
        Self.checkNumbers(in: "theo số \(written) nay")
    }

    /// A serial with an ordinal and a Party issuer prints in the Party style, which reads back as the same number
    /// (found by fuzzing: `1.74/TT-BCSDBNNMT` printed as `1.74-TT/BCSDBNNMT`, which did not parse).
    @Test func anOrdinalSerialInThePartyStyleReadsBack() throws {
        let n = try #require(DocNumberParser.find(in: "theo số 1.74/TT-BCSDBNNMT nay").first?.number)
        #expect(n.number == "1.74")
        let again = try #require(DocNumberParser.parse(n.display), "\(n.display)")
        #expect(again.key == n.key)
        #expect(Analyzer().tokens(in: "theo số \(n.display) nay").filter { $0.kind == .docnumber }.map(\.text) == [n.display])
        Self.checkNumbers(in: "theo số \(n.display) nay")
    }

    @Test(arguments: ["66.7/QĐ", "1.2/3", "5.10/IoT", "1.000/KH", "12bis/x"])
    func ordinalsWithoutYearOrTypeAreNoNumbers(_ text: String) {
        #expect(!Analyzer().tokens(in: "theo \(text) nay").contains { $0.kind == .docnumber && $0.text == text }, "\(text)")
    }

    /// A serial ending in a letter is read when a year or a type follows it.
    @Test func aSerialWithALetterIsOneNumber() throws {
        let n = try #require(DocNumberParser.parse("30a/2008/NQ-CP"))
        #expect(n.number == "30a" && n.year == 2008 && n.type == "NQ" && n.key == "30A/2008/NQ-CP")
        #expect(n.display == "30a/2008/NQ-CP")
        #expect(DocNumberParser.find(in: "theo Nghị quyết số 30a/2008/NQ-CP của Chính phủ").map(\.number.key) == ["30A/2008/NQ-CP"])
        let tokens = Analyzer().tokens(in: "Nghị quyết số 30a/2008/NQ-CP").filter { $0.kind == .docnumber }
        #expect(tokens.map(\.text) == ["30a/2008/NQ-CP"])
        Self.checkNumbers(in: "Nghị quyết số 30a/2008/NQ-CP")
    }

    @Test(arguments: ["theo 565-ＣＶ/ĐĐTLĐ nay", "Nghị quyết số 02−NQ／TW", "145/2020/NÐ-CP", "số １２/2025/QĐ-UBND"])
    func lookAlikeNumbersReadAlike(_ text: String) throws {
        let numbers = Analyzer().tokens(in: text).filter { $0.kind == .docnumber }
        #expect(!numbers.isEmpty)
        for token in numbers { #expect(DocNumberParser.parse(token.text) != nil, "\(token.text)") }
        Self.checkNumbers(in: text)
    }

    @Test func fullwidthLettersFoldAsTheirASCII() throws {
        let n = try #require(DocNumberParser.parse("565-ＣＶ/ĐĐTLĐ"))
        #expect(n.key == "565-CV/DDTLD")
        #expect(n.display == "565-CV/ĐĐTLĐ")
    }

    @Test func oneTableMapsEveryLookAlike() {
        #expect(LookAlikes.canonical(0xFF23) == 0x43)  // Ｃ
        #expect(LookAlikes.canonical(0x3000) == 0x20)
        #expect(LookAlikes.canonical(0x2212) == 0x2D)
        #expect(LookAlikes.canonical(0x2215) == 0x2F)
        #expect(LookAlikes.canonical(0xD0) == 0x110)
        #expect(LookAlikes.canonical(0xAD) == LookAlikes.deleted)
        #expect(LookAlikes.baseLetter(0x1EBF)! == (0x45, false))  // ế
        #expect(LookAlikes.baseLetter(0x110)! == (0x44, true))  // Đ
        #expect(LookAlikes.baseLetter(0xF1)! == (0x4E, false))  // ñ
        #expect(LookAlikes.baseLetter(0x4E2D) == nil)  // 中
        #expect(LookAlikes.baseLetter(0x31) == nil)
    }
}

/// On real documents: how many of the numbers the analyzer reads the reference parser reads too, to the same key.
@Suite(.enabled(if: SharedData.available, "needs ../shared/corpus-vn"))
struct CorpusNumberAgreementTests {
    @Test func theAnalyzersNumbersAreTheParsersOnTheSharedCorpus() throws {
        let docs = SharedData.root!.appendingPathComponent("corpus-vn/docs")
        var total = 0, unread: [String] = [], disagree: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: docs.path).sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
            for token in Analyzer().tokens(in: text) where token.kind == .docnumber {
                total += 1
                guard let parsed = DocNumberParser.parse(token.text) else { unread.append(token.text); continue }
                if DocNumberParser.parse(token.folded.uppercased())?.key != parsed.key { disagree.append(token.text) }
            }
        }
        print("corpus-vn: \(total) numbers read by the analyzer; the parser reads \(total - unread.count); keys differ for \(disagree.count)")
        #expect(total > 1_000)
        #expect(disagree.isEmpty, "\(disagree.prefix(20))")
        #expect(unread.isEmpty, "\(unread.count) of \(total) not read by the parser: \(Array(Set(unread)).sorted().prefix(30))")
    }
}
