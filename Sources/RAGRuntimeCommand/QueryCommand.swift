import ArgumentParser
import Foundation
import Logging
import Observability
import Ingestion
import QueryServer
import Retrieval
import RuntimeContract
import ServiceLifecycle

/// `rag-runtime query`: the query API and web UI over the configured embedder, store and LLM, on
/// `PORT`; the ingest and dead-letter routes (behind the token in `INGEST_TOKEN_DIR`) and
/// `/metrics` on `INTERNAL_PORT`.
///
/// ```sh
/// EMBEDDER=hashing VECTOR_STORE=embedded LLM_URL=http://vllm:8000 LLM_MODEL=mistral rag-runtime query --port 8080 --data-dir /var/lib/rag
/// ```
struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Serve the query API (/api/query, /submit_query, /api/stats, /api/ingest) and the web UI.")

    @Option(help: "Port to listen on (default: PORT, else 8080).")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Embedded store directory (default: DATA_DIR, else /var/lib/rag).")
    var dataDirectory: String?

    @Option(help: "Address to bind.")
    var host: String = "0.0.0.0"

    @Option(help: "Seconds between checkpoints of the embedded store (every write is durable in its log meanwhile).")
    var saveInterval: Int = 30

    func run() async throws {
        var configuration = try RuntimeConfiguration(environment: ProcessInfo.processInfo.environment)
        if let port { configuration.port = port }
        if let dataDirectory { configuration.vectorStore = .embedded(dataDirectory: dataDirectory) }
        let registry = Observability.bootstrap(logFormat: configuration.logFormat, logLevel: configuration.logLevel)
        let logger = Logger(label: "rag-runtime.query")

        let embedder = try configuration.makeEmbedder()
        let generator = configuration.makeGenerator(logger: logger)
        let store: any VectorStore
        var deadLetters: (any DeadLetterStore)?   // for consumers that index through this backend
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        switch configuration.vectorStore {
        case .openSearch:
            store = try configuration.makeOpenSearchStore(dimensions: embedder.dimensions)
        case .embedded:
            let (embedded, directory) = try configuration.makeEmbeddedStore(embedder: embedder.identity, logger: logger)
            store = embedded
            deadLetters = try FileDeadLetterStore(url: directory.appendingPathComponent("dead-letters.jsonl"))
            services.append(.init(service: StoreCheckpointService(store: embedded, directory: directory, interval: .seconds(max(1, saveInterval)), logger: logger)))
        }
        if let tokens = configuration.ingestTokens {
            try tokens.validate()
        } else {
            logger.warning("INGEST_TOKEN_DIR is not set: the internal listener refuses every write (403)")
        }
        let api = QueryAPIConfiguration(
            host: host, port: configuration.port, internalPort: configuration.internalPort, retrieval: configuration.settings.retrieval,
            limits: configuration.limits)
        let meter = IngestRateMeter()
        services.append(.init(service: buildQueryApplication(
            configuration: api, embedder: embedder, store: store, generator: generator, clock: .system, meter: meter, logger: logger)))
        services.append(.init(service: buildInternalApplication(
            configuration: api, embedder: embedder, store: store, tokens: configuration.ingestTokens, clock: .system, meter: meter,
            metricsExposition: { registry.emitToBuffer() }, deadLetters: deadLetters, logger: logger)))
        logger.info("query API starting", metadata: [
            "port": "\(api.port)", "internalPort": "\(api.internalPort)", "llm": "\(configuration.llm?.url ?? "none (extractive answers)")",
        ])
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
