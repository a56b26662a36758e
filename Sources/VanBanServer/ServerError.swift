import Foundation
import HTTPTypes
import Hummingbird
import VanBan

/// An error as the client sees it: an HTTP status, a stable code for programs and a message for people.
/// The API sends it as `{"error": {"status", "code", "message"}}`, the page as an error page; neither
/// carries a stack trace or a path of the server's.
public struct ServerError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status; self.code = code; self.message = message
    }

    static func missing(_ parameter: String) -> ServerError {
        ServerError(.badRequest, "missing_parameter", "the parameter \"\(parameter)\" is required")
    }

    static func invalid(_ parameter: String, _ message: String) -> ServerError {
        ServerError(.badRequest, "invalid_parameter", "\(parameter): \(message)")
    }

    static let notFound = ServerError(.notFound, "not_found", "no such page or API route")
    static let timeout = ServerError(.serviceUnavailable, "timeout", "the request took longer than the server allows; narrow the query and try again")

    /// `error` as the client may see it. What VanBan says of a query or a missing document goes through;
    /// what concerns the server (its index folder, Xapian's words) is logged by the caller and replaced here.
    static func from(_ error: any Error) -> ServerError {
        switch error {
        case let error as ServerError:
            return error
        case VanBanError.badQuery(let message, let position):
            return ServerError(.badRequest, "bad_query", VanBanError.badQuery(message: message, position: position).description)
        case VanBanError.notFound(let what):
            return ServerError(.notFound, "not_found", "not found: \(what)")
        case VanBanError.indexMissing, VanBanError.indexBusy, VanBanError.schemaMismatch, VanBanError.damaged:
            return ServerError(.serviceUnavailable, "index_unavailable", "the index cannot be read now; the server's log says why")
        case let error as HTTPError:
            return error.status == .notFound ? .notFound
                : ServerError(error.status, "http_\(error.status.code)", error.body ?? error.status.reasonPhrase)
        default:
            return ServerError(.internalServerError, "internal", "the server could not answer this request; its log says why")
        }
    }

    /// Whether the server's log should say more than the client is told.
    var isServerSide: Bool { status.code >= 500 }
}

/// The JSON body of an error.
struct ErrorBody: Encodable {
    struct Detail: Encodable {
        var status: Int
        var code: String
        var message: String
    }
    var error: Detail

    init(_ error: ServerError) { self.error = Detail(status: error.status.code, code: error.code, message: error.message) }
}
