import DocRefs
import VietText
import Foundation

/// One entry of a document's citation list: a cited document, however often it is mentioned. Its JSON
/// has every key, `null` for what is unknown.
public struct CitedEntry: Codable, Sendable, Equatable {
    /// The number's key when the citation resolves to one, else the citation's own key (`NQ:2`, `LUAT:CONG-DOAN`).
    public var key: String
    /// Canonical number when known, else nil.
    @NullEncoded public var number: String?
    /// The first mention as written, on one line.
    public var written: String
    @NullEncoded public var type: String?
    @NullEncoded public var issuer: String?
    @NullEncoded public var date: String?
    @NullEncoded public var title: String?
    /// Whether ``title`` is the cited document's first sentence standing in for a title.
    public var titleDerived: Bool
    /// Relation code (``Relation``) stated at the first mention that states one.
    @NullEncoded public var relation: String? { didSet { relationLabel = relation.map { Relation.label(ofCode: $0) } } }
    /// The relation in words ("căn cứ").
    @NullEncoded public private(set) var relationLabel: String?
    public var mentions: Int
    /// How the citation was resolved: `exact`, `inferred` or `unresolved` (``Resolution/Status``).
    public var resolution: Resolution.Status
    /// How an inferred citation was settled, or why an unresolved one could not be.
    @NullEncoded public var reason: String?
    /// The cited document's path when it is in the index (the first, when copies bear the number).
    @NullEncoded public var path: String?
    /// Every document of the index bearing the number.
    public var paths: [String]
    public var inIndex: Bool
    /// Position of the first mention (UTF-8 offset), for ordering.
    public var firstMention: Int

    public init(key: String, number: String?, written: String, type: String?, issuer: String?, date: String?,
                title: String?, titleDerived: Bool = false, relation: String?, mentions: Int, resolution: Resolution.Status,
                reason: String? = nil, path: String?, paths: [String], inIndex: Bool, firstMention: Int) {
        self.key = key; self.number = number; self.written = written; self.type = type; self.issuer = issuer
        self.date = date; self.title = title; self.titleDerived = titleDerived; self.relation = relation; self.mentions = mentions
        self.resolution = resolution; self.reason = reason; self.path = path; self.paths = paths; self.inIndex = inIndex
        self.firstMention = firstMention
        relationLabel = relation.map { Relation.label(ofCode: $0) }
    }

    enum CodingKeys: String, CodingKey {
        case key, number, written, type, issuer, date, title, titleDerived = "title_derived", relation, mentions, resolution, reason
        case path, paths, relationLabel = "relation_label", inIndex = "in_index", firstMention = "first_mention"
    }
}

/// The citation list of one document.
public struct CitationList: Codable, Sendable {
    public var source: String
    public var number: String?
    public var entries: [CitedEntry]

    public enum Order: String, Sendable, CaseIterable {
        /// By first mention in the text.
        case first
        /// Oldest cited document first; undated last.
        case date
        /// By type name, then first mention.
        case type
    }

    /// Groups `citations` by what they resolve to (first mention order) and fills in what the index knows of
    /// each: `resolve` is the one resolver, `document` reads an indexed document's metadata.
    public static func build(source: String, number: String?, citations: [Citation],
                             resolve: (Citation) throws -> Resolution,
                             document: (UInt32) throws -> StoredDocument?) rethrows -> CitationList {
        var entries: [CitedEntry] = []
        var index: [String: Int] = [:]
        for c in citations {
            let resolution = try resolve(c)
            let key = resolution.listKey(of: c)
            if let i = index[key] {
                entries[i].mentions += 1
                if entries[i].relation == nil { entries[i].relation = c.relation?.rawValue }
                if entries[i].date == nil { entries[i].date = c.date }
                if entries[i].issuer == nil { entries[i].issuer = c.issuer?.oneLine }
                continue
            }
            let found = try resolution.docids.compactMap(document)
            let first = found.first
            index[key] = entries.count
            entries.append(CitedEntry(
                key: key, number: first?.number ?? c.number?.display, written: c.text.oneLine,
                type: first?.type ?? c.type, issuer: first?.issuer ?? c.issuer?.oneLine, date: first?.date ?? c.date,
                title: first?.title, titleDerived: first?.titleDerived ?? false, relation: c.relation?.rawValue, mentions: 1,
                resolution: resolution.status, reason: resolution.reason, path: first?.path, paths: found.map(\.path),
                inIndex: first != nil, firstMention: c.start))
        }
        return CitationList(source: source, number: number, entries: entries)
    }

    public func sorted(by order: Order) -> CitationList {
        var copy = self
        switch order {
        case .first: copy.entries.sort { $0.firstMention < $1.firstMention }
        case .date: copy.entries.sort { ($0.date ?? "9999", $0.firstMention) < ($1.date ?? "9999", $1.firstMention) }
        case .type: copy.entries.sort { ($0.type ?? "~", $0.firstMention) < ($1.type ?? "~", $1.firstMention) }
        }
        return copy
    }

    /// `12/6/2021` from `2021-06-12`.
    static func vietnameseDate(_ iso: String) -> String {
        let p = iso.split(separator: "-")
        guard p.count == 3, let d = Int(p[2]), let m = Int(p[1]) else { return iso }
        return "\(d)/\(m)/\(p[0])"
    }

    /// One entry as a Vietnamese reference line: `Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị về …`.
    public static func referenceLine(_ e: CitedEntry) -> String {
        var s: String
        if let number = e.number {
            s = (e.type.map { $0 + " số " } ?? "số ") + number
        } else {
            s = e.written
        }
        if let date = e.date { s += " ngày " + vietnameseDate(date) }
        if let issuer = e.issuer, !s.contains(issuer) { s += " của " + issuer }
        if let title = e.title {
            let lower = title.lowercased()
            s += lower.hasPrefix("về ") || lower.hasPrefix("v/v") ? " " + title : " về " + title
        }
        return s
    }

    public func markdown() -> String {
        var lines = ["## Tài liệu trích dẫn trong \(number ?? source)", ""]
        for (i, e) in entries.enumerated() {
            var line = "\(i + 1). " + (e.path.map { "[\(Self.referenceLine(e))](\($0))" } ?? Self.referenceLine(e))
            if let r = e.relationLabel { line += " — *\(r)*" }
            if e.mentions > 1 { line += " (\(e.mentions) lần)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    public func csv() -> String {
        var rows = ["order,key,number,written,type,issuer,date,title,relation,relation_label,mentions,resolution,reason,in_index,path"]
        for (i, e) in entries.enumerated() {
            let fields = [String(i + 1), e.key, e.number ?? "", e.written, e.type ?? "", e.issuer ?? "", e.date ?? "",
                          e.title ?? "", e.relation ?? "", e.relationLabel ?? "", String(e.mentions), e.resolution.rawValue,
                          e.reason ?? "", e.inIndex ? "true" : "false", e.path ?? ""]
            rows.append(fields.map(CSV.field).joined(separator: ","))
        }
        return rows.joined(separator: "\n")
    }
}

/// RFC 4180 quoting.
public enum CSV {
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
