import Foundation
import Testing
@testable import QueryUnderstanding

@Suite struct TemporalParserAnchoredTests {
    static let now = "2025-06-15T12:34:56Z"

    static let cases: [TemporalCase] = [
        .range("since 2025-01-04", "2025-01-04T00:00:00Z", now),
        .range("errors since 2025-01-04.", "2025-01-04T00:00:00Z", now, remaining: "errors."),
        .range("since 14:00", "2025-06-14T14:00:00Z", now),
        .range("since 09:30", "2025-06-15T09:30:00Z", now),
        .range("since 2pm", "2025-06-14T14:00:00Z", now),
        .range("since 9 am", "2025-06-15T09:00:00Z", now),
        .range("since 10:00 UTC", "2025-06-15T10:00:00Z", now),
        .range("since yesterday", "2025-06-14T00:00:00Z", now),
        .range("Since yesterday, which vehicles overheated?", "2025-06-14T00:00:00Z", now, remaining: "which vehicles overheated?"),
        .range("since Jan 4 2025", "2025-01-04T00:00:00Z", now),
        .range("since January 4, 2025", "2025-01-04T00:00:00Z", now),
        .range("since 4 January 2025", "2025-01-04T00:00:00Z", now),
        .range("since the 4th of January 2025", "2025-01-04T00:00:00Z", now),
        .range("since 2025-01-04T10:00:00Z", "2025-01-04T10:00:00Z", now),
        .range("since 2025-01-04 10:00", "2025-01-04T10:00:00Z", now),
        .range("since 2025-01-04T12:00:00+02:00", "2025-01-04T10:00:00Z", now),
        .range("since 3 hours ago", "2025-06-15T09:34:56Z", now),
        .range("before 2025-01-04", nil, "2025-01-03T23:59:59.999Z"),
        .range("before 2025-01-04T10:00:00Z", nil, "2025-01-04T10:00:00Z"),
        .range("prior to Jan 4, 2025", nil, "2025-01-03T23:59:59.999Z"),
        .range("after 2025-06-01", "2025-06-02T00:00:00Z", nil),
        .range("after Jun 1", "2025-06-02T00:00:00Z", nil),
        .range("after 2025-06-01 and before 2025-06-10", "2025-06-02T00:00:00Z", "2025-06-09T23:59:59.999Z"),
        .range("on 2025-01-04", "2025-01-04T00:00:00Z", "2025-01-04T23:59:59.999Z"),
        .range("alerts on January 4, 2025?", "2025-01-04T00:00:00Z", "2025-01-04T23:59:59.999Z", remaining: "alerts?"),
        .range("on 2025-01-04T18:30:00Z", "2025-01-04T00:00:00Z", "2025-01-04T23:59:59.999Z"),
        .range("2025-01-04 engine errors", "2025-01-04T00:00:00Z", "2025-01-04T23:59:59.999Z", remaining: "engine errors"),
        .range("between 2025-01-01 and 2025-01-05", "2025-01-01T00:00:00Z", "2025-01-05T23:59:59.999Z"),
        .range("between Jan 1 2025 and Jan 5 2025", "2025-01-01T00:00:00Z", "2025-01-05T23:59:59.999Z"),
        .range("from 2025-01-01 to 2025-01-05", "2025-01-01T00:00:00Z", "2025-01-05T23:59:59.999Z"),
        .range("from yesterday to today", "2025-06-14T00:00:00Z", "2025-06-15T23:59:59.999Z"),
        .range("from yesterday to now", "2025-06-14T00:00:00Z", now),
        .range("from 10:00 to 12:00", "2025-06-15T10:00:00Z", "2025-06-15T12:00:00Z"),
        .range("between 10:00 and 12:00", "2025-06-15T10:00:00Z", "2025-06-15T12:00:00Z"),
        .range("from 2025-01-04T10:00:00Z until 2025-01-04T11:00:00Z", "2025-01-04T10:00:00Z", "2025-01-04T11:00:00Z"),
    ]

    @Test(arguments: cases)
    func anchoredPhrasesResolveToExplicitBounds(_ row: TemporalCase) {
        let result = TemporalParser().parse(row.input, now: QueryFixtures.now)
        #expect(QueryFixtures.bounds(result.timeRange) == [row.gte, row.lte])
        #expect(result.remainingText == row.remaining)
        #expect(result.warnings.isEmpty)
    }
}
