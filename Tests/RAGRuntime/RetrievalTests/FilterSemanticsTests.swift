import Foundation
import Testing
import RAGRuntimeTesting
@testable import QueryUnderstanding
@testable import Retrieval
@testable import TelemetryModel

/// The columnar filter (``SlotPredicate``) and the record filter (``RecordPredicate``) agree.
@Suite struct FilterSemanticsTests {
    typealias F = RetrievalFixtures

    static let records: [TelemetryRecord?] = [
        F.record("a", level: .critical, vehicle: "VH-1", state: "MOVING", code: "ENG-001", readings: .init(engineTemp: 118, speed: 90)),
        F.record("b", level: .warn, vehicle: "VH-2", state: nil, code: nil, readings: .init(batteryVoltage: 11.2)),
        nil,
        F.record("c", level: .info, vehicle: "VH-1", state: "PARKED", code: "BAT-002", readings: .init(engineTemp: 80, batteryVoltage: 12.7)),
        {
            var record = F.record("d", level: .error, vehicle: "VH-3")
            record.metadata = ["region": "eu"]
            record.diagnosticInfo.dtcCodes = ["P0217", "P0118"]
            return record
        }(),
    ]

    static let filters: [FieldFilter] = [
        FieldFilter(field: TelemetryField.level, op: .gte, value: .string("ERROR")),
        FieldFilter(field: TelemetryField.level, op: .eq, value: .string("WARN")),
        FieldFilter(field: TelemetryField.level, op: .lt, value: .string("BOGUS")),
        FieldFilter(field: TelemetryField.vehicleID, op: .eq, value: .string("VH-1")),
        FieldFilter(field: TelemetryField.vehicleState, op: .eq, value: .string("MOVING")),
        FieldFilter(field: TelemetryField.errorCode, op: .eq, value: .string("BAT-002")),
        FieldFilter(field: TelemetryField.engineTemp, op: .gte, value: .number(80)),
        FieldFilter(field: TelemetryField.engineTemp, op: .eq, value: .number(118)),
        FieldFilter(field: TelemetryField.batteryVoltage, op: .lte, value: .number(11.2)),
        FieldFilter(field: TelemetryField.speed, op: .eq, value: .string("fast")),
        FieldFilter(field: TelemetryField.vehicleID, op: .eq, value: .number(1)),
        FieldFilter(field: "metadata.region", op: .eq, value: .string("eu")),
        FieldFilter(field: "diagnostic_info.dtc_codes", op: .eq, value: .string("P0118")),
        FieldFilter(field: "message", op: .eq, value: .string("Engine temperature high")),
    ]

    @Test(arguments: filters)
    func columnarAndRecordFiltersSelectTheSameRecords(filter: FieldFilter) throws {
        var columns = FilterColumns()
        for record in Self.records { columns.append(record) }
        let columnar = try SlotPredicate([filter], columns: columns)
            .filter(ArraySlice([0, 1, 3, 4]), records: Self.records)
        let reference = try RecordPredicate([filter])
        let expected = Self.records.indices.filter { Self.records[$0].map(reference.matches) ?? false }.map { Int32($0) }
        #expect(columnar == expected)
    }

    @Test func levelsCompareBySeverityAndAbsentReadingsNeverMatch() throws {
        func ids(_ filter: FieldFilter) throws -> [String] {
            let predicate = try RecordPredicate([filter])
            return Self.records.compactMap { $0 }.filter(predicate.matches).map(\.eventID)
        }
        #expect(try ids(Self.filters[0]) == ["a", "d"])
        #expect(try ids(FieldFilter(field: TelemetryField.engineTemp, op: .lt, value: .number(1_000))) == ["a", "c"])
        #expect(try ids(Self.filters[12]) == ["d"])
    }
}
