import KubernetesCore

extension JSONSchemaProperty {
    /// A CEL rule the API server evaluates (`x-kubernetes-validations`); `message` is what the user sees.
    public func validated(by rule: String, message: String) -> Self {
        var copy = self
        let entry: JSONValue = ["rule": .string(rule), "message": .string(message)]
        copy.json["x-kubernetes-validations"] = .array((json["x-kubernetes-validations"]?.arrayValue ?? []) + [entry])
        return copy
    }

    /// Exactly one of `fields` must be set (a one-of), checked by CEL.
    public func exactlyOne(of fields: [String], message: String) -> Self {
        let sum = fields.map { "(has(self.\($0)) ? 1 : 0)" }.joined(separator: " + ")
        return validated(by: "\(sum) == 1", message: message)
    }

    /// The value cannot change once set (`self == oldSelf`), for fields whose change would lose data.
    public func immutable(_ message: String) -> Self {
        validated(by: "self == oldSelf", message: message)
    }

    /// The value the API server fills in when the field is omitted.
    public func defaulted(to value: JSONValue) -> Self {
        var copy = self
        copy.json["default"] = value
        return copy
    }

    /// An associative list keyed by `keys` (`x-kubernetes-list-type: map`), so server-side apply
    /// merges entries by key instead of replacing the list.
    public func listMap(keys: [String]) -> Self {
        var copy = self
        copy.json["x-kubernetes-list-type"] = "map"
        copy.json["x-kubernetes-list-map-keys"] = .array(keys.map(JSONValue.string))
        return copy
    }

    /// A list whose items are compared as a set (`x-kubernetes-list-type: set`).
    public func listSet() -> Self {
        var copy = self
        copy.json["x-kubernetes-list-type"] = "set"
        return copy
    }

    /// Minimum number of properties an object needs (`minProperties`).
    public func minProperties(_ count: Int) -> Self {
        var copy = self
        copy.json["minProperties"] = .integer(Int64(count))
        return copy
    }

    /// The property with another description (for shared schemas used in several places).
    public func described(_ description: String) -> Self {
        var copy = self
        copy.json["description"] = .string(description)
        return copy
    }
}
