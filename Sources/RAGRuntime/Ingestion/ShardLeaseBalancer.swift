/// Decides, from one read of the lease table, which leases a worker renews, claims and steals:
/// a pure state machine over observations, with the time passed in.
///
/// - A lease is *expired* when it has no owner, or its counter and owner have not changed for
///   ``leaseDuration`` since this worker first saw them so (local observation: no clock is
///   compared across pods).
/// - The live workers are this one and the owners of unexpired leases; the fair share (target)
///   is the active leases divided by the live workers, rounded up.
/// - A worker renews everything it holds, claims expired leases up to its target, and when none
///   are free and it is still two or more below target (or the busiest worker is above target)
///   steals one lease from the busiest worker per round, so a new replica gets its share without
///   shards bouncing between replicas.
///
/// Finished shards (checkpoint ``KinesisShardPlan/shardEnd``) and shards the stream no longer
/// lists are not balanced.
public struct ShardLeaseBalancer: Sendable {
    /// What to do with one lease.
    public enum Action: Sendable, Hashable {
        /// Increment the counter of a lease this worker holds.
        case renew(ShardLease)
        /// Claim a lease nobody holds or whose owner stopped renewing.
        case claim(ShardLease)
        /// Claim a lease a live worker holds, to even out the load.
        case steal(ShardLease)
    }

    struct Observation: Sendable {
        var counter: Int
        var owner: String?
        var since: ContinuousClock.Instant
    }

    /// This worker.
    public let worker: String
    /// How long a lease may go unrenewed before others claim it.
    public let leaseDuration: Duration
    private var observations: [String: Observation] = [:]

    /// Creates a balancer.
    public init(worker: String, leaseDuration: Duration) {
        self.worker = worker
        self.leaseDuration = leaseDuration
    }

    /// The actions for one round.
    ///
    /// - Parameters:
    ///   - leases: Every row of the table, as just read.
    ///   - active: The shards the stream lists; `nil` to balance every unfinished lease.
    ///   - now: The current time.
    public mutating func plan(_ leases: [ShardLease], active: Set<String>?, now: ContinuousClock.Instant) -> [Action] {
        for lease in leases {
            let seen = observations[lease.shard]
            if seen == nil || seen?.counter != lease.counter || seen?.owner != lease.owner {
                observations[lease.shard] = Observation(counter: lease.counter, owner: lease.owner, since: now)
            }
        }
        let listed = Set(leases.map(\.shard))
        observations = observations.filter { listed.contains($0.key) }

        let balanced = leases.filter { !$0.isFinished && (active?.contains($0.shard) ?? true) }
        guard !balanced.isEmpty else { return [] }
        var actions = balanced.filter { $0.owner == worker }.map(Action.renew)
        var load: [String: [ShardLease]] = [worker: []]
        var expired: [ShardLease] = []
        for lease in balanced {
            if isExpired(lease, now: now) { expired.append(lease) } else if let owner = lease.owner { load[owner, default: []].append(lease) }
        }
        let target = (balanced.count + load.count - 1) / load.count
        var held = load[worker]?.count ?? 0
        for lease in expired.sorted(by: { $0.shard < $1.shard }) where held < target {
            actions.append(.claim(lease))
            held += 1
        }
        guard held < target else { return actions }   // every expired lease is claimed: steal only now
        let busiest = load.filter { $0.key != worker }.max { a, b in
            a.value.count == b.value.count ? a.key > b.key : a.value.count < b.value.count
        }
        if let busiest, busiest.value.count > target || (busiest.value.count == target && target - held > 1),
           let victim = busiest.value.sorted(by: { $0.shard < $1.shard }).last {
            actions.append(.steal(victim))
        }
        return actions
    }

    /// Whether `lease` is free or its owner stopped renewing it, as seen from here.
    public func isExpired(_ lease: ShardLease, now: ContinuousClock.Instant) -> Bool {
        guard let owner = lease.owner else { return true }
        if owner == worker { return false }
        guard let seen = observations[lease.shard] else { return false }
        return now - seen.since > leaseDuration
    }
}
