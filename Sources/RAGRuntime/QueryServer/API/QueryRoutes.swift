import Foundation
import Hummingbird
import NIOCore

/// `POST /api/query` (JSON or server-sent events) and `POST /submit_query` (the reference blueprint's shape).
struct QueryRoutes: Sendable {
    let service: QueryService
    let configuration: QueryAPIConfiguration

    func register(on router: Router<BasicRequestContext>) {
        router.post("api/query") { request, _ in try await query(request) }
        router.post("submit_query") { request, _ in try await submitQuery(request) }
    }

    /// Answers as JSON, or as server-sent events when the body says `"stream": true` or the
    /// client accepts `text/event-stream`. Retrieval errors are JSON errors either way, because
    /// retrieval finishes before the event stream starts.
    func query(_ request: Request) async throws -> Response {
        let body = try await configuration.limits.body(of: request)
        let validated = try QueryRequestBody.validated(from: body, configuration: configuration)
        let acceptsEvents = request.headers[.accept]?.contains("text/event-stream") ?? false
        let retrieval = try await service.retrieve(validated.query, k: validated.k)
        guard validated.stream || acceptsEvents else {
            return try JSONResponse.make(await service.generate(retrieval))
        }
        let filter = try ServerSentEvent(
            name: "filter",
            payload: ServerSentEvent.FilterPayload(
                timeRange: retrieval.parsed.timeRange, fields: retrieval.parsed.fields, warnings: retrieval.parsed.warnings))
        let sources = try ServerSentEvent(name: "sources", payload: retrieval.sources)
        let service = self.service
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(filter.buffer)
            try await writer.write(sources.buffer)
            let response = await service.streamAnswer(retrieval) { token in
                try await writer.write(ServerSentEvent(name: "token", payload: ServerSentEvent.TokenPayload(text: token)).buffer)
            }
            try await writer.write(ServerSentEvent(name: "done", payload: response).buffer)
            try await writer.finish(nil)
        })
    }

    /// The reference blueprint's endpoint: `{"query"}` in, `{query, llm_response, similar_documents, processing_time}` out.
    func submitQuery(_ request: Request) async throws -> Response {
        let body = try await configuration.limits.body(of: request)
        let validated = try QueryRequestBody.validated(from: body, configuration: configuration)
        let response = try await service.answer(validated.query, k: validated.k)
        return try JSONResponse.make(LegacyQueryResponse(response))
    }
}

/// The reference blueprint's `/submit_query` answer, so existing clients keep working.
///
/// `processing_time` is in seconds; `similar_documents` are the sources.
struct LegacyQueryResponse: Encodable {
    var query: String
    var llmResponse: String
    var similarDocuments: [QuerySource]
    var processingTime: Double

    init(_ response: QueryResponse) {
        query = response.query
        llmResponse = response.answer
        similarDocuments = response.sources
        processingTime = response.timings.totalMs / 1000
    }

    private enum CodingKeys: String, CodingKey {
        case query, llmResponse = "llm_response", similarDocuments = "similar_documents", processingTime = "processing_time"
    }
}
