/// The bodies behind issuer codes that stand for one body nationwide ("CP" → Chính phủ, "NHNN" → Ngân hàng
/// Nhà nước Việt Nam). Codes shared by many bodies (UBND, HĐND, TU, ĐU, and TW, used alike by the Central
/// Committee, the Politburo and the Secretariat) are known codes that name no single issuer.
public enum IssuerCodes {
    /// The issuer a number names by its first issuer code (`145/2020/NĐ-CP` → "Chính phủ",
    /// `17809/BTC-CTK` → "Bộ Tài chính", `45/2019/QH14` → "Quốc hội"); nil when the code is shared or unknown.
    public static func issuer(of number: DocNumber) -> String? {
        guard let code = number.issuers.first.map(normalised) else { return nil }
        return names[code] ?? nil
    }

    /// The full name of a body whose letterhead prints only its first words under its parent ("VĂN PHÒNG"
    /// under "BAN CHẤP HÀNH TRUNG ƯƠNG", numbered …/VPTW → "Văn phòng Trung ương Đảng"): the name the number's
    /// issuer code gives, when `written` is its first words; else `written`.
    public static func fullName(_ written: String, number: DocNumber?) -> String {
        guard let number, let name = issuer(of: number) else { return written }
        let w = RefText.fold(written), n = RefText.fold(name)
        return n.hasPrefix(w + " ") ? name : written
    }

    /// Whether `code` (any case, with or without marks) is an issuer code this table knows.
    static func isKnown(_ code: String) -> Bool { names[normalised(code)] != nil }

    /// Upper-case ASCII with Đ → D, and the legislature's term number dropped ("QH14" → "QH").
    private static func normalised(_ code: String) -> String {
        let folded = RefText.fold(code)
        for prefix in ["UBTVQH", "QH"] where folded.hasPrefix(prefix) && folded.dropFirst(prefix.count).allSatisfy(\.isNumber) {
            return prefix
        }
        return folded
    }

    private static let names: [String: String?] = [
        "QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước", "CP": "Chính phủ",
        "TTG": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ", "NHNN": "Ngân hàng Nhà nước Việt Nam",
        "TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao", "KTNN": "Kiểm toán Nhà nước",
        "BTC": "Bộ Tài chính", "BCT": "Bộ Công Thương", "BKHCN": "Bộ Khoa học và Công nghệ",
        "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BLDTBXH": "Bộ Lao động - Thương binh và Xã hội",
        "BNV": "Bộ Nội vụ", "BGDDT": "Bộ Giáo dục và Đào tạo", "BYT": "Bộ Y tế", "BTP": "Bộ Tư pháp", "BCA": "Bộ Công an",
        "BQP": "Bộ Quốc phòng", "BXD": "Bộ Xây dựng", "BGTVT": "Bộ Giao thông vận tải", "BNG": "Bộ Ngoại giao",
        "BTNMT": "Bộ Tài nguyên và Môi trường", "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
        "BNNMT": "Bộ Nông nghiệp và Môi trường", "BKHDT": "Bộ Kế hoạch và Đầu tư", "BTTTT": "Bộ Thông tin và Truyền thông",
        "BDTTG": "Bộ Dân tộc và Tôn giáo", "TCT": "Tổng cục Thuế", "TCHQ": "Tổng cục Hải quan", "CT": "Cục Thuế",
        "CHQ": "Cục Hải quan", "TLD": "Tổng Liên đoàn Lao động Việt Nam", "DDTLD": "Đảng đoàn Tổng Liên đoàn Lao động Việt Nam",
        "VPTW": "Văn phòng Trung ương Đảng", "BTCTW": "Ban Tổ chức Trung ương", "BTGTW": "Ban Tuyên giáo Trung ương",
        "BDVTW": "Ban Dân vận Trung ương", "BTGDVTW": "Ban Tuyên giáo và Dân vận Trung ương",
        "UBKTTW": "Ủy ban Kiểm tra Trung ương",
        "TW": .none, "UBND": .none, "HDND": .none, "TU": .none, "HU": .none, "QU": .none, "DU": .none, "DUK": .none,
        "BCD": .none, "BCH": .none, "LDLD": .none, "CDN": .none,
    ]
}
