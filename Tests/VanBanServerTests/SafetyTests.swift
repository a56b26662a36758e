import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import VanBan
@testable import VanBanServer

@Suite("vanban serve: bad input, escaping, limits")
struct SafetyTests {
    /// Every API route with bad input: its status and the error object's code.
    @Test(arguments: [
        ("/api/search", 400, "missing_parameter"),
        ("/api/search?q=", 400, "missing_parameter"),
        ("/api/search?q=a&limit=101", 400, "invalid_parameter"),
        ("/api/search?q=a&limit=0", 400, "invalid_parameter"),
        ("/api/search?q=a&offset=-1", 400, "invalid_parameter"),
        ("/api/search?q=a&offset=10001", 400, "invalid_parameter"),
        ("/api/search?q=a&sort=size", 400, "invalid_parameter"),
        ("/api/search?q=a&mode=loose", 400, "invalid_parameter"),
        ("/api/search?q=a&from=2025-02-30", 400, "invalid_parameter"),
        ("/api/search?q=a&year=20x5", 400, "invalid_parameter"),
        ("/api/search?q=a&from=2025-03-01&to=2025-01-01", 400, "invalid_parameter"),
        ("/api/search?q=a&to=31/02/2024", 400, "invalid_parameter"),
        ("/api/search?q=a&facets=maybe", 400, "invalid_parameter"),
        ("/api/search?q=%22unclosed", 400, "bad_query"),
        ("/api/search?q=(a", 400, "bad_query"),
        ("/api/document/abc", 404, "not_found"),
        ("/api/document/0", 404, "not_found"),
        ("/api/document/-3", 404, "not_found"),
        ("/api/document/999999", 404, "not_found"),
        ("/api/document/4294967296", 404, "not_found"),
        ("/api/document/1?text=perhaps", 400, "invalid_parameter"),
        ("/api/document/1/cites?format=pdf", 400, "invalid_parameter"),
        ("/api/document/1/cites?sort=size", 400, "invalid_parameter"),
        ("/api/document/999999/cites", 404, "not_found"),
        ("/api/document/999999/cited-by", 404, "not_found"),
        ("/api/document/1/graph?depth=9", 400, "invalid_parameter"),
        ("/api/document/1/graph?format=png", 400, "invalid_parameter"),
        ("/api/document/999999/graph", 404, "not_found"),
        ("/api/number", 400, "missing_parameter"),
        ("/api/number?q=hello", 400, "bad_query"),
        ("/api/number?q=9999%2FQ%C4%90-XYZ", 404, "not_found"),
        ("/api/mentions", 400, "missing_parameter"),
        ("/api/mentions?ref=foo%3Abar", 400, "bad_query"),
        ("/api/mentions?ref=02-NQ/TW&context=-1", 400, "invalid_parameter"),
        ("/api/cited-by", 400, "missing_parameter"),
        ("/api/cited-by?ref=hello", 400, "bad_query"),
        ("/api/graph", 400, "missing_parameter"),
        ("/api/graph?root=02-NQ/TW&depth=x", 400, "invalid_parameter"),
        ("/api/graph?root=9999%2FQ%C4%90-XYZ", 404, "not_found"),
        ("/api/nothing", 404, "not_found"),
        ("/api", 404, "not_found"),
    ])
    func apiBadInput(uri: String, status: Int, code: String) async throws {
        try await ServerFixture.withServer { client in
            let response = try await client.get(uri)
            #expect(Int(response.status.code) == status, "\(uri)")
            #expect(response.headers[.contentType] == "application/json; charset=utf-8", "\(uri)")
            #expect(try response.errorCode() == code, "\(uri): \(response.text)")
        }
    }

    /// The pages answer bad input with an error page of the right status.
    @Test(arguments: [
        ("/?q=a&page=0", 400), ("/?q=a&sort=size", 400), ("/?q=%22unclosed", 400), ("/?q=a&from=2025-13-01", 400),
        ("/doc/abc", 404), ("/doc/999999", 404), ("/doc/1/graph?depth=0", 400), ("/doc/999999/graph", 404),
        ("/number?q=hello", 400), ("/number?q=9999%2FQ%C4%90-XYZ", 404), ("/mentions?q=foo%3Abar", 400), ("/nowhere", 404),
    ])
    func pageBadInput(uri: String, status: Int) async throws {
        try await ServerFixture.withServer { client in
            let response = try await client.get(uri)
            #expect(Int(response.status.code) == status, "\(uri)")
            #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
            #expect(response.text.contains("id=\"error-message\"") || status == 404 && uri.hasPrefix("/number"), "\(uri)")
        }
    }

