import Foundation
import Hummingbird
import Logging
import Answering
import Ingestion
import Retrieval

/// Builds the query API router: every route of `rag-runtime query`, also used by `rag-runtime local` and the tests.
///
/// Routes: `GET /` (the web UI), `POST /api/query`, `POST /submit_query`, `GET /api/stats`,
/// `POST /api/ingest`, `POST /api/dead-letters` (when a dead-letter store is given), `GET /healthz`, `GET /readyz`, `GET /metrics`. Errors are JSON
/// (`{"error": {"code", "message"}}`); request counts and latencies are recorded per route
/// template by Hummingbird's `MetricsMiddleware`, stage latencies by ``QueryService``.
///
/// - Parameters:
///   - configuration: Limits and defaults.
///   - embedder: Embeds questions and ingested records.
///   - store: The vector store.
///   - generator: Writes answers: ``LLMAnswerGenerator``, or ``ExtractiveAnswerGenerator`` without an LLM.
///   - clock: The source of "now".
///   - meter: Counts indexed records for `/api/stats`; share it with an in-process consumer.
///   - metricsExposition: The Prometheus text for `/metrics` (the registry `Observability.bootstrap` returned).
///   - deadLetters: Where `POST /api/dead-letters` stores the records a consumer that indexes
///     through this backend gave up on; without it the route does not exist (404).
///   - logger: The request logger.
public func buildQueryRouter(
    configuration: QueryAPIConfiguration, embedder: any Embedder, store: any VectorStore, generator: any AnswerGenerator,
    clock: WallClock, meter: IngestRateMeter = IngestRateMeter(),
    metricsExposition: @escaping @Sendable () -> [UInt8] = { [] }, deadLetters: (any DeadLetterStore)? = nil,
    logger: Logger = Logger(label: "rag.query")
) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: APIErrorMiddleware())
    let service = QueryService(embedder: embedder, store: store, generator: generator, clock: clock, logger: logger)
    QueryRoutes(service: service, configuration: configuration).register(on: router)
    let ingestor = RecordIngestor(
        embedder: embedder, store: store, batchSize: configuration.ingestBatchSize, meter: meter, clock: clock, logger: logger)
    OperationalRoutes(
        embedder: embedder, store: store, generator: generator, ingestor: ingestor, meter: meter, clock: clock,
        configuration: configuration, metricsExposition: metricsExposition, checks: ReadinessChecks(clock: clock)
    ).register(on: router)
    if let deadLetters {
        router.post("api/dead-letters") { request, _ in
            let body = try await request.body.collect(upTo: configuration.maximumBodyBytes)
            let letters: [DeadLetter]
            do {
                letters = try JSONDecoder().decode([DeadLetter].self, from: Data(body.readableBytesView))
            } catch {
                throw QueryAPIError.badRequest("invalid_json", "the body is not a JSON array of dead letters (shard, position, reason, data, failed_at)")
            }
            try await deadLetters.write(letters)
            return try JSONResponse.make(["stored": letters.count])
        }
    }
    router.get("/") { _, _ in WebPage.response }
    return router
}

/// The query API as a Hummingbird application (a `Service`), listening on the configured host and port.
///
/// ```swift
/// let app = buildQueryApplication(configuration: .init(port: 8080), embedder: embedder, store: store,
///                                 generator: ExtractiveAnswerGenerator(), clock: .system)
/// try await ServiceGroup(services: [app], gracefulShutdownSignals: [.sigterm], logger: logger).run()
/// ```
public func buildQueryApplication(
    configuration: QueryAPIConfiguration, embedder: any Embedder, store: any VectorStore, generator: any AnswerGenerator,
    clock: WallClock, meter: IngestRateMeter = IngestRateMeter(),
    metricsExposition: @escaping @Sendable () -> [UInt8] = { [] }, deadLetters: (any DeadLetterStore)? = nil,
    logger: Logger = Logger(label: "rag.query")
) -> some ApplicationProtocol {
    let router = buildQueryRouter(
        configuration: configuration, embedder: embedder, store: store, generator: generator, clock: clock, meter: meter,
        metricsExposition: metricsExposition, deadLetters: deadLetters, logger: logger)
    return Application(
        router: router, configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rag-runtime"),
        logger: logger)
}
