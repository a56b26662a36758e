import VietText

/// Parses and finds Vietnamese document numbers (state, Party and trade-union shapes).
///
/// Accepted spellings: any letter case, with or without marks (`565-CV/DDTLD`), Ð for Đ, en dashes
/// and spaces around the separators (`565 – CV / ĐĐTLĐ`), swapped separators (`565/CV-ĐĐTLĐ`,
/// `02/NQ-TW`), the old `144 /2002/QĐ/BTC`, and a leading "số" / "Số:". `parse` also takes loose
/// query forms such as `565 cv ddtld` and `nd-cp 145/2020`.
///
/// In running text (`find`) each symbol group must start with a capital letter and be upper case
/// apart from the known mixed-case abbreviations (`CTr`, `Ctr`, `QĐi`, `TTr`, `TTg`, `ThU`…) and an
/// issuer part like `KTr5` written against its `-` after a first group in capitals, so dates (`13/8/2021`),
/// fractions (`1/2`, `80/82`), `24/7`, `COVID-19`, units and words glued on (`QĐ-TTgcủa`) are never numbers.
/// A `.` or `&` between letters or digits, with no space, joins two parts of an issuer group (`CCTKV.05`,
/// `E.K.LM`, `VB&TDTHPL`); a full stop before a space, a decimal and a dot after the type slot join nothing.
public enum DocNumberParser {
    /// Parses a whole string holding one number; nil when it is not a document number.
    public static func parse(_ s: String) -> DocNumber? {
        let t = RefText(s)
        var i = skipBlanks(t, 0)
        i = skipSoPrefix(t, i)
        if let (number, end) = scan(t, at: i, strictCase: false) {
            var j = end
            while j < t.count, t.isBlank(j) || t.folded[j] == 0x2E || t.folded[j] == 0x2C || t.folded[j] == 0x3B { j += 1 }
            if j == t.count { return number }
        }
        return parseLoose(t, from: i)
    }

    /// The number a file name spells, the way archives name documents: `145-2020-nd-cp.pdf`, `565_CV_DDTLD.docx`,
    /// `11520-vpcp-cn-2025.txt` (a year after the symbol, the year of issue, is dropped). Nil unless the whole name
    /// before the extension is one number whose symbol starts with a type abbreviation or a known issuer code,
    /// so "01-bao-cao.txt" is no number.
    public static func parseFileName(_ fileName: String) -> DocNumber? {
        var stem = Substring(fileName)
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        guard stem.first?.isNumber == true else { return nil }
        var parts = stem.split { $0 == "-" || $0 == "_" || $0 == " " }
        if parts.count > 2, let last = parts.last, last.count == 4, last.allSatisfy(\.isNumber),
           parts[parts.count - 2].first?.isLetter == true {
            parts.removeLast()
        }
        guard let symbol = parts.first(where: { $0.first?.isLetter == true }),
              DocType.canonicalAbbreviation(String(symbol)) != nil || IssuerCodes.isKnown(String(symbol)) else { return nil }
        return parseLoose(RefText(parts.joined(separator: " ")), from: 0)
    }

    /// Every document number in running text, in order, with UTF-8 offsets into `text`.
    public static func find(in text: String) -> [NumberMatch] {
        let t = RefText(text)
        return find(in: t).map { NumberMatch(number: $0.number, start: t.offsets[$0.start], end: t.offsets[$0.end]) }
    }

    /// Parses a short reference: "Nghị quyết 02", "NQ 02", "Chỉ thị số 05", "NĐ 145".
    public static func parsePartial(_ s: String) -> PartialRef? {
        let t = RefText(s)
        let i = skipBlanks(t, 0)
        guard let (type, afterType) = matchTypeWord(t, at: i) else { return nil }
        var j = skipSoPrefix(t, skipBlanks(t, afterType))
        let digitsStart = j
        while t.isDigit(j) { j += 1 }
        guard j > digitsStart, j - digitsStart <= 5 else { return nil }
        let rest = skipBlanks(t, j)
        guard rest == t.count else { return nil }
        return PartialRef(type: type, number: t.foldedString(digitsStart, j))
    }

