import Foundation
import Metrics

/// The consumer's metrics (swift-metrics; the process bootstraps the backend).
///
/// - `rag_consumer_records_total{result="in"|"indexed"|"dead_lettered"}`
/// - `rag_consumer_batch_duration_seconds` (timer)
/// - `rag_consumer_millis_behind_latest{shard}` (Kinesis `MillisBehindLatest`; shard IDs are few)
/// - `rag_consumer_records_behind{shard}` (the local stream's backlog)
/// - `rag_consumer_shards_held` (shards this replica holds a lease on)
/// - `rag_consumer_lease_changes_total{change="claimed"|"stolen"|"lost"|"released"}`
/// - `rag_record_freshness_seconds` (histogram): from a record's timestamp to indexed (searchable)
/// - `rag_consumer_backoff_total` and `rag_consumer_backoff_seconds_total`: waits for a throttling
///   or unavailable service (backpressure), and the time spent in them
public struct IngestionMetrics: Sendable {
    let recordsIn = Counter(label: "rag_consumer_records_total", dimensions: [("result", "in")])
    let indexed = Counter(label: "rag_consumer_records_total", dimensions: [("result", "indexed")])
    let deadLettered = Counter(label: "rag_consumer_records_total", dimensions: [("result", "dead_lettered")])
    let batchDuration = Timer(label: "rag_consumer_batch_duration_seconds")

    /// Creates the metrics with the current metrics backend.
    public init() {}

    /// Records one finished batch.
    func record(_ summary: BatchSummary, duration: Duration) {
        recordsIn.increment(by: summary.received)
        indexed.increment(by: summary.indexed)
        deadLettered.increment(by: summary.deadLettered)
        batchDuration.record(duration: duration)
    }

    /// Records how long after their timestamps records became searchable.
    func recordFreshness(of timestamps: [Date], at now: Date) {
        let histogram = Timer(label: "rag_record_freshness_seconds")
        for timestamp in timestamps { histogram.recordSeconds(max(0, now.timeIntervalSince(timestamp))) }
    }

    /// Records one backpressure wait.
    func recordBackoff(_ delay: Duration) {
        Counter(label: "rag_consumer_backoff_total").increment()
        FloatingPointCounter(label: "rag_consumer_backoff_seconds_total")
            .increment(by: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
    }

    /// Records how many shards this replica holds.
    func recordHeldShards(_ count: Int) {
        Gauge(label: "rag_consumer_shards_held").record(count)
    }

    /// Counts a lease claimed, stolen, lost or released.
    static func recordLeaseChange(_ change: String) {
        Counter(label: "rag_consumer_lease_changes_total", dimensions: [("change", change)]).increment()
    }

    /// Records a shard's lag behind the tip of the stream.
    func recordLag(shard: String, millisBehindLatest: Int?, recordsBehind: Int?) {
        if let millisBehindLatest {
            Gauge(label: "rag_consumer_millis_behind_latest", dimensions: [("shard", shard)]).record(millisBehindLatest)
        }
        if let recordsBehind {
            Gauge(label: "rag_consumer_records_behind", dimensions: [("shard", shard)]).record(recordsBehind)
        }
    }
}
