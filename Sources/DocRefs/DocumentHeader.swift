/// Metadata read from a document's header and signature block. A field the text does not state is nil.
public struct DocumentHeader: Codable, Sendable, Equatable {
    /// The issuing body, as printed (last upper-case name of the top-left block), e.g. "ỦY BAN NHÂN DÂN TỈNH BẮC NINH".
    public var issuer: String?
    /// The parent body printed above the issuer, e.g. "BỘ TÀI CHÍNH" above "CỤC THUẾ".
    public var parentIssuer: String?
    public var number: DocNumber?
    /// Full type name, e.g. "Quyết định".
    public var type: String?
    /// "YYYY-MM-DD".
    public var date: String?
    public var place: String?
    /// Subject line(s) under the type word, or the "V/v …" line of a công văn.
    public var title: String?
    public var signer: String?
    /// Authority prefix and position, e.g. "KT. BỘ TRƯỞNG THỨ TRƯỞNG", "T/M BAN THƯỜNG VỤ BÍ THƯ".
    public var signerRole: String?
    /// "Kính gửi" addressees, then "Nơi nhận" recipients.
    public var recipients: [String]

    public init(issuer: String? = nil, parentIssuer: String? = nil, number: DocNumber? = nil, type: String? = nil,
                date: String? = nil, place: String? = nil, title: String? = nil, signer: String? = nil,
                signerRole: String? = nil, recipients: [String] = []) {
        self.issuer = issuer
        self.parentIssuer = parentIssuer
        self.number = number
        self.type = type
        self.date = date
        self.place = place
        self.title = title
        self.signer = signer
        self.signerRole = signerRole
        self.recipients = recipients
    }
}