    // MARK: - Scanning over RefText

    struct Found {
        let number: DocNumber
        let start: Int
        let end: Int
    }

    static func find(in t: RefText) -> [Found] {
        var out: [Found] = []
        var i = 0
        while i < t.count {
            guard t.isDigit(i) else { i += 1; continue }
            var runEnd = i
            while t.isDigit(runEnd) { runEnd += 1 }
            if canStartNumber(t, i), let (number, end) = scan(t, at: i, strictCase: true) {
                out.append(Found(number: number, start: i, end: end))
                i = end
            } else {
                i = runEnd
            }
        }
        return out
    }

    /// A number may start after a non-alphanumeric scalar other than `/ - .`, or right after a glued "số".
    static func canStartNumber(_ t: RefText, _ i: Int) -> Bool {
        let p = i - 1
        if p < 0 { return true }
        let b = t.folded[p]
        if t.isDigit(p) { return false }
        if t.isLetter(p) {
            return p >= 1 && t.folded[p] == 0x4F && t.folded[p - 1] == 0x53 && !t.isAlnum(p - 2)
        }
        // "QCVN 97:2025/BNNMT", "TCVN 8467:2010": a standard's year, not a number.
        if b == 0x3A, t.isDigit(p - 1) { return false }
        return b != 0x2F && b != 0x2D && b != 0x2E
    }

    /// Skips "số", "Số:", "so" before a number.
    static func skipSoPrefix(_ t: RefText, _ i: Int) -> Int {
        guard i + 1 < t.count, t.folded[i] == 0x53, t.folded[i + 1] == 0x4F, !t.isLetter(i + 2) else { return i }
        var j = i + 2
        while t.isSpace(j) { j += 1 }
        if j < t.count, t.folded[j] == 0x3A { j += 1 }
        return skipBlanks(t, j)
    }

    static func skipBlanks(_ t: RefText, _ i: Int) -> Int {
        var j = i
        while t.isBlank(j) { j += 1 }
        return j
    }

    private struct Group {
        let sep: UInt8
        let text: String
        let folded: String
        let isYear: Bool
        /// No lower-case letter in it.
        let allUpper: Bool
        let end: Int
    }

    /// Where a symbol group ending at `k` ends once the parts joined to it are read: a `.` or `&` between
    /// letters or digits, with no space, joins two parts of one issuer (`CCTKV.05`, `E.K.LM`, `VB&TDTHPL`), each
    /// letters then digits, or digits. Not a decimal (`QH14.5`: digits on both sides), nor a full stop before a
    /// space or a lower-case word (`4814/CCTKV. Theo`, `4814/CCTKV.Theo` in running text).
    static func joinedPartsEnd(_ t: RefText, _ k: Int, strictCase: Bool) -> Int {
        var end = k
        while end + 1 < t.count, t.folded[end] == 0x2E || t.folded[end] == 0x26, t.isAlnum(end + 1),
              !(t.isDigit(end - 1) && t.isDigit(end + 1)) {
            var m = end + 1
            while t.isLetter(m) { m += 1 }
            while t.isDigit(m) { m += 1 }
            guard !t.isLetter(m) else { break }
            if strictCase, ((end + 1)..<m).contains(where: { t.isLetter($0) && !t.upper[$0] }) { break }
            end = m
        }
        return end
    }

    /// A mixed-case issuer part in running text (`KTr5` in `9172/HAN-KTr5`, `BSGBTr`): written against a `-`
    /// after a first symbol group in capitals, with two capitals or more and a single lower-case letter, so that
    /// words of the sentence glued to a number (`QĐ-TTgcủa`, `UBNDngày`) stay out.
    private static func isMixedIssuerPart(_ t: RefText, _ start: Int, _ end: Int, sep: UInt8, after groups: [Group]) -> Bool {
        guard sep == 0x2D, let first = groups.first(where: { !$0.isYear }), first.allUpper else { return false }
        var upper = 0, lower = 0
        for i in start..<end where t.isLetter(i) {
            if t.upper[i] { upper += 1 } else { lower += 1 }
        }
        return upper >= 2 && lower == 1
    }


