/// A term of a document: its text, within-document frequency and positions (ascending).
public struct DocumentTerm: Equatable, Hashable, Sendable {
    public let term: String
    public let wdf: UInt32
    public let positions: [UInt32]

    public init(term: String, wdf: UInt32, positions: [UInt32] = []) {
        self.term = term
        self.wdf = wdf
        self.positions = positions
    }
}
