import AWS
import Logging

/// Splits a stream's shards between consumer replicas with leases in a ``ShardLeaseTable``
/// (the DynamoDB table in a cluster), and keeps each shard's checkpoint in its lease row.
///
/// Every ``refresh(_:)`` (each third of the lease duration) reads the table, adds rows for new
/// shards, and acts on the ``ShardLeaseBalancer``'s plan: renew held leases, claim expired ones,
/// steal one from the busiest replica when below the fair share. A replica that dies stops
/// renewing; the others claim its shards one lease duration later and resume from its last
/// checkpoint. A held lease not renewed for a lease duration (the table unreachable) is treated
/// as lost here too, and a checkpoint write is conditional on still holding the lease, so a
/// replica that lost a shard can neither read on for long nor move its checkpoint.
///
/// ```swift
/// let coordinator = ShardLeaseCoordinator(table: table, worker: "consumer-7d9f-x2k4p-1a2b3c4d")
/// var consumer = KinesisConsumer(kinesis: kinesis, streamName: "vehicle-logs", coordination: coordinator, processor: processor)
/// ```
public actor ShardLeaseCoordinator: ShardCoordination {
    /// The lease table.
    public nonisolated let table: any ShardLeaseTable
    /// This replica's identity, unique per process (pod name plus a random suffix).
    public nonisolated let worker: String
    /// How long a lease may go unrenewed before other replicas claim it. Defaults to 10 seconds.
    public nonisolated let leaseDuration: Duration
    /// A third of the lease duration.
    public nonisolated var refreshInterval: Duration { leaseDuration / 3 }

    private var balancer: ShardLeaseBalancer
    private var rows: [String: ShardLease] = [:]
    private var renewed: [String: ContinuousClock.Instant] = [:]
    private var tenures: [String: String] = [:]
    private let now: @Sendable () -> ContinuousClock.Instant
    private let logger: Logger

    /// Creates a coordinator.
    ///
    /// - Parameters:
    ///   - table: The lease table.
    ///   - worker: This replica's unique identity.
    ///   - leaseDuration: Failover time. Defaults to 10 seconds.
    ///   - now: The clock. Defaults to `ContinuousClock.now`.
    ///   - logger: Where lease changes are logged.
    public init(
        table: any ShardLeaseTable, worker: String, leaseDuration: Duration = .seconds(10),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now },
        logger: Logger = Logger(label: "rag-runtime.leases")
    ) {
        self.table = table
        self.worker = worker
        self.leaseDuration = leaseDuration
        self.balancer = ShardLeaseBalancer(worker: worker, leaseDuration: leaseDuration)
        self.now = now
        var logger = logger
        logger[metadataKey: "worker"] = "\(worker)"
        self.logger = logger
    }

    /// Reads the table, creates rows for new shards, renews, claims and steals.
    ///
    /// A renewal or claim that fails is logged and skipped (the others still run); the lease
    /// lapses if its renewals keep failing.
    ///
    /// - Throws: The table's error when it cannot be read.
    public func refresh(_ shards: [KinesisShard]) async throws -> ShardAssignment {
        let listed = Set(shards.map(\.shardID))
        var leases = try await table.leases()
        let missing = listed.subtracting(leases.map(\.shard))
        if !missing.isEmpty {
            for shard in missing.sorted() { try await table.create(shard: shard) }
            leases = try await table.leases()
        }
        let scanned = Dictionary(leases.map { ($0.shard, $0) }, uniquingKeysWith: { $1 })
        for (shard, row) in scanned {
            // A checkpoint written here while the scan was under way is newer than the scan's.
            if rows[shard]?.tenure == row.tenure, rows[shard]?.owner == worker, row.owner == worker { continue }
            rows[shard] = row
        }
        rows = rows.filter { scanned[$0.key] != nil }
        for shard in renewed.keys {
            if rows[shard]?.owner != worker {
                lose(shard, reason: "another worker holds it")
            } else if rows[shard]?.isFinished == true || !listed.contains(shard) {
                renewed[shard] = nil   // read to its end, or gone from the stream: nothing to hold
                tenures[shard] = nil
            }
        }

        let time = now()
        for action in balancer.plan(leases, active: listed, now: time) {
            do {
                try await perform(action, at: time)
            } catch {
                logger.warning("lease operation failed; retried next round", metadata: ["action": "\(action)", "error": "\(error)"])
            }
        }
        let held = Set(renewed.keys)
        let unfinished = listed.filter { !(rows[$0]?.isFinished ?? false) }
        return ShardAssignment(
            held: held, checkpoints: rows.compactMapValues(\.checkpoint), holdsEveryShard: unfinished.isSubset(of: held))
    }

    private func perform(_ action: ShardLeaseBalancer.Action, at time: ContinuousClock.Instant) async throws {
        switch action {
        case .renew(let lease):
            if let row = try await table.renew(shard: lease.shard, owner: worker) {
                rows[lease.shard] = row
                renewed[lease.shard] = time
                tenures[lease.shard] = row.tenure ?? tenures[lease.shard]
            } else {
                lose(lease.shard, reason: "renewal refused")
            }
        case .claim(let lease), .steal(let lease):
            guard let row = try await table.claim(lease, for: worker) else { return }   // someone was faster
            rows[lease.shard] = row
            renewed[lease.shard] = time
            tenures[lease.shard] = row.tenure
            let stolen = if case .steal = action { true } else { false }
            IngestionMetrics.recordLeaseChange(stolen ? "stolen" : "claimed")
            logger.info("\(stolen ? "stole" : "claimed") shard lease", metadata: [
                "shard": "\(lease.shard)", "previousOwner": "\(lease.owner ?? "none")", "checkpoint": "\(row.checkpoint ?? "none")",
            ])
        }
    }

    /// The tenure of this replica's lease on `shard`, or `nil` when it does not hold it.
    public func tenure(of shard: String) -> String? {
        renewed[shard] == nil ? nil : tenures[shard]
    }

    /// Whether this replica renewed `shard`'s lease within the lease duration, in `tenure` (any
    /// tenure when `nil`).
    public func holds(_ shard: String, tenure: String?) -> Bool {
        guard let last = renewed[shard] else { return false }
        if let tenure, tenures[shard] != tenure { return false }
        if now() - last < leaseDuration { return true }
        lose(shard, reason: "not renewed for the lease duration")
        return false
    }

    /// The checkpoint in `shard`'s lease row, as last read or written here.
    public func position(for shard: String) -> String? {
        rows[shard]?.checkpoint
    }

    /// Writes the checkpoint into the lease row, if this replica still holds it in `tenure`.
    ///
    /// - Throws: ``IngestionError/leaseLost(shard:)`` when another replica (or another tenure)
    ///   holds it now.
    public func save(_ position: String, for shard: String, tenure: String?) async throws {
        let tenure = tenure ?? tenures[shard]
        do {
            try await table.checkpoint(shard: shard, position: position, owner: worker, tenure: tenure)
            if rows[shard]?.tenure == tenure { rows[shard]?.checkpoint = position }
        } catch IngestionError.leaseLost(let lost) {
            if tenures[lost] == tenure { lose(lost, reason: "checkpoint refused") }
            throw IngestionError.leaseLost(shard: lost)
        }
    }

    /// Frees every held lease (graceful shutdown); a failure is logged, the lease then expires.
    public func releaseAll() async {
        for shard in renewed.keys.sorted() {
            do {
                try await table.release(shard: shard, owner: worker)
                logger.info("released shard lease", metadata: ["shard": "\(shard)"])
                IngestionMetrics.recordLeaseChange("released")
            } catch {
                logger.warning("could not release shard lease; it expires instead", metadata: ["shard": "\(shard)", "error": "\(error)"])
            }
        }
        renewed.removeAll()
        tenures.removeAll()
    }

    private func lose(_ shard: String, reason: String) {
        tenures[shard] = nil
        guard renewed.removeValue(forKey: shard) != nil else { return }
        IngestionMetrics.recordLeaseChange("lost")
        logger.warning("lost shard lease", metadata: ["shard": "\(shard)", "reason": "\(reason)"])
    }
}
