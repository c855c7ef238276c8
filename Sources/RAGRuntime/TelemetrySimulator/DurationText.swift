import Foundation

/// Parses durations written as `90s`, `15m`, `24h`, `7d` or combinations such as `1h30m`; a bare
/// `0` needs no unit.
public enum DurationText {
    /// The seconds `text` names.
    ///
    /// - Throws: ``TelemetrySimulatorError/invalidConfiguration(_:)`` for anything else.
    public static func seconds(_ text: String) throws -> Double {
        if text.trimmingCharacters(in: .whitespaces) == "0" { return 0 }
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        var total = 0.0
        var number = ""
        for character in text.lowercased() where character != " " {
            if character.isNumber || character == "." {
                number.append(character)
            } else if let unit = units[character], let value = Double(number) {
                total += value * unit
                number = ""
            } else {
                throw TelemetrySimulatorError.invalidConfiguration("not a duration: \(text) (use 90s, 15m, 24h, 7d or 1h30m)")
            }
        }
        guard number.isEmpty, !text.isEmpty else {
            throw TelemetrySimulatorError.invalidConfiguration("not a duration: \(text) (use 90s, 15m, 24h, 7d or 1h30m)")
        }
        return total
    }
}
