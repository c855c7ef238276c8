import Foundation

/// When each produced record is stamped and sent: backfill first, then live at a fixed rate.
///
/// With a backfill of `B` at `r` records a minute, the first `⌊B·r/60⌋` records are stamped evenly
/// over `[start − B, start)` and are due at once; record `k` after them is stamped and due at
/// `start + k·60/r`. A count limit ends the schedule.
///
/// ```swift
/// let schedule = ProducerSchedule(recordsPerMinute: 100, backfill: 86_400, count: nil, start: now)
/// schedule.backfillCount          // 144000
/// schedule.timestamp(of: 144000)  // now
/// ```
public struct ProducerSchedule: Sendable, Equatable {
    /// Records a minute, above 0. Defaults to 100 (the operator's `recordsPerMinute`).
    public var recordsPerMinute: Double
    /// Seconds of history to write first; 0 for none.
    public var backfillSeconds: Double
    /// The most records to produce, or `nil` for no limit.
    public var count: Int?
    /// The instant live production starts.
    public var start: Date

    /// Creates a schedule.
    ///
    /// - Throws: ``TelemetrySimulatorError/invalidConfiguration(_:)`` for a rate ≤ 0, a negative backfill or count.
    public init(recordsPerMinute: Double = 100, backfill: Double = 0, count: Int? = nil, start: Date) throws {
        guard recordsPerMinute > 0, recordsPerMinute.isFinite else {
            throw TelemetrySimulatorError.invalidConfiguration("records per minute must be above 0, got \(recordsPerMinute)")
        }
        guard backfill >= 0, backfill.isFinite else {
            throw TelemetrySimulatorError.invalidConfiguration("backfill must not be negative, got \(backfill) s")
        }
        if let count, count < 0 { throw TelemetrySimulatorError.invalidConfiguration("count must not be negative, got \(count)") }
        self.recordsPerMinute = recordsPerMinute
        backfillSeconds = backfill
        self.count = count
        self.start = start
    }

    /// Seconds between two records.
    public var interval: Double { 60 / recordsPerMinute }

    /// How many records the backfill writes (before the count limit).
    public var backfillCount: Int { Int((backfillSeconds / interval).rounded(.down)) }

    /// Whether record `index` (0-based) is produced at all.
    public func contains(_ index: Int) -> Bool { index >= 0 && count.map { index < $0 } ?? true }

    /// The timestamp of record `index`.
    public func timestamp(of index: Int) -> Date {
        let backfill = backfillCount
        if index < backfill {
            return start.addingTimeInterval(-backfillSeconds + Double(index) * backfillSeconds / Double(backfill))
        }
        return start.addingTimeInterval(Double(index - backfill) * interval)
    }

    /// When record `index` may be sent: at once for backfill, at its timestamp when live.
    public func dueDate(of index: Int) -> Date {
        index < backfillCount ? start : timestamp(of: index)
    }
}
