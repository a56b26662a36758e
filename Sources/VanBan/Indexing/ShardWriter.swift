import Dispatch
import Synchronization
import Xapian

/// The writer of one shard of an index: its `WritableDatabase`, reachable only inside a mutex, so that one
/// thread at a time uses it. Documents handed over with ``write(_:)`` are written on the shard's own serial
/// queue, so that the shards of an index are written in parallel while the caller goes on; ``now(_:)`` runs
/// on the calling thread after everything handed over before it.
final class ShardWriter: Sendable {
    private let db: Mutex<WritableDatabase>
    private let queue: DispatchQueue
    private let pending = DispatchGroup()
    /// Bounds the writes waiting on the queue, and so the documents held in memory.
    private let room: DispatchSemaphore
    /// The first error of a handed-over write; the next ``now(_:)`` or ``drain()`` throws it.
    private let failure = Mutex<(any Error)?>(nil)

    /// - Parameters:
    ///   - db: the shard's database; no one else keeps a reference to it.
    ///   - waiting: the most writes handed over and not yet done.
    init(_ db: sending WritableDatabase, label: String, waiting: Int = 64) {
        self.db = Mutex(db)
        queue = DispatchQueue(label: label)
        room = DispatchSemaphore(value: waiting)
    }

    /// Hands `body` over to the shard's queue; waits while ``waiting`` writes are ahead of it. A write after
    /// one that failed is skipped.
    func write(_ body: @escaping @Sendable (WritableDatabase) throws -> Void) {
        room.wait()
        queue.async(group: pending) { [self] in
            defer { room.signal() }
            guard failure.withLock({ $0 == nil }) else { return }
            do {
                try db.withLock { try body($0) }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
    }

    /// Waits for the writes handed over, and throws the first error among them.
    func drain() throws {
        pending.wait()
        if let error = failure.withLock({ $0.take() }) { throw error }
    }

    /// Closes the database once the writes handed over are done (their errors no longer matter).
    func close() {
        pending.wait()
        db.withLock { $0.close() }
    }

    /// Runs `body` on the calling thread once the writes handed over are done.
    func now<T>(_ body: (WritableDatabase) throws -> sending T) throws -> sending T {
        try drain()
        return try db.withLock { db throws -> sending T in try body(db) }
    }
}
