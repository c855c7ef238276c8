import Foundation
import Hummingbird
import Logging
import Answering
import Ingestion
import Retrieval

/// Builds the query API's public router: what the web UI and API clients may reach.
///
/// Routes: `GET /` and its assets (the web UI), `POST /api/query`, `POST /submit_query`,
/// `GET /api/stats`, `GET /healthz`, `GET /readyz`. Nothing here writes: ingest and dead-letter
/// routes and `/metrics` live on the internal listener (``buildInternalRouter(configuration:embedder:store:tokens:clock:meter:metricsExposition:deadLetters:logger:)``).
/// Errors are JSON (`{"error": {"code", "message"}}`) with an `X-Request-ID`; every response
/// carries the security headers; API requests beyond ``ServerLimits/maximumConcurrentRequests``
/// get 429. Request counts and latencies are recorded per route template by Hummingbird's
/// `MetricsMiddleware`, stage latencies by ``QueryService``.
///
/// - Parameters:
///   - configuration: Limits and defaults.
///   - embedder: Embeds questions.
///   - store: The vector store.
///   - generator: Writes answers: ``LLMAnswerGenerator``, or ``ExtractiveAnswerGenerator`` without an LLM.
///   - clock: The source of "now".
///   - meter: The ingest rate `/api/stats` reports; share it with the internal router or an in-process consumer.
///   - logger: The request logger.
public func buildQueryRouter(
    configuration: QueryAPIConfiguration, embedder: any Embedder, store: any VectorStore, generator: any AnswerGenerator,
    clock: WallClock, meter: IngestRateMeter = IngestRateMeter(), logger: Logger = Logger(label: "rag.query")
) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: ConcurrencyLimitMiddleware(limits: configuration.limits))
    let service = QueryService(embedder: embedder, store: store, generator: generator, clock: clock, logger: logger)
    QueryRoutes(service: service, configuration: configuration).register(on: router)
    OperationalRoutes(
        embedder: embedder, store: store, generator: generator, meter: meter, clock: clock, checks: ReadinessChecks(clock: clock)
    ).register(on: router)
    WebPage.register(on: router)
    return router
}

/// Builds the query backend's internal router: the routes that write, behind the ingest token,
/// and the metrics. No Ingress or UI routes to its port; the operator's NetworkPolicy admits only
/// the consumer's Pods (and, for `/metrics`, the namespace's scrapers).
///
/// Routes: `POST /api/ingest`; with a dead-letter store, `POST /api/dead-letters` (a consumer's
/// letters), `GET /api/dead-letters[?reason=]` and `POST /api/dead-letters/redrive[?reason=]`
/// (``DeadLetterRedrive``: back through embed and upsert, removed once indexed); all of them
/// requiring `Authorization: Bearer <token>` for one of `tokens` (401 otherwise; 403 when no
/// token is configured); `GET /metrics`, `GET /healthz`.
///
/// - Parameters:
///   - tokens: The accepted ingest tokens; `nil` turns writes off.
///   - deadLetters: Where `POST /api/dead-letters` stores the records a consumer that indexes
///     through this backend gave up on; without it the route does not exist (404).
///   - metricsExposition: The Prometheus text for `/metrics` (the registry `Observability.bootstrap` returned).
public func buildInternalRouter(
    configuration: QueryAPIConfiguration, embedder: any Embedder, store: any VectorStore, tokens: IngestTokens?,
    clock: WallClock, meter: IngestRateMeter = IngestRateMeter(), metricsExposition: @escaping @Sendable () -> [UInt8] = { [] },
    deadLetters: (any DeadLetterStore)? = nil, logger: Logger = Logger(label: "rag.ingest")
) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: APIErrorMiddleware())
    router.get("healthz") { _, _ in try JSONResponse.make(["status": "ok"]) }
    router.get("metrics") { _, _ in MetricsExposition.response(metricsExposition()) }
    let ingestor = RecordIngestor(
        embedder: embedder, store: store, batchSize: configuration.ingestBatchSize, meter: meter, clock: clock, logger: logger)
    let writes = router.group().add(middleware: BearerTokenMiddleware(tokens: tokens))
    writes.post("api/ingest") { request, _ in
        if let lag = request.headers[.init(BackendIngestSink.lagHeader)!].flatMap(Double.init), lag.isFinite, lag >= 0 {
            meter.recordConsumerLag(lag, at: clock.now())
        }
        let body = try await configuration.limits.body(of: request, upTo: configuration.maximumIngestBodyBytes)
        return try JSONResponse.make(try await ingestor.ingest(body))
    }
    if let deadLetters {
        writes.post("api/dead-letters") { request, _ in
            let body = try await configuration.limits.body(of: request, upTo: configuration.maximumIngestBodyBytes)
            let letters: [DeadLetter]
            do {
                letters = try JSONDecoder().decode([DeadLetter].self, from: Data(body.readableBytesView))
            } catch {
                throw QueryAPIError.badRequest("invalid_json", "the body is not a JSON array of dead letters (shard, position, reason, data, failed_at)")
            }
            try await deadLetters.write(letters)
            return try JSONResponse.make(["stored": letters.count])
        }
        if let source = deadLetters as? any DeadLetterSource {
            let redrive = DeadLetterRedrive(processor: BatchProcessor(
                embedder: embedder, sink: VectorStoreSink(store), deadLetters: deadLetters, logger: logger))
            writes.get("api/dead-letters") { request, _ in
                try JSONResponse.make(try await source.list(reason: request.uri.queryParameters.get("reason")))
            }
            writes.post("api/dead-letters/redrive") { request, _ in
                let reason = request.uri.queryParameters.get("reason")
                return try JSONResponse.make(try await redrive.redrive(from: source, reason: reason))
            }
        }
    }
    return router
}

