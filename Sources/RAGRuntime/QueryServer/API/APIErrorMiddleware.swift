import Hummingbird
import Logging

/// Turns every error a route throws into the API's JSON error shape, so clients never see a
/// stack trace or an HTML page.
///
/// ``QueryAPIError`` passes through; Hummingbird's `HTTPError` (404 for unknown routes, 405, …)
/// keeps its status with a code derived from it; anything else is logged and becomes a 500
/// `internal` error with a generic message.
struct APIErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as QueryAPIError {
            return error.jsonResponse
        } catch let error as HTTPError {
            let code = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            return QueryAPIError(status: error.status, code: code, message: error.body ?? error.status.reasonPhrase).jsonResponse
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)", "http.route": "\(context.endpointPath ?? "unknown")"])
            return QueryAPIError(status: .internalServerError, code: "internal", message: "internal error; see the server log").jsonResponse
        }
    }
}