    @Test(arguments: [
        "/doc/..%2F..%2Fetc%2Fpasswd", "/doc/../../etc/passwd", "/api/document/../../x", "/api/document/..%2F..%2Fetc%2Fpasswd",
        "/doc/%2Fetc%2Fpasswd", "/api/document/%2Fetc%2Fpasswd/cites", "/doc/1%2F..%2F..%2Fetc%2Fpasswd", "/api/document/1;cat",
        "/etc/passwd", "/..%2F..%2Fetc%2Fpasswd", "/doc/file%3A%2F%2F%2Fetc%2Fpasswd",
    ])
    func traversal(uri: String) async throws {
        try await ServerFixture.withServer { client in
            let response = try await client.get(uri)
            #expect(response.status == .notFound, "\(uri)")
            #expect(!response.text.contains("root:"), "\(uri)")
            #expect(!response.text.contains("/tmp/"), "\(uri): no path of the server")
        }
    }

    @Test func escaping() async throws {
        let evil = try docid("c-evil.txt")
        try await ServerFixture.withServer { client in
            let query = "<script>alert(1)</script> \"công đoàn\" '\u{202E}x"
            let encoded = Link.encode(query)
            for uri in ["/?q=\(encoded)", "/doc/\(evil)?q=\(encoded)", "/doc/\(evil)", "/?q=c%C3%B4ng+v%C4%83n+ki%E1%BB%83m+tra",
                        "/number?q=\(encoded)", "/mentions?q=\(encoded)", "/doc/\(try docid("a-quyet-dinh.txt"))", "/?q=x&lang=%3Cscript%3E",
                        "/?q=cong+doan&issuer=\(encoded)"] {
                let page = try await client.get(uri).text
                #expect(!page.contains("<script"), "\(uri)")
                #expect(!page.contains("\u{202E}"), "\(uri)")
                #expect(!page.contains("alert('x')"), "\(uri)")
            }
            let doc = try await client.get("/doc/\(evil)").text
            #expect(doc.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;trích&quot;"))
            #expect(doc.contains("&lt;script&gt;alert(1)&lt;/script&gt; về công đoàn &amp; &quot;trích dẫn&quot;"))
            // The API gives the text as it is: JSON, never HTML.
            let api = try #require(try await client.get("/api/document/\(evil)").json() as? [String: Any])
            #expect((api["text"] as? String)?.contains("<script>alert(1)</script>") == true)
        }
    }

    @Test("HTML.escape: the five characters escaped, the bidirectional controls removed, every other scalar kept")
    func escapeBytes() {
        #expect(HTML.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;")
        #expect(HTML.escape("Nghị quyết — số 02…") == "Nghị quyết — số 02…", "E2 80 94 and E2 80 A6 are letters of text")
        for control in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            #expect(HTML.escape("x\(Unicode.Scalar(control)!)y") == "xy", "U+\(String(control, radix: 16))")
        }
        #expect(HTML.escape("\u{200E}x\u{200F}") == "\u{200E}x\u{200F}", "the marks stay")
        // Against the definition, scalar by scalar, on strings drawn from what matters here.
        let alphabet: [Unicode.Scalar] = ["a", "đ", "ố", "&", "<", ">", "\"", "'", "\u{202A}", "\u{202E}", "\u{2066}", "\u{2069}",
                                          "\u{2026}", "\u{2014}", "\u{200F}", "\u{2065}", "\u{202F}", "\u{1F600}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &generator) { view.append(alphabet.randomElement(using: &generator)!) }
            let text = String(view)
            var expected = ""
            for scalar in text.unicodeScalars where !HTML.isBidiControl(scalar) {
                switch scalar {
                case "&": expected += "&amp;"
                case "<": expected += "&lt;"
                case ">": expected += "&gt;"
                case "\"": expected += "&quot;"
                case "'": expected += "&#39;"
                default: expected.unicodeScalars.append(scalar)
                }
            }
            #expect(HTML.escape(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func securityHeaders() async throws {
        try await ServerFixture.withServer { client in
            for uri in ["/", "/api/search?q=a", "/nowhere"] {
                let response = try await client.get(uri)
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            }
        }
    }

    @Test func readOnly() async throws {
        try await ServerFixture.withServer { client in
            for method in [HTTPRequest.Method.post, .put, .delete] {
                let response = try await client.execute(uri: "/api/search?q=a", method: method)
                #expect(response.status.code >= 400 && response.status.code < 500)
            }
        }
    }

