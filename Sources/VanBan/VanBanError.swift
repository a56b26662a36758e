import Foundation
import Xapian

/// Errors VanBan reports to users; each message says what to do next.
public enum VanBanError: Error, CustomStringConvertible, Equatable {
    case indexMissing(String)
    case indexBusy(String)
    case schemaMismatch(index: String, found: String, expected: String)
    case unreadable(path: String, reason: String)
    case unsupported(path: String)
    /// The file was read but holds no text to index (0 bytes, a scan without a text layer, a password).
    case noText(path: String, reason: String)
    case badQuery(message: String, position: Int)
    case notFound(String)
    /// The index cannot be read as it stands: `detail` says what is wrong in words.
    case damaged(index: String, detail: String)
    case xapian(XapianError)

    public var description: String {
        switch self {
        case .indexMissing(let path):
            return "no index at \(path): run `vanban index` first (or pass --index DIR)"
        case .indexBusy(let path):
            return "the index at \(path) is in use: another `vanban index` is writing it; wait for it to finish"
        case .schemaMismatch(let index, let found, let expected):
            return "the index at \(index) has schema version \(found), this vanban needs \(expected): run `vanban index --rebuild`"
        case .unreadable(let path, let reason):
            return "\(path): \(reason)"
        case .unsupported(let path):
            return "\(path): unsupported format"
        case .noText(let path, let reason):
            return "\(path): no text: \(reason)"
        case .badQuery(let message, let position):
            return "query error at character \(position + 1): \(message)"
        case .notFound(let what):
            return "not found: \(what)"
        case .damaged(let index, let detail):
            return "the index at \(index) is damaged: \(detail). `vanban check --index \(index)` says more; "
                + "`vanban index FOLDER… --rebuild --index \(index)` builds it anew from the files, beside the damaged one "
                + "(the files themselves are not touched)"
        case .xapian(let error):
            return "Xapian \(error.kind): \(error.message)"
        }
    }

    /// A stable name of the case, for scripts (`--json` error objects, the server's API).
    public var code: String {
        switch self {
        case .indexMissing: "index_missing"
        case .indexBusy: "index_busy"
        case .schemaMismatch: "schema_mismatch"
        case .unreadable: "unreadable"
        case .unsupported: "unsupported"
        case .noText: "no_text"
        case .badQuery: "bad_query"
        case .notFound: "not_found"
        case .damaged: "damaged"
        case .xapian: "xapian"
        }
    }

    /// `error` as a user should read it when it came from the index at `index`: Xapian's word for
    /// damage (a corrupt or missing table, a block cut short) becomes ``damaged(index:detail:)``.
    public static func explaining(_ error: any Error, index: String) -> any Error {
        let xapian: XapianError
        switch error {
        case let e as XapianError: xapian = e
        case VanBanError.xapian(let e): xapian = e
        default: return error
        }
        return IndexDamage.means(xapian) ? VanBanError.damaged(index: index, detail: IndexDamage.words(for: xapian)) : error
    }
}
