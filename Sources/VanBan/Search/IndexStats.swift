import Foundation
import Xapian

/// What `vanban stats` reports.
public struct IndexStats: Codable, Sendable {
    public var locations: [String]
    public var documents: Int
    public var terms: Int
    public var averageLength: Double
    /// Bytes on disk of the local indexes' live databases (remote shards are not counted).
    public var sizeBytes: Int
    /// `null` in the JSON for an index never committed to.
    @NullEncoded public var lastUpdate: String?
    public var byType: [FacetCount]
    public var byIssuer: [FacetCount]
    public var byYear: [FacetCount]

    enum CodingKeys: String, CodingKey {
        case locations, documents, terms, averageLength = "average_length", sizeBytes = "size_bytes"
        case lastUpdate = "last_update", byType = "by_type", byIssuer = "by_issuer", byYear = "by_year"
    }
}

extension SearchIndex {
    public func stats() throws -> IndexStats {
        let enquire = Enquire(database)
        enquire.query = .matchAll
        let spies = [Schema.Slot.type, Schema.Slot.issuer, Schema.Slot.year].map { ValueCountMatchSpy(slot: $0) }
        spies.forEach(enquire.add)
        _ = try enquire.mset(offset: 0, limit: 0, checkAtLeast: database.documentCount)
        var size = 0
        for location in locations where !location.hasPrefix("tcp://") {
            let folder = IndexFolder(location)
            let shards = try folder.live().map(folder.shards(of:)) ?? [location]
            size += shards.map(IndexFolder.bytes(in:)).reduce(0, +)
        }
        let updated = try database.metadata(Schema.lastUpdateKey)
        return try IndexStats(locations: locations, documents: database.documentCount, terms: try database.allTerms().count,
                          averageLength: database.averageLength, sizeBytes: size,
                          lastUpdate: updated.isEmpty ? nil : updated,
                          byType: FacetCount.merged(spies[0].counts), byIssuer: FacetCount.merged(spies[1].counts),
                          byYear: FacetCount.merged(spies[2].counts))
    }
}
