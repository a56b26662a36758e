import Foundation
import Testing
@testable import Xapian
import TCPServerSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct RemoteTests {
    @Test(.enabled(if: XapianTCPServer.available, "xapian-tcpsrv is not on PATH"))
    func searchesARemoteDatabase() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("db")
        try buildSampleDatabase(at: path).close()
        let server = try XapianTCPServer(serving: path)
        defer { server.stop() }
        let db = try Database(location: server.location)
        defer { db.close() }
        #expect(try db.documentCount == 5)
        let enquire = Enquire(db)
        enquire.query = .and([.term("fox"), .term("dog")])
        let mset = try enquire.mset(offset: 0, limit: 10)
        #expect(mset.map(\.docid).sorted() == [1, 5])
        #expect(try Set(mset.map { try $0.document.data }) == ["doc 1", "doc 5"])
        #expect(try db.document(2).value(Slot.year) == "2005")
    }

    @Test(.enabled(if: XapianTCPServer.available, "xapian-tcpsrv is not on PATH"))
    func searchesTwoRemoteShardsAsOne() throws {
        let dir = try TemporaryDirectory()
        let first = dir.path("first"), second = dir.path("second")
        try buildSampleDatabase(at: first, Array(samples.prefix(3))).close()
        try buildSampleDatabase(at: second, Array(samples.dropFirst(3))).close()
        let serverA = try XapianTCPServer(serving: first)
        defer { serverA.stop() }
        let serverB = try XapianTCPServer(serving: second)
        defer { serverB.stop() }
        let db = try Database(remoteHost: "127.0.0.1", port: serverA.port)
        defer { db.close() }
        try db.add(try Database(location: serverB.location))
        #expect(try db.documentCount == 5)
        let enquire = Enquire(db)
        enquire.query = .term("fox")
        let mset = try enquire.mset(offset: 0, limit: 10, checkAtLeast: 10)
        // Shard A holds samples 1-3 (docids 1, 3, 5), shard B samples 4-5 (docids 2, 4).
        #expect(mset.map(\.docid).sorted() == [1, 3, 4])
        #expect(try Set(mset.map { try $0.document.data }) == ["doc 1", "doc 2", "doc 5"])
        #expect(mset.estimatedTotal == 3)
    }

    @Test func nobodyListeningGivesNetworkError() throws {
        let port = try XapianTCPServer.freePort()
        let error = expectXapianError { _ = try Database(remoteHost: "127.0.0.1", port: port, timeoutMilliseconds: 2000) }
        #expect(error?.kind.isA(.networkError) == true, "got \(String(describing: error))")
    }

    @Test(arguments: ["tcp://127.0.0.1", "tcp://:8000", "tcp://127.0.0.1:99999", "tcp://127.0.0.1:abc", "tcp://127.0.0.1:0"])
    func malformedLocationsThrow(location: String) {
        #expect(expectXapianError { _ = try Database(location: location) }?.kind == .invalidArgumentError)
    }

    @Test func negativeTimeoutThrows() {
        #expect(expectXapianError { _ = try Database(remoteHost: "127.0.0.1", port: 1, timeoutMilliseconds: -1) }?.kind == .invalidArgumentError)
    }
}
