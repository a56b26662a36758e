import Hummingbird
import VanBan

/// The query parameters of a request, read and checked against the limits.
struct QueryParameters {
    /// The parameters in their order, decoded as a form sends them (`+` is a space).
    let pairs: [(name: String, value: String)]
    let limits: Limits

    init(_ request: Request, limits: Limits) {
        pairs = Self.decode(request.uri.query)
        self.limits = limits
    }

    /// `a=1&b=x+y` as pairs; a value whose percent-encoding is broken is kept as written.
    static func decode(_ query: String?) -> [(name: String, value: String)] {
        guard let query else { return [] }
        return query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func text(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (text(parts[0]), parts.count > 1 ? text(parts[1]) : "")
        }
    }

    /// The value of `name` (its first), trimmed; nil when absent or empty.
    func string(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        return value
    }

    /// A query or reference: at most ``Limits/queryLength`` characters (413 beyond).
    func text(_ name: String) throws -> String? {
        guard let value = string(name) else { return nil }
        guard value.count <= limits.queryLength else {
            throw ServerError(.contentTooLarge, "query_too_long",
                              "\(name): \(value.count) characters; at most \(limits.queryLength) are allowed")
        }
        return value
    }

    func requiredText(_ name: String) throws -> String {
        guard let value = try text(name) else { throw ServerError.missing(name) }
        return value
    }

    /// A whole number in `range`, `standard` when absent.
    func int(_ name: String, standard: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return standard }
        guard let value = Int(text), range.contains(value) else {
            throw ServerError.invalid(name, "\"\(text)\" is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// One of the values of `T`, `standard` when absent.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, standard: T) throws -> T where T.RawValue == String {
        guard let text = string(name) else { return standard }
        guard let value = T(rawValue: text) else {
            throw ServerError.invalid(name, "\"\(text)\" is not one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    func bool(_ name: String) throws -> Bool {
        guard let text = string(name) else { return false }
        switch text {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw ServerError.invalid(name, "\"\(text)\" is not true or false")
        }
    }

    /// The search asked for: the query `q`, its filters (`type`, `issuer`, `year`, `from`, `to`), `sort`,
    /// `mode` and the page (`limit`, `offset`). Dates are checked as the CLI checks them.
    func search(facets: Bool, limit standardLimit: Int) throws -> (query: String, options: SearchOptions) {
        let query = try requiredText("q")
        return (query, try options(facets: facets, limit: standardLimit))
    }

    /// The options of a search: everything ``search(facets:limit:)`` reads but the query.
    func options(facets: Bool, limit standardLimit: Int) throws -> SearchOptions {
        var options = SearchOptions()
        options.limit = try int("limit", standard: standardLimit, in: 1...limits.pageSize)
        options.offset = try int("offset", standard: 0, in: 0...limits.offset)
        options.sort = try choice("sort", standard: .relevance)
        options.mode = try choice("mode", standard: .auto)
        options.type = try text("type")
        options.issuer = try text("issuer")
        options.facets = facets
        options.from = try text("from")
        options.to = try text("to")
        if let year = string("year") {
            guard year.count == 4, let value = Int(year), (1900...2100).contains(value) else {
                throw ServerError.invalid("year", "\"\(year)\" is not a year (YYYY)")
            }
            options.from = options.from ?? year
            options.to = options.to ?? year
        }
        var days: [String: String] = [:]
        for (name, date) in [("from", options.from), ("to", options.to)] {
            guard let date else { continue }
            days[name] = try Self.day(date, name: name)
        }
        if let from = days["from"], let to = days["to"], from > to {
            throw ServerError.invalid("from", "\(options.from ?? "") is after \(options.to ?? ""): the range is reversed")
        }
        return options
    }

    /// `YYYY-MM-DD`, `DD/MM/YYYY` or `YYYY` as a day of the calendar (`YYYYMMDD`, a year as its first day);
    /// a day the calendar does not have (2025-02-30) is refused, as anything else is.
    static func day(_ text: String, name: String) throws -> String {
        let invalid = ServerError.invalid(name, "\"\(text)\" is not a date: YYYY-MM-DD, DD/MM/YYYY or YYYY")
        let parts: [Int]
        if text.count == 4, let year = Int(text) {
            parts = [year, 1, 1]
        } else if text.contains("-") {
            parts = text.split(separator: "-", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard parts.count == 3, text.count == 10 else { throw invalid }
        } else {
            let dmy = text.split(separator: "/", omittingEmptySubsequences: false).compactMap { Int($0) }
            guard dmy.count == 3 else { throw invalid }
            parts = [dmy[2], dmy[1], dmy[0]]
        }
        let (year, month, day) = (parts[0], parts[1], parts[2])
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1000...9999).contains(year), (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { throw invalid }
        return String(format: "%04d%02d%02d", year, month, day)
    }
}
