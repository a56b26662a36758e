import Foundation
import Hummingbird
import VanBan

/// The JSON API: what the pages show, in the shapes of the CLI's `--json` (`/openapi.json` describes it).
struct APIRoutes {
    let site: Site
    /// Most nodes a drawn graph may have (413 beyond: ask for fewer steps).
    static let graphNodes = 400

    func add(to router: Router<BasicRequestContext>) {
        router.get("/api/search") { request, _ in try await search(request) }
        router.get("/api/document/{id}") { request, context in try await document(request, id: try site.docid(context)) }
        router.get("/api/document/{id}/cites") { request, context in try await cites(request, id: try site.docid(context)) }
        router.get("/api/document/{id}/cited-by") { _, context in try await citedBy(id: try site.docid(context)) }
        router.get("/api/document/{id}/graph") { request, context in try await documentGraph(request, id: try site.docid(context)) }
        router.get("/api/number") { request, _ in try await number(request) }
        router.get("/api/mentions") { request, _ in try await mentions(request) }
        router.get("/api/cited-by") { request, _ in try await citedBy(request) }
        router.get("/api/graph") { request, _ in try await graph(request) }
    }

    private func parameters(_ request: Request) -> QueryParameters {
        QueryParameters(request, limits: site.limits)
    }

    /// `vanban search --json`.
    func search(_ request: Request) async throws -> Response {
        let params = parameters(request)
        var (query, options) = try params.search(facets: try params.bool("facets"), limit: 10)
        options.suggest = try params.string("suggest").map { _ in try params.bool("suggest") } ?? true
        let (text, asked) = (query, options)
        let (response, engine) = try await site.reader.timed { try $0.search(text, options: asked) }
        return site.timing(try site.json(response), engine: engine)
    }

    /// `vanban show ID --json` (`text=false`: `--no-text`).
    func document(_ request: Request, id: UInt32) async throws -> Response {
        let withText = try parameters(request).string("text").map { _ in try parameters(request).bool("text") } ?? true
        return try site.json(try await site.reader.read { ShownDocument(docid: id, document: try $0.document(id, withText: withText), withText: withText) })
    }

    /// `vanban cite ID --json`, or the list as Markdown, CSV or Word (`format`), to download.
    func cites(_ request: Request, id: UInt32) async throws -> Response {
        let params = parameters(request)
        let format = try params.choice("format", standard: CiteFormat.json)
        let order = try params.choice("sort", standard: CitationList.Order.first)
        let list = try await site.reader.read { index in try CitationList.of(try index.document(id, withText: false), in: index, order: order) }
        let name = "trich-dan-\(id)"
        switch format {
        case .json:
            // Asked for by name (the page's download link), the JSON is a file to save.
            var response = try site.json(list)
            if params.string("format") != nil { response.headers[.contentDisposition] = "attachment; filename=\"\(name).json\"" }
            return response
        case .md: return site.download(Data((list.markdown() + "\n").utf8), type: "text/markdown; charset=utf-8", filename: "\(name).md")
        case .csv: return site.download(Data((list.csv() + "\n").utf8), type: "text/csv; charset=utf-8", filename: "\(name).csv")
        case .docx:
            return site.download(try list.docx(), type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                 filename: "\(name).docx")
        }
    }

    enum CiteFormat: String, CaseIterable { case json, md, csv, docx }
    enum GraphFormat: String, CaseIterable { case json, svg }

    /// `vanban cited-by NUMBER --json` for the document's own number (empty when it has none).
    func citedBy(id: UInt32) async throws -> Response {
        try site.json(try await site.reader.read { index in
            try index.document(id, withText: false).number.flatMap(ReferenceTarget.parse).map { try index.citing($0) } ?? []
        })
    }

    /// `vanban cited-by REF --json`.
    func citedBy(_ request: Request) async throws -> Response {
        let reference = try parameters(request).requiredText("ref")
        return try site.json(try await site.reader.read { try $0.citing(reference) })
    }

    /// `vanban number Q --json`; 404 when no document bears the number and none cites it.
    func number(_ request: Request) async throws -> Response {
        let q = try parameters(request).requiredText("q")
        guard let found = try await site.reader.read({ try $0.lookUp(number: q) }), !(found.documents.isEmpty && found.citedBy.isEmpty) else {
            throw ServerError(.notFound, "not_found", "no document numbered \"\(q)\" in the index, and none cites it")
        }
        return try site.json(found)
    }

    /// `vanban mentions REF --json`.
    func mentions(_ request: Request) async throws -> Response {
        let params = parameters(request)
        let reference = try params.requiredText("ref")
        let context = try params.int("context", standard: 20, in: 0...100)
        let sort = try params.choice("sort", standard: MentionSort.newest)
        return try site.json(try await site.reader.read { try $0.mentions(of: reference, context: context, sort: sort) })
    }

    /// `vanban graph --root REF --depth N --format json`; 404 when REF is neither indexed nor cited.
    func graph(_ request: Request) async throws -> Response {
        let params = parameters(request)
        let root = try params.requiredText("root")
        let depth = try params.int("depth", standard: 1, in: 0...site.limits.graphDepth)
        let graph = try await site.reader.read { try CitationGraph.build(documents: try $0.allDocuments(), root: root, depth: depth) }
        guard !graph.nodes.isEmpty else {
            throw ServerError(.notFound, "not_found", "\(root) is neither in the index nor cited by a document in it")
        }
        return try site.json(graph)
    }

    /// The graph around a document: JSON (as `vanban graph --format json`) or SVG drawn by Graphviz.
    func documentGraph(_ request: Request, id: UInt32) async throws -> Response {
        let params = parameters(request)
        let depth = try params.int("depth", standard: 1, in: 0...site.limits.graphDepth)
        switch try params.choice("format", standard: GraphFormat.json) {
        case .json:
            return try site.json(try await neighbourhood(id, depth: depth).graph)
        case .svg:
            let svg = try await graph(id, depth: depth) { "/doc/\($0)" }.svg
            return Response(status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: svg)))
        }
    }

    /// The graph within `depth` steps of document `id`, and the document's label.
    func neighbourhood(_ id: UInt32, depth: Int) async throws -> (graph: CitationGraph, label: String) {
        try await site.reader.read { index in
            let doc = try index.document(id, withText: false)
            let graph = try CitationGraph.build(documents: try index.allDocuments(), around: id, depth: depth)
            return (graph, doc.number ?? doc.title ?? URL(fileURLWithPath: doc.path).lastPathComponent)
        }
    }

    /// The document's label and its neighbourhood drawn as SVG, each indexed node a link made by `link` from its docid.
    func graph(_ id: UInt32, depth: Int, link: @escaping (UInt32) -> String) async throws -> (label: String, svg: String) {
        let (graph, label) = try await neighbourhood(id, depth: depth)
        guard graph.nodes.count <= Self.graphNodes else {
            throw ServerError(.contentTooLarge, "graph_too_large",
                              "the graph has \(graph.nodes.count) documents within \(depth) steps, more than \(Self.graphNodes) can be drawn; ask for fewer steps")
        }
        let dot = graph.dot(root: "doc:\(id)") { node in
            guard node.id.hasPrefix("doc:"), let docid = UInt32(node.id.dropFirst(4)) else { return nil }
            return link(docid)
        }
        return (label, try await Graphviz.svg(dot, limit: site.limits.timePerRequest))
    }
}
