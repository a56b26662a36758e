import Foundation
import Testing
import Xapian
import ZIPFoundation
@testable import VanBan

/// Helpers shared by the indexer, reader, extract and fault tests.
enum IndexKit {
    /// Runs the indexer in process over `roots` into `index`.
    @discardableResult
    static func index(_ roots: [URL], into index: String, jobs: Int = 2, shards: Int? = nil, rebuild: Bool = false) throws -> IndexReport {
        var options = IndexOptions(roots: roots, indexPath: index, jobs: jobs, rebuild: rebuild)
        if let shards { options.shards = shards }
        return try Indexer(options: options).run(stop: StopRequest())
    }

    /// File names (last path component) of the documents matching `query`, best first.
    static func names(_ query: String, in index: String) throws -> [String] {
        var options = SearchOptions()
        options.limit = 100
        options.suggest = false
        return try SearchIndex(locations: [index]).search(query, options: options).results
            .map { URL(fileURLWithPath: $0.path).lastPathComponent }
    }

    /// The stored document of the file named `name`.
    static func stored(_ name: String, in index: String) throws -> StoredDocument? {
        try SearchIndex(locations: [index]).allDocuments().first { URL(fileURLWithPath: $0.document.path).lastPathComponent == name }?.document
    }

    /// A minimal Word document whose body holds `paragraphs` (and one two-cell table row).
    static func makeDOCX(at url: URL, paragraphs: [String], cells: [String] = []) throws {
        let runs = paragraphs.map { "<w:p><w:r><w:t xml:space=\"preserve\">\(escape($0))</w:t></w:r></w:p>" }.joined()
        let table = cells.isEmpty ? "" : "<w:tbl><w:tr>" + cells.map { "<w:tc><w:p><w:r><w:t>\(escape($0))</w:t></w:r></w:p></w:tc>" }.joined() + "</w:tr></w:tbl>"
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(table)\(runs)</w:body></w:document>
        """
        let contentTypes = """
        <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (name, text) in [("[Content_Types].xml", contentTypes), ("word/document.xml", xml)] {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }

    /// Checks that every document of the index is whole: decodable data with a path, its card, an id term,
    /// a format term and, when it has text, body terms. Returns the document count.
    static func assertWholeDocuments(_ index: String) throws -> Int {
        let db = try Database(path: index)
        var count = 0
        for (term, _) in try db.allTerms(prefix: Schema.Prefix.id) {
            for docid in try db.postings(term) {
                let doc = try db.document(docid)
                let stored = try StoredDocument.decode(doc.data, text: TextPieces.text(of: doc))
                #expect(!stored.path.isEmpty)
                let card = try doc.withValue(Schema.Slot.card, Schema.HitCard.decode)
                #expect(card?[0] == stored.path && card?[1] == stored.number && card?[5] == stored.title)
                #expect(Terms.id(path: stored.path) == term)
                let terms = try db.termList(docid).map(\.term)
                #expect(terms.contains(term))
                #expect(terms.contains(Schema.Prefix.format + stored.format))
                if !stored.text.isEmpty { #expect(terms.contains { $0.hasPrefix(Schema.Prefix.exact) }) }
                count += 1
            }
        }
        #expect(try count == db.documentCount)
        return count
    }

    /// A generated official-looking document, different for each `i`.
    static func generatedText(_ i: Int) -> String {
        let words = ["ngân sách", "đầu tư", "công chức", "giáo dục", "y tế", "đất đai", "thuế", "giao thông", "môi trường", "nông nghiệp"]
        var text = """
        ỦY BAN NHÂN DÂN
        TỈNH BẮC NINH
        Số: \(i + 1)/QĐ-UBND
        Bắc Ninh, ngày 12 tháng 3 năm 2024

        QUYẾT ĐỊNH
        Về việc \(words[i % words.count]) năm 2024 mã \(i)

        Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
        Căn cứ Nghị định số 15/2020/NĐ-CP ngày 3 tháng 2 năm 2020 của Chính phủ;

        """
        for j in 0..<12 {
            text += "Điều \(j + 1). Giao Sở \(words[(i + j) % words.count]) chủ trì, phối hợp với các cơ quan liên quan tổ chức thực hiện nhiệm vụ về \(words[(i * 7 + j) % words.count]) trên địa bàn tỉnh, báo cáo kết quả trước ngày 31 tháng 12.\n"
        }
        return text
    }

    /// Writes `count` generated documents into `folder`.
    static func generateCorpus(_ count: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for i in 0..<count {
            try Data(generatedText(i).utf8).write(to: folder.appendingPathComponent(String(format: "vb-%05d.txt", i)))
        }
    }
}
