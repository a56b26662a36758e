import Foundation
import VietText

/// Finds references to other documents in running text (section 4 of the project's reference notes).
///
/// Shapes: full numbers with or without a type word before them ("Công văn số 565-CV/ĐĐTLĐ"); short
/// forms ("Nghị quyết 02", "NQ 02"); lists sharing a trailing symbol, date and issuer ("các Nghị quyết
/// số 01, 02 và 03-NQ/TW"); named references ("Nghị quyết Đại hội XIII", "Luật Công đoàn 2012", "Bộ luật
/// Lao động 2019", "Điều 5 Luật Công đoàn"). The relation comes from the nearest cue word before the
/// citation in the same sentence.
///
/// Resolution: a short form takes the key of the nearest earlier full mention with the same type and
/// number; failing that, of an alias (`KnownReferences`) whose issuer cue is in its sentence; failing
/// that, of any such full mention or alias elsewhere in the document. Unresolved short forms keep the
/// partial key ("NQ:2").
public enum CitationExtractor {
    public static func extract(from text: String, ownNumber: DocNumber? = nil) -> [Citation] {
        let t = RefText(text)
        var items = fullNumbers(t)
        items += typeWordForms(t, taken: items)
        items.sort { $0.start < $1.start }
        joinNamesWithNumbers(t, &items)
        amendingNames(t, &items)
        items.removeAll { isDraft(t, $0) }
        shareListFields(t, &items)
        for k in items.indices {
            // A citation inside another's title ("… một số điều của Luật X số 87/2025/QH15") has no relation of its own.
            let nested = items.indices.contains { $0 != k && items[$0].start < items[k].start && items[k].end <= items[$0].end }
            items[k].relation = nested ? nil : relation(t, before: items[k].groupStart, items: items)
        }
        resolve(t, &items)
        items.removeAll { $0.numberedPart && !$0.resolved }
        let own = ownNumber?.key
        return items.filter { own == nil || $0.number?.key != own }.map { item in
            Citation(text: text.utf8Slice(t.offsets[item.start], t.offsets[item.end]), number: item.number, key: item.key,
                     type: item.type, issuer: item.issuer, date: item.date, relation: item.relation, kind: item.kind,
                     resolved: item.resolved, start: t.offsets[item.start], end: t.offsets[item.end])
        }
    }

    struct Item {
        var start: Int
        var end: Int
        var groupStart: Int
        var number: DocNumber?
        var key: String
        var partialKey: String?
        var type: String?
        var issuer: String?
        var date: String?
        var relation: Relation?
        var kind: CitationKind
        var resolved = false
        var tailEnd: Int
        /// For a number written after a law's name: the name's key without its year ("LUAT:CONG-DOAN").
        var namedKey: String?
        /// A short form that reads as a numbered part of the document; dropped unless the text cites it in full.
        var numberedPart = false
    }

    // MARK: - Full numbers

    private static func fullNumbers(_ t: RefText) -> [Item] {
        DocNumberParser.find(in: t).map { f in
            let (typeStart, typeName) = typeWordBefore(t, f.start)
            let name = typeName ?? f.number.typeName
            var item = Item(start: typeStart ?? f.start, end: f.end, groupStart: typeStart ?? f.start, number: f.number,
                            key: f.number.key, partialKey: f.number.partialKey, type: name,
                            kind: .full, tailEnd: f.end)
            attachTail(t, &item)
            if let typeName, let number = typedNumber(f.number, typeName: typeName, date: item.date) {
                item.number = number
                item.key = number.key
                item.partialKey = number.partialKey
            }
            return item
        }
    }

    /// The number a citation means when it leaves out the type its type word names: "Chỉ thị số 24/TTg ngày
    /// 29/7/2024" is 24/CT-TTg. Since Nghị định 30/2020/NĐ-CP (5 March 2020) a state document with a type name is
    /// numbered N/TYPE-ISSUER, so only a citation dated from then on takes the type; older numbers had other
    /// shapes ("Quyết định số 769/TTg" of 1997 is that document's number). A công văn has no type to add, a
    /// number with a year, several issuer groups or a Quốc hội issuer is left as written.
    static func typedNumber(_ n: DocNumber, typeName: String, date: String?) -> DocNumber? {
        guard n.type == nil, n.year == nil, n.style == .state, n.issuers.count == 1, let date, date >= "2020-03-05",
              !RefText.fold(n.issuers[0]).hasPrefix("QH"), let abbreviation = DocType.abbreviation(forName: typeName),
              !DocType.isPartyOnly(abbreviation) else { return nil }
        return DocNumber(number: n.number, type: abbreviation, issuers: n.issuers, style: .state)
    }

    /// A type word (name or abbreviation) ending just before `i`, skipping "số"/"số:" and, after "số", up to two qualifier words.
    static func typeWordBefore(_ t: RefText, _ i: Int) -> (Int?, String?) {
        var p = i
        while t.isBlank(p - 1) { p -= 1 }
        if p >= 1, t.folded[p - 1] == 0x3A { p -= 1; while t.isBlank(p - 1) { p -= 1 } }
        var hadSo = false
        if p >= 2, t.folded[p - 2] == 0x53, t.folded[p - 1] == 0x4F, !t.isLetter(p - 3) {
            hadSo = true
            p -= 2
            while t.isBlank(p - 1) { p -= 1 }
        }
        var q = p
        for _ in 0...(hadSo ? 2 : 0) {
            if let found = typeNameEnding(t, at: q) { return (found.0, found.1) }
            var w = q
            while t.isBlank(w - 1) { w -= 1 }
            let wordEnd = w
            while t.isLetter(w - 1) { w -= 1 }
            guard w < wordEnd, !t.upper[w] else { break }
            q = w
            while t.isBlank(q - 1) { q -= 1 }
        }
        return (nil, nil)
    }

    private static func typeNameEnding(_ t: RefText, at end: Int) -> (Int, String)? {
        for (folded, name) in DocType.foldedNames where end - folded.count >= 0 {
            let s = end - folded.count
            if t.matchesWord(folded, at: s) { return (s, name) }
        }
        var s = end
        while t.isLetter(s - 1) { s -= 1 }
        if s < end, end - s <= 4, (s..<end).allSatisfy({ t.upper[$0] }), !t.isAlnum(s - 1),
           DocType.foldedKeys.contains(Array(t.folded[s..<end])), let a = DocType.canonicalAbbreviation(t.string(s, end)), let name = DocType.name(forAbbreviation: a, style: .state) {
            return (s, name)
        }
        return nil
    }

