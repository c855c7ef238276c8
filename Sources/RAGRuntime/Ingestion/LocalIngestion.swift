import Foundation
import Logging
import Synchronization
import Retrieval
import TelemetrySimulator

/// The ingestion half of `rag-runtime local`: producer → ``LocalStream`` → consumer → embedded
/// store, in one process, all state in one data directory.
///
/// ## Data directory
/// - `stream.jsonl`: the durable stream (``LocalStream``)
/// - `checkpoints/local.json`: the consumer's position (``CheckpointStore``)
/// - `dead-letters.jsonl`: records that could not be indexed (``FileDeadLetterStore``)
/// - `manifest.json`, `store-*`: the embedded vector store (the layout `rag-runtime query
///   --data-dir` reads), saved before every checkpoint
///
/// ## Restart
/// The producer continues at the stream's length (same seed, same sequence; the backfill is only
/// written into an empty stream), and the consumer resumes from its checkpoint, replaying at most
/// one commit interval of batches, which upserts by `event_id` absorb.
///
/// ```swift
/// let store = try LocalIngestion.openStore(in: dataDir, dimensions: 384)
/// let ingestion = try LocalIngestion(configuration: .init(dataDirectory: dataDir, backfillSeconds: 86_400),
///                                    embedder: HashingEmbedder(), store: store)
/// try await ingestion.run { progress in print(progress.line) }
/// ```
public struct LocalIngestion: Sendable {
    /// The stream.
    public let stream: LocalStream
    /// The consumer's checkpoints.
    public let checkpoints: CheckpointStore
    /// The dead letters.
    public let deadLetters: FileDeadLetterStore
    /// The store, shared with the query server.
    public let store: EmbeddedVectorStore
    /// The settings.
    public let configuration: Configuration
    private let embedder: any Embedder
    private let logger: Logger

    /// Opens the stream, checkpoints and dead letters under the data directory.
    ///
    /// - Throws: ``IngestionError`` when the data directory cannot be used.
    public init(configuration: Configuration, embedder: any Embedder, store: EmbeddedVectorStore, logger: Logger = Logger(label: "rag-runtime.local")) throws {
        let directory = configuration.dataDirectory
        stream = try LocalStream(directory: directory)
        checkpoints = try CheckpointStore(directory: directory.appendingPathComponent("checkpoints"))
        deadLetters = try FileDeadLetterStore(url: directory.appendingPathComponent("dead-letters.jsonl"))
        self.store = store
        self.configuration = configuration
        self.embedder = embedder
        self.logger = logger
        if stream.recoveredTornBytes > 0 {
            logger.warning("dropped a torn last line of the stream", metadata: ["bytes": "\(stream.recoveredTornBytes)"])
        }
    }

    /// The durable store of `dataDirectory` (its snapshot and write-ahead log), or a new empty one.
    ///
    /// - Throws: ``RetrievalError`` for a damaged saved store or log.
    public static func openStore(in dataDirectory: URL, dimensions: Int) throws -> EmbeddedVectorStore {
        try EmbeddedVectorStore.openDurable(in: dataDirectory, configuration: .init(dimensions: dimensions)).store
    }

    /// Opens the durable store of `dataDirectory` for `embedder`'s vectors: a store another
    /// embedder built is refused (``RetrievalError/embedderMismatch(path:stored:requested:)``).
    public static func openStore(in dataDirectory: URL, embedder: EmbedderIdentity) throws -> EmbeddedVectorStore {
        try EmbeddedVectorStore.openDurable(in: dataDirectory, configuration: .init(dimensions: embedder.dimensions, embedder: embedder)).store
    }

    /// The consumer over the local stream. The store is durable on every upsert (its write-ahead
    /// log), so a checkpoint never waits for a snapshot; ``StoreCheckpointService`` takes those.
    public func consumer() -> LocalStreamConsumer {
        let sink = VectorStoreSink(store)
        var consumer = LocalStreamConsumer(
            stream: stream, checkpoints: checkpoints,
            processor: BatchProcessor(embedder: embedder, sink: sink, deadLetters: deadLetters, logger: logger))
        consumer.commitInterval = configuration.commitInterval
        consumer.batchSize = configuration.batchSize
        return consumer
    }

    /// The producer into the local stream, continuing after what the stream holds.
    public func producer(now: Date = Date()) throws -> TelemetryProducer {
        let existing = stream.count
        let remaining = configuration.count.map { max(0, $0 - existing) }
        let schedule = try ProducerSchedule(
            recordsPerMinute: configuration.recordsPerMinute, backfill: existing == 0 ? configuration.backfillSeconds : 0,
            count: remaining, start: now)
        var producer = TelemetryProducer(generator: TelemetryGenerator(seed: configuration.seed), schedule: schedule, writer: LocalStreamWriter(stream: stream))
        producer.firstIndex = existing
        producer.logger = logger
        return producer
    }

    /// Runs producer and consumer until cancelled (or graceful shutdown, when run in a
    /// `ServiceGroup` via ``LocalIngestionService``).
    ///
    /// With ``Configuration/exitWhenDone`` and a count, returns once the producer has written its
    /// records and the consumer has indexed all of them.
    ///
    /// - Parameter progress: Called after every producer write and consumer batch.
    /// - Throws: `CancellationError`, or the first failure of producer or consumer.
    public func run(progress: @escaping @Sendable (Progress) -> Void = { _ in }) async throws {
        let state = ProgressState(Progress(produced: stream.count, backfill: 0, indexed: try await store.count(), behind: 0))
        let producer = try producer()
        let consumer = consumer()
        let existing = stream.count
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await producer.run { written, backfill in
                    progress(state.value.withLock { $0.produced = existing + written; $0.backfill = backfill; return $0 })
                }
            }
            group.addTask {
                try await consumer.run { summary, behind in
                    progress(state.value.withLock { $0.indexed += summary.indexed; $0.behind = behind; return $0 })
                }
            }
            try await group.next()   // the producer finished (the consumer never does)
            guard configuration.exitWhenDone else {
                try await group.waitForAll()
                return
            }
            group.cancelAll()
            do {
                try await group.waitForAll()
            } catch is CancellationError {
                // The consumer ends with CancellationError after committing what it processed.
            }
        }
        try await consumer.run(until: .caughtUp) { summary, behind in
            progress(state.value.withLock { $0.indexed += summary.indexed; $0.behind = behind; return $0 })
        }
    }
}

/// The progress shared by the producer and consumer tasks.
private final class ProgressState: Sendable {
    let value: Mutex<LocalIngestion.Progress>
    init(_ progress: LocalIngestion.Progress) { value = Mutex(progress) }
}
