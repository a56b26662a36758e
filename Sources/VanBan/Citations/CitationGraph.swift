import DocRefs
import VietText
import Foundation

/// Documents as nodes, citations as typed edges; references to documents outside the index
/// are nodes of their own, marked unresolved.
public struct CitationGraph: Codable, Sendable, Equatable {
    public struct Node: Codable, Sendable, Equatable, Hashable {
        /// `doc:<docid>` for indexed documents, `ref:<key>` for unresolved references.
        public var id: String
        public var label: String
        public var number: String?
        public var type: String?
        public var date: String?
        public var path: String?
        public var resolved: Bool
    }

    public struct Edge: Codable, Sendable, Equatable, Hashable {
        public var source: String
        public var target: String
        /// Relation code stated in the text (``Relation``), or `mentions`.
        public var relation: String
        /// The relation in words: "căn cứ", "nhắc đến".
        public var relationLabel: String
        public var count: Int

        enum CodingKeys: String, CodingKey { case source, target, relation, relationLabel = "relation_label", count }
    }

    /// The relation code of an edge whose citations state none.
    public static let mentions = "mentions"

    public var nodes: [Node]
    public var edges: [Edge]

    /// Builds the graph of `documents`; with `root`, only what lies within `depth` citation steps of it
    /// (both directions). Self-citations are dropped; cycles are fine.
    public static func build(documents: [(docid: UInt32, document: StoredDocument)], root: String? = nil,
                             depth: Int = 2) throws -> CitationGraph {
        try build(documents: documents, depth: depth) { nodes, byKey in root.map { Self.rootNode($0, nodes: nodes, byKey: byKey) } }
    }

    /// The graph of what lies within `depth` citation steps of the indexed document `docid` (both directions);
    /// empty when `docid` is none of `documents`.
    public static func build(documents: [(docid: UInt32, document: StoredDocument)], around docid: UInt32,
                             depth: Int = 2) throws -> CitationGraph {
        try build(documents: documents, depth: depth) { nodes, _ in nodes["doc:\(docid)"] == nil ? .some(nil) : "doc:\(docid)" }
    }

    /// The graph of `documents`, narrowed to the neighbourhood of the node `root` names: nil for the whole
    /// graph, `.some(nil)` for a root that names no node (an empty graph).
    private static func build(documents: [(docid: UInt32, document: StoredDocument)], depth: Int,
                              root: (_ nodes: [String: Node], _ byKey: [String: String]) -> String??) throws -> CitationGraph {
        var byKey: [String: String] = [:]
        var nodes: [String: Node] = [:]
        for (docid, doc) in documents {
            let id = "doc:\(docid)"
            nodes[id] = Node(id: id, label: doc.number ?? doc.title ?? URL(fileURLWithPath: doc.path).lastPathComponent,
                             number: doc.number, type: doc.type, date: doc.date, path: doc.path, resolved: true)
            if let key = doc.numberKey {
                byKey[key] = byKey[key] ?? id
                if let n = DocNumberParser.parse(key), let loose = n.keyWithoutYear { byKey[loose] = byKey[loose] ?? id }
            }
        }
        var edgeCounts: [Edge: Int] = [:]
        var order: [Edge] = []
        let resolver = CitationResolver(documents: documents)
        for (docid, doc) in documents {
            let source = "doc:\(docid)"
            for c in doc.citations {
                let resolution = try resolver.resolve(c)
                var targets = resolution.docids.map { "doc:\($0)" }
                if targets.isEmpty {
                    let target = "ref:\(resolution.listKey(of: c))"
                    targets = [target]
                    if nodes[target] == nil {
                        let number = resolution.key.flatMap(DocNumberParser.parse)?.display ?? c.number?.display
                        nodes[target] = Node(id: target, label: number ?? c.text.oneLine, number: number,
                                             type: c.type, date: c.date, path: nil, resolved: false)
                    }
                }
                for target in targets where target != source {
                    let edge = Edge(source: source, target: target, relation: c.relation?.rawValue ?? Self.mentions,
                                    relationLabel: Relation.label(ofCode: c.relation?.rawValue), count: 0)
                    if edgeCounts[edge] == nil { order.append(edge) }
                    edgeCounts[edge, default: 0] += 1
                }
            }
        }
        var edges = order.map { e -> Edge in var e = e; e.count = edgeCounts[e] ?? 1; return e }
        var keep = Set(nodes.keys)
        let rootID = root(nodes, byKey)
        if case .some(.some(let start)) = rootID {
            var reached: Set<String> = [start]
            var frontier: Set<String> = [start]
            for _ in 0..<max(0, depth) {
                var next = Set<String>()
                for e in edges {
                    if frontier.contains(e.source), !reached.contains(e.target) { next.insert(e.target) }
                    if frontier.contains(e.target), !reached.contains(e.source) { next.insert(e.source) }
                }
                reached.formUnion(next)
                frontier = next
                if next.isEmpty { break }
            }
            keep = reached
            edges = edges.filter { keep.contains($0.source) && keep.contains($0.target) }
        } else if rootID != nil {
            keep = []
            edges = []
        }
        let kept = nodes.values.filter { keep.contains($0.id) }.sorted { $0.id < $1.id }
        return CitationGraph(nodes: kept, edges: edges)
    }

    static func rootNode(_ root: String, nodes: [String: Node], byKey: [String: String]) -> String? {
        if let target = ReferenceTarget.parse(root) {
            for key in target.keys { if let id = byKey[key] { return id } }
            let ref = "ref:\(target.key)"
            if nodes[ref] != nil { return ref }
        }
        return nil
    }

    /// Graphviz DOT; unresolved references drawn dashed. `link` gives a node's URL (in SVG, the node is a
    /// link to it), `root` the node drawn bold.
    public func dot(root: String? = nil, link: (Node) -> String? = { _ in nil }) -> String {
        func esc(_ s: String) -> String { s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
        var lines = ["digraph citations {", "  rankdir=LR;", "  node [shape=box, fontname=\"DejaVu Sans\"];"]
        for n in nodes {
            let label = n.resolved && n.type != nil ? esc(n.type!) + "\\n" + esc(n.label) : esc(n.label)
            var style = n.resolved ? "" : ", style=dashed, color=gray40"
            if n.id == root { style += ", penwidth=2" }
            if let url = link(n) { style += ", URL=\"\(esc(url))\", target=\"_top\"" }
            lines.append("  \"\(esc(n.id))\" [label=\"\(label)\"\(style)];")
        }
        for e in edges {
            let label = e.count > 1 ? "\(e.relationLabel) ×\(e.count)" : e.relationLabel
            lines.append("  \"\(esc(e.source))\" -> \"\(esc(e.target))\" [label=\"\(esc(label))\"];")
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// Edges as CSV rows, with the node labels.
    public func csv() -> String {
        let label = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0.label) })
        var rows = ["source,source_label,target,target_label,relation,count,target_resolved"]
        let resolved = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0.resolved) })
        for e in edges {
            rows.append([e.source, label[e.source] ?? "", e.target, label[e.target] ?? "", e.relation, String(e.count),
                         (resolved[e.target] ?? false) ? "true" : "false"].map(CSV.field).joined(separator: ","))
        }
        return rows.joined(separator: "\n")
    }
}
