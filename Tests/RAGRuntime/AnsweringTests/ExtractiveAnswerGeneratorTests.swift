import Foundation
import Testing
import RAGRuntimeTesting
@testable import Answering
@testable import QueryUnderstanding
@testable import Retrieval

@Suite struct ExtractiveAnswerGeneratorTests {
    typealias F = RetrievalFixtures
    let window = TimeRange(gte: F.noon.addingTimeInterval(-7_200), lte: F.noon)

    @Test func summarisesCountsAndTheMostSevereAndMostRecentRecords() async throws {
        let hits = [
            F.record("a", at: F.noon.addingTimeInterval(-3_000), level: .warn, vehicle: "VH-0007", code: "BAT-002", message: "Battery voltage low",
                     readings: .init(batteryVoltage: 11.2)),
            F.record("b", at: F.noon.addingTimeInterval(-600), level: .critical, vehicle: "VH-0042", code: "ENG-001", message: "Engine temperature critical",
                     readings: .init(engineTemp: 118.5)),
            F.record("c", at: F.noon.addingTimeInterval(-60), level: .error, vehicle: "VH-0042", code: "ENG-001", message: "Engine temperature high"),
        ].map { SearchHit(record: $0, score: 0.5) }
        let request = AnswerRequest(question: "engine problems in the last 2 hours", timeRange: window, hits: hits, now: F.noon)
        let answer = try await ExtractiveAnswerGenerator(highlightCount: 2).answer(request)
        #expect(answer.source == .extractive)
        #expect(answer.text == """
        3 matching records between 2025-06-15T10:00:00Z and 2025-06-15T12:00:00Z (from 2025-06-15T11:10:00Z to 2025-06-15T11:59:00Z).
        By vehicle: VH-0042 (2), VH-0007 (1). By error code: ENG-001 (2), BAT-002 (1). By level: CRITICAL (1), ERROR (1), WARN (1).
        Most severe:
        - CRITICAL ENG-001 on VH-0042 at 2025-06-15T11:50:00Z (engine-monitor): Engine temperature critical [engine temperature 118.5 °C]
        - ERROR ENG-001 on VH-0042 at 2025-06-15T11:59:00Z (engine-monitor): Engine temperature high
        Most recent:
        - ERROR ENG-001 on VH-0042 at 2025-06-15T11:59:00Z (engine-monitor): Engine temperature high
        - CRITICAL ENG-001 on VH-0042 at 2025-06-15T11:50:00Z (engine-monitor): Engine temperature critical [engine temperature 118.5 °C]
        """)
    }

    @Test func noRecordsSaysSoWithTheRangeAndFiltersSearched() async throws {
        let fields = [FieldFilter(field: TelemetryField.engineTemp, op: .gt, value: .number(110))]
        let request = AnswerRequest(question: "overheating", timeRange: window, fields: fields, hits: [], now: F.noon)
        let answer = try await ExtractiveAnswerGenerator().answer(request)
        #expect(answer == GeneratedAnswer(
            text: "No records matched \"overheating\" between 2025-06-15T10:00:00Z and 2025-06-15T12:00:00Z with sensor_readings.engine_temp > 110.",
            source: .none
        ))
        let open = AnswerRequest(question: "anything", timeRange: TimeRange(gte: F.noon, lte: nil), hits: [], now: F.noon)
        #expect(ExtractiveAnswerGenerator.noRecordsAnswer(for: open).text == "No records matched \"anything\" after 2025-06-15T12:00:00Z.")
    }
}
