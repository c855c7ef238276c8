import Foundation
import Hummingbird
import NIOCore

/// An error the query API reports to its client as `{"error": {"code", "message"}}`.
///
/// `code` is a bounded, machine-readable name (safe as a metric label); `message` is for people
/// and never contains a stack trace. Bad input is 400, an upstream service failing is 502
/// (it answered badly) or 503 (it could not be reached), anything unexpected is 500.
///
/// What failed inside (an embedder's error text, a URL, a store's answer) goes in ``detail``,
/// which ``APIErrorMiddleware`` logs with the request id and never sends to the client.
///
/// ```swift
/// throw QueryAPIError.badRequest("query_too_long", "query is 4,812 characters; the limit is 4,000")
/// ```
public struct QueryAPIError: Error, Sendable, Equatable, HTTPResponseError {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The machine-readable code, for example `k_out_of_range`.
    public var code: String
    /// What went wrong and, for bad input, how to fix it.
    public var message: String
    /// The internal cause, for the log only.
    public var detail: String?

    /// Creates an error.
    public init(status: HTTPResponse.Status, code: String, message: String, detail: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.detail = detail
    }

    /// A 400 for bad input.
    public static func badRequest(_ code: String, _ message: String) -> QueryAPIError {
        QueryAPIError(status: .badRequest, code: code, message: message)
    }

    /// A 502: an upstream service answered, but with a failure; `detail` is logged, not sent.
    public static func badGateway(_ code: String, _ message: String, detail: String? = nil) -> QueryAPIError {
        QueryAPIError(status: .badGateway, code: code, message: message, detail: detail)
    }

    /// A 503: an upstream service could not be used at all; `detail` is logged, not sent.
    public static func unavailable(_ code: String, _ message: String, detail: String? = nil) -> QueryAPIError {
        QueryAPIError(status: .serviceUnavailable, code: code, message: message, detail: detail)
    }

    /// The JSON error body.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        jsonResponse
    }

    /// The JSON error response, `{"error": {"code", "message"}}`.
    public var jsonResponse: Response {
        let body = ["error": ["code": code, "message": message]]
        let data: Data
        do {
            data = try JSONEncoder().encode(body)
        } catch {
            data = Data(#"{"error":{"code":"internal","message":"error not encodable"}}"#.utf8)
        }
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