    // MARK: - Short, list and named forms

    private static let nghiQuyet = Array("NGHI QUYET".utf8)
    private static let daiHoi = Array("DAI HOI".utf8)
    private static let trungUong = Array("TRUNG UONG".utf8)
    private static let luat = Array("LUAT".utf8)
    private static let boLuat = Array("BO LUAT".utf8)
    private static let dieu = Array("DIEU".utf8)
    /// Law names folded, longest first, so that the longest name wins.
    private static let foldedLawNames: [(folded: [UInt8], slug: String)] = KnownReferences.lawNames
        .sorted { $0.name.count > $1.name.count }
        .map { (Array(RefText.fold($0.name).utf8), $0.slug) }

    private static func typeWordForms(_ t: RefText, taken: [Item]) -> [Item] {
        var out: [Item] = []
        // Entries inside a citation already found; marking them keeps the scan linear.
        var covered = [Bool](repeating: false, count: t.count)
        for item in taken { for k in item.start..<min(item.end, t.count) { covered[k] = true } }
        var i = 0
        while i < t.count {
            guard t.isLetter(i), !t.isLetter(i - 1), t.upper[i] || t.folded[i] == 0x4C || t.folded[i] == 0x42 || t.folded[i] == 0x44 else { i += 1; continue }
            if covered[i] { i += 1; continue }
            let before = out.count
            let found = namedLaw(t, at: i) ?? namedResolution(t, at: i) ?? standard(t, at: i)
                ?? shortForms(t, at: i, taken: taken, into: &out)
            if let found { out.append(found) }
            for item in out[before...] { for k in item.start..<min(item.end, t.count) { covered[k] = true } }
            i = found?.end ?? i + 1
        }
        return out
    }

    /// "Nghị quyết 02", "NQ 02", "Chỉ thị số 05", and lists "Nghị quyết số 01, 02 và 03-NQ/TW" (the last item is a full number).
    private static func shortForms(_ t: RefText, at i: Int, taken: [Item], into out: inout [Item]) -> Item? {
        guard t.upper[i], let (abbreviation, afterType) = DocNumberParser.matchTypeWord(t, at: i) else { return nil }
        // A one-letter abbreviation ("L. 2", from "S.L." before "2." in a table) names nothing on its own.
        let byName = DocType.foldedNamesByFirst[Int(t.folded[i])].contains { t.matchesWord($0.folded, at: i) }
        if !byName, abbreviation.count < 2 { return nil }
        let afterBlanks = DocNumberParser.skipBlanks(t, afterType)
        let hadSo = DocNumberParser.skipSoPrefix(t, afterBlanks) != afterBlanks
        var j = DocNumberParser.skipSoPrefix(t, afterBlanks)
        var serials: [(Int, Int)] = []
        while t.isDigit(j) {
            let s = j
            while t.isDigit(j) { j += 1 }
            guard j - s <= 5, !t.isLetter(j) else { return nil }
            if taken.contains(where: { $0.number != nil && $0.start <= s && s < $0.end }) { break }
            var k = j
            while t.isSpace(k) { k += 1 }
            if k < t.count, t.folded[k] == 0x2F || t.folded[k] == 0x2D || t.folded[k] == 0x2E, t.isAlnum(k + 1) { return nil }
            serials.append((s, j))
            k = j
            while t.isSpace(k) { k += 1 }
            if k < t.count, t.folded[k] == 0x2C { k += 1 } else if t.matchesWord(Array("VA".utf8), at: k) { k += 2 } else { break }
            while t.isSpace(k) { k += 1 }
            if t.matchesWord(Array("VA".utf8), at: k) { k += 2; while t.isSpace(k) { k += 1 } }
            guard t.isDigit(k) else { break }
            j = k
        }
        guard !serials.isEmpty else { return nil }
        let typeName = DocType.name(forAbbreviation: abbreviation, style: .state).flatMap { n in
            DocType.foldedNamesByFirst[Int(t.folded[i])].first { t.matchesWord($0.folded, at: i) }?.name ?? n
        }
        // A list ending in a full number shares its symbol.
        let next = taken.first { $0.number != nil && $0.start >= serials.last!.1 && $0.start <= serials.last!.1 + 6 }
        var made: [Item] = []
        for (n, (s, e)) in serials.enumerated() {
            let digits = t.foldedString(s, e)
            var item = Item(start: n == 0 ? i : s, end: e, groupStart: i, number: nil,
                            key: DocNumber.partialKey(type: abbreviation, number: digits),
                            partialKey: DocNumber.partialKey(type: abbreviation, number: digits), type: typeName,
                            kind: .short, tailEnd: e)
            if let full = next?.number, full.type == abbreviation {
                let number = DocNumber(number: digits, year: full.year, type: full.type, issuers: full.issuers, style: full.style)
                item.number = number
                item.key = number.key
                item.kind = .full
            }
            made.append(item)
        }
        if serials.count == 1, next == nil {
            attachTail(t, &made[0])
            made[0].numberedPart = !hadSo && isNumberedPart(t, typeStart: i, abbreviation: abbreviation, serialEnd: serials[0].1)
        }
        let result = made.removeFirst()
        out += made
        return result
    }

    /// A national standard or technical regulation: "TCVN 8467:2010", "TCVN 10780-1:2017", "QCVN 97:2025/BNNMT".
    /// Its key is "TCVN:10780-1:2017" (the issuer after the year is left out of the key).
    private static func standard(_ t: RefText, at i: Int) -> Item? {
        let kinds: [(folded: [UInt8], type: String)] = [(Array("TCVN".utf8), "Tiêu chuẩn quốc gia"),
                                                         (Array("QCVN".utf8), "Quy chuẩn kỹ thuật quốc gia")]
        guard t.upper[i], let kind = kinds.first(where: { t.matchesWord($0.folded, at: i) && !t.isAlnum(i + 4) }) else { return nil }
        var j = DocNumberParser.skipBlanks(t, i + 4)
        var parts: [String] = []
        while t.isDigit(j) {
            let s = j
            while t.isDigit(j) { j += 1 }
            parts.append(t.foldedString(s, j))
            var k = j
            while t.isSpace(k) { k += 1 }
            guard k < t.count, t.folded[k] == 0x2D else { break }
            k += 1
            while t.isSpace(k) { k += 1 }
            guard t.isDigit(k) else { break }
            j = k
        }
        guard !parts.isEmpty, j < t.count, t.folded[j] == 0x3A, t.isDigit(j + 1), t.isDigit(j + 4), !t.isDigit(j + 5) else { return nil }
        let year = t.foldedString(j + 1, j + 5)
        var end = j + 5
        if end < t.count, t.folded[end] == 0x2F, t.isLetter(end + 1) {
            end += 1
            while t.isAlnum(end) { end += 1 }
        }
        let key = String(decoding: kind.folded, as: UTF8.self) + ":" + parts.joined(separator: "-") + ":" + year
        return Item(start: i, end: end, groupStart: i, key: key, type: kind.type, kind: .named, tailEnd: end)
    }

