import VietText

/// Metadata read from a document's header and signature block. A field the text does not state is nil.
public struct DocumentHeader: Codable, Sendable, Equatable {
    /// The issuing body as written (last upper-case name of the top-left block), e.g. "UỶ BAN NHÂN DÂN TỈNH BẮC NINH",
    /// "VĂN PHÒNG"; see ``issuerDisplay``.
    public var issuer: String?
    /// The parent body printed above the issuer, e.g. "BỘ TÀI CHÍNH" above "CỤC THUẾ".
    public var parentIssuer: String?
    public var number: DocNumber?
    /// Full type name, e.g. "Quyết định".
    public var type: String?
    /// "YYYY-MM-DD".
    public var date: String?
    public var place: String?
    /// Subject line(s) under the type word (a law's name line), or the "V/v …" lines of a công văn; without
    /// either, a news report's or article's headline, else the text's first sentence (see ``titleDerived``).
    public var title: String?
    /// Whether ``title`` is the text's first sentence, standing in for a title the text does not give.
    public var titleDerived: Bool
    public var signer: String?
    /// Authority prefix and position, e.g. "KT. BỘ TRƯỞNG THỨ TRƯỞNG", "T/M BAN THƯỜNG VỤ BÍ THƯ".
    public var signerRole: String?
    /// "Kính gửi" addressees, then "Nơi nhận" recipients.
    public var recipients: [String]

    /// The issuer in one spelling per body, for display and for the index's issuer facet and terms: the full
    /// name where the letterhead prints only its first words (``IssuerCodes/fullName(_:number:)``), in capitals,
    /// tones placed as official names place them ("ỦY BAN NHÂN DÂN TỈNH THANH HÓA").
    public var issuerDisplay: String? {
        issuer.map { Normalizer.uppercased(Normalizer.normalize(IssuerCodes.fullName($0, number: number), tones: .traditional)) }
    }

    public init(issuer: String? = nil, parentIssuer: String? = nil, number: DocNumber? = nil, type: String? = nil,
                date: String? = nil, place: String? = nil, title: String? = nil, titleDerived: Bool = false,
                signer: String? = nil, signerRole: String? = nil, recipients: [String] = []) {
        self.issuer = issuer
        self.parentIssuer = parentIssuer
        self.number = number
        self.type = type
        self.date = date
        self.place = place
        self.title = title
        self.titleDerived = titleDerived
        self.signer = signer
        self.signerRole = signerRole
        self.recipients = recipients
    }
}
