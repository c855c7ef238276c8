/// Identifiers: vehicle ids, error codes and service names.
extension FieldFilterScanner {
    /// "vehicle VH-0042", "VIN 1HGCM82633A004352", "vehicle_id=v1234", or a bare `VH-0042`,
    /// `V1234`, `VIN-1234` in capitals.
    mutating func scanVehicleIDs() {
        for index in tokens.indices where !isClaimed(index) {
            if let keyword = word(at: index), TelemetryVocabulary.vehicleWords.contains(keyword) {
                let valueIndex = skippingSeparators(from: index + 1)
                let allowsDigitsOnly = keyword == "vin" || valueIndex > index + 1
                guard let value = word(at: valueIndex), !isClaimed(valueIndex),
                      Self.looksLikeVehicleID(value) || (allowsDigitsOnly && value.wholeMatch(of: /\d{3,8}/) != nil)
                else { continue }
                add(FieldFilter(field: TelemetryField.vehicleID, op: .eq, value: .string(value.uppercased())), claiming: index...valueIndex)
            } else if tokens[index].text.wholeMatch(of: /V(?:H|IN)?[-_]?\d{3,8}/) != nil {
                add(FieldFilter(field: TelemetryField.vehicleID, op: .eq, value: .string(String(tokens[index].text))), claiming: index...index)
            }
        }
    }

    /// "error code ENG-001", "code e1234", "error_code: BAT_LOW", or a bare `ENG-001`/`SENSOR_001`
    /// in capitals (two to eight letters, `-` or `_`, two to six letters or digits).
    mutating func scanErrorCodes() {
        for index in tokens.indices where !isClaimed(index) {
            if let keyword = word(at: index), TelemetryVocabulary.codeWords.contains(keyword) {
                let valueIndex = skippingSeparators(from: index + 1)
                guard let value = word(at: valueIndex), !isClaimed(valueIndex),
                      value.wholeMatch(of: /[a-z]{1,8}[-_]?[a-z0-9]{1,8}/) != nil,
                      value.contains(where: { $0.isNumber || $0 == "-" || $0 == "_" })
                else { continue }
                add(FieldFilter(field: TelemetryField.errorCode, op: .eq, value: .string(value.uppercased())), claiming: index...valueIndex)
            } else if tokens[index].text.wholeMatch(of: /[A-Z]{2,8}[-_][A-Z0-9]{2,6}/) != nil {
                add(FieldFilter(field: TelemetryField.errorCode, op: .eq, value: .string(String(tokens[index].text))), claiming: index...index)
            }
        }
    }

    /// A known service ("engine-monitor", "brake system", "navigation"), "service X" or
    /// "X service" for a hyphenated or underscored X.
    mutating func scanServices() {
        for index in tokens.indices where !isClaimed(index) {
            if let (service, last) = knownService(at: index) {
                add(FieldFilter(field: TelemetryField.service, op: .eq, value: .string(service)), claiming: index...last)
            } else if let keyword = word(at: index), TelemetryVocabulary.serviceWords.contains(keyword) {
                let valueIndex = skippingSeparators(from: index + 1)
                guard let value = word(at: valueIndex), !isClaimed(valueIndex), Self.looksLikeServiceName(value) else { continue }
                add(FieldFilter(field: TelemetryField.service, op: .eq, value: .string(value)), claiming: index...valueIndex)
            } else if let value = word(at: index), word(at: index + 1) == "service", Self.looksLikeServiceName(value) {
                add(FieldFilter(field: TelemetryField.service, op: .eq, value: .string(value)), claiming: index...index + 1)
            }
        }
    }

    private func knownService(at index: Int) -> (service: String, last: Int)? {
        for service in TelemetryVocabulary.services {
            if word(at: index) == service { return (service, index) }
            let parts = service.split(separator: "-").map(String.init)
            guard TelemetryVocabulary.spacedServices.contains(service), index + parts.count <= tokens.count,
                  tokens[index..<index + parts.count].map(\.lowercased) == parts
            else { continue }
            return (service, index + parts.count - 1)
        }
        return nil
    }

    private static func looksLikeVehicleID(_ value: String) -> Bool {
        value.wholeMatch(of: /[a-z]{1,4}[-_]?\d{2,8}/) != nil
            || (value.wholeMatch(of: /[a-hj-npr-z0-9]{17}/) != nil && value.contains(where: \.isNumber))
    }

    private static func looksLikeServiceName(_ value: String) -> Bool {
        value.wholeMatch(of: /[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+/) != nil || TelemetryVocabulary.services.contains(value)
    }
}