    /// Types a document numbers its own parts with ("Dự án 1", "Tiểu dự án 2", "Kế hoạch 1" as an item of a programme).
    private static let partTypes: Set<String> = ["DA", "KH", "CTr", "PA", "ĐA", "BC", "TTr", "HĐ"]

    /// Whether a short form without "số" reads as a numbered part of the document rather than a citation: a type
    /// that numbers parts, a heading in capitals at the start of a line, or a label followed by ":".
    private static func isNumberedPart(_ t: RefText, typeStart i: Int, abbreviation: String, serialEnd: Int) -> Bool {
        if partTypes.contains(abbreviation) { return true }
        var k = serialEnd
        while t.isSpace(k) { k += 1 }
        if k < t.count, t.folded[k] == 0x3A { return true }
        var p = i
        while p > 0, t.isSpace(p - 1) { p -= 1 }
        let lineStart = p == 0 || t.folded[p - 1] == 0x0A
        let capitals = (i..<serialEnd).allSatisfy { !t.isLetter($0) || t.upper[$0] }
        return lineStart && capitals
    }

    /// "Nghị quyết Đại hội (đại biểu toàn quốc) (lần thứ) XIII", "Nghị quyết Trung ương 4 khóa XII".
    private static func namedResolution(_ t: RefText, at i: Int) -> Item? {
        guard t.matchesWord(nghiQuyet, at: i) else { return nil }
        var j = DocNumberParser.skipBlanks(t, i + nghiQuyet.count)
        if t.matchesWord(Array("CUA".utf8), at: j) { j = DocNumberParser.skipBlanks(t, j + 3) }
        if t.matchesWord(daiHoi, at: j) {
            j += daiHoi.count
            // The congress's body ("Đảng bộ tỉnh", "Công đoàn Việt Nam") is part of the key; a national Party congress has none.
            var body: [String] = []
            for _ in 0..<9 {
                j = DocNumberParser.skipBlanks(t, j)
                if let (roman, end) = romanNumeral(t, at: j) {
                    let key = "NQ:DAI-HOI-" + (body.isEmpty ? "" : body.joined(separator: "-") + "-") + roman
                    var item = Item(start: i, end: end, groupStart: i, key: key, type: "Nghị quyết", kind: .named, tailEnd: end)
                    attachTail(t, &item)
                    return item
                }
                guard t.isLetter(j), t.folded[j] != 0x0A else { return nil }
                let w = j
                while t.isLetter(j) { j += 1 }
                let word = t.foldedString(w, j)
                if !congressFiller.contains(word) { body.append(word) }
            }
            return nil
        }
        if t.matchesWord(trungUong, at: j) {
            j = DocNumberParser.skipBlanks(t, j + trungUong.count)
            let s = j
            while t.isDigit(j) { j += 1 }
            guard j > s else { return nil }
            let plenum = t.foldedString(s, j)
            var k = DocNumberParser.skipBlanks(t, j)
            guard t.matchesWord(Array("KHOA".utf8), at: k) else { return nil }
            k = DocNumberParser.skipBlanks(t, k + 4)
            guard let (roman, end) = romanNumeral(t, at: k) else { return nil }
            return Item(start: i, end: end, groupStart: i, key: "NQ:TW-\(plenum)-KHOA-\(roman)", type: "Nghị quyết",
                        kind: .named, tailEnd: end)
        }
        return nil
    }

    private static func romanNumeral(_ t: RefText, at i: Int) -> (String, Int)? {
        var j = i
        while j < t.count, t.upper[j], [0x49, 0x56, 0x58, 0x4C].contains(t.folded[j]) { j += 1 }
        guard j > i, !t.isAlnum(j) else { return nil }
        return (t.foldedString(i, j), j)
    }

