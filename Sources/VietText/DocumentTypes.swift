/// The document types and their abbreviations: the state list of Nghị định 30/2020 (Phụ lục III), the Party
/// list of Hướng dẫn 36-HD/VPTW, and the legal-normative types. One table for the analyzer, which must know a
/// type abbreviation to read a document number as the reference parser does, and for DocRefs, which names types.
public enum DocumentTypes {
    /// One type of document.
    public struct Entry: Sendable {
        public let name: String
        /// The official abbreviation, in its official mixed case (`CTr`, `QĐi`, `QyĐ`, `TTr`); nil when numbers never show it.
        public let abbreviation: String?
        /// Whether the state system uses the abbreviation.
        public let state: Bool
        /// Whether the Party system uses the abbreviation.
        public let party: Bool
    }

    /// The table, in the order of the official lists.
    public static let entries: [Entry] = [
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

    /// Whether the letters `scalars` spell a type abbreviation: ASCII letters in any case or Đ/đ (look-alikes
    /// mapped by ``LookAlikes``), folded to upper-case ASCII. A letter with a vowel mark spells none.
    public static func isAbbreviation<S: Sequence>(scalars: S) -> Bool where S.Element == UInt32 {
        packed(scalars).map(foldedAbbreviations.contains) ?? false
    }

    /// The spellings a number may write in mixed case wherever they stand (`CTr`, `QĐi`, `QyĐ`, `TTr`, `TrS`, `TTg`,
    /// `ThU`, `VBHN`), folded to upper-case ASCII (Đ as D): what the analyzer and the reference parser both read.
    public static let mixedCaseSpellings: Set<String> = ["CTR", "QDI", "QYD", "TTR", "TRS", "TTG", "THU", "VBHN"]

    /// Whether the letters `scalars` spell one of ``mixedCaseSpellings``, folded as ``isAbbreviation(scalars:)`` folds.
    public static func isMixedCaseSpelling<S: Sequence>(scalars: S) -> Bool where S.Element == UInt32 {
        packed(scalars).map(foldedMixedCase.contains) ?? false
    }

    /// Up to four letters, ASCII or Đ/đ, folded to upper-case ASCII and packed a byte each; nil for anything else.
    private static func packed<S: Sequence>(_ scalars: S) -> UInt32? where S.Element == UInt32 {
        var packed: UInt32 = 0
        var count = 0
        for raw in scalars {
            let v = LookAlikes.canonical(raw)
            if v == LookAlikes.deleted { continue }
            guard v < 0x80 || v == 0x110 || v == 0x111, let (base, _) = LookAlikes.baseLetter(v), count < 4 else {
                return nil
            }
            packed = packed << 8 | UInt32(base)
            count += 1
        }
        return packed
    }

    /// Every abbreviation folded to upper-case ASCII (Đ as D), its letters packed a byte each.
    private static let foldedAbbreviations: Set<UInt32> = Set(entries.compactMap { entry in
        entry.abbreviation.map { $0.unicodeScalars.reduce(UInt32(0)) { $0 << 8 | UInt32(LookAlikes.baseLetter($1.value)!.base) } }
    })

    /// ``mixedCaseSpellings`` packed a byte a letter.
    private static let foldedMixedCase: Set<UInt32> = Set(mixedCaseSpellings.map { $0.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } })
}
