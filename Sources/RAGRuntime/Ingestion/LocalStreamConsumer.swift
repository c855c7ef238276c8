import Foundation

/// Consumes a ``LocalStream`` from its checkpoint: read a batch, process it, acknowledge, repeat.
///
/// The checkpoint lives under shard name ``shard`` in the ``CheckpointStore``. A restart resumes
/// after the last committed position; batches after it are replayed and deduplicated by
/// `event_id`.
///
/// ```swift
/// let consumer = LocalStreamConsumer(stream: stream, checkpoints: checkpoints, processor: processor)
/// try await consumer.run(until: .caughtUp)
/// ```
public struct LocalStreamConsumer: Sendable {
    /// When ``run(until:onBatch:)`` returns.
    public enum StopCondition: Sendable {
        /// Only on cancellation or error.
        case never
        /// When a read finds no new entries (after committing).
        case caughtUp
    }

    /// The shard name of the local stream in checkpoints and dead letters.
    public static let shard = "local"

    /// The stream.
    public var stream: LocalStream
    /// The checkpoint store.
    public var checkpoints: CheckpointStore
    /// The batch processor.
    public var processor: BatchProcessor
    /// Entries per batch. Defaults to 500.
    public var batchSize = 500
    /// How long to wait when the stream has nothing new. Defaults to 200 ms.
    public var pollInterval: Duration = .milliseconds(200)
    /// The least time between checkpoints (each saves the sink first). Defaults to 5 seconds.
    public var commitInterval: Duration = .seconds(5)

    /// Creates a consumer with the defaults above.
    public init(stream: LocalStream, checkpoints: CheckpointStore, processor: BatchProcessor) {
        self.stream = stream
        self.checkpoints = checkpoints
        self.processor = processor
    }

    /// Consumes until `stop` says so, cancellation, or an error; commits what was processed on the way out.
    ///
    /// - Parameters:
    ///   - stop: When to return. Defaults to ``StopCondition/never``.
    ///   - onBatch: Called after each batch with its summary and the records still behind.
    /// - Throws: `CancellationError`, or a stream, checkpoint or processing error.
    public func run(
        until stop: StopCondition = .never, onBatch: @Sendable (BatchSummary, _ behind: Int) -> Void = { _, _ in }
    ) async throws {
        var position = try checkpoints.position(for: Self.shard).map { try LocalStreamPosition(parsing: $0) } ?? .start
        var checkpointer = ShardCheckpointer(shard: Self.shard, store: checkpoints, sink: processor.sink, interval: commitInterval)
        do {
            while true {
                try Task.checkCancellation()
                let entries = try stream.read(from: position, limit: batchSize)
                guard let last = entries.last else {
                    try await checkpointer.flush()
                    if case .caughtUp = stop { return }
                    try await processor.sleep(pollInterval)
                    continue
                }
                let records = entries.map { SourceRecord(shard: Self.shard, position: $0.next.description, data: $0.data) }
                let behind = stream.end.sequence - last.next.sequence
                let summary = try await processor.process(records, lag: "\(behind) records") { acknowledged in
                    try await checkpointer.acknowledge(acknowledged)
                }
                position = last.next
                processor.metrics.recordLag(shard: Self.shard, millisBehindLatest: nil, recordsBehind: behind)
                onBatch(summary, behind)
            }
        } catch {
            // Completed batches are acknowledged; make them durable before leaving (shutdown or failure).
            try await checkpointer.flush()
            throw error
        }
    }
}
