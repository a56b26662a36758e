import Testing
import VietText

@Suite("Trimming on scalars")
struct TrimmingTests {
    @Test("White space of every kind goes from both ends, none from inside", arguments: [
        ("  công đoàn \n", "công đoàn"),
        ("\t\u{00A0}Nghị quyết 02\u{3000}\r\n", "Nghị quyết 02"),
        ("không", "không"),
        ("", ""),
        (" \n\t\u{00A0} ", ""),
    ])
    func whiteSpace(input: String, expected: String) {
        #expect(input.trimmingScalars() == expected)
    }

    @Test("A combining mark at either end is kept (NFD text), and a substring trims too")
    func marksAndSubstrings() {
        let nfd = " a\u{0300} "
        #expect(nfd.trimmingScalars().unicodeScalars.map(\.value) == [0x61, 0x300])
        let line = "x  ,  VA  , y"
        let middle = line.dropFirst(1).dropLast(1)
        #expect(middle.trimmingScalars() == ",  VA  ,")
        #expect(middle.trimmingScalars { $0 == " " || $0 == "," } == "VA")
    }

    @Test("One line: each run of white space is one space, none at the ends", arguments: [
        ("Nghị định số\n39/2022/NĐ-CP", "Nghị định số 39/2022/NĐ-CP"),
        ("  a \r\n\t b\u{00A0}\u{3000}c  ", "a b c"),
        ("\n\n", ""),
        ("", ""),
        ("không", "không"),
    ])
    func oneLine(input: String, expected: String) {
        #expect(input.oneLine == expected)
    }
}
