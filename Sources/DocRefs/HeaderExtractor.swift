import VietText

/// Reads the header (issuer, number, date, type, title) and the closing block (signer, recipients) of a
/// state, trade-union or Party document laid out as in Nghị định 30/2020 and Hướng dẫn 36-HD/VPTW.
///
/// The text is cut into cells: lines, further split at tabs, `|` and runs of three or more spaces, so a
/// two-column header flattened onto one line reads left column first. Fields broken across lines
/// ("Số:\n125/2025/QĐ-UBND", "ngày 18\ntháng 11 năm 2025") are joined. Nothing is guessed: a text whose header
/// gives no title gets its headline, or its first sentence marked derived (``LeadTitle``).
public enum HeaderExtractor {
    public static func extract(from text: String) -> DocumentHeader {
        let (head, tail) = Cell.headAndTail(text, head: 120, tail: 80)
        var header = DocumentHeader()
        let soAt = findNumber(head, from: 0, into: &header) ?? mottoAt(head).flatMap { findNumber(head, from: $0, into: &header) }
        let numberAt = soAt.map { header.number != nil && $0 + 1 < head.count && !head[$0].folded.contains("/") ? $0 + 1 : $0 }
        let dateAt = findDate(head, from: numberAt.map { max(0, $0 - 3) } ?? 0, limit: numberAt.map { $0 + 8 } ?? 16,
                              headerOnly: numberAt == nil, into: &header)
        let typeAt = findType(head, from: (numberAt ?? -1) + 1, into: &header)
        findIssuer(head, before: soAt ?? typeAt ?? dateAt, into: &header)
        findTitle(head, typeAt: typeAt, from: (numberAt ?? -1) + 1, into: &header)
        if header.title == nil, let (title, derived) = LeadTitle.find(in: text, letterhead: soAt != nil || typeAt != nil || header.issuer != nil) {
            header.title = title
            header.titleDerived = derived
        }
        if header.number?.type == "VBHN" { header.type = "Văn bản hợp nhất" }
        if header.type == nil { header.type = fallbackType(head, number: header.number, text: text) }
        findSigner(tail, into: &header)
        if header.issuer == nil || header.date == nil, let (issuer, date) = BodyStatements.adoption(in: text) {
            header.issuer = header.issuer ?? issuer
            header.date = header.date ?? date
        }
        header.recipients = recipients(head, label: "KINH GUI") + recipients(tail, label: "NOI NHAN")
        return header
    }

    // MARK: - Cells

    struct Cell {
        let text: String
        let folded: String
        let isUpper: Bool
        /// Letters mostly in lower case (a cell of digits and signs is neither upper nor lower).
        let isLower: Bool
        /// The first cell of a line that follows an empty line (or opens the text); header cells only.
        var blankBefore = false

