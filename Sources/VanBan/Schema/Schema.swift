import Foundation
import Xapian

/// The index schema, written down in one place: term prefixes, value slots, the stored-data
/// format and the schema version; ``Terms`` makes every term under these prefixes. `docs/SCHEMA.md` explains each entry; keep the two in step.
public enum Schema {
    /// Bumped whenever terms, values or stored data change meaning. Kept in the index metadata
    /// under ``versionKey``; an index of another version must be rebuilt.
    public static let version = "8"
    /// Metadata key holding ``version``.
    public static let versionKey = "vanban.schema"
    /// Metadata key holding the ISO-8601 time of the last committed indexing run.
    public static let lastUpdateKey = "vanban.updated"

    /// Term prefixes. Unprefixed terms are folded syllables (no marks, `đ`→`d`), with positions.
    public enum Prefix {
        /// Exact form (marks kept, canonical tone placement, lower case), same positions as the folded term.
        public static let exact = "XE"
        /// Folded title term, positional (title positions are their own sequence).
        public static let title = "S"
        /// Exact title term, positional.
        public static let titleExact = "XS"
        /// Unique document id: `Q` + hash of the absolute path.
        public static let id = "Q"
        /// The document's own number: full key and key without year (weighted, wdf 1).
        public static let number = "XN"
        /// The document's own partial key, `NQ:2` (wdf 1: a partial number query weights it like ``number``).
        public static let partial = "XP"
        /// A key the document cites: full, partial or named (wdf = number of mentions).
        public static let cites = "XC"
        /// Type, folded full name with `-` for spaces: `XKquyet-dinh` (boolean).
        public static let type = "XK"
        /// Issuer words, folded, positional in their own sequence; also the number's issuer abbreviations.
        public static let issuer = "XI"
        /// Year of the document's date, `Y2021` (boolean).
        public static let year = "Y"
        /// Format of the source file, `XFpdf` (boolean).
        public static let format = "XF"
        /// Two folded syllables that stand side by side in the body, `XBcong_doan` (wdf = times, no
        /// positions): only across spaces and line breaks, never across punctuation. What makes a word of
        /// several syllables one term to match and weigh (``Terms/pair(_:_:)``).
        public static let pair = "XB"
        /// Every prefix above (`""`, the folded body terms, has none).
        public static let all = [exact, title, titleExact, id, number, partial, cites, type, issuer, year, format, pair]
    }

    /// Value slots.
    public enum Slot {
        /// Document date as `YYYYMMDD`; sortable and range-filterable.
        public static let date: UInt32 = 0
        /// Full type name (`Quyết định`), for facets.
        public static let type: UInt32 = 1
        /// Issuer in its display form, one spelling per body (``DocRefs/DocumentHeader/issuerDisplay``), for facets.
        public static let issuer: UInt32 = 2
        /// Year as `YYYY`, for facets.
        public static let year: UInt32 = 3
        /// Absolute path of the source file.
        public static let path: UInt32 = 4
        /// File state for incremental runs: `mtime-seconds size text-hash besides-hash`, the FNV-1a 64 of the
        /// decoded text and of the rest the document is made from (format, encoding, title and metadata stated
        /// beside the text). A state of three fields (written before the second hash) makes the next run read the file again.
        public static let fileState: UInt32 = 5
        /// The decoded text, UTF-8, its first ``Schema/textPiece`` bytes deflated (``TextPieces``); the next
        /// pieces are in ``textMore`` on. Values, not part of the data: a snippet reads and inflates the one
        /// piece it shows, where Xapian's data is read and inflated whole.
        public static let text: UInt32 = 6
        /// The text's second piece, then its third in 101, and so on.
        public static let textMore: UInt32 = 100
        /// What a result shows, ``HitCard``: path, number, type, issuer, date, title and whether the title is
        /// derived, in one value.
        public static let card: UInt32 = 7
        /// Where the positions fall in the text: for each block of ``positionBlock`` positions (1–64,
        /// 65–128, …), the UTF-8 offset of its first token, as UInt32 little-endian. A snippet starts
        /// analysing at the block of its passage instead of at the start of the text.
        public static let positionOffsets: UInt32 = 8
        /// Every slot above (``textMore`` stands for itself and the slots after it).
        public static let all = [date, type, issuer, year, path, fileState, text, textMore, card, positionOffsets]
    }

    /// Bytes of text per value before deflating (``Slot/text``, ``Slot/textMore``, …).
    public static let textPiece = 16_384

    /// Positions per entry of ``Slot/positionOffsets``.
    public static let positionBlock = 64

    /// The fields of the ``Slot/card`` value, in order, separated by U+001F.
    public enum HitCard {
        public static let separator: UInt8 = 0x1F
        /// The card value of these fields (an absent field is empty; U+001F inside a field becomes a space); a
        /// derived title is marked `1` in the seventh field, which is empty otherwise.
        public static func encode(path: String, number: String?, type: String?, issuer: String?, date: String?, title: String?,
                                  titleDerived: Bool) -> String {
            [path, number, type, issuer, date, title, titleDerived ? "1" : nil]
                .map { ($0 ?? "").replacingOccurrences(of: "\u{1F}", with: " ") }
                .joined(separator: "\u{1F}")
        }

        /// The seven fields of a card value, nil for the absent ones; nil when `bytes` is not a card.
        public static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> [String?]? {
            let fields = bytes.split(separator: separator, omittingEmptySubsequences: false)
            guard fields.count == 7 else { return nil }
            return fields.map { $0.isEmpty ? nil : String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Weights: how much a title occurrence and an own-number match count against body text.
    public enum Weight {
        /// wdf added for each title occurrence, on top of its body occurrence.
        public static let titleWdf: UInt32 = 5
        /// Factor applied to a document's own number match in a number query.
        public static let ownNumber = 20.0
        /// Factor applied to a citation match in a number query.
        public static let citation = 2.0
    }

    /// Throws unless `db` carries this schema version (or is empty, for a fresh index).
    public static func check(_ db: Database, location: String) throws {
        let found = try db.metadata(versionKey)
        if try found.isEmpty && db.documentCount == 0 { return }
        guard found == version else {
            throw VanBanError.schemaMismatch(index: location, found: found.isEmpty ? "none" : found, expected: version)
        }
    }
}
