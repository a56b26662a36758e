import Synchronization
import VanBan

/// The limits every request is held to; each one broken gets its own error (400, 413 or 503).
public struct Limits: Sendable {
    /// Most characters in a query or a reference (413 beyond).
    public var queryLength = 500
    /// Most results on one page of the API (400 beyond).
    public var pageSize = 100
    /// Deepest result a page may start at (400 beyond).
    public var offset = 10_000
    /// Most citation steps from a graph's root (400 beyond).
    public var graphDepth = 3
    /// Longest a request may take before it is answered 503.
    public var timePerRequest: Duration = .seconds(10)

    public init() {}
}

/// The index as the routes read it: through the pool's handles, each read within the time limit.
struct Reader: Sendable {
    let pool: IndexPool
    let limits: Limits

    /// Runs `body` on a handle of the pool; past ``Limits/timePerRequest`` the request is answered with
    /// ``ServerError/timeout`` while the read finishes on its own handle (Xapian cannot be stopped midway).
    func read<T: Sendable>(_ body: @escaping @Sendable (SearchIndex) throws -> T) async throws -> T {
        try await withDeadline(limits.timePerRequest) { [pool] in try await pool.read(body) }
    }

    /// ``read(_:)``, with the time `body` took on its handle: the engine's own time, without waiting for a
    /// handle or the server's work around it (the `Server-Timing` header reports it).
    func timed<T: Sendable>(_ body: @escaping @Sendable (SearchIndex) throws -> T) async throws -> (value: T, engine: Duration) {
        try await read { index in
            let clock = ContinuousClock()
            let start = clock.now
            let value = try body(index)
            return (value, clock.now - start)
        }
    }
}

/// The result of `body`, or ``ServerError/timeout`` when it takes longer than `limit`; `body` goes on in
/// its own task, its result dropped.
func withDeadline<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let answered = Mutex(false)
    /// True for the first caller only: the one that resumes the continuation.
    let first: @Sendable () -> Bool = { answered.withLock { was in defer { was = true }; return !was } }
    return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
        let timer = Task {
            try? await Task.sleep(for: limit)
            if !Task.isCancelled, first() { continuation.resume(throwing: ServerError.timeout) }
        }
        Task {
            let result: Result<T, any Error>
            do { result = .success(try await body()) } catch { result = .failure(error) }
            timer.cancel()
            if first() { continuation.resume(with: result) }
        }
    }
}
