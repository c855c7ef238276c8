import Foundation
import Testing
@testable import TelemetryModel

@Suite struct TelemetryRecordTests {
    static let json = """
    {"event_id":"evt-7","timestamp":"2025-06-15T12:30:00.250Z","level":"CRITICAL","service":"engine-monitor",\
    "error_code":"ENG-001","message":"Engine temperature critical","vehicle_id":"VH-0042","vehicle_state":"MOVING",\
    "location":{"latitude":47.61,"longitude":-122.33},\
    "sensor_readings":{"engine_temp":118.5,"battery_voltage":12.4,"speed":87,"rpm":3100},\
    "diagnostic_info":{"dtc_codes":["P0217","P0118"]},"metadata":{"firmware":"2.4.1"}}
    """

    @Test func decodesTheBlueprintsSnakeCaseFields() throws {
        let record = try JSONDecoder().decode(TelemetryRecord.self, from: Data(Self.json.utf8))
        #expect(record.eventID == "evt-7")
        #expect(UTCTimestamp.string(from: record.timestamp) == "2025-06-15T12:30:00.250Z")
        #expect(record.level == .critical)
        #expect(record.errorCode == "ENG-001")
        #expect(record.vehicleState == "MOVING")
        #expect(record.location == GeoLocation(latitude: 47.61, longitude: -122.33))
        #expect(record.sensorReadings == SensorReadings(engineTemp: 118.5, batteryVoltage: 12.4, speed: 87, rpm: 3100))
        #expect(record.diagnosticInfo.dtcCodes == ["P0217", "P0118"])
        #expect(record.metadata == ["firmware": "2.4.1"])
    }

    @Test func encodingRoundTripsAndLeavesOutAbsentValues() throws {
        let record = try JSONDecoder().decode(TelemetryRecord.self, from: Data(Self.json.utf8))
        let data = try JSONEncoder().encode(record)
        #expect(try JSONDecoder().decode(TelemetryRecord.self, from: data) == record)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"event_id\":\"evt-7\""))
        #expect(text.contains("\"timestamp\":\"2025-06-15T12:30:00.250Z\""))
        #expect(!text.contains("null"))
        #expect(!text.contains("fuel_level"))
    }

    @Test func levelsDecodeCaseInsensitivelyAndOrderBySeverity() throws {
        let levels = try JSONDecoder().decode([TelemetryLevel].self, from: Data(#"["info","WARNING","Error","CRITICAL"]"#.utf8))
        #expect(levels == [.info, .warn, .error, .critical])
        #expect(levels == levels.sorted())
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([TelemetryLevel].self, from: Data(#"["FATAL"]"#.utf8)) }
    }

    @Test func embeddingTextCarriesEveryMeaningfulField() throws {
        let record = try JSONDecoder().decode(TelemetryRecord.self, from: Data(Self.json.utf8))
        let text = record.embeddingText
        for expected in [
            "CRITICAL", "ENG-001", "engine-monitor", "VH-0042", "MOVING", "Engine temperature critical",
            "engine temperature 118.5 °C", "battery voltage 12.4 V", "speed 87 km/h", "engine speed 3100 rpm",
            "P0217", "P0118", "2025-06-15T12:30:00.250Z",
        ] {
            #expect(text.contains(expected), "missing \(expected) in \(text)")
        }
    }
}
