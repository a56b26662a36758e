/// What a text without a usable letterhead still says about itself in its body: the type it calls itself
/// ("Thông tư này quy định …") and the closing formula of a law or resolution ("Luật này đã được Quốc hội
/// … thông qua ngày 20 tháng 6 năm 2012."). ``HeaderExtractor`` uses them only for fields the header
/// does not state.
public enum BodyStatements {
    /// The type the text calls itself most often ("<type> này"), nil when it never does.
    static func selfType(in text: String) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var text = text
        text.withUTF8 { bytes in
            // "này" in NFC: n, à (C3 A0), y.
            var i = 1
            while i + 4 <= bytes.count {
                guard bytes[i] == 0x6E, bytes[i + 1] == 0xC3, bytes[i + 2] == 0xA0, bytes[i + 3] == 0x79,
                      bytes[i - 1] == 0x20, i + 4 == bytes.count || !isWordByte(bytes[i + 4]) else { i += 1; continue }
                var start = max(0, i - 1 - maxTypeBytes)
                while start < i, bytes[start] & 0xC0 == 0x80 { start += 1 }
                let before = RefText(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self))
                if let name = typeName(endingAt: before) {
                    if counts[name] == nil { order.append(name) }
                    counts[name, default: 0] += 1
                }
                i += 4
            }
        }
        var best: String?
        for name in order where best.map({ counts[name]! > counts[$0]! }) ?? true { best = name }
        return best
    }

    /// The adopting body and date of a closing formula "<type> này (đã) được <body> … thông qua ngày …",
    /// searched in the last ``tailBytes`` of the text.
    static func adoption(in text: String) -> (issuer: String, date: String)? {
        let utf8 = text.utf8
        var start = utf8.index(utf8.endIndex, offsetBy: -tailBytes, limitedBy: utf8.startIndex) ?? utf8.startIndex
        while start < utf8.endIndex, utf8[start] & 0xC0 == 0x80 { start = utf8.index(after: start) }
        let t = RefText(String(Substring(text.unicodeScalars[start...])))
        var best: (String, String)?
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard t.matchesWord(thongQua, at: i), let (date, _) = DateScanner.date(in: t, at: i + thongQua.count) else { continue }
            guard let duoc = lastWord(duocWord, in: t, before: i, within: 250),
                  lastWord(nay, in: t, before: duoc, within: 20) != nil else { continue }
            let bodyStart = duoc + duocWord.count + 1
            var bodyEnd = bodyStart
            while bodyEnd < i, !bodyStops.contains(where: { t.matchesWord($0, at: bodyEnd) }), t.folded[bodyEnd] != 0x2C { bodyEnd += 1 }
            let body = t.string(bodyStart, bodyEnd)
            let folded = RefText.fold(body)
            guard adoptingBodies.contains(where: { folded.hasPrefix($0) }) else { continue }
            best = (body.prefix(1).uppercased() + body.dropFirst(), date)
        }
        return best
    }

    /// The number and date an appendix heading gives its parent document, "(Kèm theo Công văn số 174/CV-BCĐ
    /// ngày 02 tháng 12 năm 2025 của …)" or "(Ban hành kèm theo Thông tư số 22/2019/TT-NHNN ngày …)": in a text
    /// with its appendices, the document's own. In order of appearance.
    public static func appendixParents(in text: String) -> [(number: DocNumber, date: String?)] {
        var out: [(DocNumber, String?)] = []
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                defer { i += 1 }
                guard bytes[i] == 0x28 else { continue }  // "("
                var first = i + 1
                while first < bytes.count, bytes[first] == 0x20 { first += 1 }
                guard first < bytes.count, [0x4B, 0x6B, 0x42, 0x62].contains(bytes[first]) else { continue }  // K k B b
                let end = min(bytes.count, i + 400)
                var windowEnd = end
                while windowEnd < bytes.count, bytes[windowEnd] & 0xC0 == 0x80 { windowEnd += 1 }
                let head = RefText(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<windowEnd]), as: UTF8.self))
                var j = 0
                while head.isBlank(j) { j += 1 }
                if head.matchesWord(banHanh, at: j) { j += banHanh.count + 1 }
                guard head.matchesWord(kemTheoWord, at: j),
                      let found = DocNumberParser.find(in: head).first, found.start < j + 60 else { continue }
                var k = found.end
                while head.isBlank(k) || k < head.count && head.folded[k] == 0x2C { k += 1 }
                out.append((found.number, DateScanner.date(in: head, at: k)?.0))
            }
        }
        return out
    }

    /// The date (and the type, when named) a news-style text gives for the issue of the document it is about,
    /// "Ngày 18/11/2025, Bộ Tài chính đã ban hành Công văn 17899/BTC-VP …": a sentence in the first
    /// ``leadBytes`` that opens with a date and says that the document numbered `own` was issued ("ban hành")
    /// then. Nil when no sentence says so; another document's issue, or a date that is not the sentence's
    /// first words, gives nothing.
    public static func issueStatement(in text: String, of own: DocNumber) -> (date: String, type: String?)? {
        let utf8 = text.utf8
        var end = utf8.index(utf8.startIndex, offsetBy: leadBytes, limitedBy: utf8.endIndex) ?? utf8.endIndex
        while end < utf8.endIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(after: end) }
        let t = RefText(String(Substring(text.unicodeScalars[..<end])))
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard t.matchesWord(ngayWord, at: i), !t.isAlnum(i - 1), sentenceStarts(t, at: i),
                  let (date, afterDate) = DateScanner.date(in: t, at: i) else { continue }
            var stop = afterDate
            while stop < min(t.count, afterDate + 300), t.folded[stop] != 0x0A,
                  !(t.folded[stop] == 0x2E && (stop + 1 == t.count || t.isBlank(stop + 1))) { stop += 1 }
            guard let said = (afterDate..<stop).first(where: { t.matchesWord(banHanh, at: $0) && !t.isAlnum($0 - 1) }) else { continue }
            let rest = RefText(t.string(said + banHanh.count, stop))
            if let found = DocNumberParser.find(in: rest).first, found.start < 60, found.number.sameSymbol(as: own) {
                var named = Substring(rest.string(0, found.start))
                while named.last?.isWhitespace == true { named.removeLast() }
                if RefText.fold(String(named)).hasSuffix(" SO") { named = named.dropLast(2) }
                return (date, typeName(endingAt: RefText(String(named))))
            }
        }
        return nil
    }

    /// Whether position `i` opens a sentence: the text's start, or only blanks since a line break or a full stop.
    private static func sentenceStarts(_ t: RefText, at i: Int) -> Bool {
        var j = i - 1
        while t.isSpace(j) { j -= 1 }
        return j < 0 || t.folded[j] == 0x0A || t.folded[j] == 0x2E
    }

    static let leadBytes = 1_500
    private static let ngayWord = Array("NGAY".utf8)
    static let tailBytes = 4096
    private static let kemTheoWord = Array("KEM THEO".utf8)
    private static let banHanh = Array("BAN HANH".utf8)
    private static let maxTypeBytes = 24
    private static let thongQua = Array("THONG QUA".utf8)
    private static let duocWord = Array("DUOC".utf8)
    private static let nay = Array("NAY".utf8)
    private static let bodyStops = ["NUOC", "KHOA", "KY HOP", "TAI KY HOP", "THONG QUA"].map { Array($0.utf8) }
    private static let adoptingBodies = ["QUOC HOI", "UY BAN THUONG VU QUOC HOI", "HOI DONG NHAN DAN"]

    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x30 && b <= 0x39
    }

    /// The type name that `t` ends with, starting at a word boundary ("… Bộ luật" → "Bộ luật").
    private static func typeName(endingAt t: RefText) -> String? {
        var end = t.count
        while end > 0, t.isSpace(end - 1) { end -= 1 }
        for (folded, name) in DocType.foldedNames where name != "Văn bản" && folded.count <= end {
            let from = end - folded.count
            guard !t.isAlnum(from - 1), Array(t.folded[from..<end]) == folded else { continue }
            return name
        }
        return nil
    }

    /// The index of the last whole `word` that starts in `[before - within, before)`.
    private static func lastWord(_ word: [UInt8], in t: RefText, before: Int, within: Int) -> Int? {
        var j = before - 1
        while j >= max(0, before - within) {
            if t.matchesWord(word, at: j) { return j }
            j -= 1
        }
        return nil
    }
}