    @Test func queryLength() async throws {
        let long = String(repeating: "a ", count: 300)
        try await ServerFixture.withServer { client in
            for uri in ["/api/search?q=", "/api/number?q=", "/api/mentions?ref=", "/api/cited-by?ref=", "/api/graph?root=", "/?q=",
                        "/number?q=", "/mentions?q="] {
                let response = try await client.get(uri + Link.encode(long + "b"))
                #expect(response.status == .contentTooLarge, "\(uri)")
                if uri.hasPrefix("/api/") { #expect(try response.errorCode() == "query_too_long") }
            }
            // 500 characters pass.
            #expect(try await client.get("/api/search?q=" + Link.encode(String(repeating: "ab ", count: 166))).status == .ok)
        }
    }

    @Test func pageSizeLimitFollowsTheLimits() async throws {
        var limits = Limits()
        limits.pageSize = 5
        try await ServerFixture.withServer(limits: limits) { client in
            let five = try await client.get("/api/search?q=cong+doan&limit=5")
            let six = try await client.get("/api/search?q=cong+doan&limit=6")
            #expect(five.status == .ok)
            #expect(six.status == .badRequest)
        }
    }

    @Test func deadline() async throws {
        // A read past the time per request is answered with the timeout (how soon depends on the machine's load).
        var limits = Limits()
        limits.timePerRequest = .milliseconds(50)
        let reader = Reader(pool: try IndexPool(locations: [try ServerFixture.shared.get()]), limits: limits)
        await #expect(throws: ServerError.timeout) { try await reader.read { _ in usleep(500_000); return 1 } }
        limits.timePerRequest = .seconds(30)
        #expect(try await Reader(pool: reader.pool, limits: limits).read { try $0.database.documentCount } > 0)
        #expect(ServerError.from(ServerError.timeout).status == .serviceUnavailable)
    }

    @Test func serverSideErrorsSayNoPath() {
        for error: any Error in [VanBanError.indexMissing("/srv/secret/index"), VanBanError.damaged(index: "/srv/secret", detail: "x"),
                                 CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: "/srv/secret"])] {
            let answer = ServerError.from(error)
            #expect(answer.status.code >= 500)
            #expect(!answer.message.contains("/srv"))
        }
    }

    @Test func loopback() {
        #expect(VanBanServer.isLoopback("127.0.0.1"))
        #expect(VanBanServer.isLoopback("localhost"))
        #expect(VanBanServer.isLoopback("::1"))
        #expect(!VanBanServer.isLoopback("0.0.0.0"))
        #expect(!VanBanServer.isLoopback("192.168.1.2"))
    }
}

@Suite("vanban serve: the index as it changes")
struct ReopenTests {
    /// Documents indexed while the server runs are found without a restart.
    @Test func newDocumentsAppear() async throws {
        let (folder, index) = try ServerFixture.index(only: ["a-quyet-dinh.txt"])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        try await ServerFixture.withServer(index: index) { client in
            let before = try #require(try await client.get("/api/search?q=xang+dau").json() as? [String: Any])
            #expect((before["results"] as? [Any])?.isEmpty == true)
            let text = try #require(ServerFixture.documents.first { $0.name == "b-cong-van.txt" }).text
            try Data(text.utf8).write(to: folder.appendingPathComponent("b-cong-van.txt"))
            _ = try Indexer(options: IndexOptions(roots: [folder], indexPath: index, jobs: 1)).run(stop: StopRequest())
            // Every reader of the pool moves to the new revision.
            for _ in 0..<4 {
                let after = try #require(try await client.get("/api/search?q=xang+dau").json() as? [String: Any])
                #expect((after["results"] as? [Any])?.count == 1)
            }
            _ = try Indexer(options: IndexOptions(roots: [folder], indexPath: index, jobs: 1, rebuild: true)).run(stop: StopRequest())
            let rebuilt = try #require(try await client.get("/api/search?q=xang+dau").json() as? [String: Any])
            #expect((rebuilt["results"] as? [Any])?.count == 1)
        }
    }
}

@Suite("vanban serve: OpenAPI")
struct OpenAPITests {
    /// Every route of the router is in /openapi.json, and every path there is a route.
    @Test func documentMatchesRouter() throws {
        let pool = try IndexPool(locations: [try ServerFixture.shared.get()])
        let router = try VanBanServer.router(pool: pool)
        let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path.description)" })
        let document = try #require(try JSONSerialization.jsonObject(with: Data(OpenAPI.document.utf8)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(routes == documented)
        #expect(routes.count >= 15)
        // Each route's parameters name the path's captures.
        for (path, operations) in paths {
            let captures = path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
            for case let operation as [String: Any] in operations.values {
                let names = (operation["parameters"] as? [[String: Any]] ?? []).filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String }
                #expect(names == captures, "\(path)")
            }
        }
    }
}
