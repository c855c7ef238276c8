import Foundation
import Testing
@testable import QueryUnderstanding

@Suite struct TemporalParserRelativeTests {
    static let now = "2025-06-15T12:34:56Z"

    static let cases: [TemporalCase] = [
        .range("errors in the last 2 hours", "2025-06-15T10:34:56Z", now, remaining: "errors"),
        .range("last 2 hrs", "2025-06-15T10:34:56Z", now),
        .range("last 2 hours?", "2025-06-15T10:34:56Z", now),
        .range("LAST 2 HOURS", "2025-06-15T10:34:56Z", now),
        .range("Past 2 Hr", "2025-06-15T10:34:56Z", now),
        .range("last 2h", "2025-06-15T10:34:56Z", now),
        .range("What failed in the last 2 hours?", "2025-06-15T10:34:56Z", now, remaining: "What failed?"),
        .range("past two days", "2025-06-13T12:34:56Z", now),
        .range("past an hour", "2025-06-15T11:34:56Z", now),
        .range("in the past a day", "2025-06-14T12:34:56Z", now),
        .range("last hour", "2025-06-15T11:34:56Z", now),
        .range("the past day", "2025-06-14T12:34:56Z", now),
        .range("last 30 minutes", "2025-06-15T12:04:56Z", now),
        .range("last 30 mins", "2025-06-15T12:04:56Z", now),
        .range("last 30 min", "2025-06-15T12:04:56Z", now),
        .range("last 15m", "2025-06-15T12:19:56Z", now),
        .range("in the last minute", "2025-06-15T12:33:56Z", now),
        .range("last 90 seconds", "2025-06-15T12:33:26Z", now),
        .range("past 24 hours", "2025-06-14T12:34:56Z", now),
        .range("last 24h", "2025-06-14T12:34:56Z", now),
        .range("last twenty-four hours", "2025-06-14T12:34:56Z", now),
        .range("last twenty four hours", "2025-06-14T12:34:56Z", now),
        .range("last 1.5 hours", "2025-06-15T11:04:56Z", now),
        .range("last 3 d", "2025-06-12T12:34:56Z", now),
        .range("previous 3d", "2025-06-12T12:34:56Z", now),
        .range("last 2 weeks", "2025-06-01T12:34:56Z", now),
        .range("past 2 wks", "2025-06-01T12:34:56Z", now),
        .range("last 2w", "2025-06-01T12:34:56Z", now),
        .range("last week", "2025-06-08T12:34:56Z", now),
        .range("last month", "2025-05-15T12:34:56Z", now),
        .range("past 6 months", "2024-12-15T12:34:56Z", now),
        .range("last 6 mo", "2024-12-15T12:34:56Z", now),
        .range("last year", "2024-06-15T12:34:56Z", now),
        .range("past 2 yrs", "2023-06-15T12:34:56Z", now),
        .range("last hundred days", "2025-03-07T12:34:56Z", now),
        .range("past sixty minutes", "2025-06-15T11:34:56Z", now),
        .range("last a couple of days", "2025-06-13T12:34:56Z", now),
        .range("Show errors from the past week.", "2025-06-08T12:34:56Z", now, remaining: "Show errors."),
        .range("over the previous 3 days, which vehicles overheated?", "2025-06-12T12:34:56Z", now, remaining: "which vehicles overheated?"),
        .range("within the last 10 minutes", "2025-06-15T12:24:56Z", now),
        .range("brake faults (last 2 hours)", "2025-06-15T10:34:56Z", now, remaining: "brake faults"),
        .range("today", "2025-06-15T00:00:00Z", now),
        .range("errors today", "2025-06-15T00:00:00Z", now, remaining: "errors"),
        .range("yesterday", "2025-06-14T00:00:00Z", "2025-06-14T23:59:59.999Z"),
        .range("what broke yesterday?", "2025-06-14T00:00:00Z", "2025-06-14T23:59:59.999Z", remaining: "what broke?"),
        .range("from yesterday", "2025-06-14T00:00:00Z", "2025-06-14T23:59:59.999Z"),
        .range("this week", "2025-06-09T00:00:00Z", now),
        .range("This Month", "2025-06-01T00:00:00Z", now),
        .range("this year", "2025-01-01T00:00:00Z", now),
        .range("since last week", "2025-06-08T12:34:56Z", now),
    ]

    @Test(arguments: cases)
    func relativePhrasesResolveAgainstTheInjectedNow(_ row: TemporalCase) {
        let result = TemporalParser().parse(row.input, now: QueryFixtures.now)
        #expect(QueryFixtures.bounds(result.timeRange) == [row.gte, row.lte])
        #expect(result.remainingText == row.remaining)
        #expect(result.warnings.isEmpty)
    }

    @Test func thisWeekStartsOnTheSameDayWhenNowIsAMonday() {
        let monday = QueryFixtures.date("2025-06-16T08:00:00Z")
        let result = TemporalParser().parse("this week", now: monday)
        #expect(QueryFixtures.bounds(result.timeRange) == ["2025-06-16T00:00:00Z", "2025-06-16T08:00:00Z"])
    }

    @Test func lastMonthClampsToTheEndOfAShorterMonth() {
        let endOfMarch = QueryFixtures.date("2025-03-31T12:00:00Z")
        let result = TemporalParser().parse("last month", now: endOfMarch)
        #expect(QueryFixtures.bounds(result.timeRange) == ["2025-02-28T12:00:00Z", "2025-03-31T12:00:00Z"])
    }

    @Test func theSamePhraseMovesWithTheInjectedNow() {
        let later = QueryFixtures.now.addingTimeInterval(3_600)
        let result = TemporalParser().parse("last hour", now: later)
        #expect(QueryFixtures.bounds(result.timeRange) == ["2025-06-15T12:34:56Z", "2025-06-15T13:34:56Z"])
    }
}
