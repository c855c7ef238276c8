import Foundation
import Synchronization

/// Counts indexed records per second over the last minute, for `ingestRatePerMinute` in `/api/stats`.
///
/// Whoever indexes records (`POST /api/ingest`, the in-process consumer of `rag-runtime local`)
/// calls ``record(_:at:)``; the stats route reads ``ratePerMinute(at:)``. Times come from the
/// caller's ``WallClock``, so tests control them.
///
/// ```swift
/// meter.record(120, at: clock.now())
/// meter.ratePerMinute(at: clock.now())   // 120
/// ```
public final class IngestRateMeter: Sendable {
    private let buckets: Mutex<[Int64: Int]>

    /// Creates a meter with no records.
    public init() {
        buckets = Mutex([:])
    }

    /// Adds `count` records indexed at `date`.
    public func record(_ count: Int, at date: Date) {
        guard count > 0 else { return }
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        buckets.withLock { buckets in
            buckets[second, default: 0] += count
            if buckets.count > 120 { buckets = buckets.filter { $0.key > second - 60 } }
        }
    }

    /// The number of records indexed in the 60 seconds up to `date`.
    public func ratePerMinute(at date: Date) -> Int {
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        return buckets.withLock { buckets in
            buckets.reduce(0) { total, bucket in (second - 59...second).contains(bucket.key) ? total + bucket.value : total }
        }
    }
}