    /// "Luật Công đoàn (năm) 2012", "Bộ luật Lao động 2019", optionally after "(điểm a) (khoản 2) Điều 5 (của)".
    private static func namedLaw(_ t: RefText, at i: Int) -> Item? {
        var start = i
        var j = i
        var article = false
        // "Điều lệ Đảng" is a charter, not an article ("Điều 5").
        if t.upper[i], let (end, slug, type) = charter(t, at: i) {
            var item = Item(start: i, end: end, groupStart: i, key: slug, type: type, kind: .named, tailEnd: end)
            attachTail(t, &item)
            return genericPhrase(t, after: end, slug: slug) ? nil : item
        }
        if t.matchesWord(dieu, at: i) || t.matchesWord(Array("KHOAN".utf8), at: i) || t.matchesWord(Array("DIEM".utf8), at: i) {
            while j < t.count, t.folded[j] != 0x0A, j - i < 40 {
                if t.matchesWord(dieu, at: j) {
                    j = DocNumberParser.skipBlanks(t, j + 4)
                    guard t.isDigit(j) || romanNumeral(t, at: j) != nil else { return nil }
                    while t.isAlnum(j) { j += 1 }
                    j = DocNumberParser.skipBlanks(t, j)
                    if t.matchesWord(Array("CUA".utf8), at: j) { j = DocNumberParser.skipBlanks(t, j + 3) }
                    article = true
                    break
                }
                j += 1
            }
            guard article else { return nil }
        }
        if !article { start = j }
        if j < t.count, t.upper[j], let (end, slug, type) = charter(t, at: j) {
            var item = Item(start: start, end: end, groupStart: start, key: slug, type: type, kind: article ? .article : .named,
                            tailEnd: end)
            attachTail(t, &item)
            return item
        }
        let isCode = t.matchesWord(boLuat, at: j)
        guard isCode || t.matchesWord(luat, at: j) else { return nil }
        let nameAt = DocNumberParser.skipBlanks(t, j + (isCode ? boLuat.count : luat.count))
        let known = foldedLawNames.lazy.filter { t.matchesWord($0.folded, at: nameAt) }.map { (nameAt + $0.folded.count, $0.slug) }.first
        // "luật an toàn thực phẩm" written in lower case is a law only by a known name, after a word that governs a
        // document ("của luật …", "theo luật …"): "kỷ luật lao động", "pháp luật đất đai" are not laws.
        guard t.upper[j] || (known != nil && wordBefore(t, j, in: governingWords)) else { return nil }
        guard var (nameEnd, slug) = known ?? lawName(t, at: nameAt, after: j) else { return nil }
        // "Luật Các tổ chức tín dụng sửa đổi 2025 số 96/2025/QH15": the amending law, not the law it amends.
        let amended = DocNumberParser.skipBlanks(t, nameEnd)
        if t.matchesWord(Array("SUA DOI".utf8), at: amended) {
            let after = DocNumberParser.skipBlanks(t, amended + 7)
            if t.isDigit(after) || t.matchesWord(Array("NAM".utf8), at: after) || t.matchesWord(Array("SO".utf8), at: after) {
                nameEnd = amended + 7
                slug += "-SUA-DOI"
            }
        }
        do {
            var end = nameEnd
            var k = DocNumberParser.skipBlanks(t, end)
            if t.matchesWord(Array("NAM".utf8), at: k) { k = DocNumberParser.skipBlanks(t, k + 3) }
            var year: String?
            if t.isDigit(k), t.isDigit(k + 3), !t.isAlnum(k + 4), !t.isAlnum(k - 1) {
                let y = t.foldedString(k, k + 4)
                if y.hasPrefix("19") || y.hasPrefix("20") { year = y; end = k + 4 }
            }
            let key = (isCode ? "BOLUAT:" : "LUAT:") + slug + (year.map { ":" + $0 } ?? "")
            var item = Item(start: start, end: end, groupStart: start, key: key, type: isCode ? "Bộ luật" : "Luật",
                            kind: article ? .article : .named, tailEnd: end)
            if let n = KnownReferences.lawNumbers[key].flatMap(DocNumberParser.parse) {
                item.number = n
                item.key = n.key
                item.resolved = true
            }
            return item
        }
    }

    /// Documents cited by a fixed name: the Constitution and the Party's and the trade unions' charters.
    private static let charters: [(folded: [UInt8], slug: String, type: String)] = [
        ("HIEN PHAP NUOC CONG HOA XA HOI CHU NGHIA VIET NAM", "HIEN-PHAP", "Hiến pháp"), ("HIEN PHAP", "HIEN-PHAP", "Hiến pháp"),
        ("DIEU LE DANG CONG SAN VIET NAM", "DIEU-LE:DANG", "Điều lệ"), ("DIEU LE DANG", "DIEU-LE:DANG", "Điều lệ"),
        ("DIEU LE CONG DOAN VIET NAM", "DIEU-LE:CONG-DOAN", "Điều lệ"),
    ].map { (Array($0.0.utf8), $0.1, $0.2) }

    /// A charter or the Constitution at `i`, with "năm 2013" after it as its year: its end, key and type.
    private static func charter(_ t: RefText, at i: Int) -> (Int, String, String)? {
        guard let (folded, slug, type) = charters.first(where: { t.matchesWord($0.folded, at: i) && !t.isLetter(i + $0.folded.count) }) else {
            return nil
        }
        let end = i + folded.count
        let k = DocNumberParser.skipBlanks(t, end)
        if t.matchesWord(Array("NAM".utf8), at: k) {
            let y = DocNumberParser.skipBlanks(t, k + 3)
            if t.isDigit(y), t.isDigit(y + 3), !t.isAlnum(y + 4) { return (y + 4, slug + ":" + t.foldedString(y, y + 4), type) }
        }
        return (end, slug, type)
    }

    /// "Hiến pháp và pháp luật", "Hiến pháp, pháp luật": the Constitution and the laws in general, not a citation.
    private static func genericPhrase(_ t: RefText, after end: Int, slug: String) -> Bool {
        guard slug == "HIEN-PHAP" else { return false }
        var k = DocNumberParser.skipBlanks(t, end)
        if k < t.count, t.folded[k] == 0x2C { k = DocNumberParser.skipBlanks(t, k + 1) }
        else if t.matchesWord(Array("VA".utf8), at: k) { k = DocNumberParser.skipBlanks(t, k + 2) }
        else { return false }
        return t.matchesWord(Array("PHAP LUAT".utf8), at: k) || t.matchesWord(Array("LUAT".utf8), at: k)
    }

    /// Words that end a law's name read from the text ("Luật Đấu thầu quy định …", "Luật Trẻ em năm 2016"), with
    /// their marks: "tại" ends a name, "tài" ("tài sản công") does not.
    private static let lawNameEnds: Set<String> = [
        "số", "ngày", "năm", "và", "của", "đã", "được", "quy", "về", "có", "thì", "này", "tại", "theo", "để", "trong", "cho",
        "với", "khi", "là", "không", "các", "những", "sửa", "nhằm", "hiện", "mới", "dưới", "trên", "gồm", "như", "thuộc",
        "nếu", "phải", "cần", "sẽ", "đang", "vẫn", "cũng", "bị", "ra", "hoặc", "hay", "đều", "thay", "liên", "ban", "hướng",
    ]
    /// Words before "Luật" that make it part of a name ("Đại học Luật Hà Nội", "Khoa Luật").
    private static let notLawBefore: Set<String> = ["HOC", "KHOA", "VIEN", "TRUONG", "NGANH", "HOI"]

    /// Words after which a law's name in lower case is a citation.
    private static let governingWords: Set<String> = ["CUA", "THEO", "TAI", "CU", "HANH", "VA"]

    /// Whether the word before the one at `i` (folded) is in `words`.
    private static func wordBefore(_ t: RefText, _ i: Int, in words: Set<String>) -> Bool {
        let w = wordStart(t, before: i)
        var e = w
        while e < i, t.isLetter(e) { e += 1 }
        return w < e && words.contains(t.foldedString(w, e))
    }