/// The query API's public listener as a Hummingbird application (a `Service`) on the configured
/// host and port, closing idle connections after ``ServerLimits/idleTimeout``.
///
/// ```swift
/// let app = buildQueryApplication(configuration: .init(port: 8080), embedder: embedder, store: store,
///                                 generator: ExtractiveAnswerGenerator(), clock: .system)
/// try await ServiceGroup(services: [app], gracefulShutdownSignals: [.sigterm], logger: logger).run()
/// ```
public func buildQueryApplication(
    configuration: QueryAPIConfiguration, embedder: any Embedder, store: any VectorStore, generator: any AnswerGenerator,
    clock: WallClock, meter: IngestRateMeter = IngestRateMeter(), logger: Logger = Logger(label: "rag.query")
) -> some ApplicationProtocol {
    let router = buildQueryRouter(
        configuration: configuration, embedder: embedder, store: store, generator: generator, clock: clock, meter: meter, logger: logger)
    return Application(
        router: router, server: configuration.limits.server,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rag-runtime"),
        logger: logger)
}

/// The internal listener (``buildInternalRouter(configuration:embedder:store:tokens:clock:meter:metricsExposition:deadLetters:logger:)``)
/// as an application on ``QueryAPIConfiguration/internalPort``.
public func buildInternalApplication(
    configuration: QueryAPIConfiguration, embedder: any Embedder, store: any VectorStore, tokens: IngestTokens?,
    clock: WallClock, meter: IngestRateMeter = IngestRateMeter(), metricsExposition: @escaping @Sendable () -> [UInt8] = { [] },
    deadLetters: (any DeadLetterStore)? = nil, logger: Logger = Logger(label: "rag.ingest")
) -> some ApplicationProtocol {
    let router = buildInternalRouter(
        configuration: configuration, embedder: embedder, store: store, tokens: tokens, clock: clock, meter: meter,
        metricsExposition: metricsExposition, deadLetters: deadLetters, logger: logger)
    return Application(
        router: router, server: configuration.limits.server,
        configuration: .init(address: .hostname(configuration.host, port: configuration.internalPort), serverName: "rag-runtime-internal"),
        logger: logger)
}
