import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Mustache
import VanBan

/// `vanban serve`: the search page and the JSON API over one index, read through an ``IndexPool``.
public enum VanBanServer {
    /// The router of every page and API route, reading `pool` within `limits`.
    public static func router(pool: IndexPool, limits: Limits = Limits(), logger: Logger = Logger(label: "vanban.serve")) throws
        -> Router<BasicRequestContext> {
        let site = Site(reader: Reader(pool: pool, limits: limits), views: try Templates.library(), logger: logger)
        let router = Router()
        router.add(middleware: Guard(site: site))
        router.get("/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPI.document)))
        }
        PageRoutes(site: site).add(to: router)
        APIRoutes(site: site).add(to: router)
        return router
    }

    /// The server on `host`:`port`; it answers until the process is stopped (SIGINT or SIGTERM end it gracefully).
    public static func application(pool: IndexPool, host: String, port: Int, limits: Limits = Limits()) throws -> some ApplicationProtocol {
        var logger = Logger(label: "vanban.serve")
        logger.logLevel = .info
        return Application(router: try router(pool: pool, limits: limits, logger: logger),
                           configuration: .init(address: .hostname(host, port: port), serverName: "vanban"), logger: logger)
    }

    /// Whether `host` names this machine only (the loopback range, `localhost` or `::1`).
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }
}

/// What every route shares: the index, the templates and the log.
struct Site: Sendable {
    let reader: Reader
    let views: MustacheLibrary
    let logger: Logger

    var limits: Limits { reader.limits }

    /// `value` as the CLI prints it with `--json`: keys sorted, slashes as they are.
    func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// The page `template` rendered with `model` inside the layout.
    func page(_ template: String, _ model: Any, title: String, chrome: Chrome, status: HTTPResponse.Status = .ok) -> Response {
        let body = views.render(model, withTemplate: template) ?? ""
        let html = views.render(Layout(t: chrome.t, title: HTML.clean(title), nav: chrome.nav, body: body), withTemplate: "layout") ?? ""
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// A download: `data` as `type`, saved as `filename`.
    func download(_ data: Data, type: String, filename: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `response` with the engine's time in a `Server-Timing` header (`engine;dur=` milliseconds).
    func timing(_ response: Response, engine: Duration) -> Response {
        var response = response
        let ms = Double(engine.components.seconds) * 1_000 + Double(engine.components.attoseconds) / 1e15
        response.headers[HTTPField.Name("Server-Timing")!] = "engine;dur=" + String(format: "%.3f", ms)
        return response
    }

    /// The docid named by the path's `id`: a positive whole number, nothing else (never a path).
    func docid(_ context: BasicRequestContext) throws -> UInt32 {
        guard let text = context.parameters.get("id"), let id = UInt32(text), id > 0 else {
            throw ServerError(.notFound, "not_found", "documents are named by their number in the index (a docid, e.g. /doc/12)")
        }
        return id
    }
}

extension SearchIndex {
    /// The stored document `docid` (its text too unless `withText` is false); ``ServerError`` 404 when none.
    func document(_ docid: UInt32, withText: Bool = true) throws -> StoredDocument {
        guard try docid <= database.lastDocumentID, let document = try? stored(docid, withText: withText) else {
            throw ServerError(.notFound, "not_found", "no document \(docid) in the index")
        }
        return document
    }
}

/// The layout's model.
struct Layout {
    var t: Strings
    var title: String
    var nav: Nav
    var body: String
}

/// The links of the page's header: in the page's language, and the same page in the other one.
struct Nav {
    var home: String
    var number: String
    var mentions: String
    var otherLang: String
}

/// The language and header of a page, read from its request.
struct Chrome {
    var t: Strings
    var nav: Nav
    var english: Bool { t.lang == "en" }

    init(_ request: Request) {
        let parameters = QueryParameters.decode(request.uri.query)
        let english = parameters.contains { $0.name == "lang" && $0.value == "en" }
        t = english ? .en : .vi
        let lang = english ? "en" : nil
        // The same page in the other language: its parameters but `lang`.
        let others = parameters.filter { $0.name != "lang" }.map { ($0.name, Optional($0.value)) }
        nav = Nav(home: Link.to("/", [("lang", lang)]), number: Link.to("/number", [("lang", lang)]),
                  mentions: Link.to("/mentions", [("lang", lang)]),
                  otherLang: Link.to(request.uri.path, others + [("lang", english ? nil : "en")]))
    }

    /// `path?query` in this page's language.
    func link(_ path: String, _ query: [(String, String?)] = []) -> String {
        Link.to(path, query + [("lang", english ? "en" : nil)])
    }
}

/// Turns every error into the client's answer (JSON under `/api/`, a page elsewhere) and logs what only
/// the server should know; adds the headers that keep pages from being framed, sniffed or scripted.
struct Guard: RouterMiddleware {
    typealias Context = BasicRequestContext
    let site: Site

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let answer = ServerError.from(error)
            if answer.isServerSide {
                site.logger.error("\(request.method) \(request.uri.path): \(String(describing: error))")
            }
            let path = request.uri.path
            if path.hasPrefix("/api/") || path == "/api" || path == "/openapi.json" {
                response = (try? site.json(ErrorBody(answer), status: answer.status)) ?? Response(status: answer.status)
            } else {
                let chrome = Chrome(request)
                response = site.page("error", ErrorPage(t: chrome.t, nav: chrome.nav, status: answer.status.code,
                                                        meaning: chrome.t.meaning(ofStatus: answer.status.code), message: HTML.clean(answer.message)),
                                     title: chrome.t.error, chrome: chrome, status: answer.status)
            }
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}

struct ErrorPage {
    var t: Strings
    var nav: Nav
    var status: Int
    var meaning: String
    var message: String
}
