/// The title of a text whose header gives none (``HeaderExtractor`` asks for it only then): the headline a
/// news report or an article opens with, else the text's first sentence, which is marked derived because the
/// text does not call it a title.
///
/// Read from the first ``regionBytes`` of the text, line by line, up to "Nơi nhận". Not content: rules, table
/// rows, table-cell borders (a line of `|` alone) and what stands between them (a photo caption), headings (a line
/// in capitals, "Điều 1. Phạm vi điều chỉnh", "Chương I"), the letterhead's lines (motto, "Số: …", place and
/// date), the addressees ("Kính gửi: …" and its list), the bases ("Căn cứ …;" to their closing ";" or ".")
/// and notes in brackets. An item label ("1.", "a)") opening a line is dropped.
enum LeadTitle {
    /// The title and whether it is derived; nil when the opening holds no sentence. A text with a letterhead
    /// (`letterhead`) has no headline: only its first sentence can stand in.
    static func find(in text: String, letterhead: Bool) -> (title: String, derived: Bool)? {
        let lines = contentLines(text)
        guard let first = lines.first else { return nil }
        if !letterhead, first.opensText, lines.count > 1, !HeaderExtractor.startsInLowerCase(lines[1].text), isHeadline(first) {
            return (first.text, false)
        }
        return firstSentence(lines).map { ($0, true) }
    }

    /// Bytes of the text's opening that are read.
    static let regionBytes = 8_192

    /// Longest title taken from the text, in words; a longer first sentence is cut at a word and ends with "…".
    static let maxWords = 50

    struct Line {
        /// Normalised, spaces collapsed, item label dropped.
        let text: String
        /// Whether a paragraph break (an empty line, a heading, a skipped block) comes before it.
        let opensParagraph: Bool
        /// Whether it is the text's first line (empty lines and captions aside).
        let opensText: Bool
    }

