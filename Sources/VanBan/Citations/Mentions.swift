import DocRefs
import Foundation
import VietText
import Xapian

/// One mention of a reference inside a document.
public struct Mention: Codable, Sendable, Equatable {
    /// The mention as written.
    public var text: String
    /// UTF-8 byte offsets into the document text.
    public var start: Int
    public var end: Int
    /// The sentence around it (at most `context` words each side, "…" where cut), on one line.
    public var passage: String
    /// UTF-8 range of the mention inside ``passage``.
    public var passageHighlight: [Int]
    /// Relation code (``Relation``); `null` in the JSON when the text states none.
    @NullEncoded public var relation: String? { didSet { relationLabel = relation.map { Relation.label(ofCode: $0) } } }
    /// The relation in words ("căn cứ"); `null` with the code.
    @NullEncoded public private(set) var relationLabel: String?
    /// True when a short form was resolved to the reference by an earlier full mention.
    public var resolved: Bool

    public init(text: String, start: Int, end: Int, passage: String, passageHighlight: [Int], relation: String?, resolved: Bool) {
        self.text = text; self.start = start; self.end = end; self.passage = passage
        self.passageHighlight = passageHighlight; self.relation = relation; self.resolved = resolved
        relationLabel = relation.map { Relation.label(ofCode: $0) }
    }

    enum CodingKeys: String, CodingKey {
        case text, start, end, passage, passageHighlight = "passage_highlight", relation, relationLabel = "relation_label", resolved
    }
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
    /// The reference in its written form: `02-NQ/TW`, `Luật Công đoàn`, `Nghị quyết 02`.
    public var label: String
    public var totalDocuments: Int
    public var totalMentions: Int
    public var documents: [MentionDocument]

    enum CodingKeys: String, CodingKey {
        case reference, key, label, totalDocuments = "total_documents", totalMentions = "total_mentions", documents
    }
}

/// The order of `mentions`, with the words `search` uses: `-date` newest first (the default), `date` oldest first.
public enum MentionSort: String, Sendable, CaseIterable {
    /// Newest first; undated documents last.
    case newest = "-date"
    /// Oldest first; undated documents last.
    case date
    /// Most mentions first.
    case relevance
}

extension SearchIndex {
    /// Every document that mentions `reference`, read from the citations stored at indexing time.
    /// `context` is the most words of the sentence shown on each side of a mention.
    public func mentions(of reference: String, context: Int = 20, sort: MentionSort = .newest) throws -> MentionsResponse {
        guard let target = ReferenceTarget.parse(reference) else {
            throw VanBanError.badQuery(message: "\"\(reference)\" is not a document number, a short reference (NQ 02) or a named document (Luật Công đoàn)", position: 0)
        }
        var keys = target.candidateKeys
        if let prefix = target.keyPrefix {
            keys += try database.allTerms(prefix: Terms.cites(prefix)).compactMap { Terms.value(of: $0.term, prefix: Schema.Prefix.cites) }
        }
        var found: [MentionDocument] = []
        let resolver = self.resolver
        for (_, doc) in try documents(citing: keys) {
            let mentions = try doc.citations.filter { try target.matches($0, resolver: resolver) }.map { citation -> Mention in
                let (passage, highlight) = Passage.around(citation.start..<citation.end, in: doc.text, context: context)
                return Mention(text: citation.text.oneLine, start: citation.start, end: citation.end, passage: passage,
                               passageHighlight: highlight, relation: citation.relation?.rawValue, resolved: citation.resolved)
            }
            guard !mentions.isEmpty else { continue }
            found.append(MentionDocument(path: doc.path, number: doc.number, type: doc.type, issuer: doc.issuer,
                                             date: doc.date, title: doc.title, titleDerived: doc.titleDerived, mentions: mentions))
        }
        switch sort {
        case .newest:
            found.sort { ($0.date ?? "", $1.mentions.count, $1.path) > ($1.date ?? "", $0.mentions.count, $0.path) }
        case .date:
            // Undated last, as for the newest first.
            found.sort { ($0.date ?? "9999", $1.mentions.count, $0.path) < ($1.date ?? "9999", $0.mentions.count, $1.path) }
        case .relevance:
            found.sort { ($0.mentions.count, $1.path) > ($1.mentions.count, $0.path) }
        }
        return MentionsResponse(reference: reference, key: target.key, label: target.label, totalDocuments: found.count,
                                totalMentions: found.reduce(0) { $0 + $1.mentions.count }, documents: found)
    }
}

/// Cuts the sentence around a span out of a text.
public enum Passage {
    /// The mark put where a passage cuts its sentence.
    public static let ellipsis = "…"

    /// The sentence holding `span` (bounded by a line break or a full stop before a space), at most `context`
    /// words each side, on one line. It starts and ends on word boundaries, with "…" where the sentence goes
    /// on. Returns the passage and the span's UTF-8 range inside it.
    public static func around(_ span: Range<Int>, in text: String, context: Int) -> (String, [Int]) {
        let utf8 = Array(text.utf8)
        let lo = max(0, min(span.lowerBound, utf8.count))
        let hi = max(lo, min(span.upperBound, utf8.count))
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func endsSentence(before i: Int) -> Bool {
            utf8[i - 1] == 0x0A || (i >= 2 && isSpace(utf8[i - 1]) && (utf8[i - 2] == 0x2E || utf8[i - 2] == 0x3B))
        }
        // Back, a word at a time, to the sentence start or `context` words.
        var start = lo, words = 0, cutStart = false
        while start > 0, !endsSentence(before: start) {
            var w = start
            while w > 0, isSpace(utf8[w - 1]), !endsSentence(before: w) { w -= 1 }
            if w == 0 || endsSentence(before: w) { start = w; break }
            if words == context { cutStart = true; break }
            while w > 0, !isSpace(utf8[w - 1]) { w -= 1 }
            words += 1
            start = w
        }
        // On, a word at a time, to the sentence end or `context` words.
        var end = hi, cutEnd = false
        words = 0
        while end < utf8.count, utf8[end] != 0x0A {
            if end > lo, utf8[end - 1] == 0x2E || utf8[end - 1] == 0x3B, isSpace(utf8[end]) { break }
            var w = end
            while w < utf8.count, isSpace(utf8[w]), utf8[w] != 0x0A { w += 1 }
            guard w < utf8.count, utf8[w] != 0x0A else { break }
            if words == context { cutEnd = true; break }
            while w < utf8.count, !isSpace(utf8[w]) { w += 1 }
            words += 1
            end = w
        }
        while start < lo, UTF8.isContinuation(utf8[start]) { start += 1 }
        while end > hi, end < utf8.count, UTF8.isContinuation(utf8[end]) { end -= 1 }
        let body = String(decoding: utf8[start..<end], as: UTF8.self)
        let lead = (cutStart ? ellipsis : "")
        let passage = lead + body.oneLine + (cutEnd ? ellipsis : "")
        // The span's place once the white space of the lead-in is folded to single spaces.
        let before = String(decoding: utf8[start..<lo], as: UTF8.self)
        var offset = lead.utf8.count + before.oneLine.utf8.count
        if let last = before.unicodeScalars.last, last.properties.isWhitespace, !before.oneLine.isEmpty { offset += 1 }
        let length = String(decoding: utf8[lo..<hi], as: UTF8.self).oneLine.utf8.count
        return (passage, [offset, min(offset + length, passage.utf8.count)])
    }
}
