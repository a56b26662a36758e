import Foundation
import Testing
@testable import DocRefs

/// Compares header extraction with ../shared/corpus-vn/manifest.jsonl.
///
/// Normalisation: fold case and marks, Đ → D, keep letters and digits only. Number: equal keys.
/// Type, date: equal after normalisation. Issuer: the manifest names the issuing place or body
/// ("Tỉnh Bắc Ninh", "Bộ Tài chính") while the header prints "ỦY BAN NHÂN DÂN TỈNH BẮC NINH", so they
/// agree when the normalised manifest issuer is contained in the normalised extracted issuer + parent line (either order:
/// Party headers print "BAN CHẤP HÀNH TRUNG ƯƠNG / VĂN PHÒNG" for "Văn phòng Ban Chấp hành Trung ương").
///
/// Population: a document counts for a field when the manifest states the field AND the text carries a
/// letterhead ("Số" line or national/Party motto in its first 40 lines). Texts without one (vbpl-review
/// chapters, TVPL pages that start at "Kính gửi", Q&A articles) cannot state the field; they are
/// reported separately as coverage and not failed.
struct ManifestTests {
    struct Row: Decodable {
        let file: String
        let number: String?
        let type: String?
        let issuer: String?
        let date: String?
    }

    static func hasLetterhead(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").prefix(40).map { String($0) }
        return lines.contains { original in
            let line = RefText.fold(original)
            let capitals = original == original.uppercased()
            return line.contains("DOC LAP - TU DO") || capitals && (line.contains("DANG CONG") || line.contains("CONG HOA XA"))
                || (line.hasPrefix("SO") && line.dropFirst(2).drop { $0 == " " || $0 == ":" }.first?.isNumber == true)
        }
    }

    @Test(.enabled(if: SharedData.available, "../shared is absent: no corpus to compare with"))
    func headerFieldsAgreeWithManifest() throws {
        let root = try #require(SharedData.root).appendingPathComponent("corpus-vn")
        let lines = try String(contentsOf: root.appendingPathComponent("manifest.jsonl"), encoding: .utf8).split(separator: "\n")
        var agree: [String: Int] = [:], total: [String: Int] = [:], outside: [String: (Int, Int)] = [:]
        var disagreements: [String: [String]] = [:]
        for line in lines {
            let row = try JSONDecoder().decode(Row.self, from: Data(line.utf8))
            let text = try String(contentsOf: root.appendingPathComponent(row.file), encoding: .utf8)
            let h = HeaderExtractor.extract(from: text)
            let letterhead = Self.hasLetterhead(text)
            let fields: [(String, String?, String?, Bool)] = [
                ("number", row.number, h.number?.display,
                 row.number.flatMap(DocNumberParser.parse)?.key == h.number?.key && h.number != nil),
                ("type", row.type, h.type, h.type.map(RefText.alnumKey) == row.type.map(RefText.alnumKey)),
                ("issuer", row.issuer, [h.parentIssuer, h.issuer].compactMap { $0 }.joined(separator: " / "),
                 row.issuer.map { issuer in
                     [[h.parentIssuer, h.issuer], [h.issuer, h.parentIssuer]].contains {
                         RefText.alnumKey($0.compactMap { $0 }.joined(separator: " ")).contains(RefText.alnumKey(issuer))
                     }
                 } ?? false),
                ("date", row.date, h.date, h.date == row.date),
            ]
            for (name, expected, got, ok) in fields where expected != nil {
                if letterhead {
                    total[name, default: 0] += 1
                    if ok { agree[name, default: 0] += 1 } else {
                        disagreements[name, default: []].append("\(row.file): manifest \(expected!) | extracted \(got ?? "nil")")
                    }
                } else {
                    let (a, n) = outside[name] ?? (0, 0)
                    outside[name] = (a + (ok ? 1 : 0), n + 1)
                }
            }
        }
        for name in ["number", "type", "issuer", "date"] {
            let a = agree[name] ?? 0, n = total[name] ?? 0
            let ratio = n == 0 ? 0 : Double(a) / Double(n)
            let (oa, on) = outside[name] ?? (0, 0)
            print("manifest \(name): \(a)/\(n) agree (\(String(format: "%.1f", ratio * 100))%) on documents with a letterhead; \(oa)/\(on) without one")
            for d in disagreements[name] ?? [] { print("  \(name) disagreement: \(d)") }
            #expect(n > 0)
            #expect(ratio >= 0.95, "\(name) agreement \(a)/\(n)")
        }
    }
}
