import VietText

/// Document type names and their abbreviations, looked up both ways; the table is VietText's ``DocumentTypes``.
public enum DocType {
    /// The table, shared with the analyzer.
    static var entries: [DocumentTypes.Entry] { DocumentTypes.entries }

    /// Folded abbreviation (e.g. "QDI") → canonical abbreviation. An exact upper-case spelling
    /// wins over a folded one, so "DA" stays Dự án while "ĐA" is Đề án.
    static let canonicalByUpper: [String: String] = {
        var map: [String: String] = [:]
        for e in entries { if let a = e.abbreviation { map[a.uppercased()] = a } }
        return map
    }()
    static let canonicalByFold: [String: String] = {
        var map: [String: String] = [:]
        for e in entries {
            guard let a = e.abbreviation else { continue }
            let key = RefText.fold(a)
            if map[key] == nil || a.uppercased() == key { map[key] = a }
        }
        return map
    }()

    /// The folded keys of ``canonicalByFold``: a cheap test before ``canonicalAbbreviation(_:)``,
    /// which answers nil for any group whose folded letters are not among them.
    static let foldedKeys: Set<[UInt8]> = Set(canonicalByFold.keys.map { Array($0.utf8) })

    /// Canonical abbreviation for a written symbol group, or nil when it is not a type.
    static func canonicalAbbreviation(_ written: String) -> String? {
        let upper = RefText.upperSymbol(written)
        if let a = canonicalByUpper[upper] { return a }
        if upper.unicodeScalars.allSatisfy(\.isASCII) { return canonicalByFold[upper] }
        return nil
    }

    /// Types that only the Party numbers with an abbreviation (`CV`, `KL`, `BS`, `QĐi`).
    static func isPartyOnly(_ abbreviation: String) -> Bool {
        !entries.contains { $0.abbreviation == abbreviation && $0.state } && entries.contains { $0.abbreviation == abbreviation }
    }

    /// The abbreviation of a type name (any case, with or without marks), e.g. "Nghị định" → "NĐ".
    /// For "Quy định" it gives the state "QyĐ"; "Công văn" gives "CV" (the Party form).
    public static func abbreviation(forName name: String) -> String? {
        abbreviationByKey[RefText.alnumKey(name)] ?? nil
    }

    /// Folded name → abbreviation, preferring the state one (and "CV" for "Công văn").
    private static let abbreviationByKey: [String: String?] = {
        var table: [String: String?] = [:]
        for entry in entries where entry.abbreviation != nil && (entry.state || entry.name == "Công văn") {
            let key = RefText.alnumKey(entry.name)
            if table[key] == nil { table[key] = entry.abbreviation }
        }
        for entry in entries {
            let key = RefText.alnumKey(entry.name)
            if table[key] == nil { table[key] = .some(entry.abbreviation) }
        }
        return table
    }()

    /// The type name of an abbreviation in one system, e.g. ("TT", .party) → "Thông tri",
    /// ("TT", .state) → "Thông tư". Letter case and marks are ignored ("ctr", "QDI").
    public static func name(forAbbreviation abbreviation: String, style: NumberStyle) -> String? {
        guard let canonical = canonicalAbbreviation(abbreviation) else { return nil }
        let matching = entries.filter { $0.abbreviation == canonical }
        let preferred = matching.first { style == .party ? $0.party : $0.state }
        return (preferred ?? matching.first)?.name
    }

    /// Every type name, longest first (the order used when matching names in text).
    public static var allNames: [String] { namesLongestFirst }

    static let namesLongestFirst: [String] = {
        var seen = Set<String>()
        return entries.map(\.name).filter { seen.insert($0).inserted }.sorted { $0.count > $1.count }
    }()

    /// Folded names (upper-case ASCII, single spaces) with their canonical name, longest first.
    static let foldedNames: [(folded: [UInt8], name: String)] = namesLongestFirst.map {
        (Array(RefText.fold($0).utf8), $0)
    }

    /// ``foldedNames`` by their first byte, so that a word is compared only with the names it can start.
    static let foldedNamesByFirst: [[(folded: [UInt8], name: String)]] = {
        var table = [[(folded: [UInt8], name: String)]](repeating: [], count: 256)
        for entry in foldedNames { table[Int(entry.folded[0])].append(entry) }
        return table
    }()
}
