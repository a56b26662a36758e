import DocRefs
import Foundation
import TestTags
import Testing
import VietText
import VanBan

/// Compares what `vanban extract` reads (``DocumentMetadata``, file name included) with
/// ../shared/corpus-vn/manifest.jsonl.
///
/// Normalisation: fold case and marks, Đ → D, keep letters and digits only. Number: equal keys. Type, date:
/// equal after normalisation. Issuer: the manifest names the body or its place ("Tỉnh Bắc Ninh", "Bộ Tài chính")
/// while the header prints "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", so they agree when the manifest's issuer is contained
/// in the extracted issuer joined with its parent line, in either order.
///
/// Population: every document where the manifest states the field. For the date, some texts (vbpl.vn chapters,
/// news-style summaries) never write their date: the manifest took it from the web page, and VanBan does not
/// guess one. The date target therefore applies to the documents whose text writes the manifest's date
/// somewhere ("ngày 5 tháng 3 năm 2021", "05/3/2021", "5.3.2021"); the figure over all is printed too.
struct ManifestTests {
    struct Row: Decodable, Sendable {
        let file: String
        let number: String?
        let type: String?
        let issuer: String?
        let date: String?
        let title: String?
    }

    /// A manifest row, its text and what ``DocumentMetadata`` reads from it.
    struct Extracted: Sendable {
        let row: Row
        let text: String
        let metadata: DocumentMetadata
    }

    /// Every manifest document, read and extracted once for the tests below.
    static let corpus: Result<[Extracted], any Error> = Result {
        let root = Paths.shared.appendingPathComponent("corpus-vn")
        let lines = try String(contentsOf: root.appendingPathComponent("manifest.jsonl"), encoding: .utf8).split(separator: "\n")
        let registry = ReaderRegistry()
        return try lines.map { line in
            let row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            let url = root.appendingPathComponent(row.file)
            let file = try registry.read(url)
            return Extracted(row: row, text: file.text, metadata: DocumentMetadata.extract(from: file, fileName: url.lastPathComponent))
        }
    }

    static func key(_ s: String) -> String {
        String(String.UnicodeScalarView(s.lowercased().replacingOccurrences(of: "đ", with: "d")
            .decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }))
    }

    /// Whether `text` writes the ISO `date` in one of the usual forms (day and month with or without a zero).
    static func writes(_ date: String, in text: String) -> Bool {
        let parts = date.split(separator: "-").map(String.init)
        guard parts.count == 3, let d = Int(parts[2]), let m = Int(parts[1]) else { return false }
        let folded = text.lowercased().replacingOccurrences(of: "\n", with: " ")
        let days = Set(["\(d)", String(format: "%02d", d)]), months = Set(["\(m)", String(format: "%02d", m)])
        for day in days {
            for month in months {
                if folded.contains("ngày \(day) tháng \(month) năm \(parts[0])") { return true }
                for sep in ["/", ".", "-"] where folded.contains("\(day)\(sep)\(month)\(sep)\(parts[0])") { return true }
            }
        }
        return false
    }

    @Test(.enabled(if: Paths.sharedAvailable, "../shared is absent: no corpus to compare with"), .tags(.slow), .notInFastLoop)
    func extractionAgreesWithManifest() throws {
        var agree: [String: Int] = [:], total: [String: Int] = [:], disagreements: [String: [String]] = [:]
        for document in try Self.corpus.get() {
            let (row, m) = (document.row, document.metadata)
            let h = m.header
            let issuerLines = [[h.parentIssuer, h.issuer], [h.issuer, h.parentIssuer]].map { Self.key($0.compactMap { $0 }.joined(separator: " ")) }
            var fields: [(String, String?, String?, Bool)] = [
                ("number", row.number, h.number?.display, h.number != nil && row.number.flatMap(DocNumberParser.parse)?.key == h.number?.key),
                ("type", row.type, m.type, m.type.map(Self.key) == row.type.map(Self.key)),
                ("issuer", row.issuer, h.issuer, row.issuer.map { issuer in issuerLines.contains { $0.contains(Self.key(issuer)) } } ?? false),
                ("date (all)", row.date, h.date, h.date == row.date),
            ]
            if let date = row.date, Self.writes(date, in: document.text) {
                fields.append(("date", row.date, h.date, h.date == row.date))
            }
            for (name, expected, got, ok) in fields where expected != nil {
                total[name, default: 0] += 1
                if ok { agree[name, default: 0] += 1 } else {
                    disagreements[name, default: []].append("\(row.file): manifest \(expected!) | extracted \(got ?? "nil")")
                }
            }
        }
        for name in ["number", "type", "issuer", "date", "date (all)"] {
            let a = agree[name] ?? 0, n = total[name] ?? 0
            let ratio = n == 0 ? 0 : Double(a) / Double(n)
            print("manifest \(name): \(a)/\(n) agree (\(String(format: "%.1f", ratio * 100))%)")
            for d in disagreements[name] ?? [] where name != "date (all)" { print("  \(name) disagreement: \(d)") }
            #expect(n > 100)
            if name != "date (all)" { #expect(ratio >= 0.95, "\(name) agreement \(a)/\(n)") }
        }
    }
}

