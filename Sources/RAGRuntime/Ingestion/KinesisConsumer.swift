import AWS
import Foundation
import Logging

/// Consumes every shard of a Kinesis stream that this replica owns, with durable per-shard
/// checkpoints; see ``KinesisShardPlan`` for the split between replicas and resharding.
///
/// Each ready shard is read by its own child task: `GetShardIterator` (after the checkpoint, or
/// at the starting position), then `GetRecords` pages processed by the ``BatchProcessor`` and
/// acknowledged per page. A closed shard that is fully read is checkpointed as
/// ``KinesisShardPlan/shardEnd``; the shard list is then read again so its children start.
///
/// ```swift
/// let consumer = KinesisConsumer(kinesis: kinesis, streamName: "vehicle-logs", checkpoints: checkpoints, processor: processor)
/// try await consumer.run()
/// ```
public struct KinesisConsumer: Sendable {
    /// The client.
    public var kinesis: KinesisClient
    /// The stream.
    public var streamName: String
    /// Per-shard checkpoints, shared by all replicas.
    public var checkpoints: CheckpointStore
    /// The batch processor.
    public var processor: BatchProcessor
    /// Which shards are this replica's. Defaults to all.
    public var assignment: KinesisShardPlan.Assignment = .all
    /// Where shards without a checkpoint start. Defaults to `TRIM_HORIZON`.
    public var startingPosition: KinesisShardIteratorType = .trimHorizon
    /// `GetRecords` limit, the batch size (`KINESIS_BATCH_SIZE`). Defaults to 500.
    public var batchSize = 500
    /// The wait after an empty page. Defaults to 1 second (a shard serves 5 reads a second).
    public var pollInterval: Duration = .seconds(1)
    /// How often the shard list is read again while shards are being consumed. Defaults to 60 s.
    public var relistInterval: Duration = .seconds(60)
    /// The least time between checkpoints of one shard. Defaults to 5 seconds.
    public var commitInterval: Duration = .seconds(5)

    /// Creates a consumer with the defaults above.
    public init(kinesis: KinesisClient, streamName: String, checkpoints: CheckpointStore, processor: BatchProcessor) {
        self.kinesis = kinesis
        self.streamName = streamName
        self.checkpoints = checkpoints
        self.processor = processor
    }

    /// Consumes until cancelled, or with ``LocalStreamConsumer/StopCondition/caughtUp`` until
    /// every ready shard has returned an empty page at the tip.
    ///
    /// - Throws: `CancellationError`, ``AWSError`` after retries, or a processing error.
    public func run(until stop: LocalStreamConsumer.StopCondition = .never) async throws {
        try await withThrowingTaskGroup(of: String?.self) { group in
            var running: Set<String> = []
            var caughtUp: Set<String> = []   // shards whose task returned: at the tip (`.caughtUp`) or ended
            var relistPending = false
            while true {
                for shard in try await readyShards() where !running.contains(shard.shardID) && !caughtUp.contains(shard.shardID) {
                    running.insert(shard.shardID)
                    group.addTask { try await consume(shard, stop: stop) }
                }
                if case .never = stop, !relistPending {
                    relistPending = true
                    group.addTask {
                        try await processor.sleep(relistInterval)
                        return nil
                    }
                }
                guard let finished = try await group.next() else { return }
                if let shardID = finished {
                    running.remove(shardID)
                    caughtUp.insert(shardID)
                } else {
                    relistPending = false
                }
                if case .caughtUp = stop, running.isEmpty,
                   try await readyShards().allSatisfy({ caughtUp.contains($0.shardID) }) { return }
            }
        }
    }

    /// The owned shards that can be read now.
    func readyShards() async throws -> [KinesisShard] {
        let shards = try await kinesis.listShards(streamName: streamName)
        var positions: [String: String] = [:]
        for shard in shards { positions[shard.shardID] = try checkpoints.position(for: shard.shardID) }
        return KinesisShardPlan.ready(shards, checkpoints: positions, assignment: assignment)
    }

    /// Reads one shard until it ends (or, when `stop` is `.caughtUp`, until it is caught up).
    func consume(_ shard: KinesisShard, stop: LocalStreamConsumer.StopCondition) async throws -> String {
        let checkpoint = try checkpoints.position(for: shard.shardID)
        let start = KinesisShardPlan.start(of: shard, checkpoint: checkpoint, initial: startingPosition)
        var reader = KinesisShardReader(kinesis: kinesis, streamName: streamName, shardID: shard.shardID, start: start, limit: batchSize)
        var checkpointer = ShardCheckpointer(shard: shard.shardID, store: checkpoints, sink: processor.sink, interval: commitInterval)
        var logger = processor.logger
        logger[metadataKey: "shard"] = "\(shard.shardID)"
        logger.info("consuming shard", metadata: ["start": "\(start)"])
        do {
            while true {
                try Task.checkCancellation()
                let page = try await reader.next()
                processor.metrics.recordLag(shard: shard.shardID, millisBehindLatest: page.millisBehindLatest, recordsBehind: nil)
                if !page.records.isEmpty {
                    try await processor.process(page.records, lag: page.millisBehindLatest.map { "\($0) ms" }) { position in
                        try await checkpointer.acknowledge(position)
                    }
                }
                if page.ended {
                    try await checkpointer.flush()
                    try checkpoints.save(KinesisShardPlan.shardEnd, for: shard.shardID)
                    logger.info("shard fully read")
                    return shard.shardID
                }
                if page.records.isEmpty {
                    try await checkpointer.flush()
                    if case .caughtUp = stop, (page.millisBehindLatest ?? 0) == 0 { return shard.shardID }
                    try await processor.sleep(pollInterval)
                }
            }
        } catch {
            try await checkpointer.flush()
            throw error
        }
    }
}
