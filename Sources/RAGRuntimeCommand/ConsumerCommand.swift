import ArgumentParser
import Foundation
import Logging
import Observability
import RAGRuntime
import ServiceLifecycle

/// `rag-runtime consumer`: Kinesis → embedder → vector store (or the backend's `/api/ingest`).
///
/// Environment (set by the operator): `KINESIS_STREAM_NAME`, `KINESIS_STARTING_POSITION`,
/// `KINESIS_STARTING_TIMESTAMP`, `KINESIS_BATCH_SIZE`, `AWS_REGION`, `EMBEDDER`, `VECTOR_STORE`,
/// `DATA_DIR` (store, `checkpoints/`, `dead-letters.jsonl`), `BACKEND_URL` (post batches to the
/// backend instead of a local store), `CONSUMER_INSTANCE_INDEX` / `CONSUMER_INSTANCE_COUNT`
/// (static shard split between replicas; default 0 of 1).
///
/// ```sh
/// KINESIS_STREAM_NAME=vehicle-logs AWS_REGION=eu-west-1 EMBEDDER=local VECTOR_STORE=embedded DATA_DIR=/var/lib/rag rag-runtime consumer
/// ```
struct ConsumerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumer",
        abstract: "Consume a Kinesis stream into the vector store, exactly once per event_id, with checkpoints.")

    @Option(help: "The Kinesis stream (default: KINESIS_STREAM_NAME).")
    var stream: String?

    @Option(help: "Seconds between checkpoints (each saves the embedded store first).")
    var commitInterval: Int = 5

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let runtime = try RuntimeConfiguration(environment: environment)
        let registry = Observability.bootstrap(logFormat: runtime.logFormat, logLevel: runtime.logLevel)
        let logger = Logger(label: "rag-runtime.consumer")
        let dataDirectory = URL(fileURLWithPath: environment["DATA_DIR"] ?? "/var/lib/rag", isDirectory: true)

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        let embedder: any Embedder
        let sink: any DocumentSink
        if let backendURL = runtime.backendURL {
            embedder = DeferredEmbedder()
            sink = BackendIngestSink(backendURL: backendURL)
        } else {
            embedder = try runtime.makeEmbedder()
            let (store, directory) = try runtime.makeEmbeddedStore(dimensions: embedder.dimensions, logger: logger)
            sink = VectorStoreSink(store) { try store.save(to: directory) }
        }
        let processor = BatchProcessor(
            embedder: embedder, sink: sink,
            deadLetters: try FileDeadLetterStore(url: dataDirectory.appendingPathComponent("dead-letters.jsonl")), logger: logger)
        var consumer = KinesisConsumer(
            kinesis: try KinesisEnvironment.client(environment: environment),
            streamName: try KinesisEnvironment.streamName(stream, environment: environment),
            checkpoints: try CheckpointStore(directory: dataDirectory.appendingPathComponent("checkpoints")), processor: processor)
        consumer.startingPosition = try KinesisEnvironment.startingPosition(environment: environment)
        consumer.batchSize = try KinesisEnvironment.batchSize(environment: environment)
        consumer.commitInterval = .seconds(max(0, commitInterval))
        consumer.assignment = try KinesisShardPlan.Assignment(
            index: Int(environment["CONSUMER_INSTANCE_INDEX"] ?? "0") ?? -1,
            count: Int(environment["CONSUMER_INSTANCE_COUNT"] ?? "1") ?? 0)
        logger.info("consumer starting", metadata: [
            "stream": "\(consumer.streamName)", "sink": "\(runtime.backendURL.map { "backend \($0)" } ?? "embedded store")",
            "instance": "\(consumer.assignment.index)/\(consumer.assignment.count)",
        ])
        let operational = OperationalServer.application(host: "0.0.0.0", port: runtime.port, registry: registry, logger: logger) {
            (true, "consuming")
        }
        services.append(.init(service: operational))
        let configured = consumer
        services.append(.init(service: IngestionTaskService { try await configured.run() }))
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
