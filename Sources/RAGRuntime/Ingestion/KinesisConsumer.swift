import AWS
import Foundation
import Logging

/// Consumes the shards of a Kinesis stream that this replica holds, with durable per-shard
/// checkpoints; ``ShardCoordination`` decides which shards (leases between replicas) and
/// ``KinesisShardPlan`` when (parents before children).
///
/// Each ready shard is read by its own child task: `GetShardIterator` (after the checkpoint, or
/// at the starting position), then `GetRecords` pages processed by the ``BatchProcessor`` and
/// acknowledged per page. A closed shard that is fully read is checkpointed as
/// ``KinesisShardPlan/shardEnd``; the shard list is then read again so its children start. Every
/// ``ShardCoordination/refreshInterval`` the shard list and the leases are refreshed; a shard
/// task stops at its next page once its lease is gone. On cancellation (graceful shutdown) the
/// tasks checkpoint what they acknowledged and the leases are released.
///
/// Outages are waited out, not fatal: a shard whose reads or writes fail (Kinesis, the embedder,
/// the store or the backend unreachable or throttling) backs off with capped exponential delays
/// and resumes from its last checkpoint; failed refreshes of the shard list or the leases are
/// retried every refresh interval. Meanwhile `/readyz` reports the consumer as not ready.
///
/// ```swift
/// let consumer = KinesisConsumer(kinesis: kinesis, streamName: "vehicle-logs", coordination: coordinator, processor: processor)
/// try await consumer.run()
/// ```
public struct KinesisConsumer: Sendable {
    /// The client.
    public var kinesis: KinesisClient
    /// The stream.
    public var streamName: String
    /// Which shards this replica reads, and their checkpoints.
    public var coordination: any ShardCoordination
    /// The batch processor.
    public var processor: BatchProcessor
    /// Where shards without a checkpoint start. Defaults to `TRIM_HORIZON`.
    public var startingPosition: KinesisShardIteratorType = .trimHorizon
    /// `GetRecords` limit, the batch size (`KINESIS_BATCH_SIZE`). Defaults to 500.
    public var batchSize = 500
    /// The wait after an empty page. Defaults to 1 second (a shard serves 5 reads a second).
    public var pollInterval: Duration = .seconds(1)
    /// The least time between checkpoints of one shard. Defaults to 5 seconds.
    public var commitInterval: Duration = .seconds(5)
    /// Readiness: refreshed shards and leases (shared by copies of the consumer).
    public var health = ConsumerHealth()
    /// Refreshes that may fail in a row (the AWS client has retried each) before ``run(until:)``
    /// gives up. Defaults to `nil`: never; an unreachable Kinesis or lease table is waited out.
    public var refreshFailureLimit: Int?

    /// Creates a consumer with the defaults above.
    public init(kinesis: KinesisClient, streamName: String, coordination: any ShardCoordination, processor: BatchProcessor) {
        self.kinesis = kinesis
        self.streamName = streamName
        self.coordination = coordination
        self.processor = processor
    }

    /// A single replica reading every shard, with checkpoint files.
    public init(kinesis: KinesisClient, streamName: String, checkpoints: CheckpointStore, processor: BatchProcessor) {
        self.init(kinesis: kinesis, streamName: streamName, coordination: SingleWorkerCoordination(checkpoints: checkpoints), processor: processor)
    }

    /// How a shard task ended.
    enum ShardOutcome: Sendable {
        /// At the tip (with `.caughtUp`) or fully read.
        case done
        /// The lease went to another replica.
        case lost
        /// Reading or processing failed (after backing off); the shard starts again at the next refresh.
        case failed
    }

