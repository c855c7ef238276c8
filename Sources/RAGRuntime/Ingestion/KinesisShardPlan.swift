import AWS

/// Which shards a consumer instance reads, and from where: pure functions over the shard list
/// and the checkpoints.
///
/// ## Splitting shards between replicas
/// Static: the shards sorted by ID are dealt round-robin, shard `i` to instance `i % count`.
/// Kinesis gives new shards larger IDs, so ownership of existing shards does not move on a
/// reshard. A replica that dies has its shards resumed by its replacement with the same index
/// (from the shared checkpoints); there are no leases, so a dead replica's shards wait for its
/// replacement instead of being stolen by a live one. Leases (a Kubernetes Lease per shard with
/// a holder and renew time) would remove that wait; the checkpoint layout already allows them.
///
/// ## Resharding
/// A shard is read only after its parents are finished (checkpoint ``shardEnd``) or have
/// expired from the listing, so a vehicle's events stay in order across a split or merge. A
/// child shard starts at `TRIM_HORIZON` whatever the configured starting position.
public enum KinesisShardPlan {
    /// The checkpoint of a shard that was read to its end.
    public static let shardEnd = "SHARD_END"

    /// Which replica this is, of how many.
    public struct Assignment: Sendable, Hashable {
        /// This replica's index, 0-based.
        public var index: Int
        /// The number of replicas, at least 1.
        public var count: Int

        /// Creates an assignment.
        ///
        /// - Throws: ``IngestionError/invalidConfiguration(_:)`` unless `0 <= index < count`.
        public init(index: Int, count: Int) throws {
            guard count >= 1, (0..<count).contains(index) else {
                throw IngestionError.invalidConfiguration("consumer instance \(index) of \(count) is out of range")
            }
            self.index = index
            self.count = count
        }

        /// A single replica reading every shard.
        public static let all = try! Assignment(index: 0, count: 1)   // 0 of 1 is always valid
    }

    /// The shards this replica owns, in ID order.
    public static func owned(_ shards: [KinesisShard], by assignment: Assignment) -> [KinesisShard] {
        shards.sorted { $0.shardID < $1.shardID }.enumerated()
            .filter { $0.offset % assignment.count == assignment.index }.map(\.element)
    }

    /// The owned shards that can be read now: not finished, and every listed parent finished.
    public static func ready(
        _ shards: [KinesisShard], checkpoints: [String: String], assignment: Assignment
    ) -> [KinesisShard] {
        let listed = Set(shards.map(\.shardID))
        return owned(shards, by: assignment).filter { shard in
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
