import Foundation

/// Finds dates written "ngày 13 tháng 8 năm 2021", "ngày 13/8/2021", "13-8-2021", "12.6.2021" in folded text.
enum DateScanner {
    private static let ngay = Array("NGAY".utf8)
    private static let thang = Array("THANG".utf8)
    private static let nam = Array("NAM".utf8)

    /// The first "ngày …" date whose "ngày" starts before `limit`; returns the ISO date and the index of "ngày".
    static func firstDate(in t: RefText, limit: Int) -> (String, Int)? {
        var i = 0
        while i < min(t.count, limit) {
            if t.matchesWord(ngay, at: i), let (date, _) = date(in: t, at: i + 4) { return (date, i) }
            i += 1
        }
        return nil
    }

    /// A date starting at `i` (blanks and an optional "ngày" skipped); returns the ISO date and its end.
    static func date(in t: RefText, at start: Int) -> (String, Int)? {
        var i = skip(t, start)
        if t.matchesWord(ngay, at: i) { i = skip(t, i + 4) }
        guard let (day, afterDay) = digits(t, i, max: 2) else { return nil }
        var j = skip(t, afterDay)
        var month: Int
        var year: Int
        if j + 5 <= t.count, Array(t.folded[j..<j + 5]) == thang, !t.isLetter(j + 5), !t.isAlnum(j - 1) {
            guard let (m, afterMonth) = digits(t, skip(t, j + 5), max: 2) else { return nil }
            j = skip(t, afterMonth)
            guard t.matchesWord(nam, at: j), let (y, afterYear) = digits(t, skip(t, j + 3), max: 4), afterYear - skip(t, j + 3) == 4 else { return nil }
            month = m; year = y; j = afterYear
        } else {
            guard j < t.count, [0x2F, 0x2D, 0x2E].contains(t.folded[j]) else { return nil }
            let sep = t.folded[j]
            guard let (m, afterMonth) = digits(t, skip(t, j + 1), max: 2) else { return nil }
            j = skip(t, afterMonth)
            guard j < t.count, t.folded[j] == sep, let (y, afterYear) = digits(t, skip(t, j + 1), max: 4),
                  afterYear - skip(t, j + 1) == 4 else { return nil }
            month = m; year = y; j = afterYear
        }
        guard (1...31).contains(day), (1...12).contains(month), (1900...2100).contains(year) else { return nil }
        return (String(format: "%04d-%02d-%02d", year, month, day), j)
    }

    static func hasDigits(_ s: String) -> Bool { s.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    private static func skip(_ t: RefText, _ i: Int) -> Int {
        var j = i
        while t.isBlank(j) || (j < t.count && t.folded[j] == 0x2A) { j += 1 }
        return j
    }

    private static func digits(_ t: RefText, _ i: Int, max: Int) -> (Int, Int)? {
        var j = i
        var value = 0
        while t.isDigit(j), j - i < max {
            value = value * 10 + Int(t.folded[j] - 0x30)
            j += 1
        }
        guard j > i, !t.isAlnum(j) else { return nil }
        return (value, j)
    }
}