    /// Consumes until cancelled, or with ``LocalStreamConsumer/StopCondition/caughtUp`` until
    /// this replica holds every unfinished shard and each has returned an empty page at the tip.
    ///
    /// - Throws: `CancellationError`, ``AWSError`` after retries, or a processing error.
    public func run(until stop: LocalStreamConsumer.StopCondition = .never) async throws {
        do {
            try await consumeShards(until: stop)
        } catch {
            // Whatever ended it, hand the shards over at once rather than after the lease duration
            // (outside this possibly cancelled task, so the release requests are sent).
            await Task { await coordination.releaseAll() }.value
            // A cancelled AWS call surfaces as a connection error: report a cancelled run as cancelled.
            if Task.isCancelled { throw CancellationError() }
            throw error
        }
    }

    private func consumeShards(until stop: LocalStreamConsumer.StopCondition) async throws {
        try await withThrowingTaskGroup(of: (String, ShardOutcome)?.self) { group in
            var running: Set<String> = []
            var done: Set<String> = []   // shards whose task returned at the tip or at the end
            var failures = 0
            var shardFailures: [String: Int] = [:]   // consecutive failed runs of each shard, for its backoff
            var timerPending = false
            var knownShards: [KinesisShard]?
            while true {
                var assignment: Refreshed?
                do {
                    let refreshed = try await refresh(knownShards: &knownShards)
                    assignment = refreshed
                    failures = 0
                    health.recordRefresh(held: refreshed.held, at: .now)
                    processor.metrics.recordHeldShards(refreshed.held)
                } catch is CancellationError {
                    throw CancellationError()
                } catch {
                    health.recordFailure(error, at: .now)
                    failures += 1
                    if let limit = refreshFailureLimit, failures >= limit { throw error }
                    processor.logger.warning("could not refresh shards and leases", metadata: ["error": "\(error)", "failures": "\(failures)"])
                }
                if let assignment {
                    for shard in assignment.ready where !running.contains(shard.shardID) && !done.contains(shard.shardID) {
                        running.insert(shard.shardID)
                        let failed = shardFailures[shard.shardID] ?? 0
                        group.addTask { try await consume(shard, stop: stop, failedBefore: failed) }
                    }
                    if case .caughtUp = stop, running.isEmpty, assignment.complete,
                       assignment.ready.allSatisfy({ done.contains($0.shardID) }) {
                        group.cancelAll()   // the refresh timer
                        return
                    }
                }
                if !timerPending {
                    timerPending = true
                    group.addTask {
                        try await processor.sleep(coordination.refreshInterval)
                        return nil
                    }
                }
                // Wake for the timer or a finished shard.
                guard let finished = try await group.next() else { return }
                if let (shardID, outcome) = finished {
                    running.remove(shardID)
                    if case .done = outcome { done.insert(shardID) }
                    if case .failed = outcome { shardFailures[shardID, default: 0] += 1 } else { shardFailures[shardID] = nil }
                } else {
                    timerPending = false
                }
            }
        }
    }

    struct Refreshed {
        var ready: [KinesisShard]
        var complete: Bool
        var held: Int
    }

    /// Lists the shards, refreshes ownership, and returns the held shards that can be read now.
    /// When listing fails, the leases are still renewed for the shards listed last time, so a
    /// Kinesis control-plane hiccup does not make every replica drop its shards.
    private func refresh(knownShards: inout [KinesisShard]?) async throws -> Refreshed {
        let shards: [KinesisShard]
        do {
            shards = try await kinesis.listShards(streamName: streamName)
            knownShards = shards
        } catch {
            guard let known = knownShards, !Task.isCancelled else { throw error }
            processor.logger.warning("could not list shards; renewing leases for the shards listed before", metadata: ["error": "\(error)"])
            _ = try await coordination.refresh(known)
            throw error
        }
        let assignment = try await coordination.refresh(shards)
        return Refreshed(
            ready: KinesisShardPlan.ready(shards, checkpoints: assignment.checkpoints, held: assignment.held),
            complete: assignment.holdsEveryShard, held: assignment.held.count)
    }