        /// The first `head` cells and the last `tail` cells of `text` (all of them when the text is short).
        /// Lines are found from each end of the UTF-8 bytes; the lines in between are never visited, which
        /// keeps long documents cheap.
        static func headAndTail(_ text: String, head: Int, tail: Int) -> (head: [Cell], tail: [Cell]) {
            let utf8 = text.utf8
            func isBreak(_ b: UInt8) -> Bool { b == 0x0A || b == 0x0D }
            var first: [Cell] = []
            var headEnd = utf8.startIndex
            let headLimit = utf8.index(utf8.startIndex, offsetBy: regionBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
            var blank = true
            while headEnd < headLimit, first.count < head {
                let lineEnd = utf8[headEnd...].firstIndex(where: isBreak) ?? utf8.endIndex
                var line = cells(of: text[headEnd..<lineEnd].unicodeScalars)
                if line.isEmpty {
                    // The "\n" of a "\r\n" ends the same line, it does not add an empty one.
                    let crlf = lineEnd == headEnd && utf8[headEnd] == 0x0A && headEnd > utf8.startIndex
                        && utf8[utf8.index(before: headEnd)] == 0x0D
                    if !crlf { blank = true }
                } else {
                    line[0].blankBefore = blank
                    blank = false
                }
                first += line
                headEnd = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            }
            var last: [[Cell]] = []
            var count = 0
            var tailStart = utf8.endIndex
            let tailLimit = utf8.index(utf8.endIndex, offsetBy: -regionBytes, limitedBy: headEnd) ?? headEnd
            while tailStart > tailLimit, count < tail {
                let lineStart = utf8[headEnd..<tailStart].lastIndex(where: isBreak).map { utf8.index(after: $0) } ?? headEnd
                let c = cells(of: text[lineStart..<tailStart].unicodeScalars)
                last.append(c)
                count += c.count
                tailStart = lineStart > headEnd ? utf8.index(before: lineStart) : headEnd
            }
            let end = Array(last.reversed().joined())
            return (Array(first.prefix(head)), Array((tailStart <= headEnd ? first + end : end).suffix(tail)))
        }

        /// Bytes at each end of the text where the header and the closing block are looked for: a text of
        /// long lines (a news page, a paragraph per line) would otherwise be read whole, twice.
        static let regionBytes = 8_192

        /// Header and closing lines are short; a longer line is a paragraph, read only in its opening part.
        static let lineLimit = 600

        /// The cells of one line (of its first ``lineLimit`` scalars).
        static func cells(of line: Substring.UnicodeScalarView) -> [Cell] {
            var out: [Cell] = []
            for piece in splitColumns(Substring(line.prefix(lineLimit))) {
                let t = RefText(String(piece))
                let normal = t.string(0, t.count)
                guard !normal.isEmpty else { continue }
                let (upper, lower) = letterCase(t, 0, t.count)
                out.append(Cell(text: normal, folded: t.foldedCollapsed(0, t.count), isUpper: upper, isLower: lower))
            }
            return out
        }

        /// Splits a line at tabs, pipes and runs of 3+ spaces (no-break spaces count), as slices of it. A run of
        /// 3+ rule characters (`-`, `_`, `=`) is a piece of its own: a PDF's text may glue the rule under the
        /// issuer to the next line ("--------------Số: 37416/TB-CHQ").
        private static func splitColumns(_ line: Substring) -> [Substring] {
            var parts: [Substring] = []
            let utf8 = line.utf8
            var start = utf8.startIndex
            var runStart = start
            var spaces = 0
            var ruleStart = start
            var rules = 0
            var i = start
            while i < utf8.endIndex {
                let b = utf8[i]
                var next = utf8.index(after: i)
                let isRule = b == 0x2D || b == 0x5F || b == 0x3D
                if !isRule, rules >= 3 {
                    parts.append(line[start..<ruleStart])
                    parts.append(line[ruleStart..<i])
                    start = i
                }
                if isRule {
                    if rules == 0 { ruleStart = i }
                    rules += 1
                } else {
                    rules = 0
                }
                if b == 0x09 || b == 0x7C {
                    parts.append(line[start..<i])
                    start = next
                    spaces = 0
                } else if b == 0x20 || b == 0xC2 && next < utf8.endIndex && utf8[next] == 0xA0 {
                    if b == 0xC2 { next = utf8.index(after: next) }
                    if spaces == 0 { runStart = i }
                    spaces += 1
                    if spaces == 3 { parts.append(line[start..<runStart]) }
                    if spaces >= 3 { start = next }
                } else {
                    spaces = 0
                }
                i = next
            }
            if rules >= 3 {
                parts.append(line[start..<ruleStart])
                start = ruleStart
            }
            parts.append(line[start...])
            return parts.filter { !$0.allSatisfy(\.isWhitespace) }
        }

        func starts(_ prefixes: [String]) -> Bool { prefixes.contains { folded.hasPrefix($0) } }
        var isRule: Bool { !folded.contains { $0.isLetter || $0.isNumber } }
    }

