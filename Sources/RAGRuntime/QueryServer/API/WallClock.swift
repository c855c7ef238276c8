import Foundation

/// The source of "now" for the query API: parsing "last 2 hours", the system prompt, ingest rates.
///
/// Injected so that tests pin time: `WallClock.fixed(noon)`. Durations (timings, deadlines) use
/// `ContinuousClock`, which cannot jump; this clock is only for calendar time.
///
/// ```swift
/// let clock = WallClock.system
/// let parsed = QueryParser().parse(question, now: clock.now())
/// ```
public struct WallClock: Sendable {
    /// The current instant.
    public let now: @Sendable () -> Date

    /// A clock reading `now`.
    public init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    /// The system's real-time clock.
    public static let system = WallClock { Date() }

    /// A clock that always reads `date`.
    public static func fixed(_ date: Date) -> WallClock {
        WallClock { date }
    }
}
