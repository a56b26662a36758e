import Foundation
import TestTags
import Testing
@testable import VietText

@Suite struct AnalyzerTests {
    let analyzer = Analyzer()

    @Test(arguments: [
        ("565-CV/ĐĐTLĐ", "565-cv/đđtlđ", ["565", "cv", "đđtlđ"]),
        ("565 - CV/ĐĐTLĐ", "565-cv/đđtlđ", ["565", "cv", "đđtlđ"]),
        ("565 – CV / ĐĐTLĐ", "565-cv/đđtlđ", ["565", "cv", "đđtlđ"]),
        ("565-CV/ÐÐTLÐ", "565-cv/đđtlđ", ["565", "cv", "đđtlđ"]),
        ("565-cv/đđtlđ", "565-cv/đđtlđ", ["565", "cv", "đđtlđ"]),
        ("02/2021/NĐ-CP", "02/2021/nđ-cp", ["02", "2021", "nđ", "cp"]),
        ("02-NQ/TW", "02-nq/tw", ["02", "nq", "tw"]),
        ("02/Ctr-BCH", "02/ctr-bch", ["02", "ctr", "bch"]),
        ("02-CTr/TLĐ", "02-ctr/tlđ", ["02", "ctr", "tlđ"]),
        ("1234/BLĐTBXH-LĐTL", "1234/blđtbxh-lđtl", ["1234", "blđtbxh", "lđtl"]),
        ("05-QC/BTCTU-BDVTU", "05-qc/btctu-bdvtu", ["05", "qc", "btctu", "bdvtu"]),
        ("45/2019/QH14", "45/2019/qh14", ["45", "2019", "qh14"]),
        ("144 /2002/QĐ/BTC", "144/2002/qđ/btc", ["144", "2002", "qđ", "btc"]),
        ("1406 / QĐ - TLĐ", "1406/qđ-tlđ", ["1406", "qđ", "tlđ"]),
        ("977/QĐ-TTg", "977/qđ-ttg", ["977", "qđ", "ttg"]),
        ("08-QĐi/TW", "08-qđi/tw", ["08", "qđi", "tw"]),
        ("12/2020/TT-BLĐTBXH", "12/2020/tt-blđtbxh", ["12", "2020", "tt", "blđtbxh"]),
        ("04/VBHN-BTC", "04/vbhn-btc", ["04", "vbhn", "btc"]),
        ("1206 /QĐ-HVTC", "1206/qđ-hvtc", ["1206", "qđ", "hvtc"]),
        ("02a-NQ/TW", "02a-nq/tw", ["02a", "nq", "tw"]),
        ("nđ-cp 145/2020", nil, nil),
    ] as [(String, String?, [String]?)])
    func documentNumbers(input: String, exact: String?, parts: [String]?) {
        let tokens = analyzer.tokens(in: "theo \(input), nay")
        let docs = tokens.filter { $0.kind == .docnumber }
        guard let exact, let parts else {
            #expect(docs.isEmpty)
            return
        }
        try? #require(docs.count == 1)
        guard let doc = docs.first else { return }
        #expect(doc.exact == exact)
        #expect(doc.folded == Folding.fold(exact))
        #expect(doc.text == input)
        #expect(doc.position == 1)
        let after = tokens.drop { $0.kind != .docnumber }.dropFirst()
        #expect(after.prefix(parts.count).map(\.exact) == parts)
        #expect(after.prefix(parts.count).map(\.position) == Array(1...parts.count))
        #expect(tokens.last?.exact == "nay")
        #expect(tokens.last?.position == parts.count + 1)
    }

    @Test(arguments: ["1/2 số lượng", "tỷ lệ 50/100", "phục vụ 24/7", "dịch COVID-19", "gọi 0912-345-678",
                      "ngày 13/8/2021", "3/tháng", "1.000.000 đồng", "5,5 tỷ đồng", "năm 2020 - Ban Chấp hành",
                      "45/2019", "Điều 5 - khoản 2"])
    func notDocumentNumbers(input: String) {
        #expect(!analyzer.tokens(in: input).contains { $0.kind == .docnumber })
    }

