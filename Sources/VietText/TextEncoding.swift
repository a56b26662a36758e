/// Text encodings the decoder knows, including the "mojibake" states of text that was already
/// decoded with the wrong code page (repaired by `TextDecoder.repair`).
public enum TextEncoding: String, CaseIterable, Codable, Sendable {
    case utf8 = "utf-8"
    /// UTF-16 with a byte-order mark (little-endian when there is none).
    case utf16 = "utf-16"
    /// TCVN 5712:1993 / ABC (".VnTime" fonts); upper-case toned letters in the VN1 slots.
    case tcvn3
    /// VNI-Windows: base letter followed by a mark byte ("VNI-Times" fonts).
    case vni = "vni-windows"
    case viscii
    /// Windows-1258: base letters plus combining tone bytes.
    case cp1258
    /// RFC 1456 mnemonics ("Vie^.t Nam"); only on request, never auto-detected.
    case viqr
    /// UTF-8 bytes shown as Windows-1252 ("Nghá»‹ quyáº¿t").
    case utf8Mojibake = "utf-8-as-cp1252"
    /// TCVN3 bytes shown as Latin-1/Windows-1252 ("NghÞ quyÕt", "C«ng ®oµn").
    case tcvn3Mojibake = "tcvn3-as-latin1"
    /// VNI bytes shown as Latin-1/Windows-1252 ("Nghò quyeát").
    case vniMojibake = "vni-as-latin1"
}

/// Result of decoding or repairing text.
public struct DecodedText: Sendable {
    /// The decoded text, not normalised: legacy decoders give precomposed Vietnamese letters,
    /// UTF-8 and UTF-16 text comes back as it was written.
    public let text: String
    /// The encoding used (detected or requested).
    public let encoding: TextEncoding
    /// 0...1: share of the changed words that are valid Vietnamese syllables for a detected
    /// legacy encoding; 1 for a byte-order mark, valid UTF-8 or an explicit encoding.
    public let confidence: Double
    /// Number of bytes that could not be decoded and were replaced with U+FFFD.
    public let invalidBytes: Int

    public init(text: String, encoding: TextEncoding, confidence: Double, invalidBytes: Int) {
        self.text = text
        self.encoding = encoding
        self.confidence = confidence
        self.invalidBytes = invalidBytes
    }
}