    /// A law's name not in the table of known laws: a capitalised first word, then words up to one of
    /// ``lawNameEnds``, a number or a sign (a comma before a lower-case word goes on), at most eight words.
    /// Returns the name's end and its key slug ("DAU-THAU").
    private static func lawName(_ t: RefText, at i: Int, after lawWord: Int) -> (Int, String)? {
        guard t.isLetter(i), t.upper[i] else { return nil }
        if wordBefore(t, lawWord, in: notLawBefore) { return nil }
        var words: [String] = []
        var j = i, end = i
        while words.count < 8, t.isLetter(j) {
            var e = j
            while t.isLetter(e) { e += 1 }
            if lawNameEnds.contains(t.string(j, e).lowercased()) { break }
            words.append(t.foldedString(j, e))
            end = e
            // A comma joins the name's parts when a lower-case word goes on ("Phòng, chống ma túy", "Quản lý, sử dụng
            // tài sản công"); before a capital ("…, Luật Nhà ở") or an ending word it ends the name.
            var k = e
            if k < t.count, t.folded[k] == 0x2C {
                let n = DocNumberParser.skipBlanks(t, k + 1)
                var ne = n
                while t.isLetter(ne) { ne += 1 }
                if ne > n, !t.upper[n], !lawNameEnds.contains(t.string(n, ne).lowercased()) { k += 1 }
            }
            j = DocNumberParser.skipBlanks(t, k)
            guard j > e || k > e else { break }
        }
        guard !words.isEmpty else { return nil }
        return (end, words.joined(separator: "-"))
    }

    // MARK: - Date, issuer, relation, resolution

    /// Reads ", ngày 13/8/2021 của Bộ Chính trị" after a citation.
    private static func attachTail(_ t: RefText, _ item: inout Item) {
        var j = item.end
        var k = j
        while t.isBlank(k) || (k < t.count && (t.folded[k] == 0x2C || t.folded[k] == 0x28)) { k += 1 }
        if t.matchesWord(Array("NGAY".utf8), at: k) || (item.kind == .full && t.isDigit(k) && k - j <= 3),
           let (date, end) = DateScanner.date(in: t, at: k) {
            item.date = date
            j = end
            if j < t.count, t.folded[j] == 0x29 { j += 1 }
        }
        k = j
        while t.isBlank(k) || (k < t.count && t.folded[k] == 0x2C) { k += 1 }
        if t.matchesWord(Array("CUA".utf8), at: k) {
            let s = DocNumberParser.skipBlanks(t, k + 3)
            var e = s
            var words = 0
            while t.isLetter(e), words < 10 {
                let w = e
                while t.isLetter(e) { e += 1 }
                let word = t.foldedString(w, e)
                // "… CỦA QUỐC HỘI VỀ TỔ CHỨC …" in a title in capitals: the issuer ends before its subject.
                guard word != "VE", t.upper[w] || (words > 0 && nameWords.contains(word)) else { e = w; break }
                words += 1
                var n = e
                while t.isSpace(n) { n += 1 }
                guard t.isLetter(n) else { break }
                e = n
            }
            while e > s, t.isBlank(e - 1) { e -= 1 }
            if e > s, t.upper[s] { item.issuer = t.string(s, e) }
        }
        item.tailEnd = max(j, item.end)
    }

    private static let nameWords: Set<String> = [
        "TRI", "HANH", "TUONG", "PHU", "NHAN", "DAN", "TINH", "THANH", "PHO", "HUYEN", "DONG", "TRUONG", "CHINH", "BI", "THU",
        "VU", "HOI", "THUONG", "TRUC", "CHU", "NHIEM", "DOAN", "TAI", "LAO", "SAN", "QUOC", "UONG", "TICH", "BAN",
    ]

    private static func shareListFields(_ t: RefText, _ items: inout [Item]) {
        guard items.count > 1 else { return }
        for k in stride(from: items.count - 2, through: 0, by: -1) {
            let a = items[k], b = items[k + 1]
            guard a.kind == b.kind || (a.kind == .full && b.kind == .full), a.type == b.type, b.start - a.end <= 16 else { continue }
            let gap = t.foldedString(a.end, b.start).trimmingScalars { $0 == " " || $0 == "," }
            guard gap.isEmpty || gap == "VA" || gap == "," else { continue }
            if items[k].date == nil { items[k].date = b.date }
            if items[k].issuer == nil { items[k].issuer = b.issuer }
            items[k + 1].groupStart = items[k].groupStart
        }
    }

    /// Words of "Đại hội đại biểu toàn quốc lần thứ" that do not name the congress's body.
    private static let congressFiller: Set<String> = ["DAI", "BIEU", "TOAN", "QUOC", "LAN", "THU"]

    private static let canCu = Array("CAN CU".utf8)

    private static let cues: [(String, Relation)] = [
        ("CAN CU", .basedOn), ("THUC HIEN", .implements), ("TRIEN KHAI", .implements), ("QUAN TRIET", .implements),
        ("THEO", .refersTo), ("SUA DOI", .amends), ("BO SUNG", .amends), ("THAY THE", .replaces), ("BAI BO", .repeals),
        ("HUONG DAN", .guides), ("QUY DINH CHI TIET", .guides),
    ]
    private static let cueBytes: [([UInt8], Relation)] = cues.map { (Array($0.0.utf8), $0.1) }
    /// "tại" ("quy định tại Điều 3 Luật …", "tại Tờ trình số …") says `theo` only when the clause has no other cue.
    private static let weakCue = Array("TAI".utf8)
    /// Words that may stand between an acting verb (sửa đổi, thay thế, bãi bỏ, hướng dẫn) and what it acts on:
    /// "Sửa đổi, bổ sung một số điều của Nghị định …", "hướng dẫn thi hành Luật …".
    private static let actingGap: Set<String> = [
        "SUA", "DOI", "BO", "SUNG", "MOT", "SO", "DIEU", "CUA", "VA", "THAY", "THE", "BAI", "HUONG", "DAN", "THI", "HANH",
        "QUY", "DINH", "CHI", "TIET", "BIEN", "PHAP", "TAI", "CAC", "TOAN", "BO", "NOI", "DUNG",
    ]

