import Foundation
import Testing
@testable import VietText

@Suite struct NormalizerTests {
    static let lower = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị",
                        "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"]
    static let upper = ["AÀÁẢÃẠ", "ĂẰẮẲẴẶ", "ÂẦẤẨẪẬ", "EÈÉẺẼẸ", "ÊỀẾỂỄỆ", "IÌÍỈĨỊ",
                        "OÒÓỎÕỌ", "ÔỒỐỔỖỘ", "ƠỜỚỞỠỢ", "UÙÚỦŨỤ", "ƯỪỨỬỮỰ", "YỲÝỶỸỴ"]
    static let bases = Array("aaaeeiooouuy").map(String.init)

    /// Every vowel with every tone, upper and lower case, NFC and NFD, alone and inside a syllable.
    @Test(arguments: 0..<12)
    func everyVowelEveryTone(row: Int) {
        let analyzer = Analyzer()
        for (l, u) in zip(Self.lower[row].unicodeScalars, Self.upper[row].unicodeScalars) {
            let expected = String(l)
            for letter in [String(l), String(u)] {
                for form in [letter, letter.decomposedStringWithCanonicalMapping, letter.precomposedStringWithCanonicalMapping] {
                    #expect(Normalizer.exactForm(form) == expected, "\(form.unicodeScalars.map { String($0.value, radix: 16) })")
                    #expect(Folding.fold(form) == Self.bases[row])
                    let tokens = analyzer.tokens(in: "m" + form + "n")
                    #expect(tokens.count == 1)
                    #expect(tokens.first?.exact == "m" + expected + "n")
                    #expect(tokens.first?.folded == "m" + Self.bases[row] + "n")
                    #expect(tokens.first?.text == "m" + form + "n")
                }
            }
        }
    }

    /// The literal lookup tables agree with the letter rows above, both ways.
    @Test func letterTablesMatchRows() {
        for (row, (l, u)) in zip(Self.lower, Self.upper).enumerated() {
            for (tone, (ls, us)) in zip(l.unicodeScalars, u.unicodeScalars).enumerated() {
                for (scalar, upper) in [(ls, false), (us, true)] {
                    let info = VietLetters.lookup(scalar.value)
                    #expect(info != 0)
                    #expect(Int(VietLetters.vowel(info)) == row && Int(VietLetters.tone(info)) == tone)
                    #expect(VietLetters.isUpper(info) == upper)
                    #expect(VietLetters.scalar(vowel: UInt8(row), tone: UInt8(tone), upper: upper) == scalar.value)
                }
            }
        }
        let letters = Set((Self.lower + Self.upper).flatMap { $0.unicodeScalars.map(\.value) })
        for v in UInt32(0)..<0x2000 where !letters.contains(v) {
            #expect(VietLetters.lookup(v) == 0, "U+\(String(v, radix: 16))")
        }
    }

    @Test(arguments: [
        ("hòa", "hoà"), ("hoà", "hoà"), ("thủy", "thuỷ"), ("thuỷ", "thuỷ"), ("khỏe", "khoẻ"), ("khoẻ", "khoẻ"),
        ("hóa", "hoá"), ("tùy", "tuỳ"), ("lũy", "luỹ"), ("Thụy", "Thuỵ"), ("HÒA", "HOÀ"), ("CỘNG HÒA", "CỘNG HOÀ"),
        ("quý", "quý"), ("qúy", "quý"), ("qúa", "quá"), ("qủa", "quả"), ("giữa", "giữa"), ("gìa", "già"),
        ("gìn", "gìn"), ("gì", "gì"), ("họat", "hoạt"), ("đọan", "đoạn"), ("ủê", "uể"), ("ỏai", "oải"),
        ("người", "người"), ("ngừơi", "người"), ("tiếng", "tiếng"), ("khuỷu", "khuỷu"), ("ngoài", "ngoài"),
        ("thuở", "thuở"), ("hoàng", "hoàng"), ("thuyền", "thuyền"), ("mùa", "mùa"), ("xoóng", "xoóng"),
        ("quyết", "quyết"), ("Nguyễn", "Nguyễn"), ("email", "email"), ("café", "café"),
    ])
    func tonePlacement(input: String, expected: String) {
        #expect(Normalizer.normalize(input) == expected)
        #expect(Normalizer.exactForm(input) == expected.lowercased())
        #expect(Normalizer.normalize(input.decomposedStringWithCanonicalMapping) == expected)
    }

    /// The traditional style moves the tone to the glide of an open oa, oe or uy only; every other
    /// syllable, misplaced tones included, ends where the modern style puts it.
    @Test(arguments: [
        ("hoà", "hòa"), ("hòa", "hòa"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("HOÁ", "HÓA"), ("UỶ BAN", "ỦY BAN"),
        ("Ủy ban", "Ủy ban"), ("tuỳ", "tùy"), ("hoàng", "hoàng"), ("thuyền", "thuyền"), ("xoóng", "xoóng"),
        ("ngoài", "ngoài"), ("khuỷu", "khuỷu"), ("quý", "quý"), ("qúa", "quá"), ("họat", "hoạt"), ("thuở", "thuở"),
        ("mùa", "mùa"), ("email", "email"),
    ])
    func traditionalTonePlacement(input: String, expected: String) {
        #expect(Normalizer.normalize(input, tones: .traditional) == expected)
        #expect(Normalizer.normalize(input.decomposedStringWithCanonicalMapping, tones: .traditional) == expected)
        #expect(Normalizer.normalize(expected) == Normalizer.normalize(input), "the styles name the same syllables")
    }

    /// Upper case by the letter rows: every vowel in every tone, đ, ASCII; other scripts by Unicode's mapping.
    @Test func upperCaseFollowsTheLetterRows() {
        for (l, u) in zip(Self.lower, Self.upper) { #expect(Normalizer.uppercased(l) == u) }
        #expect(Normalizer.uppercased("Ủy ban nhân dân tỉnh Đắk Lắk, số 5/ĐĐTLĐ") == "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK, SỐ 5/ĐĐTLĐ")
        #expect(Normalizer.uppercased("straße ǆ") == "STRASSE Ǆ")
        #expect(Normalizer.uppercased("") == "")
    }

    @Test func ethBecomesDStroke() {
        #expect(Normalizer.normalize("ÐẢNG ðoàn") == "ĐẢNG đoàn")
        #expect(Normalizer.exactForm("Ðảng") == "đảng")
        #expect(Folding.fold("ÐÐTLÐ") == "ddtld")
        let token = Analyzer().tokens(in: "565-CV/ÐÐTLÐ").first
        #expect(token?.exact == "565-cv/đđtlđ")
        #expect(token?.folded == "565-cv/ddtld")
    }

    static let dashes: [String] = ["\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}",
                                   "\u{2212}", "\u{FE58}", "\u{FE63}", "\u{FF0D}", "-"]

    @Test(arguments: dashes)
    func dashLookAlikes(dash: String) {
        #expect(Normalizer.normalize("NĐ\(dash)CP") == "NĐ-CP")
        let tokens = Analyzer().tokens(in: "số 02/2021/NĐ\(dash)CP ban hành")
        #expect(tokens.contains { $0.kind == .docnumber && $0.exact == "02/2021/nđ-cp" })
        let spaced = Analyzer().tokens(in: "565 \(dash) CV/ĐĐTLĐ")
        #expect(spaced.first?.exact == "565-cv/đđtlđ")
    }

    @Test(arguments: ["\u{2044}", "\u{2215}", "\u{FF0F}"])
    func slashLookAlikes(slash: String) {
        #expect(Normalizer.normalize("02\(slash)2021") == "02/2021")
        #expect(Analyzer().tokens(in: "45\(slash)2019\(slash)QH14").first?.exact == "45/2019/qh14")
    }

    @Test(arguments: ["\u{A0}", "\u{202F}", "\u{2007}"])
    func spaceLookAlikes(space: String) {
        #expect(Normalizer.normalize("Công\(space)đoàn") == "Công đoàn")
        #expect(Analyzer().tokens(in: "Công\(space)đoàn").map(\.exact) == ["công", "đoàn"])
    }

    @Test(arguments: ["\u{AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"])
    func invisibleCharactersDeleted(invisible: String) {
        #expect(Normalizer.normalize("Cô\(invisible)ng") == "Công")
        #expect(Normalizer.normalize("\(invisible)Công") == "Công")
        let tokens = Analyzer().tokens(in: "\(invisible)Cô\(invisible)ng đoàn")
        #expect(tokens.map(\.exact) == ["công", "đoàn"])
        #expect(tokens.first?.text == "Cô\(invisible)ng")
    }

    @Test func fullwidthASCII() {
        #expect(Normalizer.normalize("ＡＢＣ１２３／ｘ") == "ABC123/x")
        #expect(Analyzer().tokens(in: "Ｎ１２").first?.exact == "n12")
    }

    @Test func otherCombiningSequencesUseNFC() {
        #expect(Normalizer.normalize("man\u{303}ana") == "mañana")
        #expect(Normalizer.exactForm("ÉCOLE") == "école")
        #expect(Folding.fold("Ñandú Straße") == "nandu straße")
    }

    @Test func unicodeToHopIsComposed() {
        // ê followed by a combining acute ("Unicode tổ hợp") is neither NFC nor NFD.
        #expect(Normalizer.normalize("quy\u{EA}\u{301}t") == "quyết")
    }

    @Test func normalizeKeepsCaseAndPunctuation() {
        #expect(Normalizer.normalize("Điều 5. Hòa giải; “Thủy lợi” (2021)") == "Điều 5. Hoà giải; “Thuỷ lợi” (2021)")
        #expect(Normalizer.normalize("") == "")
    }

    @Test(arguments: [
        ("Nghị quyết Đảng", "nghi quyet dang"), ("CỘNG HOÀ", "cong hoa"), ("Người", "nguoi"),
        ("ĐĐTLĐ", "ddtld"), ("hòa", "hoa"), ("abc 123", "abc 123"), ("", ""),
    ])
    func folding(input: String, expected: String) {
        #expect(Folding.fold(input) == expected)
        #expect(Folding.fold(input.decomposedStringWithCanonicalMapping) == expected)
    }

    @Test(arguments: [
        ("hoa", false), ("Hà", true), ("đi", true), ("Ð", true), ("ă", true), ("a\u{301}", true),
        ("café", true), ("COVID-19", false), ("", false), ("ư", true),
    ])
    func hasMarks(input: String, expected: Bool) {
        #expect(Folding.hasMarks(input) == expected)
    }
}
