import AWS

/// Durable positions of shards: what ``ShardCheckpointer`` writes to.
public protocol ShardCheckpointStore: Sendable {
    /// The acknowledged position of `shard`, or `nil` when it was never checkpointed.
    func position(for shard: String) async throws -> String?
    /// Replaces the position of `shard`, durably; with leases only while the lease is still in
    /// `tenure` (``ShardLease/tenure``), when given.
    func save(_ position: String, for shard: String, tenure: String?) async throws
}

/// Which shards of a stream this consumer replica reads, and where their checkpoints live.
///
/// ``SingleWorkerCoordination`` reads every shard with checkpoints in files (one replica, or the
/// local process); ``ShardLeaseCoordinator`` splits shards between replicas with leases.
public protocol ShardCoordination: ShardCheckpointStore {
    /// How often the consumer calls ``refresh(_:)``.
    var refreshInterval: Duration { get }
    /// Updates ownership for the shards the stream lists now.
    func refresh(_ shards: [KinesisShard]) async throws -> ShardAssignment
    /// The tenure of this replica's lease on `shard` (`nil` when not held, or without leases).
    /// A shard task takes it when it starts, and passes it to ``holds(_:tenure:)`` and
    /// ``ShardCheckpointStore/save(_:for:tenure:)``.
    func tenure(of shard: String) async -> String?
    /// Whether this replica may still read `shard` in `tenure` (checked before every page).
    func holds(_ shard: String, tenure: String?) async -> Bool
    /// Gives up every shard, so other replicas take them without waiting (graceful shutdown).
    func releaseAll() async
}

/// The outcome of one ``ShardCoordination/refresh(_:)``.
public struct ShardAssignment: Sendable, Equatable {
    /// The shards this replica holds.
    public var held: Set<String>
    /// The checkpoint of every shard that has one (to see which parents are finished).
    public var checkpoints: [String: String]
    /// Whether this replica holds every unfinished shard.
    public var holdsEveryShard: Bool

    /// Creates an assignment.
    public init(held: Set<String>, checkpoints: [String: String], holdsEveryShard: Bool) {
        self.held = held
        self.checkpoints = checkpoints
        self.holdsEveryShard = holdsEveryShard
    }
}

extension CheckpointStore: ShardCheckpointStore {
    /// Writes the checkpoint file; files have no tenures.
    public func save(_ position: String, for shard: String, tenure: String?) async throws {
        try save(position, for: shard)
    }
}

/// One replica reading every shard, with per-shard checkpoint files (``CheckpointStore``).
///
/// ```swift
/// let coordination = SingleWorkerCoordination(checkpoints: try CheckpointStore(directory: dir))
/// ```
public struct SingleWorkerCoordination: ShardCoordination {
    /// The checkpoint files.
    public let checkpoints: CheckpointStore
    /// How often the shard list is read again. Defaults to 60 seconds.
    public var refreshInterval: Duration

    /// Creates the coordination.
    public init(checkpoints: CheckpointStore, refreshInterval: Duration = .seconds(60)) {
        self.checkpoints = checkpoints
        self.refreshInterval = refreshInterval
    }

    public func refresh(_ shards: [KinesisShard]) async throws -> ShardAssignment {
        var positions: [String: String] = [:]
        for shard in shards { positions[shard.shardID] = try checkpoints.position(for: shard.shardID) }
        return ShardAssignment(held: Set(shards.map(\.shardID)), checkpoints: positions, holdsEveryShard: true)
    }

    public func tenure(of shard: String) async -> String? { nil }
    public func holds(_ shard: String, tenure: String?) async -> Bool { true }
    public func releaseAll() async {}
    public func position(for shard: String) async throws -> String? { try checkpoints.position(for: shard) }
    public func save(_ position: String, for shard: String, tenure: String?) async throws { try checkpoints.save(position, for: shard) }
}
