import AWS
import Foundation
import Logging
import Retrieval

/// Processes one batch of stream records end to end: the driver of
/// ``BatchProcessor/StateMachine``, performing its embed, upsert, dead-letter and acknowledge
/// actions.
///
/// ## Guarantees
/// - The acknowledgement (`acknowledge` closure, which writes the checkpoint) runs only after
///   every record of the batch is upserted or durably dead-lettered.
/// - Upserts are keyed by `event_id`, so replaying a batch after a crash replaces documents
///   instead of duplicating them.
/// - Cancellation (a shutdown, a lost shard) propagates at once; nothing is acknowledged.
/// - A sink that is unavailable (the backend's ingest endpoint missing or down) makes
///   ``process(_:lag:acknowledge:)`` throw without acknowledging; the caller retries the batch.
///
/// ```swift
/// let processor = BatchProcessor(embedder: HashingEmbedder(), sink: VectorStoreSink(store), deadLetters: letters)
/// let summary = try await processor.process(records) { position in try checkpoints.save(position, for: shard) }
/// ```
public struct BatchProcessor: Sendable {
    /// The embedder; called with at most ``maxEmbedTexts`` texts.
    public var embedder: any Embedder
    /// Where documents go.
    public var sink: any DocumentSink
    /// Where given-up records go.
    public var deadLetters: any DeadLetterStore
    /// Texts per embed call. Defaults to 96, Cohere embed v3's limit on Bedrock.
    public var maxEmbedTexts = 96
    /// Attempts for a transient failure before the records are dead-lettered. Defaults to 3.
    public var maxAttempts = 3
    /// The delay before retry `n` (1-based). Defaults to 200 ms doubling, at most 5 s.
    public var backoff: @Sendable (Int) -> Duration = { attempt in .milliseconds(min(5_000, 200 << min(attempt - 1, 5))) }
    /// Sleeps; injected so tests do not wait.
    public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// The wall clock, for dead-letter timestamps.
    public var now: @Sendable () -> Date = { Date() }
    /// Logs one summary line per batch at `.info`.
    public var logger: Logger
    /// The metrics.
    public var metrics: IngestionMetrics

    /// Creates a processor with the defaults above.
    public init(
        embedder: any Embedder, sink: any DocumentSink, deadLetters: any DeadLetterStore,
        logger: Logger = Logger(label: "rag-runtime.consumer"), metrics: IngestionMetrics = IngestionMetrics()
    ) {
        self.embedder = embedder
        self.sink = sink
        self.deadLetters = deadLetters
        self.logger = logger
        self.metrics = metrics
    }

    /// Processes `records` (one shard, in order) and acknowledges the last position.
    ///
    /// - Parameters:
    ///   - records: The batch; empty batches return at once.
    ///   - lag: The shard's lag for the log line, if known.
    ///   - acknowledge: Makes the position durable (persist the sink, write the checkpoint).
    /// - Returns: What happened.
    /// - Throws: `CancellationError`, the sink's "unavailable" error, or the dead-letter store's
    ///   or `acknowledge`'s error. Nothing is acknowledged then.
    @discardableResult
    public func process(
        _ records: [SourceRecord], lag: String? = nil, acknowledge: (String) async throws -> Void
    ) async throws -> BatchSummary {
        let started = ContinuousClock.now
        var machine = StateMachine(records: records, now: now(), maxEmbedTexts: maxEmbedTexts, maxAttempts: maxAttempts)
        while true {
            try Task.checkCancellation()
            switch machine.nextAction() {
            case .embed(_, let texts):
                do {
                    machine.embedSucceeded(try await embedder.embed(texts, purpose: .document))
                } catch {
                    machine.embedFailed(try Self.classify(error))
                }
            case .upsert(let indices):
                let documents = indices.compactMap { index in
                    machine.parsed[index].flatMap { record in machine.vectors[index].map { IndexedDocument(record: record, vector: $0) } }
                }
                do {
                    try await sink.upsert(documents)
                    machine.upsertSucceeded()
                } catch {
                    machine.upsertFailed(try Self.classify(error))
                }
            case .wait(let attempt):
                try await sleep(backoff(attempt))
            case .deadLetter(let letters):
                try await deadLetters.write(letters)
                machine.deadLettersStored()
            case .acknowledge(let position):
                try await acknowledge(position)
                machine.acknowledgementStored()
            case .finished(let summary):
                let duration = ContinuousClock.now - started
                metrics.record(summary, duration: duration)
                if summary.received > 0 { log(summary, shard: records.first?.shard, lag: lag, duration: duration) }
                return summary
            }
        }
    }

    private func log(_ summary: BatchSummary, shard: String?, lag: String?, duration: Duration) {
        let milliseconds = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        logger.info("batch processed", metadata: [
            "shard": "\(shard ?? "")", "records.in": "\(summary.received)", "records.indexed": "\(summary.indexed)",
            "records.dead_lettered": "\(summary.deadLettered)", "records.duplicates": "\(summary.duplicates)",
            "embed.calls": "\(summary.embedCalls)", "retries": "\(summary.retries)",
            "duration_ms": "\(Int(milliseconds))", "lag": "\(lag ?? "unknown")",
        ])
    }

    /// Sorts an embed or upsert error: rejected input is permanent, throttling and timeouts are
    /// transient; cancellation and an unavailable sink are rethrown.
    static func classify(_ error: any Error) throws -> StateMachine.Failure {
        switch error {
        case is CancellationError:
            throw error
        case let error as RetrievalError:
            return .permanent("\(error)")
        case let error as AWSError:
            return error.isRetryable || error.statusCode == nil ? .transient("\(error)") : .permanent("\(error)")
        case let error as IngestionError:
            guard case .backendRejected(let status, _) = error else { return .transient("\(error)") }
            // Endpoint missing or down, or this consumer's token refused: do not acknowledge (a wrong
            // token is a configuration fault to fix, never a reason to dead-letter good records).
            if [401, 403, 404, 405, 502, 503, 504].contains(status) { throw error }
            return (400..<500).contains(status) && status != 429 ? .permanent("\(error)") : .transient("\(error)")
        default:
            return .transient("\(error)")
        }
    }
}