    private static let mottoParts = ["NGHIA VIET NAM", "CONG HOA", "CHU NGHIA", "DOC LAP", "HANH PHUC", "CONG SAN", "XA HOI", "DANG CONG", "SAN VIET NAM"]
    private static let nameHeads = [
        "UY BAN", "BO ", "SO ", "CUC", "TONG CUC", "TONG LIEN DOAN", "THU TUONG", "CHINH PHU", "QUOC HOI", "VAN PHONG",
        "BAN ", "HOI DONG", "LIEN DOAN", "CONG DOAN", "DANG BO", "DANG UY", "DANG DOAN", "TINH UY", "THANH UY",
        "HUYEN UY", "NGAN HANG", "BAO HIEM", "KHO BAC", "TRUONG", "VIEN", "CHI CUC", "THANH TRA", "TOA AN", "UBND",
        "HDND", "TRUNG TAM", "CONG TY", "TAP DOAN", "THUE", "HAI QUAN", "CHI BO", "MAT TRAN", "KIEM TOAN",
    ]
    /// Formulas that open the body: the basis, the addressees, a proposal, the recipients, the enacting word,
    /// a numbered item.
    private static let bodyFormulas = [
        "CAN CU", "KINH GUI", "THEO DE NGHI", "XET DE NGHI", "NOI NHAN", "QUYET DINH:", "QUYET NGHI", "I.", "1.", "- ", "+ ",
    ]
    /// Heads of the issuer's title printed again above the body ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG BỘ …").
    private static let authorityStarts = [
        "CHU TICH", "BO TRUONG", "THU TUONG", "QUOC HOI", "CHINH PHU", "UY BAN", "HOI DONG", "GIAM DOC", "CUC TRUONG",
        "BAN THUONG VU", "DOAN CHU TICH", "BAN CHAP HANH", "BO CHINH TRI", "BAN BI THU", "THONG DOC", "TONG GIAM DOC",
        "BAN CHI DAO", "TRUONG BAN", "TONG KIEM TOAN", "CHANH AN", "VIEN TRUONG",
    ]

    // MARK: - Fields

    /// The "Số" cell from cell `from` on, up to the body; the number may sit in the next cell. It is looked for in
    /// the first ``letterheadCells`` cells, or further down when the text above it cites that number: a web page's
    /// summary of the document whose letterhead follows, not a form quoted in an article.
    private static func findNumber(_ cells: [Cell], from: Int, into header: inout DocumentHeader) -> Int? {
        for (i, cell) in cells.enumerated().dropFirst(from) {
            let f = cell.folded
            if isStructure(cell) || cell.starts(["- CAN CU"]) { return nil }
            guard cell.text.hasPrefix("S"), f.hasPrefix("SO"), f.count == 2 || [":", " ", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]
                .contains(f[f.index(f.startIndex, offsetBy: 2)]) else { continue }
            var rest = String(cell.text.unicodeScalars.dropFirst(2)).drop { $0 == ":" || $0 == " " }
            if (rest.hasSuffix("-") || rest.hasSuffix("/")), i + 1 < cells.count { rest += cells[i + 1].text }
            let restLetters = rest.filter { $0.isLetter || $0.isNumber }
            var number: DocNumber?
            if let m = DocNumberParser.find(in: String(rest)).first, m.start <= 2 {
                number = m.number
            } else if restLetters.isEmpty || rest.hasPrefix("/"), i + 1 < cells.count,
                      let m = DocNumberParser.find(in: cells[i + 1].text).first, m.start == 0 {
                number = m.number
            } else if !(restLetters.isEmpty || rest.first == "/" || rest.first == ".") {
                continue
            }
            if i >= letterheadCells {
                guard let number, cells[..<i].contains(where: { c in
                    DocNumberParser.find(in: c.text).contains { $0.number.sameSymbol(as: number) }
                }) else { continue }
            }
            header.number = number
            return i
        }
        return nil
    }

    /// Where the motto ("CỘNG HÒA XÃ HỘI …", "ĐẢNG CỘNG SẢN VIỆT NAM") first stands: a letterhead below a web
    /// page's summary, whose "Căn cứ …" ended the first search for the number.
    private static func mottoAt(_ cells: [Cell]) -> Int? {
        cells.indices.first { i in mottoParts.contains { cells[i].folded.containsBytes($0) } }
    }

    /// Cells from the top of the text within which a "Số" line is the letterhead's.
    private static let letterheadCells = 40

