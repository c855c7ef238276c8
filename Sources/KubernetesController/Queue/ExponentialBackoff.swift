/// Exponential backoff: `base * factor^(failures-1)`, capped, with optional full jitter.
///
/// - Defaults: the work queue's per-key limiter uses client-go's values, 5 ms doubling to 1000 s;
///   the watcher uses 800 ms doubling to 30 s with jitter (kube-rs's default watcher backoff).
public struct ExponentialBackoff: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration
    public var factor: Double
    /// With jitter, the delay is drawn uniformly from `[delay/2, delay]` so that retries spread out.
    public var jitter: Bool

    public init(base: Duration, cap: Duration, factor: Double = 2, jitter: Bool = false) {
        self.base = base
        self.cap = cap
        self.factor = factor
        self.jitter = jitter
    }

    /// The work queue's per-key backoff: 5 ms doubling to 1000 s.
    public static let workQueue = ExponentialBackoff(base: .milliseconds(5), cap: .seconds(1000))
    /// The watcher's backoff after failed lists and watches.
    public static let watcher = ExponentialBackoff(base: .milliseconds(800), cap: .seconds(30), jitter: true)

    /// The delay after `failures` consecutive failures (1 is the first failure).
    public func delay(afterFailures failures: Int, random: Double = 1) -> Duration {
        guard failures > 0 else { return .zero }
        let baseSeconds = base.timeInterval
        let capSeconds = cap.timeInterval
        let exponent = min(Double(failures - 1), 64)
        var seconds = min(baseSeconds * Foundation.pow(factor, exponent), capSeconds)
        if jitter { seconds = seconds / 2 + seconds / 2 * min(max(random, 0), 1) }
        return .nanoseconds(Int64(seconds * 1e9))
    }
}

import KubernetesCore
import Foundation
