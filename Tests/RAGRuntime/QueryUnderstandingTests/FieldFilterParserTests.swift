import Testing
@testable import QueryUnderstanding

@Suite struct FieldFilterParserTests {
    typealias Field = TelemetryField

    static let numericCases: [FieldFilterCase] = [
        .init("engine temperature above 110°C", [.number(Field.engineTemp, .gt, 110)]),
        .init("engine temp over 110 C", [.number(Field.engineTemp, .gt, 110)]),
        .init("Engine Temp was still above 110 ° C?", [.number(Field.engineTemp, .gt, 110)]),
        .init("engine temperature exceeding 230°F", [.number(Field.engineTemp, .gt, 110)]),
        .init("engine temperature above 110 degrees F", [.number(Field.engineTemp, .gt, 43.333)]),
        .init("battery voltage below 11.5V", [.number(Field.batteryVoltage, .lt, 11.5)]),
        .init("battery voltage at least 12 V", [.number(Field.batteryVoltage, .gte, 12)]),
        .init("speed over 100 km/h", [.number(Field.speed, .gt, 100)]),
        .init("speed over 60 mph", [.number(Field.speed, .gt, 96.561)]),
        .init("speed no more than 50 kph", [.number(Field.speed, .lte, 50)]),
        .init("vehicles faster than 70 miles per hour", [.number(Field.speed, .gt, 112.654)]),
        .init("anything above 120 km/h", [.number(Field.speed, .gt, 120)]),
        .init("fuel level under 10%", [.number(Field.fuelLevel, .lt, 10)]),
        .init("fuel pressure greater than 40 psi", [.number(Field.fuelPressure, .gt, 40)]),
        .init("oil pressure less than 20 psi", [.number(Field.oilPressure, .lt, 20)]),
        .init("tyre pressure at most 28psi", [.number(Field.tirePressure, .lte, 28)]),
        .init("tire pressure lower than 200 kPa", [.number(Field.tirePressure, .lt, 29.008)]),
        .init("rpm >= 3000", [.number(Field.rpm, .gte, 3000)]),
        .init("rpm>3,500", [.number(Field.rpm, .gt, 3500)]),
        .init("engine rpm <= 800", [.number(Field.rpm, .lte, 800)]),
        .init("engine temp is greater than 100", [.number(Field.engineTemp, .gt, 100)]),
        .init("engine temperature between 90 and 110 °C", [.number(Field.engineTemp, .gte, 90), .number(Field.engineTemp, .lte, 110)]),
        .init("speed above 50 km/h and below 100 km/h", [.number(Field.speed, .gt, 50), .number(Field.speed, .lt, 100)]),
        .init("engine temp above 12V", [], warning: "engine temp above 12V"),
        .init("pressure above 30 psi", []),
        .init("idle for over 2 hours", []),
    ]

    static let keywordCases: [FieldFilterCase] = [
        .init("moving vehicles", [.equals(Field.vehicleState, "MOVING")]),
        .init("which cars are parked?", [.equals(Field.vehicleState, "PARKED")]),
        .init("vehicles that were idling", [.equals(Field.vehicleState, "IDLE")]),
        .init("events while CHARGING", [.equals(Field.vehicleState, "CHARGING")]),
        .init("vehicle_state=stopped", [.equals(Field.vehicleState, "STOPPED")]),
        .init("the engine stopped working", []),
        .init("moving or idle vehicles", [], warning: "vehicle_state"),
        .init("critical errors", [.equals(Field.level, "CRITICAL")]),
        .init("How many vehicles had a critical engine temperature?", [.equals(Field.level, "CRITICAL")]),
        .init("critical battery alerts", [.equals(Field.level, "CRITICAL")]),
        .init("critical thinking about fleets", []),
        .init("Critical Alerts about brakes", [.equals(Field.level, "CRITICAL")]),
        .init("show warnings", [.equals(Field.level, "WARN")]),
        .init("level: warn", [.equals(Field.level, "WARN")]),
        .init("severity ERROR", [.equals(Field.level, "ERROR")]),
        .init("show errors", []),
        .init("last error", []),
        .init("errors from engine-monitor", [.equals(Field.service, "engine-monitor")]),
        .init("brake system failures", [.equals(Field.service, "brake-system")]),
        .init("navigation issues", [.equals(Field.service, "navigation")]),
        .init("service fleet-gateway", [.equals(Field.service, "fleet-gateway")]),
        .init("the ota-updater service", [.equals(Field.service, "ota-updater")]),
        .init("service outages", []),
        .init("error code ENG-001", [.equals(Field.errorCode, "ENG-001")]),
        .init("code e1234", [.equals(Field.errorCode, "E1234")]),
        .init("why BAT_LOW?", [.equals(Field.errorCode, "BAT_LOW")]),
        .init("SENSOR_001 readings", [.equals(Field.errorCode, "SENSOR_001")]),
        .init("code red", []),
        .init("vehicle V-1234", [.equals(Field.vehicleID, "V-1234")]),
        .init("vehicle id: vh-0042", [.equals(Field.vehicleID, "VH-0042")]),
        .init("VIN 1HGCM82633A004352", [.equals(Field.vehicleID, "1HGCM82633A004352")]),
        .init("what happened to VH-0042", [.equals(Field.vehicleID, "VH-0042")]),
        .init("VIN-1234 overheating", [.equals(Field.vehicleID, "VIN-1234")]),
        .init("the vehicle was fine", []),
    ]

    static let combinedCases: [FieldFilterCase] = [
        .init("Which MOVING vehicles had engine temperature above 110°C and battery voltage below 11.5V?", [
            .equals(Field.vehicleState, "MOVING"), .number(Field.engineTemp, .gt, 110), .number(Field.batteryVoltage, .lt, 11.5),
        ]),
        .init("critical warnings from battery-management on vehicle VH-0042 with code BAT_LOW", [
            .equals(Field.level, "CRITICAL"), .equals(Field.service, "battery-management"),
            .equals(Field.vehicleID, "VH-0042"), .equals(Field.errorCode, "BAT_LOW"),
        ]),
        .init("speed over 100 in the last 2 hours", [.number(Field.speed, .gt, 100)]),
    ]

    @Test(arguments: numericCases)
    func numericComparisonsBecomeFiltersInCanonicalUnits(_ row: FieldFilterCase) {
        check(row)
    }

    @Test(arguments: keywordCases)
    func statesLevelsServicesCodesAndVehicleIDsBecomeEqualityFilters(_ row: FieldFilterCase) {
        check(row)
    }

    @Test(arguments: combinedCases)
    func severalFiltersInOneQuestionComeOutInTextOrder(_ row: FieldFilterCase) {
        check(row)
    }

    @Test func everyNumericFieldAliasIsRecognised() {
        for field in TelemetryField.numeric {
            for alias in field.aliases {
                let question = alias.joined(separator: " ") + " above 5"
                #expect(FieldFilterParser().parse(question).filters == [.number(field.path, .gt, 5)], "\(question)")
            }
        }
    }

    private func check(_ row: FieldFilterCase) {
        let result = FieldFilterParser().parse(row.input)
        #expect(result.filters == row.filters)
        if let warning = row.warning {
            #expect(result.warnings.count == 1)
            #expect(result.warnings.first?.contains(warning) == true, "\(result.warnings)")
        } else {
            #expect(result.warnings.isEmpty)
        }
    }
}
