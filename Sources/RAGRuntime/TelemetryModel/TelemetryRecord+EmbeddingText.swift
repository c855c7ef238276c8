import Foundation

extension TelemetryRecord {
    /// The text a document is embedded from: every meaningful field, not the message alone.
    ///
    /// The reference blueprint embedded only `message`, so "battery faults on VH-0042 while moving"
    /// could not match on the vehicle, the state or the readings. This text carries the level,
    /// service, error code, vehicle, state, message, readings with units, DTC codes and the time:
    ///
    /// ```text
    /// CRITICAL ENG-001 from engine-monitor on vehicle VH-0042 (MOVING): Engine temperature critical.
    /// Readings: engine temperature 118.5 °C, speed 87 km/h. DTC codes: P0217. Time: 2025-06-15T12:30:00Z.
    /// ```
    public var embeddingText: String {
        var head = level.rawValue
        if let errorCode { head += " \(errorCode)" }
        head += " from \(service) on vehicle \(vehicleID)"
        if let vehicleState { head += " (\(vehicleState))" }
        var sentences = ["\(head): \(message.trimmingSentence)."]
        let readings = sensorReadings.phrases
        if !readings.isEmpty { sentences.append("Readings: \(readings.joined(separator: ", ")).") }
        if !diagnosticInfo.dtcCodes.isEmpty {
            sentences.append("DTC codes: \(diagnosticInfo.dtcCodes.joined(separator: ", ")).")
        }
        if diagnosticInfo.checkEngineLight == true { sentences.append("Check engine light on.") }
        sentences.append("Time: \(UTCTimestamp.string(from: timestamp)).")
        return sentences.joined(separator: " ")
    }
}

private extension String {
    /// The message without surrounding whitespace and a final full stop (one is added back).
    var trimmingSentence: String {
        var text = trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