    /// Reads `N (sep GROUP)+` starting at the digits at `i`, and interprets it.
    static func scan(_ t: RefText, at i: Int, strictCase: Bool) -> (DocNumber, Int)? {
        var j = i
        while t.isDigit(j) { j += 1 }
        let digitCount = j - i
        guard digitCount >= 1, digitCount <= 5 else { return nil }
        // The serial may go on: a letter or "bis" (30a/2008/NQ-CP, 123bis/…), or a dot and an ordinal
        // (66.7/2025/NQ-CP, the Government's numbered resolutions; 1.74-TT/BCSĐ, as one with a Party issuer is
        // printed); a year or a type must then follow.
        var digits = t.foldedString(i, i + digitCount)
        var lettered = false
        let bis = j + 3 <= t.count && Array(t.folded[j..<(j + 3)]) == Array("BIS".utf8) && !t.isAlnum(j + 3)
        if bis || (t.isLetter(j) && !t.isAlnum(j + 1)) {
            let end = bis ? j + 3 : j + 1
            digits += t.foldedString(j, end).lowercased()
            j = end
            lettered = true
        } else if j + 1 < t.count, t.folded[j] == 0x2E, t.isDigit(j + 1) {
            var k = j + 1
            while t.isDigit(k) { k += 1 }
            if k - j <= 4, k < t.count, t.folded[k] == 0x2F || t.folded[k] == 0x2D {
                digits += "." + t.foldedString(j + 1, k)
                j = k
                lettered = true
            }
        }
        var groups: [Group] = []
        while true {
            var k = j
            var spaces = 0
            while t.isSpace(k), spaces < 2 { k += 1; spaces += 1 }
            guard k < t.count, t.folded[k] == 0x2F || t.folded[k] == 0x2D else { break }
            let sep = t.folded[k]
            let k0 = k
            k += 1
            spaces = 0
            while t.isSpace(k), spaces < 2 { k += 1; spaces += 1 }
            let start = k
            if t.isDigit(k) {
                while t.isDigit(k) { k += 1 }
                let value = t.foldedString(start, k)
                guard groups.isEmpty, sep == 0x2F, k - start == 4, value.hasPrefix("19") || value.hasPrefix("20"),
                      !t.isLetter(k) else { break }
                groups.append(Group(sep: sep, text: value, folded: value, isYear: true, allUpper: true, end: k))
                j = k
                continue
            }
            guard t.isLetter(k) else { break }
            while t.isLetter(k) { k += 1 }
            while t.isDigit(k) { k += 1 }
            guard !t.isLetter(k) else { break }
            let allUpper = (start..<k).allSatisfy { !t.isLetter($0) || t.upper[$0] }
            if strictCase {
                guard t.upper[start] else { break }
                let tight = start == k0 + 1 && k0 == j
                // Mixed-case spellings have no vowel marks (`Thú` is a word, not `ThU`).
                let plain = (start..<k).allSatisfy { t.scalars[$0].isASCII || t.folded[$0] == 0x44 }
                guard allUpper || (plain && DocumentTypes.mixedCaseSpellings.contains(t.foldedString(start, k)))
                        || (tight && isMixedIssuerPart(t, start, k, sep: sep, after: groups)) else { break }
            }
            // Parts join only in the issuer part: not to a type in the type slot (`12/QĐ.UBND`).
            if !strictCase || allUpper, groups.contains(where: { !$0.isYear }) || DocType.canonicalAbbreviation(t.string(start, k)) == nil {
                k = joinedPartsEnd(t, k, strictCase: strictCase)
            }
            groups.append(Group(sep: sep, text: t.string(start, k), folded: t.foldedString(start, k), isYear: false,
                                allUpper: allUpper, end: k))
            j = k
        }
        guard let number = interpret(digits: digits, groups: groups),
              !lettered || number.0.year != nil || number.0.type != nil else { return nil }
        return (number.0, number.1)
    }

