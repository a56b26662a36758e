/// Document type names and their abbreviations: the state list of Nghị định 30/2020 (Phụ lục III),
/// the Party list of Hướng dẫn 36-HD/VPTW, and the legal-normative types.
public enum DocType {
    struct Entry: Sendable {
        let name: String
        let abbreviation: String?
        /// Which systems use the abbreviation: state, Party, or both.
        let state: Bool
        let party: Bool
    }

    /// The table. Abbreviations keep their official mixed case (`CTr`, `QĐi`, `QyĐ`, `TTr`).
    static let entries: [Entry] = [
        Entry(name: "Nghị quyết", abbreviation: "NQ", state: true, party: true),
        Entry(name: "Quyết định", abbreviation: "QĐ", state: true, party: true),
        Entry(name: "Chỉ thị", abbreviation: "CT", state: true, party: true),
        Entry(name: "Quy chế", abbreviation: "QC", state: true, party: true),
        Entry(name: "Quy định", abbreviation: "QyĐ", state: true, party: false),
        Entry(name: "Quy định", abbreviation: "QĐi", state: false, party: true),
        Entry(name: "Thông cáo", abbreviation: "TC", state: true, party: false),
        Entry(name: "Thông báo", abbreviation: "TB", state: true, party: true),
        Entry(name: "Hướng dẫn", abbreviation: "HD", state: true, party: true),
        Entry(name: "Chương trình", abbreviation: "CTr", state: true, party: true),
        Entry(name: "Kế hoạch", abbreviation: "KH", state: true, party: true),
        Entry(name: "Phương án", abbreviation: "PA", state: true, party: true),
        Entry(name: "Đề án", abbreviation: "ĐA", state: true, party: true),
        Entry(name: "Dự án", abbreviation: "DA", state: true, party: false),
        Entry(name: "Báo cáo", abbreviation: "BC", state: true, party: true),
        Entry(name: "Biên bản", abbreviation: "BB", state: true, party: true),
        Entry(name: "Tờ trình", abbreviation: "TTr", state: true, party: true),
        Entry(name: "Hợp đồng", abbreviation: "HĐ", state: true, party: false),
        Entry(name: "Công văn", abbreviation: "CV", state: false, party: true),
        Entry(name: "Công điện", abbreviation: "CĐ", state: true, party: false),
        Entry(name: "Bản ghi nhớ", abbreviation: "BGN", state: true, party: false),
        Entry(name: "Bản thỏa thuận", abbreviation: "BTT", state: true, party: false),
        Entry(name: "Giấy ủy quyền", abbreviation: "GUQ", state: true, party: false),
        Entry(name: "Giấy mời", abbreviation: "GM", state: true, party: false),
        Entry(name: "Giấy giới thiệu", abbreviation: "GGT", state: true, party: false),
        Entry(name: "Giấy nghỉ phép", abbreviation: "GNP", state: true, party: false),
        Entry(name: "Phiếu gửi", abbreviation: "PG", state: true, party: false),
        Entry(name: "Phiếu chuyển", abbreviation: "PC", state: true, party: false),
        Entry(name: "Phiếu báo", abbreviation: "PB", state: true, party: false),
        Entry(name: "Thư công", abbreviation: nil, state: true, party: false),
        Entry(name: "Bản sao y", abbreviation: "SY", state: true, party: false),
        Entry(name: "Bản trích sao", abbreviation: "TrS", state: true, party: false),
        Entry(name: "Bản sao lục", abbreviation: "SL", state: true, party: false),
        Entry(name: "Bản sao", abbreviation: "BS", state: false, party: true),
        Entry(name: "Kết luận", abbreviation: "KL", state: false, party: true),
        Entry(name: "Thông tri", abbreviation: "TT", state: false, party: true),
        Entry(name: "Thông tư", abbreviation: "TT", state: true, party: false),
        Entry(name: "Thông tư liên tịch", abbreviation: "TTLT", state: true, party: false),
        Entry(name: "Nghị quyết liên tịch", abbreviation: "NQLT", state: true, party: false),
        Entry(name: "Nghị định", abbreviation: "NĐ", state: true, party: false),
        Entry(name: "Văn bản hợp nhất", abbreviation: "VBHN", state: true, party: false),
        Entry(name: "Lệnh", abbreviation: "L", state: true, party: false),
        Entry(name: "Luật", abbreviation: nil, state: true, party: false),
        Entry(name: "Bộ luật", abbreviation: nil, state: true, party: false),
        Entry(name: "Pháp lệnh", abbreviation: nil, state: true, party: false),
        Entry(name: "Hiến pháp", abbreviation: nil, state: true, party: false),
        Entry(name: "Công văn", abbreviation: nil, state: true, party: false),
        Entry(name: "Văn bản", abbreviation: nil, state: true, party: true),
    ]

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
