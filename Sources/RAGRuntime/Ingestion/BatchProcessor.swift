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
/// - Backpressure, not dead letters: throttling, 5xx, timeouts and services that cannot be reached
///   or refuse this consumer's credentials are retried with capped exponential backoff and full
///   jitter for as long as the shard is held (`stillHeld`); only a record that is itself bad
///   (unparseable, rejected by the embedder or the mapping) is dead-lettered. ``backingOff`` is
///   told how long each wait is (and `nil` when work resumes), for readiness and metrics.
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
    /// The delay before retry `n` (1-based): full jitter over 200 ms doubling, capped at 30 s.
    public var backoff: @Sendable (Int) -> Duration = { attempt in .milliseconds(Int.random(in: 0...BatchProcessor.backoffCeiling(attempt))) }
    /// Told the wait before each retry, and `nil` once a retried call succeeded.
    public var backingOff: @Sendable (Duration?) -> Void = { _ in }
    /// Sleeps; injected so tests do not wait.
    public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// The wall clock, for dead-letter timestamps.
    public var now: @Sendable () -> Date = { Date() }
    /// Logs one summary line per batch at `.info`.
    public var logger: Logger
    /// The metrics.
    public var metrics: IngestionMetrics

    /// The upper bound of the jittered wait before retry `attempt`, in milliseconds: 200 doubling, at most 30,000.
    public static func backoffCeiling(_ attempt: Int) -> Int { min(30_000, 200 << min(max(attempt - 1, 0), 8)) }

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
    ///   - stillHeld: Whether this worker still owns the shard; checked before every retry.
    ///   - acknowledge: Makes the position durable (persist the sink, write the checkpoint).
    /// - Returns: What happened.
    /// - Throws: `CancellationError`, ``IngestionError/leaseLost(shard:)`` when the shard went to
    ///   another worker during a retry, or the dead-letter store's or `acknowledge`'s error.
    ///   Nothing is acknowledged then.
    @discardableResult
    public func process(
        _ records: [SourceRecord], lag: String? = nil, stillHeld: () async -> Bool = { true }, acknowledge: (String) async throws -> Void
    ) async throws -> BatchSummary {
        let started = ContinuousClock.now
        var machine = StateMachine(records: records, now: now(), maxEmbedTexts: maxEmbedTexts)
        var waited = false
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
                    metrics.recordFreshness(of: documents.map(\.record.timestamp), at: now())
                } catch {
                    machine.upsertFailed(try Self.classify(error))
                }
            case .wait(let attempt):
                guard await stillHeld() else { throw IngestionError.leaseLost(shard: records.first?.shard ?? "") }
                let delay = backoff(attempt)
                backingOff(delay)
                metrics.recordBackoff(delay)
                if attempt == 1 || attempt % 10 == 0 {
                    logger.warning("backing off: a service is throttling or unavailable; nothing is dead-lettered for it", metadata: [
                        "attempt": "\(attempt)", "wait_ms": "\(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)",
                        "error": "\(machine.lastTransientFailure ?? "")",
                    ])
                }
                waited = true
                try await sleep(delay)
            case .deadLetter(let letters):
                try await deadLetters.write(letters)
                machine.deadLettersStored()
            case .acknowledge(let position):
                try await acknowledge(position)
                machine.acknowledgementStored()
            case .finished(let summary):
                if waited { backingOff(nil) }
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

    /// Sorts an embed or upsert error: input the service rejected is permanent; throttling, 5xx,
    /// timeouts, unreachable services and refused credentials (a configuration fault to fix, never
    /// a reason to dead-letter good records) are transient; cancellation is rethrown.
    static func classify(_ error: any Error) throws -> StateMachine.Failure {
        switch error {
        case is CancellationError:
            throw error
        case let error as RetrievalError:
            return error.isRetryable ? .transient("\(error)") : .permanent("\(error)")
        case let error as AWSError:
            guard let status = error.statusCode, !error.isRetryable else { return .transient("\(error)") }
            return [401, 403, 404].contains(status) ? .transient("\(error)") : .permanent("\(error)")
        case let error as IngestionError:
            guard case .backendRejected(let status, _) = error else { return .transient("\(error)") }
            // Endpoint missing or down, the token refused, throttling: wait. Other 4xx: the records.
            if [401, 403, 404, 405, 408, 429].contains(status) || status >= 500 { return .transient("\(error)") }
            return (400..<500).contains(status) ? .permanent("\(error)") : .transient("\(error)")
        default:
            return .transient("\(error)")
        }
    }
}
