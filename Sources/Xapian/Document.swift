import XapianBridge

/// A Xapian document: data, terms (with wdf and positions) and values in numbered slots.
///
/// A document read from a database loads its contents lazily from that database, so it must be
/// used on the same thread as the database. `@unchecked Sendable`: use each instance from one
/// thread at a time. The getters return empty results if the database can no longer be read
/// (e.g. after `Database.close()`).
public final class Document: @unchecked Sendable {
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

    /// The document ID in the database it came from (0 for a new document).
    public var docid: UInt32 {
        (try? call { xb_document_docid(handle, $0) }) ?? 0
    }

    /// The opaque data stored with the document.
    public var data: String {
        get { (try? fetchString { xb_document_data(handle, $0, $1) }) ?? "" }
        set { attempt(newValue) { p, n, e in xb_document_set_data(handle, p, n, e) } }
    }

    /// Calls `body` with the stored data as raw bytes, without a UTF-8 check or a Swift copy: for large
    /// data that is read only in part.
    public func withData<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        var count = 0
        guard let pointer = try call({ xb_document_data(handle, &count, $0) }) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { xb_free(pointer) }
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: count) { try body(UnsafeBufferPointer(start: $0, count: count)) }
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

    /// Removes `term` with its positions; returns false if the document does not have it.
    @discardableResult
    public func removeTerm(_ term: String) -> Bool {
        attempt(term) { p, n, e in xb_document_remove_term(handle, p, n, e) }
    }

    /// Sets the value in `slot` (an empty value removes it).
    public func setValue(_ slot: UInt32, _ value: String) {
        attempt(value) { p, n, e in xb_document_set_value(handle, slot, p, n, e) }
    }

    /// Sets the value in `slot` to raw bytes, e.g. from `sortableSerialise`.
    public func setValue(_ slot: UInt32, bytes: [UInt8]) {
        _ = try? withBytes(bytes) { p, n in try call { xb_document_set_value(handle, slot, p, n, $0) } }
    }

    /// The value in `slot`, decoded as UTF-8 ("" if unset).
    public func value(_ slot: UInt32) -> String {
        (try? fetchString { xb_document_value(handle, slot, $0, $1) }) ?? ""
    }

    /// Calls `body` with the value in `slot` as raw bytes (empty if unset), without a UTF-8 check or a
    /// Swift copy: for large values that are read only in part.
    public func withValue<R>(_ slot: UInt32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        var count = 0
        guard let pointer = try call({ xb_document_value(handle, slot, &count, $0) }) else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        defer { xb_free(pointer) }
        return try pointer.withMemoryRebound(to: UInt8.self, capacity: count) { try body(UnsafeBufferPointer(start: $0, count: count)) }
    }

    /// The raw bytes of the value in `slot` (empty if unset).
    public func valueBytes(_ slot: UInt32) -> [UInt8] {
        (try? fetchBytes { xb_document_value(handle, slot, $0, $1) }) ?? []
    }

    /// The document's terms in byte order, with wdf and positions.
    public var terms: [DocumentTerm] {
        ((try? collectTerms { xb_document_termlist(handle, $0, $1, $2) }) ?? []).map(\.documentTerm)
    }

    /// The number of distinct terms.
    public var termCount: Int {
        Int((try? call { xb_document_termcount(handle, $0) }) ?? 0)
    }

    /// Runs a mutating bridge call on the bytes of `text`; false if Xapian refused.
    @discardableResult
    private func attempt(_ text: String, _ body: (UnsafePointer<CChar>?, Int, ErrorSlot) -> Void) -> Bool {
        (try? withBytes(text) { p, n in try call { body(p, n, $0) } }) != nil
    }
}
