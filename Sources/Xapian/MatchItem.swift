/// One hit of an `MSet`.
public struct MatchItem {
    /// The document ID.
    public let docid: UInt32
    /// The 0-based rank in the whole result list (offset included).
    public let rank: Int
    /// The weight scaled to 0...100.
    public let percent: Int
    /// The relevance weight.
    public let weight: Double
    /// The document; its contents are read lazily from the database it came from.
    public let document: Document
}
