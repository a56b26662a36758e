import Foundation
import Testing
@testable import VietText

@Suite struct LegacyRunsTests {
    @Test("a font name declares its encoding", arguments: [
        (".VnTime", TextEncoding.tcvn3), (".VnTimeH", .tcvn3), (".vnarial", .tcvn3), ("VNSTCVN3", .tcvn3),
        ("VNI-Times", .vni), ("VNI Helve", .vni), ("vni-times", .vni),
    ])
    func fontNames(name: String, encoding: TextEncoding) {
        #expect(LegacyFont.encoding(ofFont: name) == encoding)
    }

    @Test("fonts that declare nothing", arguments: ["Times New Roman", "Arial", "VNIX", "Vinh", ""])
    func plainFonts(name: String) {
        #expect(LegacyFont.encoding(ofFont: name) == nil)
    }

    @Test("TCVN3 read from Windows-1252 characters: ư survives as 0xAD, 0x85 stays an ellipsis, PDF glyphs")
    func tcvn3Bytes() {
        #expect(WordForm.string(LegacyRuns.tcvn3(Array("Bé tr\u{AD}ëng".unicodeScalars.map(\.value)))) == "Bộ trưởng")
        #expect(WordForm.string(LegacyRuns.tcvn3(Array("ngµy\u{2026}".unicodeScalars.map(\.value)))) == "ngày…")
        let pdf = Array("n\u{2212}íc x\u{2219} héi".unicodeScalars.map(\.value))
        #expect(WordForm.string(LegacyRuns.tcvn3(pdf, glyphs: .pdf)) == "nước xã hội")
        #expect(WordForm.string(LegacyRuns.tcvn3(pdf)) != "nước xã hội", "U+2212 is ư only in a PDF's text layer")
    }

    @Test("capitals typed in an upper-case TCVN3 font: the word, and a heading line")
    func tcvn3Capitals() {
        func read(_ s: String) -> String {
            let scalars = Array(s.unicodeScalars.map(\.value))
            return WordForm.string(LegacyRuns.tcvn3(scalars, capitals: LegacyRuns.isCapitalLine(scalars)))
        }
        #expect(read("PHÇN") == "PHẦN")
        #expect(read("HÖ THèNG TH¤NG TIN Vµ") == "HỆ THỐNG THÔNG TIN VÀ")
        #expect(read("Hµ Néi") == "Hà Nội", "one capital is a name, not a heading")
        #expect(read("Sè: 26/2001/N§-CP") == "Số: 26/2001/NĐ-CP", "abbreviations do not make a heading")
    }

    @Test("the judge: the reading with the most valid syllables; the font counts one syllable")
    func judge() {
        let tcvn = LegacyRuns.readings(of: Array("Céng hoµ x· héi chñ nghÜa".unicodeScalars.map(\.value)))
        #expect(LegacyRuns.judge(tcvn) == .decided(.tcvn3))
        #expect(LegacyRuns.judge(tcvn, font: .vni) == .decided(.tcvn3), "the text overrules a wrong font")
        let vni = LegacyRuns.readings(of: Array("Coäng hoaø xaõ hoäi".unicodeScalars.map(\.value)))
        #expect(LegacyRuns.judge(vni) == .decided(.vni))
        #expect(LegacyRuns.judge(LegacyRuns.readings(of: Array("Bộ Tài chính".unicodeScalars.map(\.value)))) == .decided(.utf8))
        #expect(LegacyRuns.judge(LegacyRuns.readings(of: Array("ASCII only 12/2001".unicodeScalars.map(\.value)))) == .same)
        let short = LegacyRuns.readings(of: Array("SOÁ: 28 /2003/NÑ-CP".unicodeScalars.map(\.value)))
        #expect(LegacyRuns.judge(short, font: .vni) == .decided(.vni), "a near tie goes to the font")
    }

