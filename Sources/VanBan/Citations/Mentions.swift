import DocRefs
import Foundation
import Xapian

/// One mention of a reference inside a document.
public struct Mention: Codable, Sendable, Equatable {
    /// The mention as written.
    public var text: String
    /// UTF-8 byte offsets into the document text.
    public var start: Int
    public var end: Int
    /// The sentence around it (at most `context` bytes each side).
    public var passage: String
    /// UTF-8 range of the mention inside ``passage``.
    public var passageHighlight: [Int]
    /// `null` in the JSON when the text states none.
    @NullEncoded public var relation: String?
    /// True when a short form was resolved to the reference by an earlier full mention.
    public var resolved: Bool

    enum CodingKeys: String, CodingKey { case text, start, end, passage, passageHighlight = "passage_highlight", relation, resolved }
}

/// A document that mentions the reference, with its mentions; missing metadata is `null` in the JSON.
public struct MentionDocument: Codable, Sendable {
    public var path: String
    @NullEncoded public var number: String?
    @NullEncoded public var type: String?
    @NullEncoded public var issuer: String?
    @NullEncoded public var date: String?
    @NullEncoded public var title: String?
    /// Whether ``title`` is the text's first sentence standing in for a title.
    public var titleDerived: Bool
    public var mentions: [Mention]

    enum CodingKeys: String, CodingKey { case path, number, type, issuer, date, title, titleDerived = "title_derived", mentions }
}

/// What `vanban mentions --json` prints.
public struct MentionsResponse: Codable, Sendable {
    public var reference: String
    public var key: String
    public var totalDocuments: Int
    public var totalMentions: Int
    public var documents: [MentionDocument]

    enum CodingKeys: String, CodingKey {
        case reference, key, totalDocuments = "total_documents", totalMentions = "total_mentions", documents
    }
}

public enum MentionSort: String, Sendable, CaseIterable {
    /// Newest first; undated documents last.
    case date
    /// Most mentions first.
    case relevance
}

extension SearchIndex {
    /// Every document that mentions `reference`, read from the citations stored at indexing time.
    public func mentions(of reference: String, context: Int = 160, sort: MentionSort = .date) throws -> MentionsResponse {
        guard let target = ReferenceTarget.parse(reference) else {
            throw VanBanError.badQuery(message: "\"\(reference)\" is not a document number, a short reference (NQ 02) or a named document (Luật Công đoàn)", position: 0)
        }
        var keys = Array(target.keys)
        if let prefix = target.keyPrefix {
            keys += try database.allTerms(prefix: Terms.cites(prefix)).compactMap { Terms.value(of: $0.term, prefix: Schema.Prefix.cites) }
        }
        var found: [MentionDocument] = []
        for (_, doc) in try documents(citing: keys) {
            let mentions = doc.citations.filter(target.matches).map { citation -> Mention in
                let (passage, highlight) = Passage.around(citation.start..<citation.end, in: doc.text, context: context)
                return Mention(text: citation.text, start: citation.start, end: citation.end, passage: passage,
                               passageHighlight: highlight, relation: citation.relation?.rawValue, resolved: citation.resolved)
            }
            guard !mentions.isEmpty else { continue }
            found.append(MentionDocument(path: doc.path, number: doc.number, type: doc.type, issuer: doc.issuer,
                                             date: doc.date, title: doc.title, titleDerived: doc.titleDerived, mentions: mentions))
        }
        switch sort {
        case .date:
            found.sort { ($0.date ?? "", $1.mentions.count, $1.path) > ($1.date ?? "", $0.mentions.count, $0.path) }
        case .relevance:
            found.sort { ($0.mentions.count, $1.path) > ($1.mentions.count, $0.path) }
        }
        return MentionsResponse(reference: reference, key: target.key, totalDocuments: found.count,
                                totalMentions: found.reduce(0) { $0 + $1.mentions.count }, documents: found)
    }
}

/// Cuts the sentence around a span out of a text.
public enum Passage {
    /// The sentence holding `span` (bounded by `. ` or a line break, at most `context` bytes each side),
    /// with the span's range inside it.
    public static func around(_ span: Range<Int>, in text: String, context: Int) -> (String, [Int]) {
        let utf8 = Array(text.utf8)
        let lo = max(0, min(span.lowerBound, utf8.count))
        let hi = max(lo, min(span.upperBound, utf8.count))
        var start = lo
        while start > 0, lo - start < context {
            let b = utf8[start - 1]
            if b == 0x0A || (b == 0x20 && start >= 2 && (utf8[start - 2] == 0x2E || utf8[start - 2] == 0x3B)) { break }
            start -= 1
        }
        var end = hi
        while end < utf8.count, end - hi < context {
            let b = utf8[end]
            if b == 0x0A { break }
            end += 1
            if b == 0x2E, end < utf8.count, utf8[end] == 0x20 { break }
        }
        while start < lo, UTF8.isContinuation(utf8[start]) { start += 1 }
        while end > hi, end < utf8.count, UTF8.isContinuation(utf8[end]) { end -= 1 }
        let slice = utf8[start..<end].map { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 ? UInt8(ascii: " ") : $0 }
        return (String(decoding: slice, as: UTF8.self), [lo - start, hi - start])
    }
}
