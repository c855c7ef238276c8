/// Recognises structured conditions on telemetry fields in a question.
///
/// - Numeric comparisons: a field name, up to four filler words ("is", "was", "reading"), a
///   comparison ("above", "over", "at least", "no more than", "<=", "exceeding", "between … and …")
///   and a number with an optional unit: "engine temperature above 110°C", "battery voltage below
///   11.5V", "rpm>3000". °F, mph, mV, kPa and bar are converted to the canonical unit (see
///   ``MeasurementUnit``); a unit of the wrong kind gives a warning. Without a field name, a unit
///   that only one field uses names it ("over 120 km/h" is speed); "faster/slower than" is speed.
/// - Vehicle state: MOVING, IDLE, PARKED, CHARGING, STOPPED, MAINTENANCE, when written in capitals
///   or next to a word that makes it a state ("moving vehicles", "cars that are parked").
/// - Severity: INFO, WARN, ERROR, CRITICAL in capitals, after "level"/"severity", or in
///   "critical errors" (CRITICAL) and "warnings" (WARN). A lower-case "errors" is not a filter.
/// - Services from ``TelemetryVocabulary/services``, or any hyphenated name after "service".
/// - Error codes after "code"/"error code", or bare capitals like `ENG-001` and `BAT_LOW`.
/// - Vehicle ids after "vehicle"/"VIN", or bare ids like `VH-0042`, `V1234`, `VIN-1234`.
///
/// Anything else stays for vector search. Naming two different values for one string field
/// ("moving or idle vehicles") cannot be expressed as AND-ed filters, so neither is kept and a
/// warning says so.
///
/// ```swift
/// FieldFilterParser().parse("moving vehicles with engine temp over 230°F").filters
/// // [vehicle_state eq "MOVING", sensor_readings.engine_temp gt 110]
/// ```
public struct FieldFilterParser: Sendable {
    /// What ``FieldFilterParser/parse(_:)`` found.
    public struct Result: Sendable, Equatable {
        /// The filters, in the order they appear in the question.
        public var filters: [FieldFilter]
        /// One human-readable entry per phrase that looked like a filter but was ignored.
        public var warnings: [String]
    }

    /// Creates a parser.
    public init() {}

    /// Finds the field filters in `text`. Never fails.
    public func parse(_ text: String) -> Result {
        var scanner = FieldFilterScanner(text: text)
        scanner.scanComparisons()
        scanner.scanVehicleIDs()
        scanner.scanErrorCodes()
        scanner.scanServices()
        scanner.scanLevels()
        scanner.scanVehicleStates()
        var warnings = scanner.warnings
        let ordered = scanner.found.sorted { $0.position < $1.position }.map(\.filter)
        var filters: [FieldFilter] = []
        for filter in ordered where !filters.contains(filter) { filters.append(filter) }
        var stringFields: [String] = []
        for filter in filters where filter.op == .eq && Self.isString(filter.value) && !stringFields.contains(filter.field) {
            stringFields.append(filter.field)
        }
        for field in stringFields {
            let values = filters.filter { $0.field == field && $0.op == .eq }.map(\.value)
            guard values.count > 1 else { continue }
            let listed = values.compactMap { value -> String? in if case .string(let s) = value { s } else { nil } }
            warnings.append("Not filtering on \(field): the question names several values (\(listed.joined(separator: ", "))).")
            filters.removeAll { $0.field == field && $0.op == .eq }
        }
        return Result(filters: filters, warnings: warnings)
    }

    private static func isString(_ value: FilterValue) -> Bool {
        if case .string = value { return true }
        return false
    }
}