    @Test("a file mixing TCVN3, VNI and Unicode line by line, and a line switching midway")
    func mixedLines() {
        let text = "Céng hoµ x· héi chñ nghÜa ViÖt Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nBộ trưởng Bộ Tài chính\n"
            + "C. KÕt nèi m¹ng cho c¸c SÔÛ, BAN, NGAØNH, HUYEÄN\n"
        let result = LegacyRuns.decode(text)
        #expect(result.text == "Cộng hoà xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\nBộ trưởng Bộ Tài chính\n"
            + "C. Kết nối mạng cho các SỞ, BAN, NGÀNH, HUYỆN\n")
        #expect(result.encodingName == "tcvn3+vni-windows")
        #expect(result.legacy == [.tcvn3, .vni])
    }

    @Test("a word retyped in Unicode inside a legacy cell is left alone; Đ beside TCVN3 bytes is read with them")
    func unicodeWords() {
        #expect(LegacyRuns.decode("C¸c ch\u{AD}¬ng tr×nh vỀ TĐC").text == "Các chương trình vỀ TĐC")
        #expect(LegacyRuns.decode("§iÒu 1. ĐiÒu kho¶n").text == "Điều 1. Điều khoản")
    }

    @Test("an ambiguous line takes the encoding of its neighbour")
    func ambiguousLine() {
        // "Sè" is a valid syllable as it stands; the lines around it are TCVN3.
        let result = LegacyRuns.decode("Céng hoµ x· héi chñ nghÜa\nSè\nQuyÕt ®Þnh cña Bé tr\u{AD}ëng\n")
        #expect(result.text == "Cộng hoà xã hội chủ nghĩa\nSố\nQuyết định của Bộ trưởng\n")
    }

    @Test("pieces end at line ends and tabs, which they keep")
    func pieces() {
        let pieces = LegacyRuns.pieces(of: "a\tb\nc", font: .vni)
        #expect(pieces.map { WordForm.string($0.scalars) } == ["a\t", "b\n", "c"])
        #expect(pieces.allSatisfy { $0.font == .vni })
    }

    @Test("VNI marks typed as two characters make one letter")
    func vniStackedMarks() {
        #expect(LegacyRuns.decode("VEÂØ VIEÄC").text == "VỀ VIỆC")
    }

    @Test("the score: valid syllables count, mixed case and invalid words count against, abbreviations neither")
    func net() {
        #expect(LegacyRuns.net(Array("Bộ trưởng".unicodeScalars.map(\.value))) == 2)
        #expect(LegacyRuns.net(Array("tỔi".unicodeScalars.map(\.value))) == -1)
        #expect(LegacyRuns.net(Array("NĐ đ".unicodeScalars.map(\.value))) == 0)
        #expect(LegacyRuns.net(Array("Céng".unicodeScalars.map(\.value))) == -1)
    }
}

@Suite struct TranscriptScoreTests {
    @Test("SOURCES.md's example: marks lost keep most characters and no diacritic or syllable")
    func example() {
        let s = TranscriptScore.score(output: "Bao cao tai chinh", truth: "Báo cáo tài chính")
        #expect(abs(s.character - 13.0 / 17.0) < 0.01)
        #expect(s.diacritic == 0 && s.syllable == 0)
        #expect(s.diacritics == 4 && s.syllables == 4)
    }

    @Test("white space is collapsed, an insertion shifts nothing, dropped text counts as wrong")
    func alignment() {
        let same = TranscriptScore.score(output: "Bộ  trưởng\n\tBộ Tài chính ", truth: "Bộ trưởng Bộ Tài chính")
        #expect(same.character == 1 && same.diacritic == 1 && same.syllable == 1)
        let inserted = TranscriptScore.score(output: "xx Bộ trưởng yy Bộ Tài chính", truth: "Bộ trưởng Bộ Tài chính")
        #expect(inserted.character == 1 && inserted.diacritic == 1 && inserted.syllable == 1)
        let dropped = TranscriptScore.score(output: "Bộ trưởng", truth: "Bộ trưởng Bộ Tài chính")
        #expect(dropped.diacritics == 6 && dropped.matchedDiacritics == 3)
        #expect(dropped.syllable == 0.4)
        let empty = TranscriptScore.score(output: "", truth: "Đường")
        #expect(empty.diacritic == 0 && empty.character == 0)
    }

    @Test("đ and Đ bear a diacritic; a wrong mark is a wrong diacritic on an aligned letter")
    func marks() {
        let s = TranscriptScore.score(output: "dường Đương", truth: "đường đường")
        #expect(s.diacritics == 6)
        #expect(s.matchedDiacritics == 3)
    }
}