    @Test(arguments: [
        ("ngày 13/8/2021", "2021-08-13"), ("ngày 13-8-2021", "2021-08-13"), ("ngày 13.8.2021", "2021-08-13"),
        ("ngày 05 tháng 3 năm 2020", "2020-03-05"), ("Ngày 13 THÁNG 8 NĂM 2021", "2021-08-13"),
        ("(12/6/2021)", "2021-06-12"), ("ngày 1 / 7 / 2025", "2025-07-01"), ("ngay 13 thang 8 nam 2021", "2021-08-13"),
    ])
    func dates(input: String, expected: String) {
        let tokens = analyzer.tokens(in: input)
        let dates = tokens.filter { $0.kind == .date }
        #expect(dates.map(\.exact) == [expected])
        #expect(dates.first?.folded == expected)
        guard let date = dates.first, let index = tokens.firstIndex(of: date) else { return }
        // Parts follow at consecutive positions starting at the date's own position.
        let parts = tokens[(index + 1)...]
        #expect(parts.first?.position == date.position)
        #expect(parts.map(\.position) == Array(date.position..<(date.position + parts.count)))
        #expect(parts.allSatisfy { $0.kind == .number || $0.kind == .word })
    }

    @Test(arguments: ["32/8/2021", "13/13/2021", "13/8/21", "13.8 .2021", "1/12/2020/QĐ-UBND"])
    func notDates(input: String) {
        #expect(!analyzer.tokens(in: input).contains { $0.kind == .date })
    }

