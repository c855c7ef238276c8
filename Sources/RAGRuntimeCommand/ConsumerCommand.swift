import ArgumentParser
import Foundation
import Logging
import Observability
import Ingestion
import Retrieval
import RuntimeContract
import ServiceLifecycle

/// `rag-runtime consumer`: Kinesis → embedder → vector store (or the backend's `/api/ingest`).
///
/// Environment (set by the operator): `KINESIS_STREAM_NAME`, `KINESIS_STARTING_POSITION`,
/// `KINESIS_STARTING_TIMESTAMP`, `KINESIS_BATCH_SIZE`, `AWS_REGION`, `EMBEDDER`, `VECTOR_STORE`
/// (`opensearch`: index into `OPENSEARCH_INDEX`, dead letters into `<index>-dead-letters`;
/// `embedded`: the store in `DATA_DIR`), `BACKEND_URL` (post batches and dead letters to the
/// backend instead),
/// `DATA_DIR` (checkpoint files and `dead-letters.jsonl` when not on OpenSearch), and the leases:
/// `LEASE_TABLE` (a DynamoDB table of shard leases and checkpoints; replicas split the shards and
/// take over a dead replica's), `LEASE_TABLE_CREATE`, `LEASE_DURATION_SECONDS`, `WORKER_ID`.
/// Without `LEASE_TABLE` one replica reads every shard with checkpoint files in `DATA_DIR`.
///
/// ```sh
/// KINESIS_STREAM_NAME=vehicle-logs AWS_REGION=eu-west-1 EMBEDDER=bedrock VECTOR_STORE=opensearch \
///   OPENSEARCH_ENDPOINT=https://abc.eu-west-1.aoss.amazonaws.com OPENSEARCH_INDEX=telemetry OPENSEARCH_SERVERLESS=true \
///   LEASE_TABLE=rag-demo-leases rag-runtime consumer
/// ```
struct ConsumerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consumer",
        abstract: "Consume a Kinesis stream into the vector store with checkpoints, effectively once (replays replace themselves by event_id).")

    @Option(help: "The Kinesis stream (default: KINESIS_STREAM_NAME).")
    var stream: String?

    @Option(help: "Seconds between checkpoints of a shard (with the embedded store, each saves it first).")
    var commitInterval: Int = 5

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let runtime = try RuntimeConfiguration(environment: environment)
        let registry = Observability.bootstrap(logFormat: runtime.logFormat, logLevel: runtime.logLevel)
        let logger = Logger(label: "rag-runtime.consumer")
        let dataDirectory = URL(fileURLWithPath: environment[RuntimeVariable.dataDirectory.name] ?? RuntimeConfiguration.defaultDataDirectory, isDirectory: true)

        let coordination: any ShardCoordination
        let ownership: String
        if let table = try ConsumerEnvironment.leaseTable(environment: environment) {
            try await table.prepare(createIfMissing: try ConsumerEnvironment.createsLeaseTable(environment: environment))
            let coordinator = ShardLeaseCoordinator(
                table: table, worker: ConsumerEnvironment.workerID(environment: environment),
                leaseDuration: try ConsumerEnvironment.leaseDuration(environment: environment), logger: logger)
            coordination = coordinator
            ownership = "leases in DynamoDB table \(table.tableName) as \(coordinator.worker)"
        } else {
            coordination = SingleWorkerCoordination(checkpoints: try CheckpointStore(directory: dataDirectory.appendingPathComponent("checkpoints")))
            ownership = "every shard, checkpoint files in \(dataDirectory.path)/checkpoints (set LEASE_TABLE to run several replicas)"
        }
        let health = ConsumerHealth(staleAfter: max(.seconds(30), coordination.refreshInterval * 3))
        let embedder: any Embedder
        let sink: any DocumentSink
        var deadLetters: (any DeadLetterStore)?
        var checkpoints: StoreCheckpointService?
        let sinkDescription: String
        if let backendURL = runtime.backendURL {
            embedder = DeferredEmbedder()
            let token = runtime.ingestTokenReader()
            sink = BackendIngestSink(backendURL: backendURL, token: token, lag: { health.lagSeconds })
            deadLetters = BackendDeadLetterStore(backendURL: backendURL, token: token)
            sinkDescription = "backend \(backendURL)"
        } else {
            embedder = try runtime.makeEmbedder()
            switch runtime.vectorStore {
            case .openSearch(_, let index, _):
                let store = try runtime.makeOpenSearchStore(dimensions: embedder.dimensions)
                sink = VectorStoreSink(store)
                var letters = store.client
                letters.index = OpenSearchDeadLetterStore.indexName(for: index)
                if case .sourceField = letters.idMode { letters.idMode = .sourceField("letter_id") }
                deadLetters = OpenSearchDeadLetterStore(client: letters)
                sinkDescription = "opensearch \(store.client.http.endpoint.absoluteString)/\(index)"
            case .embedded:
                let (store, directory) = try runtime.makeEmbeddedStore(embedder: embedder.identity, logger: logger)
                sink = VectorStoreSink(store)   // durable on every upsert: its write-ahead log
                checkpoints = StoreCheckpointService(store: store, directory: directory, logger: logger)
                sinkDescription = "embedded store \(directory.path)"
            }
        }
        let processor = BatchProcessor(
            embedder: embedder, sink: sink,
            deadLetters: try deadLetters ?? FileDeadLetterStore(url: dataDirectory.appendingPathComponent("dead-letters.jsonl")),
            logger: logger)

        var consumer = KinesisConsumer(
            kinesis: try ConsumerEnvironment.client(environment: environment),
            streamName: try ConsumerEnvironment.streamName(stream, environment: environment),
            coordination: coordination, processor: processor)
        consumer.startingPosition = try ConsumerEnvironment.startingPosition(environment: environment)
        consumer.batchSize = try ConsumerEnvironment.batchSize(environment: environment)
        consumer.commitInterval = .seconds(max(0, commitInterval))
        consumer.health = health
        logger.info("consumer starting", metadata: [
            "stream": "\(consumer.streamName)", "sink": "\(sinkDescription)", "shards": "\(ownership)",
        ])
        let operational = OperationalServer.application(host: "0.0.0.0", port: runtime.port, registry: registry, logger: logger) {
            health.status(now: .now)
        }
        let configured = consumer
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: operational)]
        if let checkpoints { services.append(.init(service: checkpoints)) }   // before the writer: stops after it
        services.append(.init(service: IngestionTaskService { try await configured.run() }))
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