    /// The relation a governing word in the same clause states for the citation at `start`, or nil.
    ///
    /// The nearest cue before the citation (within its sentence, outside other citations) governs it, except:
    /// a passive "được sửa đổi, bổ sung bởi …" says what amended the document before it, not what this one does
    /// (the amended document's relation, or the clause's own cue, governs); an acting verb (sửa đổi, thay thế, bãi bỏ, hướng dẫn) governs only what
    /// follows it closely, and in a cited document's title ("Luật sửa đổi, bổ sung …", "Nghị định số 97/2024/NĐ-CP
    /// sửa đổi … Nghị định số 10/2019/NĐ-CP") it governs nothing.
    private static func relation(_ t: RefText, before start: Int, items: [Item]) -> Relation? {
        let floor = clauseStart(t, start)
        // "Chương trình hành động số 02/Ctr-BCH … về thực hiện Nghị quyết Đại hội XIII": a citation in the title of an
        // earlier one of its clause has no relation of its own.
        let inEarlierTitle = items.last(where: { $0.end <= start && $0.start >= floor }).map { hasWord(t, "VE", from: $0.end, to: start) } ?? false
        var p = start - 1
        var weak = false
        while p >= floor {
            // A closed parenthesis is an aside ("(trước khi thực hiện …) được quy định tại …"): its words govern nothing here.
            if t.folded[p] == 0x29, let open = openingParenthesis(t, closingAt: p, floor: floor) { p = open - 1; continue }
            if !t.isLetter(p - 1), !items.contains(where: { $0.start <= p && p < $0.end }) {
                if t.matchesWord(weakCue, at: p), !t.isLetter(p + weakCue.count) { weak = true }
                for (cue, relation) in cueBytes where t.matchesWord(cue, at: p) && !t.isLetter(p + cue.count) {
                    // "(ban hành) kèm theo Quyết định …" says where the text is attached, not what it refers to.
                    if relation == .refersTo, t.matchesWord(Array("KEM".utf8), at: wordStart(t, before: p)) { continue }
                    // "Căn cứ theo Quyết định …": the basis, not a mere reference.
                    if relation == .refersTo, t.isBlank(p - 1), t.matchesWord(Array("CAN CU".utf8), at: p - 7) { return .basedOn }
                    guard isActing(relation) else { return inEarlierTitle ? nil : relation }
                    // "Căn cứ Nghị định A (quy định chi tiết Luật X), được sửa đổi, bổ sung tại Nghị định B": B shares
                    // the relation of the clause's first citation, A, however long A's title.
                    if isPassive(t, before: p) {
                        let clause = sentenceStart(t, start, window: 800)
                        if let amended = items.first(where: { $0.end <= p && $0.start >= clause }) { return amended.relation }
                        break
                    }
                    if inEarlierTitle || inTitle(t, cueAt: p, floor: floor, items: items) || actedOnByAnother(t, cueAt: p, floor: floor) { return nil }
                    return onlyGapWords(t, from: p + cue.count, to: start) ? relation : nil
                }
            }
            p -= 1
        }
        if inEarlierTitle { return nil }
        if weak { return .refersTo }
        // "Căn cứ Nghị định số 63/2010/NĐ-CP …; Nghị định số 48/2013/NĐ-CP …": a clause that opens with a citation
        // continues the list of the clause before it and takes the relation of that clause's first citation.
        if opensWithCitation(t, floor: floor, start: start), floor >= 1, t.folded[floor - 1] == 0x3B,
           let first = items.first(where: { $0.start >= clauseStart(t, floor - 1, window: 800) && $0.end <= floor }) {
            return first.relation
        }
        // An item of a list whose introduction ends in a colon ("Nghị quyết này bãi bỏ các Nghị quyết:\na) …",
        // takes the introduction's acting verb (bãi bỏ, thay thế, sửa đổi): what the document does to each.
        if let colon = listIntroduction(t, before: floor) {
            let introFloor = sentenceStart(t, colon)
            var q = colon - 1
            while q >= introFloor {
                if !t.isLetter(q - 1), !items.contains(where: { $0.start <= q && q < $0.end }) {
                    for (cue, relation) in cueBytes where t.matchesWord(cue, at: q) && !t.isLetter(q + cue.count) {
                        return isActing(relation) && !isPassive(t, before: q) ? relation : nil
                    }
                }
                q -= 1
            }
        }
        return nil
    }

    /// The start of the clause holding `i`: its sentence, or from an opening parenthesis not closed before `i`.
    private static func clauseStart(_ t: RefText, _ i: Int, window: Int = 200) -> Int {
        let floor = sentenceStart(t, i, window: window)
        var depth = 0
        var p = i - 1
        while p >= floor {
            if t.folded[p] == 0x29 { depth += 1 } else if t.folded[p] == 0x28 {
                if depth == 0 { return p + 1 }
                depth -= 1
            }
            p -= 1
        }
        return floor
    }

    /// The "(" that the ")" at `close` closes, not before `floor`.
    private static func openingParenthesis(_ t: RefText, closingAt close: Int, floor: Int) -> Int? {
        var depth = 0
        var p = close
        while p >= floor {
            if t.folded[p] == 0x29 { depth += 1 } else if t.folded[p] == 0x28 {
                depth -= 1
                if depth == 0 { return p }
            }
            p -= 1
        }
        return nil
    }

    /// The start of the word before position `p`.
    private static func wordStart(_ t: RefText, before p: Int) -> Int {
        var q = p
        while t.isBlank(q - 1) { q -= 1 }
        var w = q
        while t.isLetter(w - 1) { w -= 1 }
        return w
    }

    /// Whether the folded word `word` stands between `from` and `to`.
    private static func hasWord(_ t: RefText, _ word: String, from: Int, to: Int) -> Bool {
        let bytes = Array(word.utf8)
        var i = from
        while i < to {
            if t.isLetter(i), !t.isLetter(i - 1), t.matchesWord(bytes, at: i), i + bytes.count <= to { return true }
            i += 1
        }
        return false
    }

    /// Whether only blanks and a list mark ("-", "+", "a)") stand between the clause's start and the citation.
    private static func opensWithCitation(_ t: RefText, floor: Int, start: Int) -> Bool {
        var i = floor
        while i < start, t.isBlank(i) || t.folded[i] == 0x2D || t.folded[i] == 0x2B || t.folded[i] == 0x2A { i += 1 }
        return i == start
    }

