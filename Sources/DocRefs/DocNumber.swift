/// Which numbering system a document number follows.
public enum NumberStyle: String, Codable, Sendable {
    /// Party shape `N-TYPE/ISSUER` (Hướng dẫn 36-HD/VPTW).
    case party
    /// State shape `N[/YYYY]/TYPE-ISSUER` or, for a công văn, `N/ISSUER-UNIT` (Nghị định 30/2020).
    case state
}

/// A parsed document number ("số, ký hiệu").
///
/// `number` keeps the digits as written ("02"); the keys strip leading zeros, so "02-NQ/TW" and
/// "2-NQ/TW" share one key. Letter case, marks and the Đ/D difference never change a key.
public struct DocNumber: Hashable, Codable, Sendable {
    /// The serial: digits as written and at most one letter, in lower case ("02", "30a").
    public let number: String
    /// The year slot of a legal-normative number (`145/2020/NĐ-CP` → 2020).
    public let year: Int?
    /// Canonical type abbreviation ("NQ", "QĐ", "QĐi", "CTr", "CV"); nil for a state công văn or a `QHkk` law number.
    public let type: String?
    /// Canonical issuer groups, upper case with Đ (e.g. ["ĐĐTLĐ"], ["CP"], ["BLĐTBXH", "LĐTL"]).
    public let issuers: [String]
    public let style: NumberStyle

    public init(number: String, year: Int? = nil, type: String?, issuers: [String], style: NumberStyle) {
        self.number = number
        self.year = year
        self.type = type
        self.issuers = issuers
        self.style = style
    }

    /// Canonical display form: "565-CV/ĐĐTLĐ", "145/2020/NĐ-CP", "1234/TCT-DNNCN".
    public var display: String { render(number: number, withYear: true) }

    /// ASCII key, the same for every spelling of one number: "565-CV/DDTLD", "145/2020/ND-CP", "2-NQ/TW".
    public var key: String { RefText.fold(render(number: Self.stripZeros(number), withYear: true)) }

    /// Whether both spell the same number and symbol whatever their separators: `174/CV-BCĐ` and `174-CV/BCĐ`
    /// (a file name cannot tell the Party from the state shape).
    public func sameSymbol(as other: DocNumber) -> Bool {
        key.filter { $0 != "/" && $0 != "-" } == other.key.filter { $0 != "/" && $0 != "-" }
    }

    /// The key without the year slot ("145/ND-CP"), for users who leave the year out; nil when there is no year.
    public var keyWithoutYear: String? {
        year == nil ? nil : RefText.fold(render(number: Self.stripZeros(number), withYear: false))
    }

    /// Type and number without leading zeros, "NQ:2", for matching short forms such as "Nghị quyết 02".
    /// A number without a type (state công văn) uses "CV".
    public var partialKey: String { Self.partialKey(type: type ?? "CV", number: number) }

    /// The full type name for this number's abbreviation in its system. A state number without a type is a
    /// "Công văn", except a Quốc hội number (`45/2019/QH14`), whose type (Luật, Bộ luật, Nghị quyết) it does not show.
    public var typeName: String? {
        if let type { return DocType.name(forAbbreviation: type, style: style) }
        let isAssembly = issuers.count == 1 && RefText.fold(issuers[0]).hasPrefix("QH")
        return style == .state && !isAssembly ? "Công văn" : nil
    }

    static func partialKey(type: String, number: String) -> String {
        RefText.fold(type) + ":" + stripZeros(number)
    }

    static func stripZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    private func render(number: String, withYear: Bool) -> String {
        switch style {
        case .party:
            return number + "-" + (type ?? "") + "/" + issuers.joined(separator: "-")
        case .state:
            var out = number + "/"
            if withYear, let year { out += "\(year)/" }
            return out + ((type.map { [$0] } ?? []) + issuers).joined(separator: "-")
        }
    }
}

/// A document number found in running text, with its UTF-8 byte range in the original text.
public struct NumberMatch: Sendable {
    public let number: DocNumber
    /// UTF-8 offset of the first byte of the number.
    public let start: Int
    /// UTF-8 offset just past the number.
    public let end: Int
}

/// A short reference: a type and a serial number without a symbol ("Nghị quyết 02", "NQ 02").
public struct PartialRef: Hashable, Codable, Sendable {
    /// Canonical type abbreviation ("NQ", "CT").
    public let type: String
    /// Digits as written.
    public let number: String
    /// "NQ:2": the type and the number without leading zeros; equals `DocNumber.partialKey` of the full number.
    public var partialKey: String { DocNumber.partialKey(type: type, number: number) }
}