    /// Turns the separator/group sequence into a number; returns the number and the end of the last group used.
    private static func interpret(digits: String, groups: [Group]) -> (DocNumber, Int)? {
        guard let first = groups.first else { return nil }
        if first.sep == 0x2D {
            // Party shape N-TYPE/ISSUER[-ISSUER], or the wrong-separator N-TYPE-ISSUER with a Party issuer.
            guard !first.isYear, let type = DocType.canonicalAbbreviation(first.text), groups.count >= 2 else { return nil }
            var issuers: [Group] = []
            for g in groups.dropFirst() {
                if g.isYear || (!issuers.isEmpty && g.sep != 0x2D) { break }
                issuers.append(g)
            }
            let slash = groups[1].sep == 0x2F
            guard slash || isPartyIssuer(issuers[0].folded) else { return nil }
            return (DocNumber(number: digits, year: nil, type: type, issuers: issuers.map(canonicalIssuer), style: .party),
                    issuers.last!.end)
        }
        var rest = groups[...]
        var year: Int?
        if first.isYear {
            year = Int(first.text)
            rest = rest.dropFirst()
            guard let next = rest.first, next.sep == 0x2F else { return nil }
        }
        guard let head = rest.first, !head.isYear else { return nil }
        var type: String?
        var symbol: [Group] = []
        if let t = DocType.canonicalAbbreviation(head.text), rest.count >= 2 {
            type = t
            for (n, g) in rest.dropFirst().enumerated() {
                // After the type a "-" is normal; one "/" is the old style "QĐ/BTC".
                if g.isYear || (n > 0 && g.sep != 0x2D) { break }
                symbol.append(g)
            }
        } else {
            guard DocType.canonicalAbbreviation(head.text) == nil || rest.count >= 2 else { return nil }
            guard head.folded.count >= 2 else { return nil }
            symbol.append(head)
            for g in rest.dropFirst() {
                if g.isYear || g.sep != 0x2D { break }
                symbol.append(g)
            }
        }
        guard let last = symbol.last else { return nil }
        let issuers = symbol.map(canonicalIssuer)
        let party = year == nil && type != nil && isPartyIssuer(symbol[0].folded)
        return (DocNumber(number: digits, year: year, type: type, issuers: issuers, style: party ? .party : .state), last.end)
    }

    /// Loose query forms: "565 cv ddtld", "nd-cp 145/2020", "QĐ TTg 977".
    private static func parseLoose(_ t: RefText, from start: Int) -> DocNumber? {
        var numbers: [String] = []
        var letters: [String] = []
        var i = start
        while i < t.count {
            let b = t.folded[i]
            if t.isBlank(i) || b == 0x2F || b == 0x2D || b == 0x2E || b == 0x3A { i += 1; continue }
            let s = i
            if t.isDigit(i) {
                while t.isDigit(i) { i += 1 }
                guard !t.isLetter(i) else { return nil }
                numbers.append(t.foldedString(s, i))
            } else if t.isLetter(i) {
                while t.isLetter(i) { i += 1 }
                while t.isDigit(i) { i += 1 }
                guard !t.isLetter(i) else { return nil }
                letters.append(t.string(s, i))
            } else {
                return nil
            }
        }
        // Symbol letters carry no vowel marks (only Đ), and a form that starts with letters must start with a type.
        let plain = letters.allSatisfy { $0.count <= 10 && $0.unicodeScalars.allSatisfy { $0.isASCII || $0 == "Đ" || $0 == "đ" } }
        guard !letters.isEmpty, letters.count <= 5, plain else { return nil }
        if !t.isDigit(start), DocType.canonicalAbbreviation(letters[0]) == nil { return nil }
        guard let serial = numbers.first, serial.count <= 5, numbers.count <= 2 else { return nil }
        var year: Int?
        if numbers.count == 2 {
            let y = numbers[1]
            guard y.count == 4, y.hasPrefix("19") || y.hasPrefix("20") else { return nil }
            year = Int(y)
        }
        let folded = letters.map { RefText.fold($0) }
        if let type = DocType.canonicalAbbreviation(letters[0]), letters.count >= 2 {
            let issuers = letters.dropFirst().map { canonicalIssuerText($0, folded: RefText.fold($0)) }
            let party = year == nil && (DocType.isPartyOnly(type) || isPartyIssuer(folded[1]))
            return DocNumber(number: serial, year: year, type: type, issuers: issuers, style: party ? .party : .state)
        }
        guard DocType.canonicalAbbreviation(letters[0]) == nil else { return nil }
        let issuers = zip(letters, folded).map { canonicalIssuerText($0, folded: $1) }
        return DocNumber(number: serial, year: year, type: nil, issuers: issuers, style: .state)
    }

