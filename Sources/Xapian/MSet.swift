/// One page of search results, with Xapian's estimates of the total number of matches.
public struct MSet: RandomAccessCollection {
    public let items: [MatchItem]
    /// Xapian's estimate of the number of matching documents.
    public let estimatedTotal: Int
    /// A lower bound on the number of matching documents.
    public let lowerBound: Int
    /// An upper bound on the number of matching documents.
    public let upperBound: Int

    public var startIndex: Int { items.startIndex }
    public var endIndex: Int { items.endIndex }
    public subscript(position: Int) -> MatchItem { items[position] }
}
