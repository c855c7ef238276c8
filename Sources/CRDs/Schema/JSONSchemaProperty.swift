import KubernetesCore

/// One node of a structural OpenAPI v3 schema, as CustomResourceDefinitions need it.
///
/// A tiny DSL so each spec type states its own schema next to its fields, with a description on
/// every property (what `kubectl explain` prints):
///
/// ```swift
/// static var schema: JSONSchemaProperty {
///     .object("How the operator runs vLLM.", properties: [
///         "replicas": .integer("Number of vLLM pods.", minimum: 1, default: 1),
///         "model": .string("Hugging Face model id.", minLength: 1),
///     ], required: ["model"])
/// }
/// ```
public struct JSONSchemaProperty: Sendable, Equatable {
    /// The schema as JSON, ready for `openAPIV3Schema`.
    public internal(set) var json: [String: JSONValue]

    public init(json: [String: JSONValue]) { self.json = json }

    /// The schema as a ``JSONValue``.
    public var value: JSONValue { .object(json) }

    /// An object with named properties. `required` lists property names that must be present.
    public static func object(_ description: String, properties: [String: JSONSchemaProperty], required: [String] = []) -> Self {
        var json: [String: JSONValue] = [
            "type": "object",
            "description": .string(description),
            "properties": .object(properties.mapValues(\.value)),
        ]
        if !required.isEmpty { json["required"] = .array(required.sorted().map(JSONValue.string)) }
        return Self(json: json)
    }

    /// A map from arbitrary string keys to values of one schema (`additionalProperties`).
    public static func map(_ description: String, values: JSONSchemaProperty = .string("A value.")) -> Self {
        Self(json: ["type": "object", "description": .string(description), "additionalProperties": values.value])
    }

    /// A string, optionally restricted to `allowed` values or a regular expression.
    public static func string(_ description: String, allowed: [String] = [], pattern: String? = nil, minLength: Int? = nil, maxLength: Int? = nil, default defaultValue: String? = nil) -> Self {
        var json: [String: JSONValue] = ["type": "string", "description": .string(description)]
        if !allowed.isEmpty { json["enum"] = .array(allowed.map(JSONValue.string)) }
        if let pattern { json["pattern"] = .string(pattern) }
        if let minLength { json["minLength"] = .integer(Int64(minLength)) }
        if let maxLength { json["maxLength"] = .integer(Int64(maxLength)) }
        if let defaultValue { json["default"] = .string(defaultValue) }
        return Self(json: json)
    }

    /// An integer within optional bounds.
    public static func integer(_ description: String, minimum: Int? = nil, maximum: Int? = nil, default defaultValue: Int? = nil) -> Self {
        var json: [String: JSONValue] = ["type": "integer", "description": .string(description)]
        if let minimum { json["minimum"] = .integer(Int64(minimum)) }
        if let maximum { json["maximum"] = .integer(Int64(maximum)) }
        if let defaultValue { json["default"] = .integer(Int64(defaultValue)) }
        return Self(json: json)
    }

    /// A boolean.
    public static func boolean(_ description: String, default defaultValue: Bool? = nil) -> Self {
        var json: [String: JSONValue] = ["type": "boolean", "description": .string(description)]
        if let defaultValue { json["default"] = .bool(defaultValue) }
        return Self(json: json)
    }

    /// An array whose items all follow `items`.
    public static func array(_ description: String, items: JSONSchemaProperty, maxItems: Int? = nil) -> Self {
        var json: [String: JSONValue] = ["type": "array", "description": .string(description), "items": items.value]
        if let maxItems { json["maxItems"] = .integer(Int64(maxItems)) }
        return Self(json: json)
    }

    /// A Kubernetes quantity (`500m`, `2Gi`, `1`): an integer or a string, as the built-in types declare it.
    public static func quantity(_ description: String) -> Self {
        Self(json: [
            "description": .string(description),
            "anyOf": [["type": "integer"], ["type": "string"]],
            "pattern": .string(quantityPattern),
            "x-kubernetes-int-or-string": true,
        ])
    }

    /// The regular expression the API server uses for quantities.
    public static let quantityPattern = #"^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$"#
}
