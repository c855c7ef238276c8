/// One shard's row in the lease table: who reads the shard, a counter every claim, renewal and
/// release increments, and the shard's checkpoint.
///
/// The counter is what other workers watch: a lease whose counter has not moved for a lease
/// duration (measured on the watcher's own clock, so clock skew between pods does not matter)
/// belongs to a dead worker and may be claimed. Every write is conditional, so two workers never
/// both believe they hold a shard past their next write, and a worker that lost a lease can no
/// longer move its checkpoint.
public struct ShardLease: Sendable, Hashable {
    /// The shard ID (the table's key).
    public var shard: String
    /// The worker holding the lease, or `nil` when free.
    public var owner: String?
    /// Incremented by every claim, renewal and release.
    public var counter: Int
    /// The acknowledged position, ``KinesisShardPlan/shardEnd`` once the shard is fully read.
    public var checkpoint: String?
    /// A new random value at every claim: one tenure of one owner. Checkpoints are conditional on
    /// it, so a task from an earlier tenure (the same worker, before the lease went elsewhere and
    /// came back) can never write.
    public var tenure: String?

    /// Creates a lease row.
    public init(shard: String, owner: String? = nil, counter: Int = 0, checkpoint: String? = nil, tenure: String? = nil) {
        self.shard = shard
        self.owner = owner
        self.counter = counter
        self.checkpoint = checkpoint
        self.tenure = tenure
    }

    /// Whether the shard was read to its end.
    public var isFinished: Bool { checkpoint == KinesisShardPlan.shardEnd }
}

/// Where shard leases live: one row per shard, every write conditional.
///
/// ``DynamoDBShardLeaseTable`` is the production table; ``InMemoryShardLeaseTable`` has the same
/// semantics in one process, for tests.
public protocol ShardLeaseTable: Sendable {
    /// Every lease row.
    func leases() async throws -> [ShardLease]
    /// Adds a free row for `shard` unless one exists.
    func create(shard: String) async throws
    /// Makes `owner` the holder, with a new ``ShardLease/tenure``, when the stored counter still
    /// equals `expected.counter`.
    ///
    /// - Returns: The new row, or `nil` when the row changed since `expected` was read.
    func claim(_ expected: ShardLease, for owner: String) async throws -> ShardLease?
    /// Increments the counter when `owner` still holds the lease.
    ///
    /// - Returns: The new row, or `nil` when another worker holds it (or nobody does).
    func renew(shard: String, owner: String) async throws -> ShardLease?
    /// Stores `position` as the checkpoint when `owner` still holds the lease in the same
    /// `tenure` (any tenure when `nil`).
    ///
    /// - Throws: ``IngestionError/leaseLost(shard:)`` when it does not.
    func checkpoint(shard: String, position: String, owner: String, tenure: String?) async throws
    /// Frees the lease when `owner` holds it (incrementing the counter); otherwise does nothing.
    func release(shard: String, owner: String) async throws
}
