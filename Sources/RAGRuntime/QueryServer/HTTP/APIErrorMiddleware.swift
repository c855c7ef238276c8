import Hummingbird
import Logging

/// Turns every error a route throws into the API's JSON error shape, so clients never see a
/// stack trace or an HTML page, and tags every response with `X-Request-ID`.
///
/// ``QueryAPIError`` passes through; Hummingbird's `HTTPError` (404 for unknown routes, 405, 413,
/// …) keeps its status with a code derived from it. A server-side failure (5xx) reaches the
/// client as its code and a short message with the request id; the cause (``QueryAPIError/detail``,
/// or any other error) goes to the log with the same id, so support can find it and an attacker
/// learns nothing about the services behind.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as QueryAPIError {
            response = Self.respond(to: error, context: context)
        } catch let error as any HTTPResponseError {
            // Hummingbird's own errors (HTTPError, a body over its limit, ...): their status, in our shape.
            let code = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            let message = (error as? HTTPError)?.body ?? error.status.reasonPhrase
            response = Self.respond(to: QueryAPIError(status: error.status, code: code, message: message), context: context)
        } catch {
            response = Self.respond(
                to: QueryAPIError(status: .internalServerError, code: "internal", message: "internal error", detail: "\(error)"), context: context)
        }
        response.headers[.init("X-Request-ID")!] = context.id
        return response
    }

    static func respond(to error: QueryAPIError, context: Context) -> Response {
        guard error.status.code >= 500 else { return error.jsonResponse }
        context.logger.error("request failed", metadata: [
            "code": "\(error.code)", "error": "\(error.message)\(error.detail.map { ": \($0)" } ?? "")",
            "http.route": "\(context.endpointPath ?? "unknown")",
        ])
        var shown = error
        shown.message = "\(error.message) (request id \(context.id); the cause is in the server log)"
        shown.detail = nil
        return shown.jsonResponse
    }
}
