import Foundation
import Testing
@testable import DocRefs
@testable import VanBan

/// `vanban graph`: cycles, self-citations, unresolved references, DOT accepted by Graphviz, JSON round trip.
@Suite struct GraphTests {
    static let folder = Paths.fixtures.appendingPathComponent("cite/graph")

    /// Indexes the two fixture decisions: 11/QĐ-UBND cites 12/QĐ-UBND (twice) and 99/2020/NĐ-CP (not in the index);
    /// 12/QĐ-UBND cites 11/QĐ-UBND back and the Trade Union Law of 2012 by name.
    static func index() throws -> (TempDir, String) {
        let dir = try TempDir("graph")
        let (report, _) = try buildIndex(folder, in: dir)
        #expect(report.failed.isEmpty)
        return (dir, dir.url.appendingPathComponent("index").path)
    }

    static func graph(_ index: String, _ extra: [String] = []) throws -> CitationGraph {
        let r = try vanban(["graph", "--index", index, "--format", "json"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(CitationGraph.self, from: Data(r.stdout.utf8))
    }

    @Test func cycleAndUnresolvedReferences() throws {
        let (dir, index) = try Self.index()
        _ = dir
        let g = try Self.graph(index)
        let byNumber = Dictionary(uniqueKeysWithValues: g.nodes.compactMap { n in n.number.map { ($0, n) } })
        let a = try #require(byNumber["11/QĐ-UBND"]), b = try #require(byNumber["12/QĐ-UBND"])
        #expect(a.resolved && b.resolved)
        // The cycle: both directions are edges, each once per relation.
        #expect(g.edges.contains { $0.source == a.id && $0.target == b.id && $0.relation == "can_cu" })
        #expect(g.edges.contains { $0.source == a.id && $0.target == b.id && $0.relation == "theo" })
        #expect(g.edges.contains { $0.source == b.id && $0.target == a.id && $0.relation == "sua_doi_bo_sung" })
        // "Quyết định số 11/QĐ-UBND này" inside 11/QĐ-UBND is no edge.
        #expect(!g.edges.contains { $0.source == $0.target })
        // Not in the index: a node of its own, unresolved.
        let decree = try #require(g.nodes.first { $0.id == "ref:99/2020/ND-CP" })
        #expect(!decree.resolved && decree.path == nil && decree.label == "99/2020/NĐ-CP" && decree.date == "2020-07-01")
        let law = try #require(g.nodes.first { $0.id == "ref:12/2012/QH13" })
        #expect(!law.resolved && law.type == "Luật")
        #expect(g.edges.contains { $0.source == a.id && $0.target == decree.id })
        #expect(g.edges.contains { $0.source == b.id && $0.target == law.id })
        #expect(g.nodes.count == 4 && g.edges.count == 5)
        // Every edge end is a node.
        let ids = Set(g.nodes.map(\.id))
        #expect(g.edges.allSatisfy { ids.contains($0.source) && ids.contains($0.target) })
    }

    @Test func jsonRoundTrips() throws {
        let (dir, index) = try Self.index()
        _ = dir
        let r = try vanban(["graph", "--index", index, "--format", "json"])
        let decoded = try JSONDecoder().decode(CitationGraph.self, from: Data(r.stdout.utf8))
        let again = try JSONDecoder().decode(CitationGraph.self, from: try JSONEncoder().encode(decoded))
        #expect(decoded == again)
        #expect(!decoded.nodes.isEmpty && !decoded.edges.isEmpty)
    }

    @Test func dotIsAcceptedByGraphviz() throws {
        let (dir, index) = try Self.index()
        let r = try vanban(["graph", "--index", index, "--format", "dot"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("digraph citations {"))
        #expect(r.stdout.contains("\"ref:99/2020/ND-CP\" [label=\"99/2020/NĐ-CP\", style=dashed"))
        guard let dot = Paths.onPath("dot") else {
            Issue.record("graphviz `dot` is not installed; cannot check the DOT output")
            return
        }
        let file = try dir.write("graph.dot", r.stdout)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tsvg", file.path, "-o", dir.url.appendingPathComponent("graph.svg").path]
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "dot: \(message)")
        let svg = try String(contentsOf: dir.url.appendingPathComponent("graph.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("11/QĐ") && svg.contains("99/2020/NĐ"))
    }

    @Test func dotEscapesQuotesAndBackslashes() throws {
        let node = CitationGraph.Node(id: "ref:X", label: "Số \"7\" \\ a", number: nil, type: nil, date: nil, path: nil, resolved: false)
        let g = CitationGraph(nodes: [node], edges: [])
        #expect(g.dot().contains(#""ref:X" [label="Số \"7\" \\ a", style=dashed"#))
    }

    @Test func selfCitationsAreDroppedAndRootLimitsTheGraph() throws {
        func doc(_ path: String, _ number: String, cites: [String]) -> StoredDocument {
            let n = DocNumberParser.parse(number)!
            let citations = cites.map { c -> Citation in
                let m = DocNumberParser.parse(c)!
                return Citation(text: c, number: m, key: m.key, type: nil, issuer: nil, date: nil, relation: nil, kind: .full,
                                resolved: false, start: 0, end: c.utf8.count)
            }
            return StoredDocument(path: path, format: "txt", encoding: "utf-8", number: n.display, numberKey: n.key, type: nil,
                                  issuer: nil, date: nil, title: nil, signer: nil, citations: citations, text: "")
        }
        let docs: [(docid: UInt32, document: StoredDocument)] = [
            (1, doc("/a", "1/QĐ-UBND", cites: ["1/QĐ-UBND", "2/QĐ-UBND"])),
            (2, doc("/b", "2/QĐ-UBND", cites: ["3/QĐ-UBND", "1/QĐ-UBND"])),
            (3, doc("/c", "3/QĐ-UBND", cites: ["5/2020/NĐ-CP"])),
            (4, doc("/d", "4/QĐ-UBND", cites: [])),
        ]
        let all = try CitationGraph.build(documents: docs)
        #expect(!all.edges.contains { $0.source == $0.target })
        #expect(all.edges.map { "\($0.source)>\($0.target)" } == ["doc:1>doc:2", "doc:2>doc:3", "doc:2>doc:1", "doc:3>ref:5/2020/ND-CP"])
        #expect(all.nodes.count == 5)
        let near = try CitationGraph.build(documents: docs, root: "1/QĐ-UBND", depth: 1)
        #expect(Set(near.nodes.map(\.id)) == ["doc:1", "doc:2"])
        let far = try CitationGraph.build(documents: docs, root: "1/QĐ-UBND", depth: 3)
        #expect(Set(far.nodes.map(\.id)) == ["doc:1", "doc:2", "doc:3", "ref:5/2020/ND-CP"])
        let fromUnresolved = try CitationGraph.build(documents: docs, root: "5/2020/NĐ-CP", depth: 1)
        #expect(Set(fromUnresolved.nodes.map(\.id)) == ["doc:3", "ref:5/2020/ND-CP"])
        #expect(try CitationGraph.build(documents: docs, root: "77/QĐ-XYZ").nodes.isEmpty)
        // CSV: one row per edge after the header, target resolution in the last column.
        let rows = all.csv().split(separator: "\n")
        #expect(rows.count == 5 && rows[0].hasPrefix("source,source_label,target"))
        #expect(rows[4].hasSuffix(",false") && rows[1].hasSuffix(",true"))
    }

    @Test func unknownRootIsNoResultsNotACrash() throws {
        let (dir, index) = try Self.index()
        _ = dir
        let r = try vanban(["graph", "--index", index, "--root", "777/QĐ-XYZ"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("777/QĐ-XYZ"))
        let bad = try vanban(["graph", "--index", index, "--depth", "-1"])
        #expect(bad.status != 0 && bad.status != 1)
        let rooted = try Self.graph(index, ["--root", "99/2020/NĐ-CP", "--depth", "1"])
        #expect(Set(rooted.nodes.compactMap(\.number)) == ["99/2020/NĐ-CP", "11/QĐ-UBND"])
    }
}