    /// "PLACE, ngày D tháng M năm YYYY" (possibly across cells) or "ngày D/M/YYYY" in the header.
    /// Without a "Số" line to anchor the header, only a short line counts: a date inside a paragraph
    /// is some other document's date, not this one's.
    private static func findDate(_ cells: [Cell], from: Int, limit: Int, headerOnly: Bool, into header: inout DocumentHeader) -> Int? {
        let end = min(cells.count, max(limit, 1))
        for i in min(from, end)..<end {
            if headerOnly, cells[i].text.unicodeScalars.count > 80 { continue }
            let window = cells[i..<min(end, i + 3)].map(\.text).joined(separator: " ")
            let t = RefText(window)
            guard let (date, at) = DateScanner.firstDate(in: t, limit: cells[i].text.unicodeScalars.count + 2) else { continue }
            if cells[i].text.hasPrefix("(") || isCitedDate(t, at: at) { continue }
            if headerOnly, !isPlaceBeforeDate(t, upTo: at) || isBodyStart(cells[i]) { continue }
            header.date = date
            var place = t.string(0, at).trimmingTrailing(", ")
            if place.isEmpty, i > 0 { place = cells[i - 1].text.trimmingTrailing(", ") }
            if !place.isEmpty, i > 0, !place.contains(":"), !cells[i - 1].isUpper, !cells[i - 1].folded.hasPrefix("SO"),
               cells[i - 1].text != place, cells[i - 1].text.split(separator: " ").count <= 4,
               !cells[i - 1].text.contains(where: \.isNumber), !cells[i - 1].isRule, !cells[i - 1].text.contains(":") {
                place = cells[i - 1].text + " " + place
            }
            let words = place.split(separator: " ")
            header.place = (place.isEmpty || words.count > 8 || place.contains(":")) ? nil : place
            return i
        }
        return nil
    }

    /// Whether the text before a date can be a place ("Hà Nội, "): a few words, no digits. Text such as
    /// "Thực hiện Kết luận số 192-KL/TW, " means the date is a cited document's.
    private static func isPlaceBeforeDate(_ t: RefText, upTo end: Int) -> Bool {
        var words = 0
        for i in 0..<end {
            if t.isDigit(i) { return false }
            if t.isAlnum(i), !t.isAlnum(i - 1) { words += 1 }
        }
        return words <= 6
    }

    /// Whether the date at `at` is followed by "của …", as a cited document's date is ("ngày 27/11/2025 của Bộ Nội vụ").
    private static func isCitedDate(_ t: RefText, at: Int) -> Bool {
        guard let (_, end) = DateScanner.date(in: t, at: at) else { return false }
        var i = end
        while t.isBlank(i) || i < t.count && t.folded[i] == 0x2C { i += 1 }
        return t.matchesWord(cua, at: i)
    }

    private static let cua = Array("CUA".utf8)

    private static func findType(_ cells: [Cell], from: Int, into header: inout DocumentHeader) -> Int? {
        for i in max(0, from)..<min(cells.count, max(0, from) + 14) {
            let cell = cells[i]
            if isStructure(cell) { return nil }
            guard cell.isUpper else { continue }
            let joined = i + 1 < cells.count && cells[i + 1].isUpper ? cell.folded + " " + cells[i + 1].folded : cell.folded
            for (folded, name) in DocType.foldedNames where name != "Văn bản" {
                let f = String(decoding: folded, as: UTF8.self)
                guard joined.hasPrefix(f), f.count >= cell.folded.count || cell.folded.hasPrefix(f) else { continue }
                let next = joined.dropFirst(f.count).first
                if next == nil || next == " " {
                    header.type = name
                    return f.count > cell.folded.count ? i + 1 : i
                }
            }
        }
        return nil
    }

    private static func findIssuer(_ cells: [Cell], before: Int?, into header: inout DocumentHeader) {
        guard let before else { return }
        var first = min(before, cells.count)
        while first > 0, before - first < 14 {
            let c = cells[first - 1]
            guard c.isUpper || c.isRule || isMotto(cells, first - 1) else { break }
            first -= 1
        }
        var names: [String] = []
        var continuing = false
        for i in first..<min(before, cells.count) {
            let cell = cells[i], f = cell.folded
            if cell.isRule || isMotto(cells, i) { continuing = false; continue }
            guard cell.isUpper, !f.hasPrefix("SO ") || f.contains(" "), !DateScanner.hasDigits(f) else { continuing = false; continue }
            if continuing, let last = names.last, !cell.starts(nameHeads) || !last.contains(" ") || splitsHead(last, f) {
                names[names.count - 1] = last + " " + cell.text
            } else {
                names.append(cell.text)
            }
            continuing = true
        }
        header.issuer = names.last
        header.parentIssuer = names.count >= 2 ? names[names.count - 2] : nil
    }