    /// Party issuer symbols: TW, TU, HU, QU, ThU, ĐU, ĐUK, CB, ĐH; boards ending in TW/TU/HU; ĐĐ… and BCSĐ….
    static func isPartyIssuer(_ folded: String) -> Bool {
        if ["TW", "TU", "HU", "QU", "THU", "DU", "DUK", "CB", "DUCA"].contains(folded) { return true }
        if folded.hasSuffix("TW") { return true }
        if folded.count >= 3, folded.hasPrefix("DD") || folded.hasPrefix("BCSD") { return true }
        if folded.count >= 4, folded.hasSuffix("TU") || folded.hasSuffix("HU"),
           folded.hasPrefix("B") || folded.hasPrefix("UBKT") || folded.hasPrefix("VP") { return true }
        return false
    }

    /// Issuer groups whose canonical spelling has Đ or lower case; used to restore ASCII-typed issuers.
    private static let knownIssuers: [String: String] = {
        let list = ["TLĐ", "ĐĐTLĐ", "ĐCT", "LĐLĐ", "BLĐTBXH", "LĐTL", "HĐND", "ĐU", "ĐUK", "ĐUCA", "BCSĐ", "BCĐ",
                    "BĐNTW", "BGDĐT", "HĐTP", "TTg", "ThU", "CĐN", "CĐCS", "QHLĐ", "ĐCS"]
        var map: [String: String] = [:]
        for s in list { map[RefText.fold(s)] = s }
        return map
    }()

    private static func canonicalIssuer(_ g: Group) -> String { canonicalIssuerText(g.text, folded: g.folded) }

    private static func canonicalIssuerText(_ text: String, folded: String) -> String {
        let upper = RefText.upperSymbol(text)
        if let known = knownIssuers[folded], upper.unicodeScalars.allSatisfy(\.isASCII) || known.uppercased() == upper {
            return known
        }
        return upper
    }

    /// Matches a type word (name or abbreviation) at `i`; returns the canonical abbreviation and the end.
    static func matchTypeWord(_ t: RefText, at i: Int) -> (String, Int)? {
        for (folded, name) in DocType.foldedNamesByFirst[Int(i < t.count ? t.folded[i] : 0)] where t.matchesWord(folded, at: i) {
            guard let abbreviation = DocType.abbreviation(forName: name) else { return nil }
            return (abbreviation, i + folded.count)
        }
        var j = i
        while t.isLetter(j) { j += 1 }
        let letterEnd = j
        guard j > i, j - i <= 4, !t.isDigit(j), t.upper[i], DocType.foldedKeys.contains(Array(t.folded[i..<letterEnd])),
              let abbreviation = DocType.canonicalAbbreviation(t.string(i, letterEnd)) else { return nil }
        if j < t.count, t.folded[j] == 0x2E { j += 1 }
        return (abbreviation, j)
    }
}
