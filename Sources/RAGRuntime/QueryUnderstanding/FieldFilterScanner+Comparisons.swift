/// Numeric comparisons: "engine temperature above 110°C", "speed between 50 and 100 km/h".
extension FieldFilterScanner {
    /// A number and its optional unit, as written.
    struct Measurement {
        var value: Double
        var unit: MeasurementUnit?
        /// The index of the token after the measurement.
        var next: Int
    }

    /// Words allowed between a field name and its comparison ("engine temp **was still** above").
    private static let fillers: Set<String> = [
        "is", "was", "were", "are", "be", "been", "being", "has", "had", "have", "reading", "readings", "value",
        "values", "that", "which", "went", "go", "goes", "going", "got", "gets", "get", "stays", "stayed", "stay",
        "rose", "risen", "rising", "climbed", "dropped", "drops", "dropping", "fell", "falling", "fall", "reached",
        "of", "at", "still", "remained", "remains", "hit", "hits", "spiked", "spiking", "running", "ran", "sitting",
    ]

    mutating func scanComparisons() {
        var index = 0
        while index < tokens.count {
            guard let (comparison, afterComparison) = ComparisonPhrase.match(in: tokens, at: index),
                  var measurement = measurement(at: afterComparison)
            else {
                index += 1
                continue
            }
            var measurements = [measurement]
            if comparison.op == nil {
                guard word(at: measurement.next) == "and", let upper = self.measurement(at: measurement.next + 1) else {
                    index += 1
                    continue
                }
                measurement.unit = measurement.unit ?? upper.unit
                measurements = [measurement, upper]
            }
            let named = comparison.impliedField.flatMap { path in TelemetryField.numeric.first { $0.path == path } }
                .map { (field: $0, start: index) } ?? fieldNamed(before: index)
            let end = measurements[measurements.count - 1].next - 1
            addComparison(comparison, measurements, field: named, span: (named?.start ?? index)...end)
            index = end + 1
        }
    }

    private mutating func addComparison(
        _ comparison: ComparisonPhrase, _ measurements: [Measurement],
        field named: (field: TelemetryField.Numeric, start: Int)?, span: ClosedRange<Int>
    ) {
        let unit = measurements.last?.unit
        guard let field = named?.field ?? unit.flatMap({ TelemetryField.field(identifiedBy: $0.dimension) }) else { return }
        if let unit, unit.dimension != field.dimension {
            warn("Ignored the filter \"\(phrase(span))\": its unit does not fit \(field.path).")
            return
        }
        let values = measurements.map { unit?.canonicalValue($0.value) ?? $0.value }
        guard let op = comparison.op else {
            guard values[0] <= values[1] else {
                warn("Ignored the filter \"\(phrase(span))\": its lower bound is above its upper bound.")
                return
            }
            add(FieldFilter(field: field.path, op: .gte, value: .number(values[0])), claiming: span)
            add(FieldFilter(field: field.path, op: .lte, value: .number(values[1])), claiming: span)
            return
        }
        add(FieldFilter(field: field.path, op: op, value: .number(values[0])), claiming: span)
    }

    /// The numeric field named just before `index`, allowing a few filler words in between; the
    /// longest name wins ("fuel pressure" over "fuel").
    private func fieldNamed(before index: Int) -> (field: TelemetryField.Numeric, start: Int)? {
        var end = index
        for _ in 0...4 {
            var best: (field: TelemetryField.Numeric, start: Int)?
            for field in TelemetryField.numeric {
                for alias in field.aliases where alias.count <= end {
                    let start = end - alias.count
                    if tokens[start..<end].map(\.lowercased) == alias, start < best?.start ?? Int.max {
                        best = (field, start)
                    }
                }
            }
            if let best { return best }
            guard let word = word(at: end - 1), Self.fillers.contains(word) else { return nil }
            end -= 1
        }
        return nil
    }

    /// The number at `index` with the unit glued to it or written after it ("110°C", "110 ° C",
    /// "110 degrees F", "60 miles per hour"), or `nil` when `index` holds no number.
    func measurement(at index: Int) -> Measurement? {
        guard let word = word(at: index),
              let match = word.wholeMatch(of: /(-?\d{1,3}(?:,\d{3})+|-?\d+(?:\.\d+)?)(.*)/),
              let value = Double(match.1.filter { $0 != "," })
        else { return nil }
        var next = index + 1
        var unitWord = String(match.2)
        if unitWord.isEmpty, let following = self.word(at: next), MeasurementUnit(symbol: following) != nil {
            unitWord = following
            next += 1
        }
        if unitWord.isEmpty, let unit = spelledOutSpeed(at: next) {
            return Measurement(value: value, unit: unit, next: next + 3)
        }
        guard !unitWord.isEmpty else { return Measurement(value: value, unit: nil, next: next) }
        guard var unit = MeasurementUnit(symbol: unitWord) else { return nil }
        if MeasurementUnit.degreeWords.contains(unitWord), let scale = self.word(at: next).flatMap(MeasurementUnit.init(scale:)) {
            unit = scale
            next += 1
        }
        return Measurement(value: value, unit: unit, next: next)
    }

    private func spelledOutSpeed(at index: Int) -> MeasurementUnit? {
        guard word(at: index + 1) == "per", word(at: index + 2) == "hour" else { return nil }
        switch word(at: index) {
        case "miles", "mile": return .milesPerHour
        case "kilometers", "kilometres", "km": return .kilometresPerHour
        default: return nil
        }
    }
}
