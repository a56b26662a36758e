import Synchronization

/// Moves a value that is not `Sendable`, such as a new `Document` built on a worker thread, to
/// another thread. The value goes in as `sending`, so the compiler checks that the thread that made
/// it keeps no reference to it (nor to anything that shares its Xapian objects), and comes out once.
public final class Handoff<Value>: Sendable {
    private let value: Mutex<Value?>

    public init(_ value: sending Value) {
        self.value = Mutex(value)
    }

    /// The value, the first time; nil afterwards.
    public func take() -> sending Value? {
        value.withLock { $0.take() }
    }
}
