import Foundation
import Logging
import TelemetryModel

/// Produces generated telemetry on a ``ProducerSchedule`` into a ``TelemetryWriter``.
///
/// Backfill records are written at once in batches of ``batchSize``; live records are written
/// each ``tick`` with every record that has come due. Record `i` is
/// `generator.record(index: firstIndex + i, …)`, so a producer restarted with the same seed and
/// `firstIndex` set to what was already written continues the same sequence.
///
/// ```swift
/// let producer = TelemetryProducer(generator: TelemetryGenerator(seed: 7), schedule: schedule, writer: writer)
/// try await producer.run { written, total in print("\(written)/\(total ?? 0)") }
/// ```
public struct TelemetryProducer: Sendable {
    /// The generator.
    public var generator: TelemetryGenerator
    /// The schedule.
    public var schedule: ProducerSchedule
    /// The destination.
    public var writer: any TelemetryWriter
    /// The generator index of schedule position 0. Defaults to 0.
    public var firstIndex = 0
    /// Records per write. Defaults to 500 (one `PutRecords` call).
    public var batchSize = 500
    /// How often live records are flushed. Defaults to 1 second.
    public var tick: Duration = .seconds(1)
    /// The wall clock.
    public var now: @Sendable () -> Date = { Date() }
    /// Sleeps; injected for tests.
    public var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// The logger.
    public var logger = Logger(label: "rag-runtime.producer")

    /// Creates a producer with the defaults above.
    public init(generator: TelemetryGenerator, schedule: ProducerSchedule, writer: any TelemetryWriter) {
        self.generator = generator
        self.schedule = schedule
        self.writer = writer
    }

    /// Writes records until the count is reached, or forever; returns how many were written.
    ///
    /// - Parameter progress: Called after each write with the records written so far and the
    ///   backfill size (for a progress line).
    /// - Throws: `CancellationError` or the writer's error.
    @discardableResult
    public func run(progress: @Sendable (_ written: Int, _ backfill: Int) -> Void = { _, _ in }) async throws -> Int {
        var next = 0
        let backfill = schedule.count.map { min($0, schedule.backfillCount) } ?? schedule.backfillCount
        while schedule.contains(next) {
            try Task.checkCancellation()
            let current = now()
            var batch: [TelemetryRecord] = []
            while batch.count < batchSize, schedule.contains(next), schedule.dueDate(of: next) <= current {
                batch.append(generator.record(index: firstIndex + next, at: schedule.timestamp(of: next)))
                next += 1
            }
            if batch.isEmpty {
                try await sleep(tick)
                continue
            }
            try await writer.write(batch)
            progress(next, backfill)
            if next == backfill && backfill > 0 {
                logger.info("backfill written", metadata: ["records": "\(backfill)"])
            }
        }
        return next
    }
}
