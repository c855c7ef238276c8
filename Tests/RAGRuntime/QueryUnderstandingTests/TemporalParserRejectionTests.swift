import Foundation
import Testing
@testable import QueryUnderstanding

@Suite struct TemporalParserRejectionTests {
    static let invalidCases: [TemporalCase] = [
        .invalid("last 0 days", quoting: "last 0 days"),
        .invalid("errors in the last zero hours", quoting: "in the last zero hours"),
        .invalid("since 2025-13-45", quoting: "since 2025-13-45"),
        .invalid("since Feb 30 2025", quoting: "since Feb 30 2025"),
        .invalid("since 25:00", quoting: "since 25:00"),
        .invalid("since 13pm", quoting: "since 13pm"),
        .invalid("between 2025-02-01 and 2025-01-01", quoting: "between 2025-02-01 and 2025-01-01"),
        .invalid("from 2025-01-05 to 2025-01-40", quoting: "from 2025-01-05 to 2025-01-40"),
        .invalid("on 2025-12-25", quoting: "on 2025-12-25"),
        .invalid("after 2025-06-15", quoting: "after 2025-06-15"),
        .invalid("last 1.5 months", quoting: "last 1.5 months"),
        .invalid("past 99999999999999999999 days", quoting: "past 99999999999999999999 days"),
        .invalid("yesterday and today", quoting: "yesterday"),
    ]

    static let untouchedCases: [TemporalCase] = [
        .untouched("last error"),
        .untouched("the past failures of vehicle V1234"),
        .untouched("since the engine overheated"),
        .untouched("last 5 errors"),
        .untouched("what happened in the past"),
        .untouched("last 5 m of the route"),
        .untouched("vehicles 4 may have overheated"),
        .untouched("speed between 50 and 100 km/h"),
        .untouched("error code ENG-001 on vehicle VH-0042"),
        .untouched("the previous owner"),
        .untouched("last minute changes to the brake firmware"),
    ]

    @Test(arguments: invalidCases)
    func phrasesThatLookTemporalButAreInvalidGiveAWarningAndNoRange(_ row: TemporalCase) {
        let result = TemporalParser().parse(row.input, now: QueryFixtures.now)
        #expect(result.timeRange == nil)
        #expect(result.remainingText == row.remaining)
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.contains("\"\(row.warning ?? "")") == true, "\(result.warnings)")
    }

    @Test(arguments: untouchedCases)
    func textThatIsNotTemporalIsLeftAlone(_ row: TemporalCase) {
        let result = TemporalParser().parse(row.input, now: QueryFixtures.now)
        #expect(result.timeRange == nil)
        #expect(result.remainingText == row.remaining)
        #expect(result.warnings.isEmpty)
    }

    @Test(arguments: ["", "?", "last", "since", "on", "between and", "from 10:00 to", "in the", "25:99 of", "the past", ">=", "°", "🚗 🚗"])
    func truncatedOrOddInputNeverTraps(_ input: String) {
        let query = QueryParser().parse(input, now: QueryFixtures.now)
        #expect(query.timeRange == nil)
        #expect(query.fields.isEmpty)
    }

    @Test func aValidPhraseStillAppliesWhenAnotherIsInvalid() {
        let result = TemporalParser().parse("since 2025-13-45 or in the last 2 hours", now: QueryFixtures.now)
        #expect(QueryFixtures.bounds(result.timeRange) == ["2025-06-15T10:34:56Z", "2025-06-15T12:34:56Z"])
        #expect(result.remainingText == "since 2025-13-45")
        #expect(result.warnings.count == 1)
    }
}
