import DocRefs
import Foundation
import TestTags
import Testing
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
    struct Row: Decodable {
        let file: String
        let number: String?
        let type: String?
        let issuer: String?
        let date: String?
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
        let root = Paths.shared.appendingPathComponent("corpus-vn")
        let lines = try String(contentsOf: root.appendingPathComponent("manifest.jsonl"), encoding: .utf8).split(separator: "\n")
        let registry = ReaderRegistry()
        var agree: [String: Int] = [:], total: [String: Int] = [:], disagreements: [String: [String]] = [:]
        for line in lines {
            let row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            let url = root.appendingPathComponent(row.file)
            let file = try registry.read(url)
            let m = DocumentMetadata.extract(from: file, fileName: url.lastPathComponent)
            let h = m.header
            let issuerLines = [[h.parentIssuer, h.issuer], [h.issuer, h.parentIssuer]].map { Self.key($0.compactMap { $0 }.joined(separator: " ")) }
            var fields: [(String, String?, String?, Bool)] = [
                ("number", row.number, h.number?.display, h.number != nil && row.number.flatMap(DocNumberParser.parse)?.key == h.number?.key),
                ("type", row.type, m.type, m.type.map(Self.key) == row.type.map(Self.key)),
                ("issuer", row.issuer, h.issuer, row.issuer.map { issuer in issuerLines.contains { $0.contains(Self.key(issuer)) } } ?? false),
                ("date (all)", row.date, h.date, h.date == row.date),
            ]
            if let date = row.date, Self.writes(date, in: file.text) {
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
