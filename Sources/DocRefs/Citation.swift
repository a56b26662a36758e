/// How a citing document relates to the document it cites, from the cue words before the citation.
public enum Relation: String, Codable, Sendable, CaseIterable {
    case basedOn = "can_cu", implements = "thuc_hien", refersTo = "theo", amends = "sua_doi_bo_sung"
    case replaces = "thay_the", repeals = "bai_bo", guides = "huong_dan"
}

extension Relation {
    /// The Vietnamese words for the relation, as a report writes them: "căn cứ", "sửa đổi, bổ sung".
    public var label: String {
        switch self {
        case .basedOn: "căn cứ"
        case .implements: "thực hiện"
        case .refersTo: "theo"
        case .amends: "sửa đổi, bổ sung"
        case .replaces: "thay thế"
        case .repeals: "bãi bỏ"
        case .guides: "hướng dẫn"
        }
    }

    /// The label of a relation code, and "nhắc đến" (mentions) for a citation that states none.
    public static func label(ofCode code: String?) -> String {
        code.flatMap(Relation.init(rawValue:))?.label ?? "nhắc đến"
    }
}

/// The form a citation takes in the text.
public enum CitationKind: String, Codable, Sendable {
    /// A full number ("Công văn số 565-CV/ĐĐTLĐ").
    case full
    /// Type and serial only ("Nghị quyết 02").
    case short
    /// A name without number ("Nghị quyết Đại hội XIII", "Luật Công đoàn 2012").
    case named
    /// An article of a named law ("Điều 5 Luật Công đoàn").
    case article
}

/// One reference to another document, with UTF-8 offsets into the text it was found in.
public struct Citation: Codable, Sendable, Equatable {
    /// The citation as written (the slice `[start, end)` of the text).
    public var text: String
    public var number: DocNumber?
    /// `DocNumber.key`, a partial key ("NQ:2") or a named key ("LUAT:CONG-DOAN:2012", "NQ:DAI-HOI-XIII").
    public var key: String
    /// Full type name.
    public var type: String?
    /// Issuer written after "của" ("Bộ Chính trị").
    public var issuer: String?
    /// "YYYY-MM-DD", written after the number ("ngày 13/8/2021") or known from the alias table.
    public var date: String?
    public var relation: Relation?
    public var kind: CitationKind
    /// A short or named form that was tied to a full number (earlier mention or alias table).
    public var resolved: Bool
    public var start: Int
    public var end: Int
}