    @Test func positionsAndOffsets() {
        let text = "Theo Công văn số 565-CV/ĐĐTLĐ ngày 13/8/2021 của Đảng đoàn"
        let tokens = analyzer.tokens(in: text)
        let summary = tokens.map { "\($0.position):\($0.exact)" }
        #expect(summary == ["0:theo", "1:công", "2:văn", "3:số", "4:565-cv/đđtlđ", "4:565", "5:cv", "6:đđtlđ",
                            "7:ngày", "8:2021-08-13", "8:13", "9:8", "10:2021", "11:của", "12:đảng", "13:đoàn"])
        let bytes = Array(text.utf8)
        for token in tokens {
            #expect(String(decoding: bytes[token.start..<token.end], as: UTF8.self) == token.text)
        }
    }

    @Test func offsetsPointIntoUnnormalisedInput() {
        let text = "Ho\u{300}a\u{A0}binh – “Thu\u{309}y”\u{200B}"
        let tokens = analyzer.tokens(in: text)
        #expect(tokens.map(\.exact) == ["hoà", "binh", "thuỷ"])
        let bytes = Array(text.utf8)
        for token in tokens {
            #expect(String(validating: bytes[token.start..<token.end], as: UTF8.self) == token.text)
        }
        #expect(tokens[0].text == "Ho\u{300}a")
    }

    @Test func wordTokensMatchExactForm() {
        let text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc qúa khỏe"
        for token in analyzer.tokens(in: text) {
            #expect(token.exact == Normalizer.exactForm(token.text))
            #expect(token.folded == Folding.fold(token.exact))
        }
    }

    @Test(arguments: ["", " ", "\n\n", "...", "– / –", "\u{200B}\u{AD}", "\u{301}\u{300}"])
    func emptyInputs(input: String) {
        #expect(analyzer.tokens(in: input).isEmpty)
    }

    @Test func numbersAndMixedWords() {
        let tokens = analyzer.tokens(in: "Khoản 2, 1.000.000 đồng, QH14 và 2,5%")
        #expect(tokens.map(\.exact) == ["khoản", "2", "1.000.000", "đồng", "qh14", "và", "2,5"])
        #expect(tokens.map(\.kind) == [.word, .number, .number, .word, .word, .word, .number])
    }

    @Test func textWithoutSpaces() {
        let tokens = analyzer.tokens(in: "NghịquyếtcủaBanChấphànhCôngđoàn")
        #expect(tokens.count == 1)
        #expect(tokens.first?.exact == "nghịquyếtcủabanchấphànhcôngđoàn")
        #expect(tokens.first?.folded == "nghiquyetcuabanchaphanhcongdoan")
    }

    @Test func oneMegabyteLine() {
        let unit = "Nghị quyết 565-CV/ĐĐTLĐ ngày 13/8/2021 của Công đoàn Việt Nam; "
        let text = String(repeating: unit, count: 1_000_000 / unit.utf8.count + 1)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure { analyzer.forEachToken(in: text) { _ in count += 1 } }
        #expect(count == (text.utf8.count / unit.utf8.count) * 16)
        #expect(elapsed < .seconds(30))
        // Letters whose lower case is longer (İ → i + U+0307) and combining marks, glued.
        let odd = String(repeating: "İa\u{301}ñ\u{327}", count: 30_000)
        let oddTokens = analyzer.tokens(in: odd)
        #expect(oddTokens.count == 1)
        #expect(oddTokens.first?.folded == String(repeating: "ian", count: 30_000))
        let glued = String(repeating: "côngđoàn", count: 100_000)
        let tokens = analyzer.tokens(in: glued)
        #expect(tokens.count == 1)
        #expect(tokens.first?.end == glued.utf8.count)
    }

    @Test func forEachTokenMatchesTokens() {
        let text = "Quyết định số 933/QĐ-TLĐ ngày 14/5/2024 thay thế 1013/QĐ-TLĐ"
        var streamed: [Token] = []
        analyzer.forEachToken(in: text) { streamed.append($0) }
        #expect(streamed == analyzer.tokens(in: text))
        #expect(streamed.filter { $0.kind == .docnumber }.map(\.exact) == ["933/qđ-tlđ", "1013/qđ-tlđ"])
    }

    @Test("tokens lent as bytes carry the same terms, kinds, offsets and positions as the strings")
    func tokenViewsMatchTokens() {
        let text = "ÐẢNG ĐOÀN hoà Hòa Nghị quyết 02-NQ/TW ngày 12/6/2021, 1.000 đồng; Cong\u{0309} QH14 565 - CV/ĐĐTLĐ"
        var lent: [Token] = []
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            analyzer.forEachToken(in: UnsafeBufferPointer(buffer)) { view in
                lent.append(Token(text: String(decoding: buffer[view.start..<view.end], as: UTF8.self),
                                  exact: view.exact.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) },
                                  folded: view.folded.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) },
                                  kind: view.kind, start: view.start, end: view.end, position: view.position))
            }
        }
        let tokens = analyzer.tokens(in: text)
        #expect(lent == tokens)
        #expect(Set(tokens.map(\.kind)) == [.word, .number, .date, .docnumber])
        #expect(tokens.contains { $0.folded != $0.exact } && tokens.contains { $0.text != $0.exact })
        var empty: [UInt8] = []
        var count = 0
        empty.withUnsafeMutableBufferPointer { analyzer.forEachToken(in: UnsafeBufferPointer($0)) { _ in count += 1 } }
        #expect(count == 0)
    }


    @Test func longTextIsScannedInChunksLikeItsLines() {
        // Several chunks of atoms; each line break is a barrier, so the tokens of the whole text are
        // those of its lines analysed one by one, with offsets and positions carried on.
        let lines = (0..<6000).map { k in
            k % 3 == 0 ? "Căn cứ Nghị quyết số \(k)-NQ/TW ngày 13/8/2021 (và \(k).000 đồng)"
                : k % 3 == 1 ? "Công văn \(k) - CV/ĐĐTLĐ ngày \(k % 28 + 1) tháng 8 năm 2021 của Công đoàn;" : "565-CV/"
        }
        var expected: [Token] = []
        var offset = 0, position = 0
        for line in lines {
            for var token in analyzer.tokens(in: line) {
                token.start += offset
                token.end += offset
                token.position += position
                expected.append(token)
            }
            offset += line.utf8.count + 1
            position = (expected.last?.position ?? -1) + 1
        }
        let text = lines.joined(separator: "\n")
        #expect(expected.count > 3 * TokenStream.chunkAtoms)
        #expect(analyzer.tokens(in: text) == expected)
    }
    @Test(.enabled(if: SharedData.available, "../shared is absent: no corpus to check invariants on"), .tags(.slow), .notInFastLoop)
    func corpusInvariants() throws {
        var docnumbers = 0
        for doc in try SharedData.documents().prefix(60) {
            let bytes = Array(doc.text.utf8)
            var lastPosition = -1
            for token in analyzer.tokens(in: doc.text) {
                #expect(Folding.fold(token.exact) == token.folded)
                #expect(String(validating: bytes[token.start..<token.end], as: UTF8.self) == token.text)
                #expect(token.position >= lastPosition)
                lastPosition = token.position
                if token.kind == .docnumber { docnumbers += 1 }
            }
        }
        #expect(docnumbers > 20)
    }
}
