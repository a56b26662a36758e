#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable buffer for the analyzer's hot path: no copy-on-write checks, clearing is free.
/// It cannot be copied, so it has one owner, and it frees its memory when that owner is done with it.
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The current content; valid until the next append.
    var buffer: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: base, count: count) }

    @inline(__always) mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ element: Element) {
        if count == capacity { grow(count + 1) }
        base[count] = element
        count += 1
    }

    mutating func append(contentsOf other: UnsafeBufferPointer<Element>) {
        if count + other.count > capacity { grow(count + other.count) }
        if let source = other.baseAddress { (base + count).update(from: source, count: other.count) }
        count += other.count
    }

    /// Makes room for at least `needed` elements, doubling the capacity.
    private mutating func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }
}

/// UTF-8 bytes: the exact and folded terms.
typealias ByteBuffer = GrowableBuffer<UInt8>
/// Unicode scalar values: a word being normalised.
typealias ScalarBuffer = GrowableBuffer<UInt32>

extension GrowableBuffer where Element == UInt8 {
    /// The current content; valid until the next append.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    @inline(__always) mutating func appendUTF8(_ v: UInt32) {
        if count + 4 > capacity { grow(count + 4) }
        switch v {
        case 0..<0x80:
            base[count] = UInt8(v); count += 1
        case 0x80..<0x800:
            base[count] = UInt8(0xC0 | (v >> 6))
            base[count + 1] = UInt8(0x80 | (v & 0x3F))
            count += 2
        case 0x800..<0x10000:
            base[count] = UInt8(0xE0 | (v >> 12))
            base[count + 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
            base[count + 2] = UInt8(0x80 | (v & 0x3F))
            count += 3
        default:
            base[count] = UInt8(0xF0 | (v >> 18))
            base[count + 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
            base[count + 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
            base[count + 3] = UInt8(0x80 | (v & 0x3F))
            count += 4
        }
    }

    /// Appends the folded form of `v` (see `WordForm.appendFolded`).
    @inline(__always) mutating func appendFolded(_ v: UInt32) {
        if v < 0x80 { append(v >= 0x41 && v <= 0x5A ? UInt8(v + 0x20) : UInt8(v)); return }
        let info = VietLetters.lookup(v)
        if info != 0 { append(VietLetters.baseASCII[Int(VietLetters.vowel(info))]); return }
        if v == 0x110 || v == 0x111 { append(0x64); return }
        var slow: [UInt8] = []
        WordForm.appendFolded(v, to: &slow)
        slow.withUnsafeBufferPointer { append(contentsOf: $0) }
    }

    /// Whether the content equals `other` byte for byte.
    func equals(_ other: UnsafeBufferPointer<UInt8>) -> Bool { Self.same(bytes, other) }

    /// Whether `a` and `b` hold the same bytes.
    @inline(__always) static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0, let x = a.baseAddress, let y = b.baseAddress else { return true }
        return memcmp(x, y, a.count) == 0
    }
}
