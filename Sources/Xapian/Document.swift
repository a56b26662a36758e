import XapianBridge

/// A Xapian document: data, terms (with wdf and positions) and values in numbered slots.
///
/// A document read from a database loads its contents lazily from that database, so its getters
/// throw when the database can no longer be read (e.g. after `Database.close()`). Not `Sendable`:
/// such a document shares Xapian objects with its database; a new document moves to another thread
/// as a `sending` value.
public final class Document {
    let handle: OpaquePointer

    /// An empty document.
    public init() {
        handle = mustCall { xb_document_new($0) }!
    }

    /// Takes ownership of a bridge handle.
    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { xb_document_free(handle) }

    /// The opaque data stored with the document, decoded as UTF-8.
    public var data: String {
        get throws { try fetchString { xb_document_data(handle, $0, $1) } }
    }

    /// Replaces the stored data.
    public func setData(_ data: String) {
        attempt(data) { p, n, e in xb_document_set_data(handle, p, n, e) }
    }

    /// Calls `body` with the stored data as raw bytes, without a UTF-8 check or a Swift copy: for large
    /// data that is read only in part.
    public func withData<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        var count = 0
        return try lend(try call { xb_document_data(handle, &count, $0) }, count, body)
    }

    /// Adds `wdfInc` to the within-document frequency of `term`.
    /// Returns false if Xapian refused (an empty term, or a document whose database is closed).
    @discardableResult
    public func addTerm(_ term: String, wdfInc: UInt32 = 1) -> Bool {
        attempt(term) { p, n, e in xb_document_add_term(handle, p, n, wdfInc, e) }
    }

    /// Adds an occurrence of `term` at `position`, adding `wdfInc` to its wdf.
    /// Returns false if Xapian refused (see `addTerm`).
    @discardableResult
    public func addPosting(_ term: String, position: UInt32, wdfInc: UInt32 = 1) -> Bool {
        attempt(term) { p, n, e in xb_document_add_posting(handle, p, n, position, wdfInc, e) }
    }

    /// Adds a filter term (wdf 0, no positions). Returns false if Xapian refused (see `addTerm`).
    @discardableResult
    public func addBooleanTerm(_ term: String) -> Bool {
        attempt(term) { p, n, e in xb_document_add_boolean_term(handle, p, n, e) }
    }

    /// Sets the value in `slot` (an empty value removes it).
    public func setValue(_ slot: UInt32, _ value: String) {
        attempt(value) { p, n, e in xb_document_set_value(handle, slot, p, n, e) }
    }

    /// Sets the value in `slot` to raw bytes (an empty value removes it).
    public func setValue(_ slot: UInt32, bytes: [UInt8]) {
        _ = try? withBytes(bytes) { p, n in try call { xb_document_set_value(handle, slot, p, n, $0) } }
    }

    /// The value in `slot`, decoded as UTF-8 ("" if unset).
    public func value(_ slot: UInt32) throws -> String {
        try fetchString { xb_document_value(handle, slot, $0, $1) }
    }

    /// Calls `body` with the value in `slot` as raw bytes (empty if unset), without a UTF-8 check or a
    /// Swift copy: for large values that are read only in part.
    public func withValue<R>(_ slot: UInt32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        var count = 0
        return try lend(try call { xb_document_value(handle, slot, &count, $0) }, count, body)
    }

    /// Runs `body` over `count` bytes at `pointer` (a buffer from the bridge), then frees them.
    private func lend<R>(_ pointer: UnsafeMutablePointer<CChar>?, _ count: Int,
                         _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        guard let pointer else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { xb_free(pointer) }
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: count) { try body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// Runs a mutating bridge call on the bytes of `text`; false if Xapian refused.
    @discardableResult
    private func attempt(_ text: String, _ body: (UnsafePointer<CChar>?, Int, ErrorSlot) -> Void) -> Bool {
        (try? withBytes(text) { p, n in try call { body(p, n, $0) } }) != nil
    }
}
