import XapianBridge

/// Runs queries against a database.
///
/// An error carried by the query is reported by `mset`. Not `Sendable`: it shares Xapian objects
/// with its database, its query and its spies.
public final class Enquire {
    private let handle: OpaquePointer
    /// Kept alive for the enquire's lifetime.
    private let database: Database
    /// The spies the C++ enquire points to; released only after the enquire is freed.
    private var spies: [ValueCountMatchSpy] = []

    /// An enquire over `db` (over the shards it has now).
    public init(_ db: Database) {
        database = db
        handle = mustCall { xb_enquire_new(db.handle, $0) }!
    }

    deinit { xb_enquire_free(handle) }

    /// The query to run; initially `Query.matchNothing`.
    public var query: Query = .matchNothing {
        didSet { mustCall { xb_enquire_set_query(handle, query.handle, $0) } }
    }

    /// Weights matches with BM25 (the default, with default parameters).
    public func setWeighting(_ w: BM25) {
        mustCall { xb_enquire_set_bm25(handle, w.k1, w.k2, w.k3, w.b, w.minNormalizedLength, $0) }
    }

    /// Sorts by the value in `slot`, breaking ties by relevance.
    public func setSort(byValueThenRelevance slot: UInt32, reverse: Bool) {
        setSort(XB_SORT_VALUE_THEN_RELEVANCE, slot, reverse)
    }

    /// Sorts by relevance (the default).
    public func setSortByRelevance() {
        setSort(XB_SORT_RELEVANCE, 0, false)
    }

    /// Adds a spy that sees every document the matcher examines.
    public func add(_ spy: ValueCountMatchSpy) {
        spies.append(spy)
        mustCall { xb_enquire_add_matchspy(handle, spy.handle, $0) }
    }

    /// Runs the query, returning up to `limit` matches starting at `offset`.
    /// `checkAtLeast` makes the matcher examine at least that many documents, making
    /// the estimates exact (and match spies complete) when it is at least the match count.
    public func mset(offset: Int, limit: Int, checkAtLeast: Int = 0) throws -> MSet {
        if let error = query.error { throw error }
        let first = try unsigned32(offset, "offset")
        let count = try unsigned32(limit, "limit")
        let check = try unsigned32(checkAtLeast, "checkAtLeast")
        var estimated: UInt32 = 0, lower: UInt32 = 0, upper: UInt32 = 0
        let items = try Collector<MatchItem>().collect { context in
            try call { error in
                xb_enquire_mset(handle, first, count, check, { context, docid, rank, percent, weight, doc in
                    Collector<MatchItem>.from(context).items.append(MatchItem(
                        docid: docid, rank: Int(rank), percent: Int(percent), weight: weight,
                        document: Document(handle: doc!)))
                }, context, &estimated, &lower, &upper, error)
            }
        }
        return MSet(items: items, estimatedTotal: Int(estimated), lowerBound: Int(lower), upperBound: Int(upper))
    }

    /// Xapian's own snippet (`MSet::snippet`, no stemmer) of the UTF-8 `text`, such as a document's data
    /// lent by `Document.withData`, for the page the last ``mset(offset:limit:checkAtLeast:)`` returned:
    /// about `length` bytes around the passage that best matches the query, its terms in `<b>…</b>`.
    /// Before any page, a passage with nothing marked.
    public func snippet(of text: UnsafeBufferPointer<UInt8>, length: Int = 200) throws -> String {
        let length = try unsigned32(length, "length")
        let bytes = UnsafeRawPointer(text.baseAddress)?.assumingMemoryBound(to: CChar.self)
        return try collectStrings { xb_enquire_snippet(handle, bytes, text.count, Int(length), $0, $1, $2) }.first ?? ""
    }

    private func setSort(_ kind: Int, _ slot: UInt32, _ reverse: Bool) {
        mustCall { xb_enquire_set_sort(handle, Int32(kind), slot, reverse ? 1 : 0, $0) }
    }
}
