import Hummingbird

/// Lets a request through only with `Authorization: Bearer <token>` for one of the
/// ``IngestTokens``: 401 with `WWW-Authenticate` otherwise. Without tokens (no `INGEST_TOKEN_DIR`)
/// every request is refused with 403: writes are off unless a token is configured.
struct BearerTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let tokens: IngestTokens?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let tokens else {
            throw QueryAPIError(
                status: .forbidden, code: "ingest_disabled",
                message: "writes are disabled: this backend has no ingest token (INGEST_TOKEN_DIR is not set)")
        }
        guard tokens.accepts(request.headers[.authorization]) else {
            var response = QueryAPIError(
                status: .unauthorized, code: "unauthorized",
                message: "send the pipeline's ingest token as Authorization: Bearer <token>"
            ).jsonResponse
            response.headers[.wwwAuthenticate] = #"Bearer realm="rag-ingest""#
            return response
        }
        return try await next(request, context)
    }
}