/// Whole titles against the manifest's (goal: 95% exact).
///
/// Truth. A manifest title can serve where the site made it from the document's subject: the thuvienphapluat
/// pages' titles "<type> <number> [năm YYYY] <subject> [do <issuer> ban hành | do <issuer> điện]", the rows whose
/// title holds their number. The subject is what follows the number, without "năm YYYY" and the closing
/// "do … ban hành" / "do … điện". Counted: those rows whose text has a letterhead (the motto "Cộng hòa xã hội chủ
/// nghĩa Việt Nam" or "Đảng Cộng sản Việt Nam") and whose subject is written word for word in it, between the motto
/// and the first line opening with "Căn cứ", "- Căn cứ", "Kính gửi" or "Thực hiện".
///
/// Excluded (counts printed): rows without such a title (the vbpl.vn laws' curated titles and the legacy
/// transcripts, which have no letterhead either; news and Q&A pages, titled by their headline); texts without a
/// letterhead (the page held the body only); and subjects the site rewrote, which no document writes: it drops
/// "trong" and "mới ban hành", adds the province, shortens a cited document to its number, or takes the subject
/// from the body. A subject the site shortened at its start ("của Bộ Chính trị, Ban Bí thư về …" → "về …") is still
/// written in the letterhead, so it is counted, and fails.
///
/// Comparison: both sides normalised (NFC, look-alike dashes and spaces mapped, one tone placement), in lower case,
/// spaces collapsed; the lead words the site drops or rewrites ("V/v", "Về việc", "Về", and "Ban hành", which it
/// writes "về") and closing punctuation removed from both; then equal.
struct ManifestTitleTests {
    /// `s` normalised, lower case, spaces (line breaks too) collapsed.
    static func plain(_ s: some StringProtocol) -> String {
        Normalizer.exactForm(String(s)).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }

    /// `plain(s)` without the lead words the site drops or rewrites and without closing punctuation.
    static func comparable(_ s: String) -> String {
        var t = Substring(plain(s))
        var changed = true
        while changed {
            changed = false
            for lead in ["v/v", "(v/v", "về việc", "về", "ban hành"] where t.hasPrefix(lead) {
                let rest = t.dropFirst(lead.count)
                guard rest.isEmpty || rest.first == " " || rest.first == ":" else { continue }
                t = rest.drop { $0 == " " || $0 == ":" }
                changed = true
            }
        }
        while let last = t.last, ".,;:".contains(last) || last == " " { t = t.dropLast() }
        return String(t)
    }

    /// The subject in the site's title "<type> <number> [năm YYYY] <subject> [do … ban hành | do … điện]".
    static func siteSubject(title: String, number: String) -> String? {
        let t = plain(title)
        guard let at = t.range(of: plain(number)) else { return nil }
        var subject = t[at.upperBound...].drop { $0 == " " }
        if subject.hasPrefix("năm "), subject.dropFirst(4).prefix(4).allSatisfy(\.isNumber) { subject = subject.dropFirst(8).drop { $0 == " " } }
        if let by = subject.range(of: " do ", options: .backwards) {
            let tail = subject[by.upperBound...]
            if (tail.hasSuffix(" ban hành") || tail.hasSuffix(" điện")), !tail.contains(","), !tail.contains(";") {
                subject = subject[..<by.lowerBound]
            }
        }
        return comparable(String(subject))
    }

    static let mottos = ["cộng hoà xã hội chủ nghĩa việt nam", "đảng cộng sản việt nam"]
    static let bodyOpenings = ["căn cứ", "- căn cứ", "kính gửi", "thực hiện"]

    /// The letterhead: from the motto to the first line opening the body; nil without a motto.
    static func letterhead(_ text: String) -> String? {
        let lines = text.prefix(20_000).split(separator: "\n", omittingEmptySubsequences: false).map(plain)
        let flat = lines.joined(separator: " ")
        guard let motto = mottos.compactMap({ flat.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        // The line holding the motto's start, then the lines up to the body.
        var offset = 0, first = 0
        for (i, line) in lines.enumerated() {
            if offset + line.utf8.count >= flat.utf8.distance(from: flat.startIndex, to: motto.lowerBound) { first = i; break }
            offset += line.utf8.count + 1
        }
        var region: [String] = []
        for (k, line) in lines[first...].enumerated() {
            let opens = bodyOpenings.contains { line.hasPrefix($0) } || line == "kính" && lines.dropFirst(first + k + 1).first?.hasPrefix("gửi") == true
            if k > 0, opens { break }
            region.append(line)
        }
        return region.joined(separator: " ")
    }

    @Test(.enabled(if: Paths.sharedAvailable, "../shared is absent: no corpus to compare with"), .tags(.slow), .notInFastLoop)
    func titlesAgreeWithManifest() throws {
        var counted = 0, exact = 0, noPageTitle = 0, noLetterhead = 0, rewritten = 0
        var failures: [String] = []
        for document in try ManifestTests.corpus.get() {
            let row = document.row
            guard let title = row.title, let number = row.number, let subject = Self.siteSubject(title: title, number: number) else {
                noPageTitle += 1
                continue
            }
            guard let head = Self.letterhead(document.text) else { noLetterhead += 1; continue }
            guard head.contains(subject) else { rewritten += 1; continue }
            counted += 1
            let ours = document.metadata.header.title.map(Self.comparable)
            if ours == subject { exact += 1 } else { failures.append("\(row.file): manifest \(subject) | extracted \(ours ?? "nil")") }
        }
        let ratio = counted == 0 ? 0 : Double(exact) / Double(counted)
        print("manifest title: \(exact)/\(counted) exact (\(String(format: "%.1f", ratio * 100))%); not counted: \(noPageTitle) without "
              + "the site's document title, \(noLetterhead) without a letterhead, \(rewritten) rewritten by the site")
        for f in failures { print("  title disagreement: \(f)") }
        #expect(counted > 100)
        #expect(ratio >= 0.95, "title exact match \(exact)/\(counted)")
    }
}
