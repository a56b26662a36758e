import XapianBridge

/// Xapian's query-string parser (no stemming), for comparing with our own.
///
/// Not `Sendable`: it shares Xapian objects with its database.
public final class QueryParser {
    /// Which query syntax to accept; the raw values are Xapian's.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// AND, OR, NOT, XOR and brackets.
        public static let boolean = Flags(rawValue: UInt32(XB_QP_BOOLEAN))
        /// Quoted phrases.
        public static let phrase = Flags(rawValue: UInt32(XB_QP_PHRASE))
        /// `+required` and `-excluded` terms.
        public static let loveHate = Flags(rawValue: UInt32(XB_QP_LOVEHATE))
        /// Boolean operators in any case.
        public static let booleanAnyCase = Flags(rawValue: UInt32(XB_QP_BOOLEAN_ANY_CASE))
        /// Trailing `*` wildcards.
        public static let wildcard = Flags(rawValue: UInt32(XB_QP_WILDCARD))
        /// A query of only NOT terms.
        public static let pureNot = Flags(rawValue: UInt32(XB_QP_PURE_NOT))
        /// Treat the last word as a prefix (search-as-you-type).
        public static let partial = Flags(rawValue: UInt32(XB_QP_PARTIAL))
        /// Suggest spelling corrections (needs `database`).
        public static let spellingCorrection = Flags(rawValue: UInt32(XB_QP_SPELLING_CORRECTION))
        /// `~term` expands to its synonyms.
        public static let synonym = Flags(rawValue: UInt32(XB_QP_SYNONYM))
        /// Every term expands to its synonyms.
        public static let autoSynonyms = Flags(rawValue: UInt32(XB_QP_AUTO_SYNONYMS))
        /// Multi-word synonyms too.
        public static let autoMultiwordSynonyms = Flags(rawValue: UInt32(XB_QP_AUTO_MULTIWORD_SYNONYMS))
        /// Build no positional queries (phrases become AND).
        public static let noPositions = Flags(rawValue: UInt32(XB_QP_NO_POSITIONS))

        /// Xapian's default: phrase, boolean and love/hate.
        public static let `default`: Flags = [.phrase, .boolean, .loveHate]
    }

    private let handle: OpaquePointer

    public init() {
        handle = mustCall { xb_queryparser_new($0) }!
    }

    deinit { xb_queryparser_free(handle) }

    /// The database used for wildcards, spelling and synonyms.
    public var database: Database? {
        didSet { mustCall { xb_queryparser_set_database(handle, database?.handle, $0) } }
    }

    /// Whether plain terms are combined with AND (true) or OR (false, the default).
    public var defaultOperatorAnd = false {
        didSet { mustCall { xb_queryparser_set_default_and(handle, defaultOperatorAnd ? 1 : 0, $0) } }
    }

    /// Parses `q`; throws `.queryParserError` for input Xapian cannot parse even without operators.
    public func parse(_ q: String, flags: Flags = .default) throws -> Query {
        let handle = try withBytes(q) { p, n in try call { xb_queryparser_parse(self.handle, p, n, flags.rawValue, $0) } }!
        return Query(handle: handle)
    }
}