    /// The subject under the type word (a law's name with its type word: "LUẬT ĐẤT ĐAI"), else the "V/v …" lines
    /// of a công văn (or a "Về …" line right under the number, or opening a text without letterhead), each joined
    /// across line breaks; nil when the header has neither.
    private static func findTitle(_ cells: [Cell], typeAt: Int?, from: Int, into header: inout DocumentHeader) {
        if let typeAt {
            let typeCell = cells[typeAt]
            let typeLength = RefText.fold(header.type ?? "").unicodeScalars.count
            let written = Substring(typeCell.text.unicodeScalars.prefix(typeLength))
            let rest = Substring(typeCell.text.unicodeScalars.dropFirst(typeLength)).drop { $0 == " " }
            let subject = subjectLines(cells, after: typeAt, opening: rest.isEmpty ? nil : String(rest), issuer: header.issuer)
            guard !subject.isEmpty else { return }
            let named = namedTypes.contains(header.type ?? "") && typeLength == typeCell.folded.count
            header.title = trimmedTitle((named ? [String(written)] : []) + subject)
            return
        }
        for (i, cell) in cells.enumerated().dropFirst(max(0, from)).prefix(10)
        where cell.folded.hasPrefix("V/V") || cell.folded.hasPrefix("(V/V") || i == from && opensSubject(cells, i) {
            header.title = trimmedTitle(subjectLines(ofVv: cells, at: i))
            return
        }
    }

    /// Whether cell `i` opens a subject line without "V/v": "Về …" in lower case, or "VỀ VIỆC …" (also broken
    /// after "VỀ").
    private static func opensSubject(_ cells: [Cell], _ i: Int) -> Bool {
        let cell = cells[i]
        if !cell.isUpper, cell.starts(["VE "]) { return true }
        return cell.starts(["VE VIEC"]) || cell.folded == "VE" && i + 1 < cells.count && cells[i + 1].starts(["VIEC "])
    }

    /// Types whose documents are named with the type word ("Luật Đất đai", "Bộ luật Hình sự").
    private static let namedTypes: Set<String> = ["Luật", "Bộ luật", "Pháp lệnh"]

    /// The subject lines after the type word at `typeAt` (`opening` is what follows the type word on its own line),
    /// with the note in brackets that may close them. They stop at the body (a formula, a numbered heading, a rule,
    /// a signer's role, a date), at the first line in lower case under a subject in capitals, at a line opening with
    /// a capital under a subject in mixed case unless the line before leaves the phrase open ("… của" / "Đảng, Nhà
    /// nước"), and at the issuer's title printed again above the body (see ``isAuthorityBlock(_:at:issuer:)``).
    private static func subjectLines(_ cells: [Cell], after typeAt: Int, opening: String?, issuer: String?) -> [String] {
        var parts = opening.map { [$0] } ?? []
        var capitals: Bool? = opening.map { let t = RefText($0); return letterCase(t, 0, t.count).upper }
        var i = typeAt + 1
        while i < min(cells.count, typeAt + 1 + subjectCells) {
            let cell = cells[i]
            if cell.isRule || isBodyStart(cell) || cell.starts(rolePrefixes) { break }
            if DateScanner.firstDate(in: RefText(cell.text), limit: 8) != nil { break }
            let open = parts.last.map(leavesOpen) ?? true
            if !parts.isEmpty, !open, isAuthorityBlock(cells, at: i, issuer: issuer) { break }
            if !parts.isEmpty, isBracketedNote(cell) {
                parts.append(cell.text)
                break
            }
            switch capitals {
            case true?: if cell.isLower { return parts }
            case false?: if !open, !startsInLowerCase(cell.text) { return parts }
            case nil: capitals = !cell.isLower
            }
            parts.append(cell.text)
            if cell.text.hasSuffix(".") || cell.text.hasSuffix(";") { break }
            i += 1
        }
        return parts
    }