    /// The colon ending the line that introduces the list holding `i` (no blank line nor full stop between).
    private static func listIntroduction(_ t: RefText, before i: Int) -> Int? {
        var b = i - 1
        while t.isBlank(b) { b -= 1 }
        if b >= 0, t.folded[b] == 0x3A { return b }
        var p = i - 1
        while p >= 1, i - p < 2_000 {
            if t.folded[p] == 0x0A, t.folded[p - 1] == 0x0A { return nil }
            if t.folded[p] == 0x0A {
                var q = p - 1
                while q >= 0, t.isSpace(q) { q -= 1 }
                if q >= 0, t.folded[q] == 0x3A { return q }
            }
            p -= 1
        }
        return nil
    }

    private static func isActing(_ r: Relation) -> Bool { r == .amends || r == .replaces || r == .repeals || r == .guides }

    /// "được sửa đổi", "đã được bổ sung", "được hướng dẫn".
    private static func isPassive(_ t: RefText, before p: Int) -> Bool {
        var q = p
        while t.isBlank(q - 1) || (q >= 1 && t.folded[q - 1] == 0x2C) { q -= 1 }
        for word in [Array("DUOC".utf8), Array("BI".utf8)] where t.matchesWord(word, at: q - word.count) && !t.isLetter(q - word.count - 1) {
            return true
        }
        // "được sửa đổi, bổ sung": the cue found may be the second verb.
        if t.matchesWord(Array("SUA DOI".utf8), at: q - 7) { return isPassive(t, before: q - 7) }
        return false
    }

    /// Whether the cue at `p` belongs to a cited document's title: a type word right before it ("Luật sửa đổi"),
    /// or an earlier citation of the clause that it follows.
    private static func inTitle(_ t: RefText, cueAt p: Int, floor: Int, items: [Item]) -> Bool {
        var q = p
        while t.isSpace(q - 1) { q -= 1 }
        // On the line before, the type word is this document's own heading ("THÔNG TƯ\nBÃI BỎ THÔNG TƯ SỐ …").
        for (folded, _) in DocType.foldedNames where t.matchesWord(folded, at: q - folded.count) && !t.isLetter(q - folded.count - 1) {
            return true
        }
        return items.contains { $0.end <= p && $0.start >= floor }
    }

    /// Whether the text between an acting verb and the citation holds only the words such a verb takes.
    private static func onlyGapWords(_ t: RefText, from: Int, to: Int) -> Bool {
        var i = from
        while i < to {
            if t.isLetter(i) {
                let w = i
                while i < to, t.isLetter(i) { i += 1 }
                guard actingGap.contains(t.foldedString(w, i)) else { return false }
            } else {
                i += 1
            }
        }
        return true
    }

    /// "Nghị quyết của Quốc hội sửa đổi, bổ sung …": another document, named just before the verb, is the one acting
    /// ("Nghị định này sửa đổi …" is this one, and so is the document's own heading on the line before).
    private static func actedOnByAnother(_ t: RefText, cueAt p: Int, floor: Int) -> Bool {
        var q = p - 1
        // A line break from a wrapped line goes on; a blank line ends the search.
        while q >= max(floor, p - 50), !(t.folded[q] == 0x0A && q >= 1 && t.folded[q - 1] == 0x0A) {
            if !t.isLetter(q - 1) {
                for (folded, _) in DocType.foldedNames where t.matchesWord(folded, at: q) && !t.isLetter(q + folded.count) {
                    // A type word alone on its line is this document's heading ("THÔNG TƯ\nBÃI BỎ THÔNG TƯ SỐ …").
                    if q + folded.count < t.count, t.folded[q + folded.count] == 0x0A { return false }
                    let after = DocNumberParser.skipBlanks(t, q + folded.count)
                    return !t.matchesWord(Array("NAY".utf8), at: after)
                }
            }
            q -= 1
        }
        return false
    }

    private static func sentenceStart(_ t: RefText, _ i: Int, window: Int = 200) -> Int {
        var p = i - 1
        while p >= 0, i - p < window {
            let b = t.folded[p]
            if b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F { return p + 1 }
            if b == 0x2E, !t.isDigit(p + 1), t.isBlank(p + 1) { return p + 1 }
            if b == 0x0A, p >= 1, t.folded[p - 1] == 0x0A { return p + 1 }
            // Each "Căn cứ …" line of a preamble is a clause of its own, whatever the line before ends with.
            if b == 0x0A, t.upper[p + 1], t.matchesWord(canCu, at: p + 1) { return p + 1 }
            p -= 1
        }
        return max(0, p + 1)
    }

    /// "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": a law named, then its number, is one citation
    /// of that number (the name's key is kept as ``Item/namedKey`` so the name alone elsewhere resolves to it).
    private static func joinNamesWithNumbers(_ t: RefText, _ items: inout [Item]) {
        var k = 0
        while k + 1 < items.count {
            let name = items[k], number = items[k + 1]
            if name.kind == .named || name.kind == .article, name.number == nil, number.kind == .full, number.number != nil {
                var j = DocNumberParser.skipBlanks(t, name.end)
                if j < t.count, t.folded[j] == 0x2C { j = DocNumberParser.skipBlanks(t, j + 1) }
                j = DocNumberParser.skipSoPrefix(t, j)
                // "Luật sửa đổi, bổ sung một số điều của Bộ luật Lao động số 35/2002/QH10": the number is the outer law's.
                var before = name.start
                while t.isBlank(before - 1) { before -= 1 }
                let afterCua = t.matchesWord(Array("CUA".utf8), at: before - 3) && !t.isLetter(before - 4)
                if number.start <= j, number.start > name.start, afterCua, let outer = amendingTitle(t, endingAt: before - 3) {
                    // The outer law is the one numbered: "Luật sửa đổi, bổ sung một số điều của Luật X số 87/2025/QH15".
                    items[k + 1].start = outer.start
                    items[k + 1].groupStart = outer.start
                    items[k + 1].type = outer.type
                    items.swapAt(k, k + 1)
                } else if number.start <= j, number.start > name.start, !afterCua {
                    // The number's own type word may be the name's last word ("… pháp luật số 64/2025/QH15").
                    var joined = number
                    joined.start = name.start
                    joined.groupStart = name.groupStart
                    joined.type = name.type ?? number.type
                    joined.kind = name.kind == .article ? .article : .full
                    joined.partialKey = number.partialKey
                    joined.namedKey = lawName(name.key)
                    items[k] = joined
                    items.remove(at: k + 1)
                }
            }
            k += 1
        }
    }

