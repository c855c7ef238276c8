import Foundation
import Metrics
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
    /// Recent (indexed at, seconds from the record's timestamp to searchable) samples.
    private let ages = Mutex<[(second: Int64, age: Double)]>([])
    private let consumerLag = Mutex<(at: Date, seconds: Double)?>(nil)

    /// Creates a meter with no records.
    public init() {
        buckets = Mutex([:])
    }

    /// Records how long after their own timestamps `records` became searchable, at `date`: for
    /// `freshness` in `/api/stats` and the `rag_record_freshness_seconds` histogram.
    public func recordFreshness(of timestamps: [Date], at date: Date) {
        guard !timestamps.isEmpty else { return }
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        let samples = timestamps.map { max(0, date.timeIntervalSince($0)) }
        let histogram = Timer(label: "rag_record_freshness_seconds")
        for age in samples { histogram.recordSeconds(age) }
        ages.withLock { ages in
            ages += samples.map { (second, $0) }
            if ages.count > 20_000 { ages.removeFirst(ages.count - 10_000) }
        }
    }

    /// A consumer reported being `seconds` behind the stream, at `date`.
    public func recordConsumerLag(_ seconds: Double, at date: Date) {
        consumerLag.withLock { $0 = (date, seconds) }
    }

    /// The consumer's last reported lag behind the stream, if it reported within two minutes of `date`.
    public func consumerLag(at date: Date) -> Double? {
        consumerLag.withLock { last in last.flatMap { date.timeIntervalSince($0.at) <= 120 ? $0.seconds : nil } }
    }

    /// The median seconds from a record's timestamp to searchable, over records indexed in the
    /// 60 seconds up to `date`; `nil` when none were.
    public func freshness(at date: Date) -> Double? {
        let second = Int64(date.timeIntervalSince1970.rounded(.down))
        let recent = ages.withLock { ages in ages.filter { (second - 59...second).contains($0.second) }.map(\.age) }.sorted()
        return recent.isEmpty ? nil : recent[recent.count / 2]
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
