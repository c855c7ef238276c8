import Foundation
@testable import QueryUnderstanding
@testable import TelemetryModel

/// Shared fixtures for the query parser tests.
enum QueryFixtures {
    /// 2025-06-15T12:34:56Z, a Sunday: "this week" starts on Monday 2025-06-09.
    static let now = Date(timeIntervalSince1970: 1_749_990_896)

    /// A fixed instant from an ISO-8601 string; fails loudly on a typo in a test table.
    static func date(_ text: String) -> Date {
        guard let date = UTCTimestamp.date(from: text) else { preconditionFailure("bad fixture timestamp \(text)") }
        return date
    }

    /// The range as ISO strings, for comparing with a test table.
    static func bounds(_ range: TimeRange?) -> [String?] {
        [range?.gte.map(UTCTimestamp.string(from:)), range?.lte.map(UTCTimestamp.string(from:))]
    }
}
