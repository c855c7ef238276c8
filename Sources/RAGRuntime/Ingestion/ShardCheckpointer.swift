/// Makes acknowledged positions of one shard durable: first the sink (``DocumentSink/persist()``),
/// then the checkpoint, at most once per ``interval``.
///
/// Saving an embedded store rewrites it, so doing it for every batch would dominate the
/// consumer's time; a position acknowledged in between stays pending until the interval has
/// passed or ``flush()`` is called (on shutdown, and when the shard is caught up). A crash loses
/// only pending positions, whose batches are replayed and deduplicated by `event_id`.
///
/// ```swift
/// var checkpointer = ShardCheckpointer(shard: "local", store: checkpoints, sink: sink, interval: .seconds(5))
/// try await checkpointer.acknowledge("42@18000")
/// try await checkpointer.flush()
/// ```
public struct ShardCheckpointer: Sendable {
    /// The shard.
    public let shard: String
    /// Where positions go.
    public let store: any ShardCheckpointStore
    /// What is persisted before each checkpoint.
    public let sink: any DocumentSink
    /// The least time between two commits; `.zero` commits every acknowledgement.
    public let interval: Duration
    /// The lease tenure checkpoints are written in (`nil` without leases).
    public let tenure: String?
    private let now: @Sendable () -> ContinuousClock.Instant
    private var lastCommit: ContinuousClock.Instant?
    /// The newest acknowledged position not yet durable.
    public private(set) var pending: String?
    /// The newest durable position.
    public private(set) var committed: String?

    /// Creates a checkpointer.
    ///
    /// - Parameters:
    ///   - shard: The shard.
    ///   - store: The checkpoint store.
    ///   - sink: The sink to persist first.
    ///   - interval: The least time between commits. Defaults to 5 seconds.
    ///   - tenure: The lease tenure to write in. Defaults to none.
    ///   - now: The clock. Defaults to `ContinuousClock.now`.
    public init(
        shard: String, store: any ShardCheckpointStore, sink: any DocumentSink, interval: Duration = .seconds(5),
        tenure: String? = nil, now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        self.shard = shard
        self.store = store
        self.sink = sink
        self.interval = interval
        self.tenure = tenure
        self.now = now
    }

    /// Records `position` as acknowledged and commits when the interval has passed.
    ///
    /// - Throws: The sink's or the checkpoint store's error; the position stays pending.
    public mutating func acknowledge(_ position: String) async throws {
        pending = position
        if let lastCommit, now() - lastCommit < interval { return }
        try await flush()
    }

    /// Commits the pending position, if any: persists the sink, then writes the checkpoint.
    ///
    /// - Throws: The sink's or the checkpoint store's error.
    public mutating func flush() async throws {
        guard let position = pending else { return }
        try await sink.persist()
        try await store.save(position, for: shard, tenure: tenure)
        committed = position
        pending = nil
        lastCommit = now()
    }
}
