/// Parameters of Xapian's BM25 weighting; the defaults are Xapian 1.4's (note k1 = 1).
/// Xapian treats negative parameters as 0 and a `b` above 1 as 1.
public struct BM25: Sendable, Equatable {
    /// How quickly the weight saturates with wdf.
    public var k1: Double
    /// The document-length correction factor.
    public var k2: Double
    /// How quickly the weight saturates with the within-query frequency.
    public var k3: Double
    /// How much document length normalises wdf (0 = none, 1 = full).
    public var b: Double
    /// The floor on normalised document length.
    public var minNormalizedLength: Double

    public init(k1: Double = 1, k2: Double = 0, k3: Double = 1, b: Double = 0.5, minNormalizedLength: Double = 0.5) {
        self.k1 = k1
        self.k2 = k2
        self.k3 = k3
        self.b = b
        self.minNormalizedLength = minNormalizedLength
    }
}
