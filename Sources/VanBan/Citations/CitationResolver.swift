import DocRefs

/// How one citation was tied to a document number, and to the documents of the index bearing it.
public struct Resolution: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// The citation writes the whole number.
        case exact
        /// The citing text settles the number: a short form tied to the same text's full citation, a law named
        /// with its year, a number written without its year whose date gives the year.
        case inferred
        /// The text does not say which document; ``Resolution/reason`` says why.
        case unresolved
    }

    public var status: Status
    /// The key of the number resolved to (`39/2022/ND-CP`); nil when unresolved.
    @NullEncoded public var key: String?
    /// The documents of the index bearing that number (a copy or a consolidated text may bear it too), in
    /// docid order; empty when the number is not in the index.
    public var docids: [UInt32]
    /// How an inferred citation was settled, or why an unresolved one could not be, in Vietnamese.
    @NullEncoded public var reason: String?

    public init(status: Status, key: String?, docids: [UInt32], reason: String?) {
        self.status = status; self.key = key; self.docids = docids; self.reason = reason
    }

    /// The key a citation is listed and counted under: the number's when resolved, else the citation's own.
    public func listKey(of citation: Citation) -> String { key ?? citation.key }
}

/// The one place a citation is resolved to documents: `cite`, `cited-by`, `graph`, `mentions` and `number`
/// all ask it, so they agree edge for edge.
///
/// A full number resolves only to documents bearing that very number (any separators), never to another year
/// or issuer. A number written without its year that numbers of the index with a year could be resolves to
/// the one of the year its written date gives; without a date it stays unresolved, naming them. A short form
/// ("Nghị quyết 02") or a name resolves only when the citing text settled it (``CitationExtractor`` ties it to
/// the text's own full citation, or a law named with its year to its number); the index never settles it.
public struct CitationResolver {
    /// A document's number key and docid.
    public typealias Bearer = (docid: UInt32, key: String)

    /// The documents whose number is `key` or whose number without its year is `key`, in any separators.
    private let bearers: (String) throws -> [Bearer]
    /// The documents whose number has the partial key (`NQ:2`), for the reason an unresolved short form gives.
    private let partialBearers: (String) throws -> [Bearer]

    public init(bearers: @escaping (String) throws -> [Bearer], partialBearers: @escaping (String) throws -> [Bearer]) {
        self.bearers = bearers
        self.partialBearers = partialBearers
    }

    /// A resolver over a list of documents (the citation graph reads them all anyway).
    public init(documents: [(docid: UInt32, document: StoredDocument)]) {
        var byKey: [String: [Bearer]] = [:]
        var byPartial: [String: [Bearer]] = [:]
        for (docid, doc) in documents {
            guard let key = doc.numberKey, let number = DocNumberParser.parse(key) else { continue }
            for k in Set([key] + Terms.numberKeys(number) + (number.keyWithoutYear.map(Terms.separatorVariants) ?? [])) {
                byKey[k, default: []].append((docid, key))
            }
            byPartial[number.partialKey, default: []].append((docid, key))
        }
        self.init(bearers: { byKey[$0] ?? [] }, partialBearers: { byPartial[$0] ?? [] })
    }

    /// Resolves `citation`.
    public func resolve(_ citation: Citation) throws -> Resolution {
        guard let number = citation.number else {
            return Resolution(status: .unresolved, key: nil, docids: [], reason: try unsettledReason(citation))
        }
        let settled: String? = switch citation.kind {
        case .full: nil
        case .short: "dạng rút gọn, khớp với trích dẫn đầy đủ trong cùng văn bản"
        case .named, .article: "tên luật kèm năm ban hành"
        }
        return try resolve(number, settled: settled, date: citation.date)
    }

    /// Resolves a number as written in full; `settled` says how the text settled it, when it was not written in
    /// full; `date` (`YYYY-MM-DD`) is the date written beside it, which gives the year a number leaves out.
    public func resolve(_ number: DocNumber, settled: String? = nil, date: String? = nil) throws -> Resolution {
        let variants = Set(Terms.numberKeys(number))
        let found = try bearers(number.key)
        let exact = found.filter { variants.contains($0.key) }
        if !exact.isEmpty || number.year != nil {
            return Resolution(status: settled == nil ? .exact : .inferred, key: number.key,
                              docids: ids(exact), reason: settled)
        }
        // Written without its year: the number of that year, when the date written beside it gives the year.
        let loose = Dictionary(grouping: withoutYear(number, in: found), by: \.key)
        let year = date.flatMap { Int($0.prefix(4)) }
        let ofYear = loose.filter { DocNumberParser.parse($0.key)?.year == year }
        switch (loose.count, year, ofYear.count) {
        case (0, _, _), (_, .some, 0):
            return Resolution(status: settled == nil ? .exact : .inferred, key: number.key, docids: [], reason: settled)
        case (_, .some, 1):
            let (key, docs) = ofYear.first!
            return Resolution(status: .inferred, key: key, docids: ids(docs),
                              reason: "thiếu năm trong số hiệu; năm lấy theo ngày ban hành ghi kèm")
        default:
            return Resolution(status: .unresolved, key: nil, docids: [],
                              reason: "thiếu năm ban hành; \(loose.count) số hiệu trong chỉ mục khớp: "
                                + loose.keys.sorted().joined(separator: ", "))
        }
    }

    /// The numbers of the index that `number`, written without a year, may stand for.
    public func candidates(withoutYear number: DocNumber) throws -> [String] {
        Set(withoutYear(number, in: try bearers(number.key)).map(\.key)).sorted()
    }

    private func withoutYear(_ number: DocNumber, in found: [Bearer]) -> [Bearer] {
        guard number.year == nil else { return [] }
        return found.filter { b in
            DocNumberParser.parse(b.key)?.keyWithoutYear.map { Set(Terms.separatorVariants($0)).contains(number.key) } ?? false
        }
    }

    private func ids(_ bearers: [Bearer]) -> [UInt32] { Set(bearers.map(\.docid)).sorted() }

    private func unsettledReason(_ citation: Citation) throws -> String {
        switch citation.kind {
        case .short:
            let candidates = Set(try partialBearers(citation.key).map(\.key))
            let count = candidates.isEmpty ? "" : "; \(candidates.count) số hiệu trong chỉ mục có thể là nó"
            return "dạng rút gọn, văn bản không nói rõ là văn bản nào" + count
        case .named, .article:
            return "chỉ có tên, không có số hiệu hay năm ban hành"
        case .full:
            return "không phải số hiệu văn bản"
        }
    }
}

extension SearchIndex {
    /// The resolver over this index.
    public var resolver: CitationResolver {
        CitationResolver(
            bearers: { key in
                var ids: [UInt32] = []
                for variant in Terms.separatorVariants(key) { ids += try self.database.postings(Terms.ownNumber(key: variant)) }
                return try Set(ids).sorted().map { ($0, try self.stored($0, withText: false).numberKey ?? "") }
            },
            partialBearers: { key in
                try self.documents(partial: key).map { ($0.docid, $0.document.numberKey ?? "") }
            })
    }
}
