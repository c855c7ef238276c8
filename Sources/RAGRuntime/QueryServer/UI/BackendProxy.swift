import AsyncHTTPClient
import Hummingbird
import Logging
import NIOCore

/// Forwards the page's API requests from the UI to the query API and streams the answers back.
///
/// The request body is read whole, within the UI's ``ServerLimits`` (questions are small); the response body
/// is streamed as it arrives, so server-sent events reach the browser token by token. Only
/// `Content-Type`, `Accept` and `Cache-Control` cross the proxy. A backend that cannot be
/// reached is a 502 `backend_unavailable` in the API's error shape.
struct BackendProxy: Sendable {
    let backendURL: String
    let httpClient: HTTPClient
    let timeout: Duration
    let limits: ServerLimits
    let logger: Logger

    /// The `POST` routes the page uses, forwarded as they are.
    static let forwardedPosts = ["api/query", "submit_query"]
    /// The `GET` routes the page uses.
    static let forwardedGets = ["api/stats"]

    func forward(_ request: Request) async throws -> Response {
        var outgoing = HTTPClientRequest(url: Self.join(backendURL, request.uri.description))
        outgoing.method = .init(rawValue: request.method.rawValue)
        if let value = request.headers[.contentType] { outgoing.headers.add(name: "Content-Type", value: value) }
        if let value = request.headers[.accept] { outgoing.headers.add(name: "Accept", value: value) }
        if request.method == .post {
            outgoing.body = .bytes(try await limits.body(of: request))
        }
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(outgoing, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000))
        } catch {
            logger.warning("backend request failed", metadata: ["error": "\(error)"])
            throw QueryAPIError.badGateway("backend_unavailable", "the query backend did not answer", detail: "\(backendURL): \(error)")
        }
        var headers = HTTPFields()
        if let value = response.headers.first(name: "Content-Type") { headers[.contentType] = value }
        if let value = response.headers.first(name: "Cache-Control") { headers[.cacheControl] = value }
        return Response(
            status: HTTPResponse.Status(code: Int(response.status.code)), headers: headers,
            body: ResponseBody(asyncSequence: response.body))
    }

    /// Whether the backend answers `GET /healthz`.
    func isBackendReachable() async -> Bool {
        var request = HTTPClientRequest(url: Self.join(backendURL, "/healthz"))
        request.method = .GET
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(2))
            _ = try await response.body.collect(upTo: 1 << 16)
            return response.status.code == 200
        } catch {
            logger.debug("backend not reachable", metadata: ["error": "\(error)"])
            return false
        }
    }

    /// `base` without trailing slashes, followed by `path` (which starts with `/`).
    static func join(_ base: String, _ path: String) -> String {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