    /// Reads one shard until it ends, its lease is lost, or (when `stop` is `.caughtUp`) it is
    /// caught up; after a failure it backs off (longer after each of `failedBefore` earlier
    /// failures) and returns ``ShardOutcome/failed``, so the shard restarts from its checkpoint.
    func consume(_ shard: KinesisShard, stop: LocalStreamConsumer.StopCondition, failedBefore: Int = 0) async throws -> (String, ShardOutcome) {
        do {
            return try await consumeOnce(shard, stop: stop)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            let delay = processor.backoff(failedBefore + 1)
            health.recordBackoff(shard.shardID, waiting: true)
            processor.metrics.recordBackoff(delay)
            processor.logger.warning("shard failed; backing off, then resuming from its checkpoint", metadata: [
                "shard": "\(shard.shardID)", "error": "\(error)", "attempt": "\(failedBefore + 1)",
            ])
            try await processor.sleep(delay)
            return (shard.shardID, .failed)
        }
    }

    private func consumeOnce(_ shard: KinesisShard, stop: LocalStreamConsumer.StopCondition) async throws -> (String, ShardOutcome) {
        let checkpoint = try await coordination.position(for: shard.shardID)
        let start = KinesisShardPlan.start(of: shard, checkpoint: checkpoint, initial: startingPosition)
        var reader = KinesisShardReader(kinesis: kinesis, streamName: streamName, shardID: shard.shardID, start: start, limit: batchSize)
        let tenure = await coordination.tenure(of: shard.shardID)
        var checkpointer = ShardCheckpointer(
            shard: shard.shardID, store: coordination, sink: processor.sink, interval: commitInterval, tenure: tenure)
        var logger = processor.logger
        logger[metadataKey: "shard"] = "\(shard.shardID)"
        logger.info("consuming shard", metadata: ["start": "\(start)"])
        do {
            while true {
                try Task.checkCancellation()
                guard await coordination.holds(shard.shardID, tenure: tenure) else {
                    // Save what was acknowledged if the row is still ours (the write is conditional on this tenure).
                    do { try await checkpointer.flush() } catch IngestionError.leaseLost {} catch {
                        logger.warning("could not checkpoint after losing the lease; the batch is replayed and deduplicated", metadata: ["error": "\(error)"])
                    }
                    logger.info("stopped reading: the lease is gone")
                    return (shard.shardID, .lost)
                }
                let page = try await reader.next()
                health.recordBackoff(shard.shardID, waiting: false)
                processor.metrics.recordLag(shard: shard.shardID, millisBehindLatest: page.millisBehindLatest, recordsBehind: nil)
                health.recordLag(shard.shardID, millis: page.millisBehindLatest)
                if !page.records.isEmpty {
                    var processor = self.processor
                    let health = self.health, shardID = shard.shardID
                    processor.backingOff = { delay in health.recordBackoff(shardID, waiting: delay != nil) }
                    try await processor.process(
                        page.records, lag: page.millisBehindLatest.map { "\($0) ms" },
                        stillHeld: { await coordination.holds(shardID, tenure: tenure) }
                    ) { position in
                        try await checkpointer.acknowledge(position)
                    }
                }
                if page.ended {
                    try await checkpointer.flush()
                    try await coordination.save(KinesisShardPlan.shardEnd, for: shard.shardID, tenure: tenure)
                    logger.info("shard fully read")
                    return (shard.shardID, .done)
                }
                if page.records.isEmpty {
                    try await checkpointer.flush()
                    if case .caughtUp = stop, (page.millisBehindLatest ?? 0) == 0 { return (shard.shardID, .done) }
                    try await processor.sleep(pollInterval)
                }
            }
        } catch IngestionError.leaseLost {
            logger.info("stopped reading: another replica holds the lease; it resumes from the last checkpoint")
            return (shard.shardID, .lost)
        } catch {
            // Keep what was acknowledged, even when cancelled (a graceful stop): flush outside the cancelled task.
            let final = checkpointer
            do {
                try await Task {
                    var final = final
                    try await final.flush()
                }.value
            } catch {
                logger.warning("could not checkpoint on the way out; the batch is replayed and deduplicated", metadata: ["error": "\(error)"])
            }
            throw error
        }
    }
}
