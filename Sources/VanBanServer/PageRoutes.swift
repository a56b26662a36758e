import DocRefs
import Foundation
import Hummingbird
import VanBan

/// The pages: search, a document, its citation graph, a number look-up and the mentions of a reference.
/// Server-rendered HTML that works without JavaScript; Vietnamese unless `?lang=en`.
struct PageRoutes {
    let site: Site
    /// Results on a page.
    static let pageSize = 10

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try await search(request) }
        router.get("/doc/{id}") { request, context in try await document(request, id: try site.docid(context)) }
        router.get("/doc/{id}/graph") { request, context in try await graph(request, id: try site.docid(context)) }
        router.get("/number") { request, _ in try await number(request) }
        router.get("/mentions") { request, _ in try await mentions(request) }
    }

    // MARK: Search

    struct Option { var value: String; var label: String; var selected: Bool }
    struct Facet { var value: String; var count: Int; var url: String; var active: Bool }
    struct FacetGroup { var name: String; var items: [Facet] }
    struct Chip { var label: String; var url: String }
    struct PageLink { var label: String; var url: String?; var rel = ""; var current = false }
    struct Hit {
        var url: String, title: String, number: String?, type: String?, issuer: String?, date: String?
        var snippet: String
        var apartHeading: Bool
    }
    struct Suggestion { var text: String; var url: String }
    struct SearchModel {
        var t: Strings
        var english: Bool
        var q = "", type = "", issuer = "", year = "", from = "", to = ""
        var maxLength: Int
        var typeOptions: [Option] = []
        var sortOptions: [Option] = []
        var modeOptions: [Option] = []
        var hasQuery = false
        var suggestion: Suggestion?
        var hasFilters = false
        var filters: [Chip] = []
        var leftOut: String?
        var bestMatch = false
        var summary = ""
        var firstRank = 1
        var results: [Hit] = []
        var hasPager = false
        var pager: [PageLink] = []
        var facets: [FacetGroup] = []
    }

    /// The search form's state, from which every link of the page is made.
    struct State {
        var values: [String: String]
        let chrome: Chrome

        func url(_ changes: [String: String?] = [:]) -> String {
            var values = self.values
            for (key, value) in changes { values[key] = value }
            let order = ["q", "type", "issuer", "year", "from", "to", "sort", "mode", "page"]
            return chrome.link("/", order.map { ($0, values[$0]) })
        }
    }

    func search(_ request: Request) async throws -> Response {
        let chrome = Chrome(request)
        let t = chrome.t
        let params = QueryParameters(request, limits: site.limits)
        let names = ["q", "type", "issuer", "year", "from", "to", "sort", "mode"]
        var state = State(values: Dictionary(uniqueKeysWithValues: names.compactMap { name in params.string(name).map { (name, $0) } }), chrome: chrome)
        let sort = try params.choice("sort", standard: SearchSort.relevance)
        let mode = try params.choice("mode", standard: MatchMode.auto)
        var model = SearchModel(t: t, english: chrome.english, maxLength: site.limits.queryLength)
        model.q = HTML.clean(state.values["q"] ?? "")
        model.issuer = HTML.clean(state.values["issuer"] ?? "")
        model.year = HTML.clean(state.values["year"] ?? "")
        model.from = HTML.clean(state.values["from"] ?? "")
        model.to = HTML.clean(state.values["to"] ?? "")
        model.type = HTML.clean(state.values["type"] ?? "")
        model.sortOptions = [(SearchSort.relevance, t.sortRelevance), (.dateDescending, t.sortNewest), (.date, t.sortOldest)]
            .map { Option(value: $0.rawValue, label: $1, selected: $0 == sort) }
        model.modeOptions = [(MatchMode.auto, t.marksAuto), (.exact, t.marksExact), (.fold, t.marksFold)]
            .map { Option(value: $0.rawValue, label: $1, selected: $0 == mode) }
        let page = try params.int("page", standard: 1, in: 1...(site.limits.offset / Self.pageSize + 1))
        guard params.string("q") != nil else {
            _ = try params.options(facets: false, limit: Self.pageSize)
            // The start page: how many documents the index holds, its types to choose from.
            let stats = try await site.reader.read { try $0.stats() }
            model.typeOptions = stats.byType.map { Option(value: HTML.clean($0.value), label: HTML.clean($0.value), selected: $0.value == model.type) }
            model.summary = "\(stats.documents) \(t.inIndex)."
            return site.page("search", model, title: t.search, chrome: chrome)
        }
        var (query, options) = try params.search(facets: true, limit: Self.pageSize)
        options.offset = (page - 1) * Self.pageSize
        let (text, asked) = (query, options)
        let (response, engine) = try await site.reader.timed { try $0.search(text, options: asked) }
        model.hasQuery = true
        let selectedType = state.values["type"]
        var types = response.facets?.type.map(\.value) ?? []
        if let selectedType, !types.contains(selectedType) { types.insert(selectedType, at: 0) }
        model.typeOptions = types.map { Option(value: HTML.clean($0), label: HTML.clean($0), selected: $0 == selectedType) }
        if let s = response.suggestion {
            model.suggestion = Suggestion(text: HTML.clean(s), url: state.url(["q": s, "page": nil]))
        }
        for (key, label) in [("type", t.type), ("issuer", t.issuer), ("year", t.year), ("from", t.from), ("to", t.to)] {
            if let value = state.values[key] { model.filters.append(Chip(label: HTML.clean("\(label): \(value)"), url: state.url([key: nil, "page": nil]))) }
        }
        model.hasFilters = !model.filters.isEmpty
        if !response.leftOut.isEmpty { model.leftOut = HTML.clean(response.leftOut.joined(separator: ", ")) }
        model.bestMatch = response.reading == .bestMatch
        let total = response.estimatedTotal + response.wordsApartTotal
        let count = (response.totalIsExact ? "" : t.about + " ") + "\(response.estimatedTotal) \(t.results)"
        let apart = response.wordsApartTotal > 0 ? " (\(t.andApart(response.wordsApartTotal)))" : ""
        model.summary = HTML.clean(total == 0 ? "\(t.noResults) “\(query)”." : "\(count) “\(query)”\(apart).")
        model.firstRank = response.results.first?.rank ?? 1
        model.results = response.results.enumerated().map { k, hit in
            Hit(url: chrome.link("/doc/\(hit.docid)", [("q", query)]),
                title: HTML.clean(hit.title ?? hit.number ?? URL(fileURLWithPath: hit.path).lastPathComponent),
                number: hit.number.map(HTML.clean), type: hit.type.map(HTML.clean), issuer: hit.issuer.map(HTML.clean),
                date: t.day(hit.date).map(HTML.clean), snippet: HTML.marked(hit.snippet, pairs: hit.highlights),
                apartHeading: hit.wordsApart && response.estimatedTotal > 0 && (k == 0 || !response.results[k - 1].wordsApart))
        }
        // Pages: the first, the last, and two on each side of this one.
        let pages = max(1, min((total + Self.pageSize - 1) / Self.pageSize, site.limits.offset / Self.pageSize + 1))
        if pages > 1 {
            if page > 1 { model.pager.append(PageLink(label: t.previous, url: state.url(["page": String(page - 1)]), rel: "prev")) }
            var last = 0
            for p in 1...pages where p == 1 || p == pages || abs(p - page) <= 2 {
                if p > last + 1 { model.pager.append(PageLink(label: "…", url: nil)) }
                model.pager.append(PageLink(label: String(p), url: p == page ? nil : state.url(["page": String(p)]), current: p == page))
                last = p
            }
            if page < pages { model.pager.append(PageLink(label: t.next, url: state.url(["page": String(page + 1)]), rel: "next")) }
        }
        model.hasPager = !model.pager.isEmpty
        if let facets = response.facets {
            state.values["page"] = nil
            func group(_ name: String, _ key: String, _ counts: [FacetCount]) -> FacetGroup? {
                guard !counts.isEmpty else { return nil }
                return FacetGroup(name: name, items: counts.prefix(12).map { c in
                    let active = state.values[key] == c.value
                    return Facet(value: HTML.clean(c.value), count: c.count, url: state.url([key: active ? nil : c.value]), active: active)
                })
            }
            model.facets = [group(t.type, "type", facets.type), group(t.issuer, "issuer", facets.issuer), group(t.year, "year", facets.year)]
                .compactMap { $0 }
        }
        return site.timing(site.page("search", model, title: "\(query) – \(t.search)", chrome: chrome), engine: engine)
    }

    // MARK: Document

    struct Row { var label: String; var value: String }
    struct Download { var label: String; var url: String }
    struct Cited { var line: String; var url: String?; var relation: String?; var times: String?; var note: String? }
    struct Citing { var title: String; var url: String; var detail: String }
    struct Mentioning { var title: String; var url: String?; var passages: [String] }
    struct DocumentModel {
        var t: Strings
        var title: String
        var meta: [Row]
        var downloads: [Download]
        var graphURL: String
        var cites: [Cited]
        var citedBy: [Citing]
        var mentions: [Mentioning]
        var text: String
    }

    /// What the document page shows, read in one go from one handle.
    struct DocumentData: Sendable {
        var document: StoredDocument
        var cites: CitationList
        var citedDocids: [String: UInt32]
        var citedBy: [DocumentSummary]
        var mentions: [(document: MentionDocument, docid: UInt32?)]
        var marks: [Range<Int>]
    }

    func document(_ request: Request, id: UInt32) async throws -> Response {
        let chrome = Chrome(request)
        let t = chrome.t
        let params = QueryParameters(request, limits: site.limits)
        let query = try params.text("q")
        let data = try await site.reader.read { index -> DocumentData in
            let doc = try index.document(id)
            let cites = try CitationList.of(doc, in: index)
            var docids: [String: UInt32] = [:]
            for path in cites.entries.compactMap(\.path) { docids[path] = try index.docid(path: path) }
            let target = doc.number.flatMap(ReferenceTarget.parse)
            let citedBy = try target.map { try index.citing($0) } ?? []
            let mentioned = try doc.number.map { try index.mentions(of: $0, context: 20).documents } ?? []
            let mentions = try mentioned.filter { $0.path != doc.path }.map { ($0, try index.docid(path: $0.path)) }
            let marks = try query.map { try SearchPlan($0).snippetBuilder.allMatches(in: doc.text) } ?? []
            return DocumentData(document: doc, cites: cites, citedDocids: docids, citedBy: citedBy, mentions: mentions, marks: marks)
        }
        let doc = data.document
        let title = doc.title ?? doc.number ?? URL(fileURLWithPath: doc.path).lastPathComponent
        var meta: [Row] = []
        for (label, value) in [(t.number, doc.number), (t.type, doc.type), (t.issuer, doc.issuer), (t.date, t.day(doc.date)), (t.signer, doc.signer),
                               (t.format, doc.format), (t.file, URL(fileURLWithPath: doc.path).lastPathComponent)] {
            if let value { meta.append(Row(label: label, value: HTML.clean(value))) }
        }
        let downloads = [("Word (.docx)", "docx"), ("Markdown", "md"), ("CSV", "csv"), ("JSON", "json")]
            .map { Download(label: $0, url: "/api/document/\(id)/cites?format=\($1)") }
        let cites = data.cites.entries.map { e -> Cited in
            let note = e.resolution == .unresolved ? t.unresolved + (e.reason.map { ": " + $0 } ?? "") : (e.inIndex ? nil : t.notInIndex)
            return Cited(line: HTML.clean(CitationList.referenceLine(e)),
                         url: e.path.flatMap { data.citedDocids[$0] }.map { chrome.link("/doc/\($0)") },
                         relation: e.relationLabel.map(HTML.clean), times: e.mentions > 1 ? "\(e.mentions) \(t.times)" : nil,
                         note: note.map(HTML.clean))
        }
        let citedBy = data.citedBy.map { d in
            Citing(title: HTML.clean(d.title ?? d.number ?? URL(fileURLWithPath: d.path).lastPathComponent), url: chrome.link("/doc/\(d.docid)"),
                   detail: HTML.clean([d.number, t.day(d.date), Relation.label(ofCode: d.relation), d.mentions.map { "\($0) \(t.times)" }]
                       .compactMap { $0 }.joined(separator: " · ")))
        }
        let mentions = data.mentions.map { m in
            Mentioning(title: HTML.clean(m.document.title ?? m.document.number ?? URL(fileURLWithPath: m.document.path).lastPathComponent),
                       url: m.docid.map { chrome.link("/doc/\($0)") },
                       passages: m.document.mentions.map { HTML.marked($0.passage, pairs: [$0.passageHighlight]) })
        }
        let model = DocumentModel(t: t, title: HTML.clean(title), meta: meta, downloads: downloads,
                                  graphURL: chrome.link("/doc/\(id)/graph"), cites: cites, citedBy: citedBy, mentions: mentions,
                                  text: HTML.marked(doc.text, data.marks))
        return site.page("document", model, title: title, chrome: chrome)
    }

    // MARK: Graph

    struct Depth { var value: Int; var selected: Bool }
    struct GraphModel {
        var t: Strings
        var english: Bool
        var label: String
        var documentURL: String
        var formAction: String
        var depths: [Depth]
        var svg: String
        var svgURL: String
        var jsonURL: String
    }

    func graph(_ request: Request, id: UInt32) async throws -> Response {
        let chrome = Chrome(request)
        let params = QueryParameters(request, limits: site.limits)
        let depth = try params.int("depth", standard: 1, in: 1...site.limits.graphDepth)
        let (label, svg) = try await APIRoutes(site: site).graph(id, depth: depth, link: { chrome.link("/doc/\($0)") })
        let model = GraphModel(t: chrome.t, english: chrome.english, label: HTML.clean(label), documentURL: chrome.link("/doc/\(id)"),
                               formAction: "/doc/\(id)/graph", depths: (1...site.limits.graphDepth).map { Depth(value: $0, selected: $0 == depth) },
                               svg: svg, svgURL: "/api/document/\(id)/graph?format=svg&depth=\(depth)",
                               jsonURL: "/api/document/\(id)/graph?depth=\(depth)")
        return site.page("graph", model, title: "\(chrome.t.graph): \(label)", chrome: chrome)
    }

    // MARK: Number and mentions

    struct Listed { var title: String; var url: String; var detail: String }
    struct NumberModel {
        var t: Strings
        var english: Bool
        var q: String
        var maxLength: Int
        var found = false
        var notFound = false
        var number = ""
        var documents: [Listed] = []
        var citedBy: [Listed] = []
        var mentionsURL = ""
    }

    static func listed(_ d: DocumentSummary, chrome: Chrome) -> Listed {
        Listed(title: HTML.clean(d.title ?? d.number ?? URL(fileURLWithPath: d.path).lastPathComponent), url: chrome.link("/doc/\(d.docid)"),
               detail: HTML.clean([d.number, d.type, d.issuer, chrome.t.day(d.date), d.mentions != nil ? Relation.label(ofCode: d.relation) : nil]
                   .compactMap { $0 }.joined(separator: " · ")))
    }

    func number(_ request: Request) async throws -> Response {
        let chrome = Chrome(request)
        let params = QueryParameters(request, limits: site.limits)
        var model = NumberModel(t: chrome.t, english: chrome.english, q: HTML.clean(params.string("q") ?? ""), maxLength: site.limits.queryLength)
        guard let q = try params.text("q") else { return site.page("number", model, title: chrome.t.numberLookup, chrome: chrome) }
        if let found = try await site.reader.read({ try $0.lookUp(number: q) }), !(found.documents.isEmpty && found.citedBy.isEmpty) {
            model.found = true
            model.number = HTML.clean(found.number)
            model.documents = found.documents.map { Self.listed($0, chrome: chrome) }
            model.citedBy = found.citedBy.map { Self.listed($0, chrome: chrome) }
        } else {
            model.notFound = true
            model.mentionsURL = chrome.link("/mentions", [("q", q)])
        }
        return site.page("number", model, title: "\(q) – \(chrome.t.numberLookup)", chrome: chrome, status: model.found ? .ok : .notFound)
    }

    struct MentionEntry {
        var url: String, title: String, number: String?, type: String?, issuer: String?, date: String?
        var passages: [String]
    }
    struct MentionsModel {
        var t: Strings
        var english: Bool
        var q: String
        var maxLength: Int
        var found = false
        var label = ""
        var summary = ""
        var documents: [MentionEntry] = []
    }

    func mentions(_ request: Request) async throws -> Response {
        let chrome = Chrome(request)
        let params = QueryParameters(request, limits: site.limits)
        var model = MentionsModel(t: chrome.t, english: chrome.english, q: HTML.clean(params.string("q") ?? ""), maxLength: site.limits.queryLength)
        let sort = try params.choice("sort", standard: MentionSort.newest)
        guard let q = try params.text("q") else { return site.page("mentions", model, title: chrome.t.mentions, chrome: chrome) }
        let (response, docids) = try await site.reader.read { index in
            let response = try index.mentions(of: q, context: 20, sort: sort)
            return (response, try response.documents.map { try index.docid(path: $0.path) })
        }
        model.found = true
        model.label = HTML.clean(response.label)
        model.summary = chrome.t.mentionsSummary(response.totalMentions, in: response.totalDocuments)
        model.documents = zip(response.documents, docids).map { d, docid in
            MentionEntry(url: docid.map { chrome.link("/doc/\($0)") } ?? "#",
                         title: HTML.clean(d.title ?? d.number ?? URL(fileURLWithPath: d.path).lastPathComponent),
                         number: d.number.map(HTML.clean), type: d.type.map(HTML.clean), issuer: d.issuer.map(HTML.clean),
                         date: chrome.t.day(d.date).map(HTML.clean), passages: d.mentions.map { HTML.marked($0.passage, pairs: [$0.passageHighlight]) })
        }
        return site.page("mentions", model, title: "\(response.label) – \(chrome.t.mentions)", chrome: chrome)
    }
}
