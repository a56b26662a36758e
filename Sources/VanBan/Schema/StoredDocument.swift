import DocRefs
import Foundation

/// What the index keeps for each document: the metadata as JSON in its Xapian data, and the decoded text
/// (for snippets, highlighting and `vanban show`) in the value slot ``Schema/Slot/text``.
public struct StoredDocument: Codable, Sendable, Equatable {
    public var path: String
    public var format: String
    public var encoding: String
    public var number: String?
    public var numberKey: String?
    public var type: String?
    /// The issuer's display form, one spelling per body (``DocRefs/DocumentHeader/issuerDisplay``).
    public var issuer: String?
    /// The issuer as the document (or its sidecar) writes it.
    public var issuerAsWritten: String?
    /// `YYYY-MM-DD`.
    public var date: String?
    public var title: String?
    /// Whether ``title`` is the text's first sentence standing in for a title (``DocRefs/DocumentHeader/titleDerived``).
    public var titleDerived: Bool
    public var signer: String?
    public var citations: [Citation]
    /// The decoded text; not part of the JSON.
    public var text: String

    enum CodingKeys: String, CodingKey {
        case path, format, encoding, number, numberKey = "number_key", type, issuer, issuerAsWritten = "issuer_as_written", date
        case title, titleDerived = "title_derived", signer, citations
    }

    public init(path: String, format: String, encoding: String, number: String?, numberKey: String?, type: String?,
                issuer: String?, issuerAsWritten: String? = nil, date: String?, title: String?, titleDerived: Bool = false,
                signer: String?, citations: [Citation], text: String) {
        self.path = path; self.format = format; self.encoding = encoding; self.number = number
        self.numberKey = numberKey; self.type = type; self.issuer = issuer; self.issuerAsWritten = issuerAsWritten
        self.date = date; self.title = title; self.titleDerived = titleDerived; self.signer = signer
        self.citations = citations; self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        format = try c.decode(String.self, forKey: .format)
        encoding = try c.decode(String.self, forKey: .encoding)
        number = try c.decodeIfPresent(String.self, forKey: .number)
        numberKey = try c.decodeIfPresent(String.self, forKey: .numberKey)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        issuer = try c.decodeIfPresent(String.self, forKey: .issuer)
        issuerAsWritten = try c.decodeIfPresent(String.self, forKey: .issuerAsWritten)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        titleDerived = try c.decodeIfPresent(Bool.self, forKey: .titleDerived) ?? false
        signer = try c.decodeIfPresent(String.self, forKey: .signer)
        citations = try c.decodeIfPresent([Citation].self, forKey: .citations) ?? []
        text = ""
    }

    /// The Xapian data: the metadata as one line of JSON.
    public func encodedMetadata() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// The document of Xapian `data` (see ``encodedMetadata()``) and its `text`.
    public static func decode(_ data: String, text: String = "") throws -> StoredDocument {
        var doc = try JSONDecoder().decode(StoredDocument.self, from: Data(data.utf8))
        doc.text = text
        return doc
    }
}
