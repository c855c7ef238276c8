import Foundation
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import TelemetryModel
@testable import TelemetrySimulator

@Suite struct IngestionGeneratorTests {
    static let records: [TelemetryRecord] = {
        let generator = TelemetryGenerator(seed: 2025)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        return (0..<10_000).map { generator.record(index: $0, at: start.addingTimeInterval(Double($0) * 0.6)) }
    }()

    @Test func tenThousandRecordsHaveUniqueEventIDs() {
        #expect(Set(Self.records.map(\.eventID)).count == 10_000)
    }

    @Test func theSameSeedGivesTheSameRecordsAndAnotherSeedDifferentOnes() {
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        let again = TelemetryGenerator(seed: 2025)
        #expect((0..<200).allSatisfy { again.record(index: $0, at: start.addingTimeInterval(Double($0) * 0.6)) == Self.records[$0] })
        let other = TelemetryGenerator(seed: 2026).record(index: 0, at: start)
        #expect(other.eventID != Self.records[0].eventID)
    }

    @Test func alertReadingsAreBeyondTheirThresholdsWithTheRightDTCs() {
        typealias T = TelemetryThresholds
        for record in Self.records {
            let readings = record.sensorReadings
            let dtc = record.diagnosticInfo.dtcCodes
            switch record.errorCode {
            case "ENG-001": #expect(readings.engineTemp! > T.engineTempCritical && dtc == ["P0217"] && record.level == .critical)
            case "ENG-002": #expect(readings.engineTemp! > T.engineTempHigh && readings.engineTemp! <= T.engineTempCritical)
            case "BAT-001": #expect(readings.batteryVoltage! < T.batteryVoltageCritical && dtc == ["P0562"])
            case "BAT-002": #expect(readings.batteryVoltage! < T.batteryVoltageLow && readings.batteryVoltage! >= T.batteryVoltageCritical && dtc == ["P0562"])
            case "ENG-003": #expect(readings.oilPressure! < T.oilPressureLow && dtc == ["P0524"])
            case "TIRE-001": #expect(readings.tirePressure! < T.tirePressureLow)
            case "FUEL-001": #expect(readings.fuelPressure! < T.fuelPressureLow && dtc == ["P0087"])
            default: break
            }
        }
    }

    @Test func readingsNotAboutTheAlertStayInTheirNormalRanges() {
        typealias T = TelemetryThresholds
        for record in Self.records {
            let r = record.sensorReadings
            let code = record.errorCode ?? ""
            if !["ENG-001", "ENG-002"].contains(code) { #expect(r.engineTemp! <= T.engineTempHigh) }
            if !["BAT-001", "BAT-002"].contains(code) { #expect(r.batteryVoltage! >= T.batteryVoltageLow) }
            if code != "ENG-003", let oil = r.oilPressure { #expect(oil >= T.oilPressureLow) }
            if code != "TIRE-001" { #expect(r.tirePressure! >= T.tirePressureLow) }
            if code != "FUEL-001", let fuel = r.fuelPressure { #expect(fuel >= T.fuelPressureLow) }
            if code != "FUEL-002" { #expect(r.fuelLevel! >= T.fuelLevelLow) }
            if code != "BAT-003" { #expect(r.batteryLevel! >= T.batteryLevelLow) }
            #expect((r.speed! > 0) == (record.vehicleState == "MOVING"))
            if record.level == .info { #expect(record.errorCode == nil && record.diagnosticInfo.dtcCodes.isEmpty) }
        }
    }

    @Test func levelsServicesAndVehiclesVary() {
        let levels = Dictionary(grouping: Self.records, by: \.level).mapValues(\.count)
        #expect(Set(levels.keys) == Set(TelemetryLevel.allCases))
        #expect(levels[.info]! > levels[.critical]!)
        #expect(Set(Self.records.map(\.service)).count >= 8)
        #expect(Set(Self.records.map(\.vehicleID)).count == 50)
    }

    @Test func aVehicleKeepsItsModelAndFirmwareAndItsOdometerGrows() {
        let byVehicle = Dictionary(grouping: Self.records, by: \.vehicleID)
        for (_, records) in byVehicle {
            #expect(Set(records.map(\.metadata)).count == 1)
            let odometers = records.sorted { $0.timestamp < $1.timestamp }.compactMap(\.diagnosticInfo.odometerKm)
            #expect(odometers == odometers.sorted())
        }
    }

    @Test func aBackfillSpreadsRecordsOverThePastThenGoesLive() throws {
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        let schedule = try ProducerSchedule(recordsPerMinute: 100, backfill: try DurationText.seconds("24h"), count: nil, start: start)
        #expect(schedule.backfillCount == 144_000)
        #expect(schedule.timestamp(of: 0) == start.addingTimeInterval(-86_400))
        #expect(schedule.dueDate(of: 143_999) == start)
        #expect(schedule.timestamp(of: 144_000) == start)
        #expect(schedule.dueDate(of: 144_001) == start.addingTimeInterval(0.6))
        #expect(try DurationText.seconds("1h30m") == 5_400)
        #expect(throws: TelemetrySimulatorError.self) { try DurationText.seconds("soon") }
    }

    /// `--backfill 0` is what `local --help` offers for "no history"; it used to be refused as "not a duration".
    @Test func aBareZeroIsNoDuration() throws {
        #expect(try DurationText.seconds("0") == 0)
        #expect(try DurationText.seconds("0s") == 0)
        #expect(throws: TelemetrySimulatorError.self) { try DurationText.seconds("5") }
    }

    @Test func theProducerStopsAtItsCountAndWritesBackfillAtOnce() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let stream = try LocalStream(directory: directory)
        let schedule = try ProducerSchedule(recordsPerMinute: 600, backfill: 60, count: 250, start: Date())
        var producer = TelemetryProducer(generator: TelemetryGenerator(seed: 1), schedule: schedule, writer: LocalStreamWriter(stream: stream))
        producer.batchSize = 100
        producer.sleep = { _ in Issue.record("a backfill-only run must not wait") }
        #expect(try await producer.run() == 250)
        #expect(stream.count == 250)
    }
}
