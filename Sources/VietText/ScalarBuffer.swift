/// A growable buffer of scalar values for the analyzer's hot path (see `ByteBuffer`).
/// The owner must call `deallocate()`.
struct ScalarBuffer {
    private(set) var base: UnsafeMutablePointer<UInt32>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    /// The current content; valid until the next append.
    var buffer: UnsafeMutableBufferPointer<UInt32> { UnsafeMutableBufferPointer(start: base, count: count) }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ v: UInt32) {
        if count == capacity { grow() }
        base[count] = v
        count += 1
    }

    private mutating func grow() {
        let bigger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * 2)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}