    /// The content lines of the opening, up to the first line of its second paragraph (all that ``find(in:letterhead:)``
    /// reads).
    static func contentLines(_ text: String) -> [Line] {
        var out: [Line] = []
        var reader = Reader()
        var text = text
        text.withUTF8 { bytes in
            var end = min(bytes.count, regionBytes)
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            var start = 0
            while start < end {
                var stop = start
                while stop < end, bytes[stop] != 0x0A, bytes[stop] != 0x0D { stop += 1 }
                let t = RefText(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self))
                start = stop + (stop + 1 < end && bytes[stop] == 0x0D && bytes[stop + 1] == 0x0A ? 2 : 1)
                switch reader.read(t) {
                case .content(let line):
                    out.append(line)
                    // The first paragraph is whole once a line opens the next: nothing after it is read.
                    if out.count > 1, line.opensParagraph { return }
                case .skip: break
                case .end: return
                }
            }
        }
        return out
    }

    /// What a line is, given the lines before it.
    private struct Reader {
        enum Verdict { case content(Line), skip, end }
        private enum Block { case none, addressees, basis, bracket }

        private var block = Block.none
        private var inCell = false, paragraph = true, blank = true, pendingKinh = false, first = true
        /// In the addressees: the last one read, nil before the first.
        private var addressee: String?

        mutating func read(_ t: RefText) -> Verdict {
            guard (0..<t.count).contains(where: { t.isAlnum($0) }) else {
                if t.folded.contains(0x7C), t.folded.allSatisfy({ $0 == 0x7C || $0 == 0x20 || $0 == 0x09 }) { inCell.toggle() }
                paragraph = true
                blank = true
                if block == .addressees, addressee != nil { block = .none }
                return .skip
            }
            defer { blank = false }
            if inCell { return .skip }
            let s = t.string(0, t.count), folded = t.foldedCollapsed(0, t.count)
            if folded.hasPrefix("NOI NHAN") { return .end }
            switch block {
            case .addressees:
                // An addressee goes on in lower case or after an open word ("… tại" / "Hà Nội."), the list in items.
                let item = folded.hasPrefix("-") || folded.hasPrefix("+")
                if item || addressee == nil || !blank && (HeaderExtractor.startsInLowerCase(s) || HeaderExtractor.leavesOpen(addressee!)) {
                    addressee = s
                    if !item, endsWith(t, [0x2E]) { block = .none }
                    return skipped()
                }
                block = .none
            case .basis:
                if endsWith(t, [0x3B, 0x2E]) { block = .none }
                return skipped()
            case .bracket:
                if endsWith(t, [0x29]) { block = .none }
                return skipped()
            case .none: break
            }
            if folded == "KINH" {
                pendingKinh = true
                return skipped()
            }
            if folded.hasPrefix("KINH GUI") || pendingKinh && folded.hasPrefix("GUI") {
                pendingKinh = false
                block = endsWith(t, [0x2E]) ? .none : .addressees
                let label = folded.hasPrefix("GUI") ? 3 : 8
                addressee = folded.utf8.dropFirst(label).contains(where: RefText.isLetterByte) ? s : nil
                return skipped()
            }
            pendingKinh = false
            if basisStarts.contains(where: { folded.hasPrefix($0) }) {
                if !endsWith(t, [0x3B, 0x2E]) { block = .basis }
                return skipped()
            }
            if folded.hasPrefix("(") {
                if !endsWith(t, [0x29]) { block = .bracket }
                return skipped()
            }
            if isFurniture(t, folded) || t.folded.contains(0x7C) { return skipped() }  // a table row
            let labelEnd = itemLabelEnd(t)
            // A numbered heading without a sentence: "1. Phạm vi điều chỉnh".
            if labelEnd > 0, wordCount(t) <= 10, !endsWith(t, [0x2E, 0x3A, 0x3B, 0x2C, 0x3F]) { return skipped() }
            let line = Line(text: t.string(labelEnd, t.count), opensParagraph: paragraph, opensText: first && labelEnd == 0)
            paragraph = false
            first = false
            return line.text.isEmpty ? .skip : .content(line)
        }

        /// A skipped line ends the paragraph before it, and the text's first line is behind.
        private mutating func skipped() -> Verdict {
            paragraph = true
            first = false
            return .skip
        }
    }

    private static let basisStarts = ["CAN CU", "- CAN CU", "THEO DE NGHI", "XET DE NGHI"]

    /// Whether the last non-blank entry of `t` is one of `bytes` (folded ASCII).
    private static func endsWith(_ t: RefText, _ bytes: [UInt8]) -> Bool {
        var i = t.count - 1
        while t.isBlank(i) { i -= 1 }
        return i >= 0 && bytes.contains(t.folded[i])
    }

    /// A heading, a letterhead line ("Số: …", place and date, a date's broken tail "tháng 11 năm 2025") or the motto.
    private static func isFurniture(_ t: RefText, _ f: String) -> Bool {
        if HeaderExtractor.isNumberedHeading(f) || mottoParts.contains(where: { f.containsBytes($0) }) { return true }
        if f.hasPrefix("SO"), let number = DocNumberParser.find(in: t).first, number.start <= 4 { return true }
        if isPlaceAndDate(t) { return true }
        if f.hasPrefix("THANG "), f.containsBytes(" NAM "), wordCount(t) <= 5 { return true }
        return HeaderExtractor.letterCase(t, 0, t.count).upper
    }

    private static let mottoParts = ["CONG HOA XA HOI", "DOC LAP - TU DO", "DANG CONG SAN VIET NAM"]

    /// "Hà Nội, ngày 05 …" (or its broken "Nội, ngày 05"): at most four words without digits, a comma, "ngày"
    /// and a digit. A sentence citing a date ("Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025") is not one.
    private static func isPlaceAndDate(_ t: RefText) -> Bool {
        for i in 0..<t.count where t.matchesWord(ngay, at: i) {
            var comma = i - 1
            while t.isBlank(comma) { comma -= 1 }
            var digit = i + ngay.count
            while t.isBlank(digit) { digit += 1 }
            guard comma > 0, t.folded[comma] == 0x2C, t.isDigit(digit) else { continue }
            return !(0..<comma).contains(where: t.isDigit) && (0..<comma).filter { t.isAlnum($0) && !t.isAlnum($0 - 1) }.count <= 4
        }
        return false
    }

    private static let ngay = Array("NGAY".utf8)

    /// Words (runs of letters and digits) in `t`.
    private static func wordCount(_ t: RefText) -> Int {
        (0..<t.count).filter { t.isAlnum($0) && !t.isAlnum($0 - 1) }.count
    }

    /// Where the text of a line starts after an item label: "1.", "1.2.", "2)", "a)" and the blanks after it.
    private static func itemLabelEnd(_ t: RefText) -> Int {
        var i = 0
        while t.isBlank(i) { i += 1 }
        var j = i
        while t.isDigit(j) || t.isDigit(j - 1) && j < t.count && t.folded[j] == 0x2E && t.isDigit(j + 1) { j += 1 }
        if j == i, t.isLetter(i), !t.isLetter(i + 1), !t.upper[i] { j = i + 1 }
        guard j > i, j < t.count, t.folded[j] == 0x2E || t.folded[j] == 0x29 else { return 0 }
        j += 1
        while t.isBlank(j) { j += 1 }
        return j
    }

    /// A headline: 4 to ``maxWords`` words, no closing full stop, colon, semicolon or comma, not a list item.
    private static func isHeadline(_ line: Line) -> Bool {
        let t = RefText(line.text)
        guard (4...maxWords).contains(wordCount(t)), !endsWith(t, [0x2E, 0x3A, 0x3B, 0x2C]) else { return false }
        return !line.text.hasPrefix("-") && !line.text.hasPrefix("+")
    }

    /// The first sentence of the first paragraph: its lines joined until a full stop, question or exclamation
    /// mark (with the quotes or brackets closing after it) followed by a space or "/" ("./."), but not after an
    /// abbreviation ("TP.", "Q.") or a quoted item's label, or else the paragraph's end.
    private static func firstSentence(_ lines: [Line]) -> String? {
        guard let first = lines.first else { return nil }
        var paragraph = [first.text]
        for line in lines.dropFirst() {
            if line.opensParagraph { break }
            paragraph.append(line.text)
        }
        let t = RefText(paragraph.joined(separator: " "))
        var end = t.count, words = 0
        for i in 0..<t.count {
            if t.isAlnum(i), !t.isAlnum(i - 1) {
                words += 1
                if words > maxWords { return t.string(0, i) + " …" }
            }
            let b = t.folded[i]
            guard b == 0x2E || b == 0x3F || b == 0x21 else { continue }
            var after = i + 1
            while after < t.count, closers.contains(t.scalars[after]) { after += 1 }
            if after == t.count || t.isBlank(after) || t.folded[after] == 0x2F,
               b != 0x2E || !isAbbreviation(t, before: i) && !isQuotedLabel(t, before: i) {
                end = after > i + 1 ? after : i
                break
            }
        }
        let sentence = t.string(0, end).trimmingTrailing(" .,;:")
        return sentence.isEmpty ? nil : sentence
    }

    /// Closing quotes and brackets, which belong to the sentence they end.
    private static let closers: Set<Unicode.Scalar> = ["\u{201D}", "\u{2019}", "\"", "'", ")", "\u{BB}"]

    /// Whether the full stop at `i` closes the label of a quoted item ("như sau: “4. …").
    private static func isQuotedLabel(_ t: RefText, before i: Int) -> Bool {
        var j = i
        while t.isDigit(j - 1) { j -= 1 }
        guard (1...3).contains(i - j), j > 0 else { return false }
        let quote = t.scalars[j - 1]
        return quote == "\"" || quote == "\u{201C}" || quote == "'" || quote == "\u{2018}"
    }

    /// Whether the word before a full stop at `i` is an abbreviation: one to three capitals standing alone
    /// ("TP.", "Q."), not the end of a number's symbol ("NĐ-CP.").
    private static func isAbbreviation(_ t: RefText, before i: Int) -> Bool {
        var j = i
        while t.isLetter(j - 1) { j -= 1 }
        return (1...3).contains(i - j) && (j..<i).allSatisfy { t.upper[$0] } && (j == 0 || t.isBlank(j - 1))
    }
}
