import AWS
import Testing
import RAGRuntimeTesting
@testable import QueryUnderstanding
@testable import Retrieval
@testable import RetrievalClients

/// ``OpenSearchFilterTranslation``: search filters as OpenSearch clauses, without any I/O.
@Suite struct OpenSearchFilterTranslationTests {
    @Test(arguments: [
        (FilterOp.eq, "WARN", ["term": ["level": "WARN"]] as AWSJSONValue),
        (.lt, "ERROR", ["terms": ["level": ["INFO", "WARN"]]] as AWSJSONValue),
        (.lte, "INFO", ["terms": ["level": ["INFO"]]] as AWSJSONValue),
        (.gt, "CRITICAL", ["terms": ["level": .array([])]] as AWSJSONValue),
    ])
    func levelConditionsBecomeTermsOfTheLevelsAllowedBySeverity(op: FilterOp, level: String, expected: AWSJSONValue) throws {
        #expect(try OpenSearchFilterTranslation.clause(for: FieldFilter(field: TelemetryField.level, op: op, value: .string(level))) == expected)
    }

    @Test func stringEqualityIsATermAndNumericComparisonsAreRanges() throws {
        let moving = FieldFilter(field: TelemetryField.vehicleState, op: .eq, value: .string("MOVING"))
        let lowBattery = FieldFilter(field: TelemetryField.batteryVoltage, op: .lte, value: .number(11.5))
        #expect(try OpenSearchFilterTranslation.clause(for: moving) == ["term": ["vehicle_state": "MOVING"]])
        #expect(try OpenSearchFilterTranslation.clause(for: lowBattery) == ["range": ["sensor_readings.battery_voltage": ["lte": 11.5]]])
    }

    @Test func aValueOfTheWrongTypeMatchesNothingAndAnUnknownFieldThrows() throws {
        let wrongType = FieldFilter(field: TelemetryField.engineTemp, op: .eq, value: .string("hot"))
        #expect(try OpenSearchFilterTranslation.clause(for: wrongType) == OpenSearchFilterTranslation.matchNothing)
        #expect(throws: RetrievalError.unknownFilterField("warp")) {
            try OpenSearchFilterTranslation.query(for: SearchFilter(fields: [FieldFilter(field: "warp", op: .eq, value: .number(1))]))
        }
        #expect(try OpenSearchFilterTranslation.query(for: .none) == nil)
    }
}
