import ArgumentParser
import TelemetrySimulator

/// The telemetry options `local` and `producer` share: rate, backfill, seed and count. Each
/// command gives the defaults it needs (`local`: 100 a minute and 2 hours of history; `producer`:
/// `RECORDS_PER_MINUTE`, else 100, and no history).
struct TelemetryOptions: ParsableArguments {
    @Option(help: "Telemetry records produced per minute.")
    var rate: Double?

    @Option(help: "History to write first, such as 90m, 2h or 24h (0 for none).")
    var backfill: String?

    @Option(help: "Seed for reproducible telemetry (default: random).")
    var seed: UInt64?

    @Option(help: "Stop producing after this many records.")
    var count: Int?

    func validate() throws {
        if let rate, rate <= 0 { throw ValidationError("--rate must be positive, got \(rate)") }
        if let count, count < 0 { throw ValidationError("--count must not be negative, got \(count)") }
        if let backfill {
            do { _ = try DurationText.seconds(backfill) } catch { throw ValidationError("--backfill \(backfill): \(error)") }
        }
    }

    /// The backfill in seconds, `defaultText` when none was given.
    func backfillSeconds(default defaultText: String) throws -> Double {
        try DurationText.seconds(backfill ?? defaultText)
    }

    /// The seed given, else a random one.
    var resolvedSeed: UInt64 { seed ?? UInt64.random(in: 0...UInt64.max) }
}
