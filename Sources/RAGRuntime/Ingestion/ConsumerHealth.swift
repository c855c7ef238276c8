import Synchronization

/// What `/readyz` of `rag-runtime consumer` reports: ready once the shard list and the leases have
/// been refreshed, and for as long as refreshes keep succeeding and no batch is backing off. A
/// consumer that cannot reach Kinesis or its lease table turns unready within ``staleAfter``, and
/// one waiting out a throttling or unavailable service at once, instead of claiming to consume.
///
/// ```swift
/// let (ready, detail) = consumer.health.status(now: .now)   // (true, "consuming: 2 shards held, …")
/// ```
public final class ConsumerHealth: Sendable {
    struct State {
        var lastSuccess: ContinuousClock.Instant?
        var held = 0
        var failingSince: ContinuousClock.Instant?
        var lastError: String?
        /// Shards waiting for a throttling or unavailable service.
        var backingOff: Set<String> = []
        /// Each shard's last `MillisBehindLatest`.
        var lagMillis: [String: Int] = [:]
    }

    private let state = Mutex(State())
    /// How long refreshes may fail before the consumer reports unready.
    public let staleAfter: Duration

    /// Creates the health record.
    public init(staleAfter: Duration = .seconds(30)) {
        self.staleAfter = staleAfter
    }

    /// A refresh succeeded; this replica holds `held` shards.
    public func recordRefresh(held: Int, at now: ContinuousClock.Instant) {
        state.withLock { state in
            state.lastSuccess = now
            state.held = held
            state.failingSince = nil
            state.lastError = nil
        }
    }

    /// A refresh failed with `error`.
    public func recordFailure(_ error: any Error, at now: ContinuousClock.Instant) {
        state.withLock { state in
            state.failingSince = state.failingSince ?? now
            state.lastError = "\(error)"
        }
    }

    /// `shard` waits for a throttling or unavailable service (`waiting`), or resumed.
    public func recordBackoff(_ shard: String, waiting: Bool) {
        state.withLock { state in
            if waiting { state.backingOff.insert(shard) } else { state.backingOff.remove(shard) }
        }
    }

    /// `shard`'s last page was `millis` behind the tip of the stream.
    public func recordLag(_ shard: String, millis: Int?) {
        guard let millis else { return }
        state.withLock { $0.lagMillis[shard] = millis }
    }

    /// How far behind the tip the furthest-behind shard is, in seconds; `nil` before the first page.
    public var lagSeconds: Double? {
        state.withLock { $0.lagMillis.values.max().map { Double($0) / 1000 } }
    }

    /// Whether the consumer is ready, and a one-line explanation.
    public func status(now: ContinuousClock.Instant) -> (ready: Bool, detail: String) {
        state.withLock { state in
            guard let lastSuccess = state.lastSuccess else {
                return (false, "starting: the shard list and leases were not read yet" + (state.lastError.map { " (\($0))" } ?? ""))
            }
            let age = now - lastSuccess
            if age > staleAfter {
                return (false, "not consuming: no successful refresh for \(age.formatted(.units(allowed: [.seconds], width: .narrow)))"
                    + (state.lastError.map { ": \($0)" } ?? ""))
            }
            if !state.backingOff.isEmpty {
                return (false, "backing off: \(state.backingOff.sorted().joined(separator: ", ")) waiting for a throttling or unavailable service")
            }
            return (true, "consuming: \(state.held) shard\(state.held == 1 ? "" : "s") held")
        }
    }
}
