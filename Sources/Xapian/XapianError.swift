import XapianBridge

/// An error reported by Xapian (or by the bridge over it).
///
/// `kind` is the Xapian class name from `Xapian::Error::get_type()`, e.g. "DatabaseLockError",
/// "DatabaseOpeningError", "DatabaseNotFoundError", "DatabaseCorruptError", "NetworkError",
/// "InvalidArgumentError", "QueryParserError"; "std::exception" or "UnknownError" for other C++ exceptions.
public struct XapianError: Error, CustomStringConvertible, Equatable, Sendable {
    public let kind: String
    public let message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }

    init(_ record: xb_error) {
        kind = record.kind.map { String(cString: $0) } ?? "UnknownError"
        message = decode(record.message, record.message_length)
    }

    public var description: String { "\(kind): \(message)" }

    /// Whether `kind` is `ancestor` or one of its subclasses in Xapian's error hierarchy,
    /// e.g. a "DatabaseNotFoundError" is a "DatabaseOpeningError", a "DatabaseError" and an "Error".
    public func isKind(of ancestor: String) -> Bool {
        var current: String? = kind
        while let name = current {
            if name == ancestor { return true }
            current = Self.parents[name]
        }
        return false
    }

    /// Each Xapian 1.4 error class and its base class.
    private static let parents: [String: String] = [
        "LogicError": "Error", "RuntimeError": "Error",
        "AssertionError": "LogicError", "InvalidArgumentError": "LogicError",
        "InvalidOperationError": "LogicError", "UnimplementedError": "LogicError",
        "DatabaseError": "RuntimeError", "DocNotFoundError": "RuntimeError",
        "FeatureUnavailableError": "RuntimeError", "InternalError": "RuntimeError",
        "NetworkError": "RuntimeError", "QueryParserError": "RuntimeError",
        "SerialisationError": "RuntimeError", "RangeError": "RuntimeError", "WildcardError": "RuntimeError",
        "DatabaseCorruptError": "DatabaseError", "DatabaseCreateError": "DatabaseError",
        "DatabaseLockError": "DatabaseError", "DatabaseModifiedError": "DatabaseError",
        "DatabaseOpeningError": "DatabaseError", "DatabaseClosedError": "DatabaseError",
        "DatabaseVersionError": "DatabaseOpeningError", "DatabaseNotFoundError": "DatabaseOpeningError",
        "NetworkTimeoutError": "NetworkError",
    ]
}