    /// Whether a cell is a note in brackets closing the subject, "(thực hiện khoản 1 Điều 33 Luật Thủ đô)", not
    /// an appendix's "(Kèm theo …)".
    private static func isBracketedNote(_ cell: Cell) -> Bool {
        cell.folded.hasPrefix("(") && cell.folded.hasSuffix(")") && !cell.starts(["(KEM THEO", "(BAN HANH KEM THEO"])
    }

    /// Cells after the type word that can hold its subject.
    private static let subjectCells = 12

    /// The "V/v" cell at `at` and the lines that go on with it: up to four, until an empty line, a date line
    /// ("Hà Nội, ngày …", also broken as "Hà" / "Nội, ngày …"), "Kính gửi", the motto, a rule or the body.
    private static func subjectLines(ofVv cells: [Cell], at: Int) -> [String] {
        var parts = [cells[at].text]
        let bare = cells[at].folded.utf8.filter { RefText.isLetterByte($0) }.count <= 2  // "V/v" or "V/v:" alone
        var i = at + 1
        while i < min(cells.count, at + 5) {
            let cell = cells[i]
            if cell.blankBefore, !(bare && parts.count == 1) { break }
            if cell.isRule || isMotto(cells, i) || isBodyStart(cell) || cell.folded.hasPrefix("SO") && DateScanner.hasDigits(cell.folded)
                || isDateLine(cell) || i + 1 < cells.count && isDateLine(cells[i + 1]) && cell.folded.split(separator: " ").count <= 2
                && !startsInLowerCase(cell.text) { break }
            parts.append(cell.text)
            if cell.text.hasSuffix(".") || cell.text.hasSuffix(";") { break }
            i += 1
        }
        return parts
    }

    /// The parts joined, without the line's closing punctuation.
    private static func trimmedTitle(_ parts: [String]) -> String? {
        let title = parts.joined(separator: " ").trimmingTrailing(" .,;:")
        return title.isEmpty ? nil : title
    }

    /// Whether cells from `i` are the issuer's title printed again above the body ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
    /// CAO BẰNG", "BỘ" / "TRƯỞNG BỘ CÔNG THƯƠNG", "QUỐC HỘI", a công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:"): one to
    /// three cells in capitals, at most fourteen words, opening with a position or a collective body, after which
    /// the body begins. A comma or semicolon belongs to a list of bodies in the subject, unless the block ends with
    /// the issuer's name ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH").
    private static func isAuthorityBlock(_ cells: [Cell], at i: Int, issuer: String?) -> Bool {
        var j = i, words: [Substring] = [], wired = false
        while j < min(cells.count, i + 3), !wired, !cells[j].isRule, !isBodyStart(cells[j]) {
            // A công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:" closes the block; its addressees follow.
            wired = !cells[j].isUpper && cells[j].folded.hasSuffix(" DIEN:")
            guard cells[j].isUpper || wired else { break }
            words += cells[j].folded.split(separator: " ").dropLast(wired ? 1 : 0)
            j += 1
        }
        let block = words.joined(separator: " ")
        guard !words.isEmpty, words.count <= 14, authorityStarts.contains(where: { block == $0 || block.hasPrefix($0 + " ") }) else {
            return false
        }
        if block.contains(",") || block.contains(";") {
            guard let issuer, block.hasSuffix(" " + RefText.fold(issuer)) else { return false }
        }
        return wired || j == cells.count || !cells[j].isUpper || cells[j].isRule || isBodyStart(cells[j])
    }

    /// Whether a subject line ends where the phrase cannot: on a comma, a dash or an opening bracket, or on a
    /// word that needs what follows ("của", "và", "về", "cho", "được" …).
    static func leavesOpen(_ line: String) -> Bool {
        let t = RefText(line)
        var end = t.count
        while end > 0, t.isBlank(end - 1) { end -= 1 }
        guard end > 0 else { return true }
        if [0x2C, 0x2D, 0x28, 0x3A].contains(t.folded[end - 1]) { return true }
        var start = end
        while start > 0, t.isLetter(start - 1) { start -= 1 }
        return openWords.contains(Normalizer.exactForm(t.string(start, end)))
    }

    /// In their exact form (marks matter: "từ" leaves the phrase open, "tử" does not).
    private static let openWords: Set<String> = [
        "của", "và", "về", "cho", "với", "tại", "thuộc", "giữa", "trong", "đến", "từ", "trên", "theo", "nhằm", "bởi", "do",
        "ở", "là", "các", "những", "một", "hoặc", "cùng", "được", "bị", "đã", "sẽ", "vào", "qua", "khi",
    ]

