import XapianBridge

/// An error reported by Xapian (or by the bridge over it).
public struct XapianError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Which Xapian exception class was thrown.
    public let kind: Kind
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    init(_ record: xb_error) {
        kind = Kind(name: record.kind.map { String(cString: $0) } ?? "UnknownError")
        message = decode(record.message, record.message_length)
    }

    /// "Kind: message", the kind by its Xapian class name.
    public var description: String { "\(kind): \(message)" }

    /// Xapian 1.4's exception classes (`xapian/error.h`), each case named after its class.
    /// ``isA(_:)`` follows the class hierarchy:
    ///
    ///     Error
    ///     ├─ LogicError: AssertionError, InvalidArgumentError, InvalidOperationError, UnimplementedError
    ///     └─ RuntimeError
    ///        ├─ DatabaseError: DatabaseCorruptError, DatabaseCreateError, DatabaseLockError,
    ///        │  DatabaseModifiedError, DatabaseClosedError,
    ///        │  DatabaseOpeningError: DatabaseVersionError, DatabaseNotFoundError
    ///        ├─ NetworkError: NetworkTimeoutError
    ///        └─ DocNotFoundError, FeatureUnavailableError, InternalError, QueryParserError,
    ///           SerialisationError, RangeError, WildcardError
    public enum Kind: Hashable, Sendable, CustomStringConvertible {
        case error
        case logicError, assertionError, invalidArgumentError, invalidOperationError, unimplementedError
        case runtimeError
        case databaseError, databaseCorruptError, databaseCreateError, databaseLockError, databaseModifiedError
        case databaseOpeningError, databaseVersionError, databaseNotFoundError, databaseClosedError
        case docNotFoundError, featureUnavailableError, internalError, networkError, networkTimeoutError
        case queryParserError, serialisationError, rangeError, wildcardError
        /// A name that is none of the above: "std::exception" and "UnknownError" for C++ exceptions
        /// that are not Xapian's, or a class of a later Xapian. It is no subclass of anything.
        case other(String)

        /// Every Xapian class this enum names, from `Error` down.
        public static let known: [Kind] = [
            .error, .logicError, .assertionError, .invalidArgumentError, .invalidOperationError, .unimplementedError,
            .runtimeError, .databaseError, .databaseCorruptError, .databaseCreateError, .databaseLockError,
            .databaseModifiedError, .databaseOpeningError, .databaseVersionError, .databaseNotFoundError,
            .databaseClosedError, .docNotFoundError, .featureUnavailableError, .internalError, .networkError,
            .networkTimeoutError, .queryParserError, .serialisationError, .rangeError, .wildcardError,
        ]

        private static let byName: [String: Kind] = Dictionary(uniqueKeysWithValues: known.map { ($0.name, $0) })

        /// The case of the Xapian class `name` (as `Xapian::Error::get_type()` gives it), or `.other(name)`.
        public init(name: String) {
            self = Self.byName[name] ?? .other(name)
        }

        /// The Xapian class name, e.g. "DatabaseLockError"; for `.other`, the name it was made from.
        public var name: String {
            switch self {
            case .error: "Error"
            case .logicError: "LogicError"
            case .assertionError: "AssertionError"
            case .invalidArgumentError: "InvalidArgumentError"
            case .invalidOperationError: "InvalidOperationError"
            case .unimplementedError: "UnimplementedError"
            case .runtimeError: "RuntimeError"
            case .databaseError: "DatabaseError"
            case .databaseCorruptError: "DatabaseCorruptError"
            case .databaseCreateError: "DatabaseCreateError"
            case .databaseLockError: "DatabaseLockError"
            case .databaseModifiedError: "DatabaseModifiedError"
            case .databaseOpeningError: "DatabaseOpeningError"
            case .databaseVersionError: "DatabaseVersionError"
            case .databaseNotFoundError: "DatabaseNotFoundError"
            case .databaseClosedError: "DatabaseClosedError"
            case .docNotFoundError: "DocNotFoundError"
            case .featureUnavailableError: "FeatureUnavailableError"
            case .internalError: "InternalError"
            case .networkError: "NetworkError"
            case .networkTimeoutError: "NetworkTimeoutError"
            case .queryParserError: "QueryParserError"
            case .serialisationError: "SerialisationError"
            case .rangeError: "RangeError"
            case .wildcardError: "WildcardError"
            case .other(let name): name
            }
        }

        public var description: String { name }

        /// The base class in Xapian's hierarchy; nil for `.error` and `.other`.
        public var parent: Kind? {
            switch self {
            case .error, .other: nil
            case .logicError, .runtimeError: .error
            case .assertionError, .invalidArgumentError, .invalidOperationError, .unimplementedError: .logicError
            case .databaseError, .docNotFoundError, .featureUnavailableError, .internalError, .networkError,
                 .queryParserError, .serialisationError, .rangeError, .wildcardError: .runtimeError
            case .databaseCorruptError, .databaseCreateError, .databaseLockError, .databaseModifiedError,
                 .databaseOpeningError, .databaseClosedError: .databaseError
            case .databaseVersionError, .databaseNotFoundError: .databaseOpeningError
            case .networkTimeoutError: .networkError
            }
        }

        /// Whether this is `ancestor` or one of its subclasses: a `.databaseNotFoundError` is a
        /// `.databaseOpeningError`, a `.databaseError`, a `.runtimeError` and an `.error`.
        public func isA(_ ancestor: Kind) -> Bool {
            var current: Kind? = self
            while let kind = current {
                if kind == ancestor { return true }
                current = kind.parent
            }
            return false
        }

        /// Whether this is a `DatabaseError` or a subclass of it (the database cannot be read or written).
        public var isDatabaseError: Bool { isA(.databaseError) }
    }
}
