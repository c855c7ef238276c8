import ArgumentParser
import Foundation
import Logging
import Observability
import Ingestion
import QueryServer
import TelemetrySimulator
import RuntimeContract
import ServiceLifecycle
import Synchronization

/// `rag-runtime local`: the whole pipeline in one process, with nothing to install beyond Swift:
/// producer -> durable stream (append-only file in the data directory) -> consumer -> embedder (all-MiniLM-L6-v2)
/// -> embedded vector store -> query API and web UI on 127.0.0.1. Restarting resumes from the checkpoint.
struct LocalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local",
        abstract: "Run producer, stream, consumer, vector store, query API and web UI in one process (open http://127.0.0.1:PORT).")

    @Option(help: "Port of the query API and web UI on 127.0.0.1.")
    var port: Int = 8080

    @Option(name: .customLong("data-dir"), help: "Stream, checkpoints, dead letters and the vector store live here.")
    var dataDirectory: String = LocalCommand.defaultDataDirectory

    /// Where `local` keeps its data unless told otherwise; `reindex` looks there too.
    static let defaultDataDirectory = ".rag-data"

    @OptionGroup(title: "Telemetry (default: 100 records a minute, 2h of history)")
    var telemetry: TelemetryOptions

    @Option(help: "OpenAI-compatible LLM base URL (without /v1); default: LLM_URL, else extractive answers.")
    var llmURL: String?

    @Option(help: "The LLM's model name (with --llm-url).")
    var llmModel: String?

    func validate() throws {
        if (llmURL == nil) != (llmModel == nil) { throw ValidationError("--llm-url and --llm-model go together") }
    }

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment[RuntimeVariable.vectorStore.name] = VectorStoreKind.embedded.rawValue
        environment[RuntimeVariable.dataDirectory.name] = dataDirectory
        if let llmURL, let llmModel {
            environment[RuntimeVariable.llmURL.name] = llmURL
            environment[RuntimeVariable.llmModel.name] = llmModel
        }
        if environment[RuntimeVariable.logFormat.name] == nil { environment[RuntimeVariable.logFormat.name] = "text" }
        let configuration = try RuntimeConfiguration(environment: environment)
        let registry = Observability.bootstrap(logFormat: configuration.logFormat, logLevel: configuration.logLevel)
        let logger = Logger(label: "rag-runtime.local")

        let directory = URL(fileURLWithPath: dataDirectory, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let embedder = try configuration.makeEmbedder()
        let store = try RuntimeConfiguration.refusingMismatch(in: dataDirectory) {
            try LocalIngestion.openStore(in: directory, embedder: embedder.identity)
        }
        let ingestion = try LocalIngestion(
            configuration: .init(
                dataDirectory: directory, recordsPerMinute: telemetry.rate ?? 100,
                backfillSeconds: try telemetry.backfillSeconds(default: "2h"), seed: telemetry.resolvedSeed, count: telemetry.count),
            embedder: embedder, store: store, logger: logger)
        let progress = ProgressPrinter()
        let meter = IngestRateMeter()
        // The consumer runs in this process, so the internal listener serves only /metrics (writes stay off).
        let api = QueryAPIConfiguration(host: "127.0.0.1", port: port, internalPort: port + 1, limits: configuration.limits)
        let app = buildQueryApplication(
            configuration: api, embedder: embedder, store: store, generator: configuration.makeGenerator(logger: logger), clock: .system,
            meter: meter, logger: logger)
        let internalApp = buildInternalApplication(
            configuration: api, embedder: embedder, store: store, tokens: nil, clock: .system, meter: meter,
            metricsExposition: { registry.emitToBuffer() }, logger: logger)
        print("rag-runtime local: open http://127.0.0.1:\(port)  (metrics on :\(port + 1); data in \(dataDirectory); Ctrl-C stops, restart resumes)")
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: StoreCheckpointService(store: store, directory: directory, logger: logger)), .init(service: LocalIngestionService(ingestion) { state in
                progress.show(state.line)
                meter.record(progress.newlyIndexed(state.indexed), at: Date())
            }), .init(service: app), .init(service: internalApp)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// Prints the ingestion progress line at most twice a second, and turns the running indexed total
/// into increments for the ingest-rate meter behind `/api/stats`.
final class ProgressPrinter: Sendable {
    private let last = Mutex(ContinuousClock.now - .seconds(1))
    private let indexed = Mutex<Int?>(nil)

    /// Records indexed since the previous call (the first call counts nothing: it is the starting total).
    func newlyIndexed(_ total: Int) -> Int {
        indexed.withLock { previous in
            defer { previous = total }
            return previous.map { max(0, total - $0) } ?? 0
        }
    }

    func show(_ line: String) {
        let due = last.withLock { last -> Bool in
            guard last.duration(to: .now) >= .milliseconds(500) else { return false }
            last = .now
            return true
        }
        if due { print(line) }
    }
}
