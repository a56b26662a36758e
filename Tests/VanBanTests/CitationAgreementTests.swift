import Foundation
import TestTags
import Testing
@testable import VanBan

/// `cite`, `cited-by`, `graph`, `mentions` and `number` ask one resolver, so on the same index they draw the
/// same edges between indexed documents: citing path → cited path.
@Suite struct CitationAgreementTests {
    struct Edge: Hashable, CustomStringConvertible {
        var source: String, target: String
        var description: String { "\(URL(fileURLWithPath: source).lastPathComponent) → \(URL(fileURLWithPath: target).lastPathComponent)" }
    }

    /// The edges each command draws, by command.
    static func edges(_ index: SearchIndex) throws -> [String: Set<Edge>] {
        let all = try index.allDocuments()
        var out: [String: Set<Edge>] = [:]
        let path = Dictionary(uniqueKeysWithValues: all.map { ($0.docid, $0.document.path) })

        let graph = try CitationGraph.build(documents: all)
        out["graph"] = Set(graph.edges.compactMap { e in
            guard let s = UInt32(e.source.dropFirst(4)), let t = UInt32(e.target.dropFirst(4)), e.target.hasPrefix("doc:") else { return nil }
            return Edge(source: path[s]!, target: path[t]!)
        })
        var cite = Set<Edge>(), citedBy = Set<Edge>(), number = Set<Edge>(), mentions = Set<Edge>()
        for (_, doc) in all {
            let full = try index.lookup(doc.path).document
            for entry in try CitationList.of(full, in: index).entries {
                for target in entry.paths where target != doc.path { cite.insert(Edge(source: doc.path, target: target)) }
            }
            guard let own = doc.number else { continue }
            for d in try index.citing(own) where d.path != doc.path { citedBy.insert(Edge(source: d.path, target: doc.path)) }
            let found = try #require(try index.lookUp(number: own), "\(own)")
            #expect(found.documents.contains { $0.path == doc.path }, "number \(own) lists \(doc.path)")
            for d in found.citedBy where d.path != doc.path { number.insert(Edge(source: d.path, target: doc.path)) }
            for d in try index.mentions(of: own).documents where d.path != doc.path {
                mentions.insert(Edge(source: d.path, target: doc.path))
            }
        }
        out["cite"] = cite
        out["cited-by"] = citedBy
        out["number"] = number
        out["mentions"] = mentions
        return out
    }

    static func expectAgreement(_ edges: [String: Set<Edge>]) {
        let reference = edges["graph"]!
        for (command, set) in edges.sorted(by: { $0.key < $1.key }) where command != "graph" {
            let same = set == reference
            #expect(same, """
                \(command) and graph differ: only \(command): \(set.subtracting(reference).sorted { $0.description < $1.description }); \
                only graph: \(reference.subtracting(set).sorted { $0.description < $1.description })
                """)
        }
    }

    @Test func everyCommandDrawsTheSameEdgesOnTheSampleCorpus() throws {
        let dir = try TempDir("agreement")
        let (_, index) = try buildIndex(Paths.packageRoot.appendingPathComponent("corpus"), in: dir)
        let edges = try Self.edges(index)
        #expect(edges["graph"]!.count >= 5, "the sample corpus cites itself: \(edges["graph"]!)")
        Self.expectAgreement(edges)
        // 380/NQ-CP cites Nghị định 39/2022/NĐ-CP, which the sample does not hold: no edge to 39/2014/NĐ-CP.
        #expect(!edges["graph"]!.contains { $0.source.hasSuffix("380-nq-cp.txt") && $0.target.hasSuffix("39-2014-nd-cp.txt") })
        #expect(try index.citing("39/2014/NĐ-CP").allSatisfy { !$0.path.hasSuffix("380-nq-cp.txt") })
    }

    @Test(.enabled(if: Paths.sharedAvailable, "../shared is absent: no corpus to compare the commands on"),
          .timeLimit(.minutes(30)), .tags(.slow), .notInFastLoop)
    func everyCommandDrawsTheSameEdgesOnTheSharedCorpus() throws {
        let dir = try TempDir("agreement-vn")
        let (_, index) = try buildIndex(Paths.shared.appendingPathComponent("corpus-vn/docs"), in: dir)
        let edges = try Self.edges(index)
        print("agreement on corpus-vn: \(edges.mapValues(\.count).sorted { $0.key < $1.key })")
        #expect(edges["graph"]!.count >= 20)
        Self.expectAgreement(edges)
    }
}
