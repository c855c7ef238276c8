/// Keyword fields: severity level and vehicle state.
extension FieldFilterScanner {
    /// Severity words that are levels: capitals (`CRITICAL`, not before "code"), after
    /// "level"/"severity", before "level"/"severity", "critical"/"warning"/"info" before a noun
    /// such as "errors" or "logs", "critical" before a vehicle system ("critical engine
    /// temperature"), and the plural "warnings".
    mutating func scanLevels() {
        for index in tokens.indices where !isClaimed(index) {
            guard let word = word(at: index) else { continue }
            let hyphenated = word.wholeMatch(of: /(info|warn|warning|error|critical)-level/).map { String($0.1) }
            guard let level = TelemetryVocabulary.levels[hyphenated ?? word] else { continue }
            let next = self.word(at: index + 1)
            let previous = self.word(at: skippingPunctuation(backFrom: index - 1))
            let nounFollows = next.map(TelemetryVocabulary.severityNouns.contains) ?? false
            let isLevel = hyphenated != nil
                || (tokens[index].isUppercase && !["code", "codes"].contains(next ?? ""))
                || previous.map(TelemetryVocabulary.levelLeadWords.contains) ?? false
                || next == "level" || next == "severity"
                || (["critical", "warning", "info"].contains(word) && nounFollows)
                || (word == "critical" && next.map(TelemetryVocabulary.systemWords.contains) ?? false)
                || word == "warnings"
            guard isLevel else { continue }
            let claimsNoun = word == "critical" && nounFollows
            add(FieldFilter(field: TelemetryField.level, op: .eq, value: .string(level)), claiming: index...(claimsNoun ? index + 1 : index))
        }
    }

    /// State words that are states: capitals (`MOVING`), or next to a word that makes them one
    /// ("moving vehicles", "cars that are parked", "vehicle_state=idle").
    mutating func scanVehicleStates() {
        for index in tokens.indices where !isClaimed(index) {
            guard let word = word(at: index), let state = TelemetryVocabulary.vehicleStates[word] else { continue }
            let previous = self.word(at: skippingPunctuation(backFrom: index - 1))
            let isState = tokens[index].text == state
                || previous.map(TelemetryVocabulary.stateLeadWords.contains) ?? false
                || self.word(at: index + 1).map(TelemetryVocabulary.stateFollowWords.contains) ?? false
                || isListedWithAnotherState(at: index)
            guard isState else { continue }
            add(FieldFilter(field: TelemetryField.vehicleState, op: .eq, value: .string(state)), claiming: index...index)
        }
    }

    /// Whether the state word at `index` is joined by "or"/"and" to another state word that makes
    /// the pair states ("moving or idle vehicles").
    private func isListedWithAnotherState(at index: Int) -> Bool {
        guard let joiner = word(at: index + 1), ["or", "and", "/"].contains(joiner),
              let other = word(at: index + 2), TelemetryVocabulary.vehicleStates[other] != nil
        else { return false }
        return word(at: index + 3).map(TelemetryVocabulary.stateFollowWords.contains) ?? false
    }
}