    /// "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật", "Nghị quyết sửa đổi, bổ sung một
    /// số điều của Hiến pháp …" with no number: the amending document is cited by that name (key "SUA-DOI:" and the
    /// amended one's), and the amended document inside its title is a citation too.
    private static func amendingNames(_ t: RefText, _ items: inout [Item]) {
        var made: [Item] = []
        for item in items where item.kind == .named && item.number == nil {
            var before = item.start
            while t.isBlank(before - 1) { before -= 1 }
            guard t.matchesWord(Array("CUA".utf8), at: before - 3), !t.isLetter(before - 4),
                  let outer = amendingTitle(t, endingAt: before - 3),
                  !items.contains(where: { $0.start <= outer.start && item.end <= $0.end }) else { continue }
            var amending = item
            amending.start = outer.start
            amending.groupStart = outer.start
            amending.type = outer.type
            amending.key = "SUA-DOI:" + item.key
            amending.namedKey = nil
            made.append(amending)
        }
        guard !made.isEmpty else { return }
        items += made
        items.sort { $0.start < $1.start }
    }

    /// A law or resolution still in draft ("dự thảo Luật …", "dự án Luật …"): not an issued document.
    private static func isDraft(_ t: RefText, _ item: Item) -> Bool {
        guard item.kind == .named || item.kind == .short else { return false }
        var p = item.start
        while t.isBlank(p - 1) { p -= 1 }
        for draft in [Array("DU THAO".utf8), Array("DU AN".utf8)] where t.matchesWord(draft, at: p - draft.count) {
            return true
        }
        return false
    }

    /// The start and type of "<Type> sửa đổi, bổ sung một số điều" (or "sửa đổi" / "bổ sung" alone) ending at `end`.
    private static func amendingTitle(_ t: RefText, endingAt end: Int) -> (start: Int, type: String)? {
        let filler: Set<String> = ["SUA", "DOI", "BO", "SUNG", "MOT", "SO", "DIEU", "VA", "CAC"]
        var p = end
        var sawVerb = false
        while true {
            while t.isBlank(p - 1) || (p >= 1 && t.folded[p - 1] == 0x2C) { p -= 1 }
            var w = p
            while t.isLetter(w - 1) { w -= 1 }
            guard w < p else { return nil }
            let word = t.foldedString(w, p)
            if filler.contains(word) {
                sawVerb = sawVerb || word == "DOI" || word == "SUNG"
                p = w
                continue
            }
            guard sawVerb else { return nil }
            for (folded, name) in DocType.foldedNames where t.matchesWord(folded, at: p - folded.count)
                && !t.isLetter(p - folded.count - 1) && t.upper[p - folded.count] {
                return (p - folded.count, name)
            }
            return nil
        }
    }

    /// "LUAT:CONG-DOAN" of "LUAT:CONG-DOAN:2012"; nil for keys that are not a law's name.
    private static func lawName(_ key: String) -> String? {
        guard key.hasPrefix("LUAT:") || key.hasPrefix("BOLUAT:") else { return nil }
        let parts = key.split(separator: ":")
        return parts.count == 3 && parts[2].allSatisfy(\.isNumber) ? parts[0] + ":" + parts[1] : key
    }

    private static func resolve(_ t: RefText, _ items: inout [Item]) {
        // A law named without number or year takes the number the same text gives it, when it gives one.
        var numbersByName: [String: Set<String>] = [:]
        for item in items { if let name = item.namedKey, let n = item.number { numbersByName[name, default: []].insert(n.key) } }
        for k in items.indices where (items[k].kind == .named || items[k].kind == .article) && items[k].number == nil {
            guard let name = lawName(items[k].key), let keys = numbersByName[name], keys.count == 1,
                  let full = items.first(where: { $0.namedKey == name && $0.number != nil }) else { continue }
            // Named with a year, the number must be of that year.
            let year = name == items[k].key ? nil : Int(items[k].key.split(separator: ":").last ?? "")
            if let year, full.number?.year != year { continue }
            apply(full, to: &items[k])
        }
        var latest: [String: Item] = [:]
        var documentWide: [String: Item] = [:]
        for k in items.indices {
            let item = items[k]
            if item.kind == .full, item.number != nil, let pk = item.partialKey {
                latest[pk] = item
                if documentWide[pk] == nil { documentWide[pk] = item }
                continue
            }
            guard item.kind == .short, let pk = item.partialKey else { continue }
            if let full = latest[pk] {
                apply(full, to: &items[k])
            } else if let alias = KnownReferences.shortAliases.first(where: { $0.partialKey == pk }),
                      hasCue(t, alias.issuerCue, item: item), let number = DocNumberParser.parse(alias.number) {
                var full = item
                full.number = number
                full.key = number.key
                full.date = alias.date
                apply(full, to: &items[k])
                latest[pk] = items[k]
                if documentWide[pk] == nil { documentWide[pk] = items[k] }
            }
        }
        for k in items.indices where items[k].kind == .short && !items[k].resolved {
            if let pk = items[k].partialKey, let full = documentWide[pk] { apply(full, to: &items[k]) }
        }
    }

    private static func apply(_ full: Item, to item: inout Item) {
        item.number = full.number
        item.key = full.number?.key ?? full.key
        if item.date == nil { item.date = full.date }
        item.resolved = true
    }

    private static func hasCue(_ t: RefText, _ cue: String, item: Item) -> Bool {
        if let issuer = item.issuer, RefText.fold(issuer).contains(cue) { return true }
        return t.foldedString(sentenceStart(t, item.start), item.start).replacingOccurrences(of: "\n", with: " ").contains(cue)
    }
}

extension CitationExtractor {
    /// Numbers of the known editions of a law named by `namedKey` ("BOLUAT:LAO-DONG" gives 10/2012/QH13 and
    /// 45/2019/QH14; "LUAT:CONG-DOAN:2024" gives 50/2024/QH15), so a search by name also finds citations by number.
    public static func knownNumbers(forNamedKey namedKey: String) -> [DocNumber] {
        KnownReferences.numbers(forNamedKey: namedKey).compactMap(DocNumberParser.parse)
    }
}

extension String {
    func utf8Slice(_ start: Int, _ end: Int) -> String {
        let u = utf8
        return String(decoding: u[u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: end)], as: UTF8.self)
    }
}