    /// Whether `s` opens with a lower-case letter, a digit or punctuation (a line that goes on with a sentence).
    static func startsInLowerCase(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first else { return false }
        if let (_, upper) = LookAlikes.baseLetter(first.value) { return !upper }
        return !first.properties.isUppercase
    }

    /// Whether the letters of `t[from..<to]` are in capitals (nine in ten of them or more) or in lower case (fewer);
    /// text without letters is neither.
    static func letterCase(_ t: RefText, _ from: Int, _ to: Int) -> (upper: Bool, lower: Bool) {
        var letters = 0, uppers = 0
        for i in from..<to where t.isLetter(i) {
            letters += 1
            if t.upper[i] { uppers += 1 }
        }
        return (letters > 0 && uppers * 10 >= letters * 9, letters > 0 && uppers * 10 < letters * 9)
    }

    /// Whether a cell is the place-and-date line, "Hà Nội, ngày 05 tháng 3 …" or "ngày 5/3/2025", however broken.
    private static func isDateLine(_ cell: Cell) -> Bool {
        let t = RefText(cell.text)
        for i in 0..<t.count where t.matchesWord(ngay, at: i) {
            var j = i + ngay.count
            while t.isBlank(j) { j += 1 }
            guard t.isDigit(j) else { continue }
            var k = i - 1
            while t.isBlank(k) { k -= 1 }
            if k < 0 || t.folded[k] == 0x2C { return true }
        }
        return false
    }

    private static let ngay = Array("NGAY".utf8)

    /// Whether a cell opens the body: a formula (``bodyFormulas``), a numbered heading, or a sentence "Thực hiện …".
    private static func isBodyStart(_ cell: Cell) -> Bool {
        cell.starts(bodyFormulas) || isNumberedHeading(cell.folded) || !cell.isUpper && cell.folded.hasPrefix("THUC HIEN")
    }

    /// Cells where the body has begun, so that no header field follows.
    private static func isStructure(_ cell: Cell) -> Bool {
        cell.starts(["CAN CU", "KINH GUI", "PHAN MO DAU"]) || isNumberedHeading(cell.folded)
    }

    /// Whether folded text opens with a heading word and its numeral: "CHƯƠNG I", "Phần 2", "Điều 1.", "Mục IV"
    /// (not "CHƯƠNG TRÌNH", "PHÂN CẤP", "ĐIỀU HÀNH", "MỤC ĐÍCH").
    static func isNumberedHeading(_ folded: String) -> Bool {
        let words = folded.split(separator: " ", maxSplits: 2)
        guard words.count >= 2, ["CHUONG", "PHAN", "MUC", "DIEU"].contains(words[0]) else { return false }
        let numeral = words[1].utf8.prefix { $0 != 0x2E && $0 != 0x3A && $0 != 0x2C && $0 != 0x29 }
        guard !numeral.isEmpty else { return false }
        return numeral.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } || numeral.allSatisfy { "IVXLC".utf8.contains($0) }
    }

    /// Whether cell `i` is the motto or part of it, its first word included when the next cell goes on with it
    /// ("ĐẢNG" / "CỘNG SẢN VIỆT NAM").
    private static func isMotto(_ cells: [Cell], _ i: Int) -> Bool {
        let f = cells[i].folded
        if f == "VIET NAM" || f == "CONG" || f == "*" || mottoParts.contains(where: { f.containsBytes($0) }) { return true }
        guard i + 1 < cells.count else { return false }
        let joined = f + " " + cells[i + 1].folded
        return mottos.contains { $0.hasPrefix(f + " ") && ($0.hasPrefix(joined) || joined.hasPrefix($0)) }
    }

    private static let mottos = ["CONG HOA XA HOI CHU NGHIA VIET NAM", "DANG CONG SAN VIET NAM"]

    /// Whether a line break in the issuer block fell inside a name's first words ("CHỦ TỊCH ỦY" / "BAN NHÂN DÂN").
    private static func splitsHead(_ previous: String, _ folded: String) -> Bool {
        guard let lastWord = RefText.fold(previous).split(separator: " ").last else { return false }
        let joined = lastWord + " " + folded
        return nameHeads.contains { $0.hasPrefix(lastWord + " ") && joined.hasPrefix($0) }
    }

