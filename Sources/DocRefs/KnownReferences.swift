/// Data: well-known short and named references and the documents they stand for.
///
/// These are corpus-level aliases, not rules: "Nghị quyết 02" in trade-union writing after 2021 with
/// "Bộ Chính trị" nearby means 02-NQ/TW of 12/6/2021; "Luật Công đoàn 2012" is 12/2012/QH13.
enum KnownReferences {
    struct ShortAlias {
        /// Partial key of the short form, e.g. "NQ:2".
        let partialKey: String
        /// Folded issuer cue that must appear in the sentence before it or after "của".
        let issuerCue: String
        let number: String
        let date: String
    }

    static let shortAliases: [ShortAlias] = [
        ShortAlias(partialKey: "NQ:2", issuerCue: "BO CHINH TRI", number: "02-NQ/TW", date: "2021-06-12"),
    ]

    /// Law names after "Luật" / "Bộ luật" (longest first when matched), with their key slug.
    static let lawNames: [(name: String, slug: String)] = [
        ("Ban hành văn bản quy phạm pháp luật", "BAN-HANH-VBQPPL"), ("Tổ chức chính quyền địa phương", "TO-CHUC-CQDP"),
        ("Tổ chức Chính phủ", "TO-CHUC-CHINH-PHU"), ("Ngân sách nhà nước", "NGAN-SACH-NHA-NUOC"),
        ("Bảo hiểm xã hội", "BAO-HIEM-XA-HOI"), ("Bảo hiểm y tế", "BAO-HIEM-Y-TE"), ("Công đoàn", "CONG-DOAN"),
        ("Lao động", "LAO-DONG"), ("Đất đai", "DAT-DAI"), ("Doanh nghiệp", "DOANH-NGHIEP"), ("Đầu tư", "DAU-TU"),
        ("Quản lý thuế", "QUAN-LY-THUE"), ("Cán bộ, công chức", "CAN-BO-CONG-CHUC"), ("Viên chức", "VIEN-CHUC"),
        ("Xây dựng", "XAY-DUNG"), ("Hình sự", "HINH-SU"), ("Dân sự", "DAN-SU"), ("Tố tụng hình sự", "TO-TUNG-HINH-SU"),
        ("Tố tụng dân sự", "TO-TUNG-DAN-SU"), ("Hải quan", "HAI-QUAN"), ("Các tổ chức tín dụng", "CAC-TO-CHUC-TIN-DUNG"),
        ("Giáo dục", "GIAO-DUC"), ("Thanh niên", "THANH-NIEN"), ("Thi đua, khen thưởng", "THI-DUA-KHEN-THUONG"),
        ("An toàn thực phẩm", "AN-TOAN-THUC-PHAM"), ("Thuế giá trị gia tăng", "THUE-GTGT"), ("Thuế GTGT", "THUE-GTGT"),
        ("Thuế thu nhập doanh nghiệp", "THUE-TNDN"), ("Thuế TNDN", "THUE-TNDN"), ("Thuế thu nhập cá nhân", "THUE-TNCN"),
        ("Thuế TNCN", "THUE-TNCN"), ("Quản lý và đầu tư vốn nhà nước tại doanh nghiệp", "QUAN-LY-DAU-TU-VON-NN-TAI-DN"),
    ]

    /// (key slug, year) → number, for laws cited by name and year.
    static let lawNumbers: [String: String] = [
        "LUAT:CONG-DOAN:2012": "12/2012/QH13", "LUAT:CONG-DOAN:2024": "50/2024/QH15",
        "BOLUAT:LAO-DONG:2012": "10/2012/QH13", "BOLUAT:LAO-DONG:2019": "45/2019/QH14", "LUAT:BAN-HANH-VBQPPL:2025": "64/2025/QH15",
        "LUAT:BAN-HANH-VBQPPL:2015": "80/2015/QH13",
    ]

    /// Numbers of the laws whose named key starts with `prefix` ("BOLUAT:LAO-DONG" → its 2012 and 2019 codes).
    static func numbers(forNamedKey prefix: String) -> [String] {
        lawNumbers.filter { $0.key == prefix || $0.key.hasPrefix(prefix + ":") }.map(\.value).sorted()
    }
}
