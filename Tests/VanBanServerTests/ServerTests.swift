import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VanBan
import ZIPFoundation
@testable import VanBanServer

/// The docid of the fixture document named `name` in `index`.
func docid(_ name: String, in index: String? = nil) throws -> UInt32 {
    let path = try index ?? ServerFixture.shared.get()
    return try #require(try SearchIndex(locations: [path]).allDocuments().first { $0.document.path.hasSuffix("/" + name) }?.docid)
}

@Suite("vanban serve: routes")
struct RouteTests {
    @Test func searchAPIIsTheCLIShape() async throws {
        let index = try ServerFixture.shared.get()
        var options = SearchOptions()
        options.facets = true
        options.limit = 5
        let expected = try SearchIndex(locations: [index]).search("cong doan", options: options)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try await ServerFixture.withServer { client in
            let response = try await client.get("/api/search?q=cong%20doan&facets=true&limit=5")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.text == String(decoding: try encoder.encode(expected), as: UTF8.self))
            let object = try #require(try response.json() as? [String: Any])
            #expect(Set(object.keys) == ["query", "estimated_total", "total_is_exact", "words_apart_total", "left_out", "reading",
                                         "results", "suggestion", "facets"])
            #expect((object["results"] as? [Any])?.count == 5)
        }
    }

    @Test func documentRoutes() async throws {
        let b = try docid("b-cong-van.txt")
        let a = try docid("a-quyet-dinh.txt")
        try await ServerFixture.withServer { client in
            let shown = try #require(try await client.get("/api/document/\(b)").json() as? [String: Any])
            #expect(Set(shown.keys) == ["docid", "document", "text"])
            #expect(shown["docid"] as? Int == Int(b))
            let bare = try #require(try await client.get("/api/document/\(b)?text=false").json() as? [String: Any])
            #expect(bare["text"] == nil)

            let cites = try #require(try await client.get("/api/document/\(b)/cites").json() as? [String: Any])
            let entries = try #require(cites["entries"] as? [[String: Any]])
            #expect(entries.map { $0["number"] as? String } == ["02-NQ/TW", "12/QĐ-TLĐ"])
            #expect(entries.map { $0["in_index"] as? Bool } == [false, true])

            let citedBy = try #require(try await client.get("/api/document/\(a)/cited-by").json() as? [[String: Any]])
            #expect(Set(citedBy.compactMap { $0["docid"] as? Int }).contains(Int(b)))
            #expect(citedBy.allSatisfy { $0["relation_label"] is String && $0["mentions"] is Int })

            let graph = try #require(try await client.get("/api/document/\(a)/graph").json() as? [String: Any])
            #expect((graph["nodes"] as? [[String: Any]])?.contains { $0["id"] as? String == "doc:\(b)" } == true)
        }
    }

    @Test func referenceRoutes() async throws {
        try await ServerFixture.withServer { client in
            let number = try #require(try await client.get("/api/number?q=12%2FQ%C4%90-TL%C4%90").json() as? [String: Any])
            #expect(Set(number.keys) == ["query", "key", "number", "documents", "cited_by"])
            #expect((number["cited_by"] as? [Any])?.count == 2)

            let mentions = try #require(try await client.get("/api/mentions?ref=Ngh%E1%BB%8B%20quy%E1%BA%BFt%2002-NQ%2FTW").json() as? [String: Any])
            #expect(mentions["total_documents"] as? Int == 1)
            #expect(mentions["label"] as? String == "02-NQ/TW")

            let citedBy = try #require(try await client.get("/api/cited-by?ref=02-NQ/TW").json() as? [[String: Any]])
            #expect(citedBy.count == 1)

            let graph = try #require(try await client.get("/api/graph?root=12/Q%C4%90-TL%C4%90&depth=1").json() as? [String: Any])
            #expect((graph["edges"] as? [Any])?.count == 2)
            let openapi = try await client.get("/openapi.json")
            #expect(openapi.status == .ok)
            #expect((try openapi.json() as? [String: Any])?["openapi"] as? String == "3.0.3")
        }
    }

    @Test func pages() async throws {
        let a = try docid("a-quyet-dinh.txt")
        let b = try docid("b-cong-van.txt")
        try await ServerFixture.withServer { client in
            let home = try await client.get("/")
            #expect(home.status == .ok)
            #expect(home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(home.text.contains("name=\"viewport\""))
            #expect(home.text.contains("<html lang=\"vi\">"))
            #expect(try await client.get("/?lang=en").text.contains("<html lang=\"en\">"))

            let search = try await client.get("/?q=cong+doan&type=C%C3%B4ng+v%C4%83n")
            #expect(search.status == .ok)
            #expect(search.text.contains("<mark>"))
            #expect(search.text.contains("rel=\"next\""))
            #expect(search.text.contains("class=\"facets\""))
            #expect(try await client.get("/?q=cong+doan&page=3").text.contains("rel=\"prev\""))

            let doc = try await client.get("/doc/\(b)?q=xang+dau")
            #expect(doc.status == .ok)
            #expect(doc.text.contains("<mark>xăng</mark> <mark>dầu</mark>"))
            #expect(doc.text.contains("href=\"/doc/\(a)\""))
            #expect(doc.text.contains("không có trong chỉ mục"))
            let cited = try await client.get("/doc/\(a)")
            #expect(cited.text.contains("href=\"/doc/\(b)\""))
            #expect(try await client.get("/number?q=345%2FBCT-CN").text.contains("href=\"/doc/\(b)\""))
            let mentions = try await client.get("/mentions?q=Ngh%E1%BB%8B+quy%E1%BA%BFt+02-NQ%2FTW").text
            #expect(mentions.contains("<mark>"))
            #expect(mentions.contains(/id="summary">\d+ lần nhắc đến trong \d+ văn bản\./), "the count in the page's language")
            let english = try await client.get("/mentions?q=Ngh%E1%BB%8B+quy%E1%BA%BFt+02-NQ%2FTW&lang=en").text
            #expect(english.contains(/id="summary">\d+ mentions? in \d+ documents?\./) && !english.contains("(s)"))
            if Graphviz.executable != nil {
                let graph = try await client.get("/doc/\(a)/graph")
                #expect(graph.status == .ok)
                #expect(graph.text.contains("<svg"))
                #expect(graph.text.contains("/doc/\(b)"))
                let svg = try await client.get("/api/document/\(a)/graph?format=svg")
                #expect(svg.headers[.contentType] == "image/svg+xml; charset=utf-8")
            }
        }
    }

    @Test("the mentions' count in words of the page's language, English singular for one")
    func mentionsSummary() {
        #expect(Strings.en.mentionsSummary(1, in: 1) == "1 mention in 1 document")
        #expect(Strings.en.mentionsSummary(5, in: 2) == "5 mentions in 2 documents")
        #expect(Strings.en.mentionsSummary(0, in: 0) == "0 mentions in 0 documents")
        #expect(Strings.vi.mentionsSummary(5, in: 2) == "5 lần nhắc đến trong 2 văn bản")
    }

    @Test func citationDownloads() async throws {
        let b = try docid("b-cong-van.txt")
        try await ServerFixture.withServer { client in
            let md = try await client.get("/api/document/\(b)/cites?format=md")
            #expect(md.headers[.contentDisposition] == "attachment; filename=\"trich-dan-\(b).md\"")
            #expect(md.text.contains("Quyết định số 12/QĐ-TLĐ"))
            let csv = try await client.get("/api/document/\(b)/cites?format=csv")
            #expect(csv.text.hasPrefix("order,key,number"))
            let docx = try await client.get("/api/document/\(b)/cites?format=docx")
            #expect(docx.status == .ok)
            let archive = try Archive(data: Data(buffer: docx.body), accessMode: .read)
            #expect(Set(archive.map(\.path)) == ["[Content_Types].xml", "_rels/.rels", "word/document.xml"])
            var xml = Data()
            _ = try archive.extract(try #require(archive["word/document.xml"])) { xml.append($0) }
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.contains("Quyết định số 12/QĐ-TLĐ"))
            #expect(text.contains("không có trong chỉ mục"))
            #expect(try XMLDocumentCheck.isWellFormed(xml))
        }
    }
}

/// Whether XML parses (Foundation's XMLParser).
enum XMLDocumentCheck {
    static func isWellFormed(_ data: Data) throws -> Bool {
        #if canImport(FoundationXML)
        return FoundationXML.XMLParser(data: data).parse()
        #else
        return XMLParser(data: data).parse()
        #endif
    }
}