    /// The type when no type word heads the text: a "V/v" line, the number's abbreviation or a "Kính gửi"
    /// line, else what the text calls itself ("Thông tư này …").
    private static func fallbackType(_ cells: [Cell], number: DocNumber?, text: String) -> String? {
        if cells.prefix(30).contains(where: { $0.folded.hasPrefix("V/V") || $0.folded.hasPrefix("(V/V") }) { return "Công văn" }
        if let name = number?.typeName { return name }
        if cells.prefix(6).contains(where: { $0.folded.hasPrefix("KINH GUI") }) { return "Công văn" }
        return BodyStatements.selfType(in: text)
    }

    private static let rolePrefixes = ["TM.", "TM ", "KT.", "KT ", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L", "Q/"]
    private static let positions = [
        "CHU TICH", "PHO CHU TICH", "BO TRUONG", "THU TRUONG", "THU TUONG", "PHO THU TUONG", "GIAM DOC", "PHO GIAM DOC",
        "CUC TRUONG", "PHO CUC TRUONG", "BI THU", "PHO BI THU", "TRUONG BAN", "PHO TRUONG BAN", "CHANH VAN PHONG",
        "THONG DOC", "PHO THONG DOC", "TONG GIAM DOC", "CHU NHIEM", "TONG KIEM TOAN", "VU TRUONG", "TRUONG PHONG",
    ]

    private static func findSigner(_ cells: [Cell], into header: inout DocumentHeader) {
        let tail = Array(cells.suffix(60))
        var roleAt = tail.lastIndex { c in c.isUpper && c.starts(rolePrefixes) }
        if roleAt == nil {
            roleAt = tail.lastIndex { c in c.isUpper && positions.contains(c.folded) }
        }
        guard let roleAt else { return }
        var role = [tail[roleAt].text]
        var i = roleAt + 1
        while i < tail.count, tail[i].isUpper, !isName(tail[i]), !tail[i].isRule, role.count < 4 {
            role.append(tail[i].text); i += 1
        }
        header.signerRole = role.joined(separator: " ")
        while i < tail.count, i <= roleAt + 8 {
            let c = tail[i]
            if isName(c) { header.signer = c.text; return }
            i += 1
        }
    }

    /// A personal name: 2–6 capitalised words, no digits or punctuation; either title case or all capitals
    /// after the role lines.
    private static func isName(_ c: Cell) -> Bool {
        let words = c.text.split(separator: " ")
        guard (2...6).contains(words.count), !c.text.contains(where: { $0.isNumber || $0 == ":" || $0 == "(" || $0 == "." || $0 == "," || $0 == "/" }) else { return false }
        let titleCase = words.allSatisfy { w in w.first?.isUppercase == true && w.dropFirst().allSatisfy { !$0.isUppercase } }
        return titleCase && !c.starts(["DA KY", "NOI NHAN", "KINH GUI"])
    }

    private static func recipients(_ cells: [Cell], label: String) -> [String] {
        guard let at = cells.firstIndex(where: { $0.folded.hasPrefix(label) }) else { return [] }
        var out: [String] = []
        let first = cells[at].text
        if let colon = first.firstIndex(of: ":") {
            let rest = first[first.index(after: colon)...]
            out += rest.split(separator: ";").map { clean(String($0)) }.filter { !$0.isEmpty }
        }
        for cell in cells.dropFirst(at + 1).prefix(30) {
            guard cell.text.hasPrefix("-") || cell.text.hasPrefix("+") || cell.text.hasPrefix("•") else { break }
            let item = clean(String(cell.text.dropFirst()))
            if !item.isEmpty, !RefText.fold(item).hasPrefix("LUU") { out.append(item) }
        }
        return out
    }

    private static func clean(_ s: String) -> String {
        s.trimmingTrailing(" ;,.").drop { $0 == " " }.description
    }
}

extension String {
    func trimmingTrailing(_ characters: String) -> String {
        var s = Substring(self)
        while let last = s.last, characters.contains(last) { s = s.dropLast() }
        return String(s)
    }
}
