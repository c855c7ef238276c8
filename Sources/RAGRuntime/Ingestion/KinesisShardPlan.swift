import AWS

/// Which shards a consumer instance reads, and from where: pure functions over the shard list
/// and the checkpoints.
///
/// ## Splitting shards between replicas
/// The ``ShardCoordination`` decides which shards this replica holds (leases, see
/// ``ShardLeaseCoordinator``); the plan only filters the held shards to those ready to read.
///
/// ## Resharding
/// A shard is read only after its parents are finished (checkpoint ``shardEnd``) or have
/// expired from the listing, so a vehicle's events stay in order across a split or merge. A
/// child shard starts at `TRIM_HORIZON` whatever the configured starting position.
public enum KinesisShardPlan {
    /// The checkpoint of a shard that was read to its end.
    public static let shardEnd = "SHARD_END"

    /// The held shards that can be read now, in ID order: not finished, and every listed parent
    /// finished.
    public static func ready(_ shards: [KinesisShard], checkpoints: [String: String], held: Set<String>) -> [KinesisShard] {
        let listed = Set(shards.map(\.shardID))
        return shards.filter { held.contains($0.shardID) }.sorted { $0.shardID < $1.shardID }.filter { shard in
            guard checkpoints[shard.shardID] != shardEnd else { return false }
            return parents(of: shard).allSatisfy { !listed.contains($0) || checkpoints[$0] == shardEnd }
        }
    }

    /// Where to start reading `shard`: after its checkpoint, else at `TRIM_HORIZON` for a child
    /// shard, else at `initial`.
    public static func start(
        of shard: KinesisShard, checkpoint: String?, initial: KinesisShardIteratorType
    ) -> KinesisShardIteratorType {
        if let checkpoint { return .afterSequenceNumber(checkpoint) }
        return parents(of: shard).isEmpty ? initial : .trimHorizon
    }

    static func parents(of shard: KinesisShard) -> [String] {
        [shard.parentShardID, shard.adjacentParentShardID].compactMap { $0 }
    }
}
