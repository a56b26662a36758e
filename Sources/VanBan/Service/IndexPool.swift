import Dispatch
import Foundation
import Synchronization

/// Many readers of one index at once, for a server: a few ``SearchIndex`` handles, each owned by a
/// ``IndexReader`` actor that runs on its own serial queue, so that a Xapian handle is only ever used
/// by one thread at a time and blocking reads stay off Swift's cooperative threads. A request goes to
/// the reader with the fewest requests in hand. Each request sees the index as last committed: the
/// handle moves to the latest revision first (an indexer may have committed since), or is opened
/// anew when a rebuild switched the index or the move fails. A request under way when a rebuild switches
/// finishes on the old database: its files stay readable through the open handle. GRDB's `DatabasePool` is the model.
public final class IndexPool: Sendable {
    /// The index folders and `tcp://` shards searched as one.
    public let locations: [String]
    private let readers: [IndexReader]
    private let load: Mutex<[Int]>

    /// A pool of `readers` handles on `locations`. One is opened now, so that a missing index or an
    /// index of another schema is reported here rather than at the first request.
    public init(locations: [String], readers: Int = max(2, ProcessInfo.processInfo.activeProcessorCount)) throws {
        precondition(readers >= 1, "at least one reader")
        _ = try SearchIndex(locations: locations)
        self.locations = locations
        self.readers = (0..<readers).map { IndexReader(locations: locations, label: "vanban.reader.\($0)") }
        load = Mutex(Array(repeating: 0, count: readers))
    }

    /// Runs `body` with a handle on the index (on that handle's thread) and returns what it returns;
    /// Xapian's word for damage becomes ``VanBanError/damaged(index:detail:)``.
    public func read<T: Sendable>(_ body: @Sendable (SearchIndex) throws -> T) async throws -> T {
        let k = load.withLock { load in
            let k = load.indices.min { load[$0] < load[$1] }!
            load[k] += 1
            return k
        }
        defer { load.withLock { $0[k] -= 1 } }
        do {
            return try await readers[k].read(body)
        } catch {
            throw VanBanError.explaining(error, index: locations.joined(separator: ", "))
        }
    }
}

/// One ``SearchIndex`` handle, used only on this actor's serial queue.
actor IndexReader {
    private let locations: [String]
    private let executor: QueueExecutor
    private var index: SearchIndex?

    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    init(locations: [String], label: String) {
        self.locations = locations
        executor = QueueExecutor(DispatchQueue(label: label))
    }

    func read<T: Sendable>(_ body: @Sendable (SearchIndex) throws -> T) throws -> T {
        try body(try current())
    }

    /// The handle at the index's latest revision: the open one moved forward, else a new one (after a
    /// rebuild switched the index, or when the open one cannot move: its database was deleted).
    private func current() throws -> SearchIndex {
        if let index, !index.isSwitched {
            do {
                if try index.database.reopen() { try index.checkSchema() }
                return index
            } catch {
                self.index = nil
            }
        }
        let opened = try SearchIndex(locations: locations)
        index = opened
        return opened
    }
}

/// Runs an actor's jobs on a serial dispatch queue of its own (Linux's Dispatch has no `DispatchSerialQueue`).
final class QueueExecutor: SerialExecutor {
    private let queue: DispatchQueue

    init(_ queue: DispatchQueue) { self.queue = queue }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
