import XapianBridge

/// Where a bridge call stores its error record.
typealias ErrorSlot = UnsafeMutablePointer<UnsafeMutablePointer<xb_error>?>

/// Runs one bridge call and throws the error it reports, freeing the record.
func call<R>(_ body: (ErrorSlot) -> R) throws -> R {
    var error: UnsafeMutablePointer<xb_error>?
    let result = body(&error)
    if let error {
        defer { xb_error_free(error) }
        throw XapianError(error.pointee)
    }
    return result
}

/// Runs a bridge call that can only fail when memory runs out, trapping if it does.
func mustCall<R>(_ body: (ErrorSlot) -> R) -> R {
    do {
        return try call(body)
    } catch {
        preconditionFailure("Xapian bridge failed: \(error)")
    }
}

/// Lends the UTF-8 bytes of `string` (which may contain NUL) with their count.
func withBytes<R>(_ string: String, _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    var string = string
    return try string.withUTF8 { buffer in
        try body(UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self), buffer.count)
    }
}

/// Lends raw bytes with their count.
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    try bytes.withUnsafeBytes { buffer in
        try body(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count)
    }
}

/// Decodes `count` bytes at `pointer` as UTF-8 (invalid sequences are repaired).
func decode(_ pointer: UnsafePointer<CChar>?, _ count: Int) -> String {
    guard let pointer, count > 0 else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: pointer, count: count), as: UTF8.self)
}

/// Copies (as UTF-8) and frees a string returned by the bridge.
func takeString(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int) -> String {
    guard let pointer else { return "" }
    defer { xb_free(pointer) }
    return decode(pointer, count)
}

/// Calls a bridge function that returns a malloc'ed string, then copies and frees it.
func fetchString(_ body: (UnsafeMutablePointer<Int>, ErrorSlot) -> UnsafeMutablePointer<CChar>?) throws -> String {
    var count = 0
    let pointer = try call { body(&count, $0) }
    return takeString(pointer, count)
}

/// Collects values delivered through a bridge callback.
final class Collector<Element> {
    var items: [Element] = []

    /// Runs `body` with an opaque pointer to this collector, then returns what it gathered.
    func collect(_ body: (UnsafeMutableRawPointer) throws -> Void) rethrows -> [Element] {
        try withExtendedLifetime(self) { try body(Unmanaged.passUnretained(self).toOpaque()) }
        return items
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> Collector<Element> {
        Unmanaged<Collector<Element>>.fromOpaque(context!).takeUnretainedValue()
    }
}

/// One entry of a bridge term list.
struct TermEntry {
    let term: String
    let wdf: UInt32
    let frequency: UInt32
    let positions: [UInt32]

    var documentTerm: DocumentTerm { DocumentTerm(term: term, wdf: wdf, positions: positions) }
}

/// Gathers the entries of a term list delivered by `body`.
func collectTerms(_ body: (xb_term_callback, UnsafeMutableRawPointer, ErrorSlot) -> Void) throws -> [TermEntry] {
    try Collector<TermEntry>().collect { context in
        try call { error in
            body({ context, term, length, wdf, frequency, positions, count in
                let positions = count == 0 ? [] : Array(UnsafeBufferPointer(start: positions, count: count))
                Collector<TermEntry>.from(context).items.append(
                    TermEntry(term: decode(term, length), wdf: wdf, frequency: frequency, positions: positions))
            }, context, error)
        }
    }
}

/// Gathers the strings delivered by `body`.
func collectStrings(_ body: (xb_string_callback, UnsafeMutableRawPointer, ErrorSlot) -> Void) throws -> [String] {
    try Collector<String>().collect { context in
        try call { error in
            body({ context, string, length in
                Collector<String>.from(context).items.append(decode(string, length))
            }, context, error)
        }
    }
}

/// Converts a count to the bridge's 32-bit unsigned type, rejecting negatives.
func unsigned32(_ value: Int, _ name: String) throws -> UInt32 {
    guard value >= 0 else {
        throw XapianError(kind: .invalidArgumentError, message: "\(name) must not be negative (got \(value))")
    }
    return UInt32(clamping: value)
}
