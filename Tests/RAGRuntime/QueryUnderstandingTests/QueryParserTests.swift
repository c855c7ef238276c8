import Foundation
import Testing
@testable import QueryUnderstanding

@Suite struct QueryParserTests {
    @Test func aQuestionIsSplitIntoTextToEmbedATimeRangeAndFieldFilters() {
        let question = "Critical errors from engine-monitor with engine temp above 110°C in the last 2 hours?"
        let query = QueryParser().parse(question, now: QueryFixtures.now)
        #expect(query.originalText == question)
        #expect(query.remainingText == "Critical errors from engine-monitor with engine temp above 110°C?")
        #expect(query.timeRange == TimeRange(gte: QueryFixtures.date("2025-06-15T10:34:56Z"), lte: QueryFixtures.now))
        #expect(query.fields == [
            .equals(TelemetryField.level, "CRITICAL"),
            .equals(TelemetryField.service, "engine-monitor"),
            .number(TelemetryField.engineTemp, .gt, 110),
        ])
        #expect(query.warnings.isEmpty)
    }

    @Test func warningsFromBothParsersAreReportedTimeFirst() {
        let query = QueryParser().parse("engine temp above 12V since 2025-13-45", now: QueryFixtures.now)
        #expect(query.timeRange == nil)
        #expect(query.fields.isEmpty)
        #expect(query.warnings.count == 2)
        #expect(query.warnings.first?.contains("since 2025-13-45") == true)
    }

    @Test func theParsedQueryEncodesDatesAsUTCStringsAndOperatorsInLowerCase() throws {
        let query = QueryParser().parse("speed over 100 km/h yesterday", now: QueryFixtures.now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(query), as: UTF8.self)
        #expect(json.contains(#""timeRange":{"gte":"2025-06-14T00:00:00Z","lte":"2025-06-14T23:59:59.999Z"}"#))
        #expect(json.contains(#"{"field":"sensor_readings.speed","op":"gt","value":100}"#))
        #expect(try JSONDecoder().decode(ParsedQuery.self, from: Data(json.utf8)) == query)
    }

    @Test func anOpenEndedRangeLeavesTheMissingBoundOutOfTheJSON() throws {
        let range = TimeRange(gte: nil, lte: QueryFixtures.date("2025-01-03T23:59:59.999Z"))
        let json = String(decoding: try JSONEncoder().encode(range), as: UTF8.self)
        #expect(json == #"{"lte":"2025-01-03T23:59:59.999Z"}"#)
    }

    @Test func aTimeRangeWithoutBoundsDoesNotDecode() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TimeRange.self, from: Data("{}".utf8)) }
    }

    @Test func aTimeRangeWithAMalformedTimestampDoesNotDecode() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TimeRange.self, from: Data(#"{"gte":"yesterday"}"#.utf8))
        }
    }

    @Test func stringFilterValuesEncodeAsBareStrings() throws {
        let filter = FieldFilter.equals(TelemetryField.vehicleState, "MOVING")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(filter), as: UTF8.self)
        #expect(json == #"{"field":"vehicle_state","op":"eq","value":"MOVING"}"#)
        #expect(try JSONDecoder().decode(FieldFilter.self, from: Data(json.utf8)) == filter)
    }

    @Test func aQuestionWithoutFiltersComesBackTidiedButOtherwiseWhole() {
        let query = QueryParser().parse("  why   do brakes squeal ?  ", now: QueryFixtures.now)
        #expect(query.remainingText == "why do brakes squeal?")
        #expect(query.timeRange == nil)
        #expect(query.fields.isEmpty)
        #expect(query.warnings.isEmpty)
    }
}
