import Foundation
import ZIPFoundation

extension CitationList {
    /// The list as a Word document (.docx): a heading and a table of the entries — order, the reference
    /// line, relation, mentions and a note (not in the index, not settled) — ready to paste into a report.
    /// Minimal WordprocessingML: `[Content_Types].xml`, `_rels/.rels` and `word/document.xml`.
    public func docx() throws -> Data {
        func cell(_ text: String, width: Int, bold: Bool = false) -> String {
            let run = bold ? "<w:rPr><w:b/></w:rPr>" : ""
            return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr><w:p><w:r>\(run)"
                + "<w:t xml:space=\"preserve\">\(XML.escape(text))</w:t></w:r></w:p></w:tc>"
        }
        let widths = [600, 5600, 1300, 800, 1700]
        func row(_ fields: [String], bold: Bool = false) -> String {
            "<w:tr>" + zip(fields, widths).map { cell($0, width: $1, bold: bold) }.joined() + "</w:tr>"
        }
        let border = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>" }.joined()
        var rows = [row(["STT", "Văn bản", "Quan hệ", "Số lần", "Ghi chú"], bold: true)]
        for (i, e) in entries.enumerated() {
            let note = e.resolution == .unresolved ? "chưa xác định được văn bản" + (e.reason.map { ": " + $0 } ?? "")
                : (e.inIndex ? "" : "không có trong chỉ mục")
            rows.append(row([String(i + 1), Self.referenceLine(e), e.relationLabel ?? "", String(e.mentions), note]))
        }
        let heading = "<w:p><w:r><w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">"
            + XML.escape("Tài liệu trích dẫn trong \(number ?? source) (\(entries.count))") + "</w:t></w:r></w:p>"
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(heading)\
            <w:tbl><w:tblPr><w:tblW w:w="10000" w:type="dxa"/><w:tblBorders>\(border)</w:tblBorders></w:tblPr>\
            \(rows.joined())</w:tbl><w:p/></w:body></w:document>
            """
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            </Types>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
            </Relationships>
            """
        let archive = try Archive(accessMode: .create)
        for (name, text) in [("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("word/document.xml", document)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { preconditionFailure("an archive made in memory has its data") }
        return data
    }
}

/// XML 1.0 text escaping.
public enum XML {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped and the characters XML 1.0 does not allow
    /// (controls other than tab and line breaks, lone surrogates cannot occur in a String) dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
