import XapianBridge

/// An immutable Xapian query tree.
///
/// The builders do not throw: a query Xapian rejects (e.g. `scaleWeight` with a negative factor)
/// keeps the error in `error`, passes it on to queries built from it, and `Enquire.mset` throws it.
///
/// Not `Sendable`: queries built from one another share Xapian objects whose reference counts are
/// not atomic, so a query moves to another thread only with everything built from it.
public final class Query: CustomStringConvertible {
    let handle: OpaquePointer
    /// Why Xapian rejected this query (or one of its subqueries); nil for a valid query.
    public let error: XapianError?

    /// Takes ownership of a bridge handle.
    init(handle: OpaquePointer, error: XapianError? = nil) {
        self.handle = handle
        self.error = error
    }

    /// Wraps the result of a bridge constructor; if it fails, an empty query carrying the error.
    private convenience init(inheriting inherited: XapianError? = nil, _ make: (ErrorSlot) -> OpaquePointer?) {
        do {
            self.init(handle: try call(make)!, error: inherited)
        } catch {
            self.init(handle: mustCall { xb_query_match_nothing($0) }!, error: inherited ?? (error as? XapianError))
        }
    }

    deinit { xb_query_free(handle) }

    /// Matches documents indexing `term`; `position` is its place in a phrase (0 = unset).
    public static func term(_ term: String, wdfInQuery: UInt32 = 1, position: UInt32 = 0) -> Query {
        withBytes(term) { p, n in Query { xb_query_term(p, n, wdfInQuery, position, $0) } }
    }

    /// Matches documents matching every subquery.
    public static func and(_ queries: [Query]) -> Query { combine(XB_OP_AND, queries) }

    /// Matches documents matching any subquery.
    public static func or(_ queries: [Query]) -> Query { combine(XB_OP_OR, queries) }

    /// Matches documents matching `left` but not `right`.
    public static func andNot(_ left: Query, _ right: Query) -> Query { combine(XB_OP_AND_NOT, [left, right]) }

    /// Matches documents matching `left`; those also matching `right` score higher.
    public static func andMaybe(_ left: Query, _ right: Query) -> Query { combine(XB_OP_AND_MAYBE, [left, right]) }

    /// Matches documents matching both, weighted by `query` only.
    public static func filter(_ query: Query, _ filter: Query) -> Query { combine(XB_OP_FILTER, [query, filter]) }

    /// Matches the subqueries in order within `window` positions (0 = as many as there are subqueries).
    /// A negative window counts as 0.
    public static func phrase(_ queries: [Query], window: Int = 0) -> Query {
        combine(XB_OP_PHRASE, queries, window: window)
    }

    /// Multiplies the weights from `query` by `factor`; a negative factor is an `.invalidArgumentError`.
    public static func scaleWeight(_ query: Query, _ factor: Double) -> Query {
        Query(inheriting: query.error) { xb_query_scale_weight(query.handle, factor, $0) }
    }

    /// Matches documents whose value in `slot` lies in `from...to` (byte order).
    public static func valueRange(slot: UInt32, from: String, to: String) -> Query {
        withBytes(from) { f, fn in withBytes(to) { t, tn in Query { xb_query_value_range(slot, f, fn, t, tn, $0) } } }
    }

    /// Matches any term starting with `prefix`. If more than `maxExpansion` terms match
    /// (0 = no limit; negative counts as 0), the search throws `.wildcardError`.
    public static func wildcard(_ prefix: String, maxExpansion: Int = 0) -> Query {
        let limit = UInt32(clamping: max(0, maxExpansion))
        return withBytes(prefix) { p, n in Query { xb_query_wildcard(p, n, limit, $0) } }
    }

    /// Matches every document.
    public static var matchAll: Query { Query { xb_query_match_all($0) } }

    /// Matches no document (the empty query).
    public static var matchNothing: Query { Query { xb_query_match_nothing($0) } }

    /// Xapian's description of the query, e.g. "Query((a AND b))".
    public var description: String {
        (try? fetchString { xb_query_description(handle, $0, $1) }) ?? "Query(?)"
    }

    private static func combine(_ op: Int, _ queries: [Query], window: Int = 0) -> Query {
        let handles: [OpaquePointer?] = queries.map(\.handle)
        let size = UInt32(clamping: max(0, window))
        return withExtendedLifetime(queries) {
            handles.withUnsafeBufferPointer { buffer in
                Query(inheriting: queries.lazy.compactMap(\.error).first) {
                    xb_query_combine(Int32(op), buffer.baseAddress, buffer.count, size, $0)
                }
            }
        }
    }
}
