import Foundation
import KubernetesCore

/// Validates, defaults and prunes a custom object against its CRD's structural `openAPIV3Schema`.
///
/// Supported keywords: `type`, `properties`, `additionalProperties`, `items`, `required`, `enum`,
/// `minimum`/`maximum` (with `exclusiveMinimum`/`exclusiveMaximum`), `minLength`/`maxLength`,
/// `pattern`, `minItems`/`maxItems`, `minProperties`/`maxProperties`, `nullable`, `default`,
/// `x-kubernetes-preserve-unknown-fields`, `x-kubernetes-int-or-string`, `x-kubernetes-embedded-resource`.
/// Not evaluated: `x-kubernetes-validations` (CEL), `format`, `oneOf`/`anyOf`/`allOf`/`not`.
struct SchemaValidator {
    /// Reject unknown fields (`fieldValidation=Strict`) instead of dropping them.
    var strict: Bool
    var causes: [Status.Cause] = []

    init(strict: Bool) { self.strict = strict }

    /// Returns the defaulted and pruned object; problems are collected in ``causes``.
    mutating func validate(root object: JSONValue, schema: JSONValue) -> JSONValue {
        guard case .object(var members) = object else {
            causes.append(.init(reason: "FieldValueTypeInvalid", message: "must be an object", field: "<root>"))
            return object
        }
        let properties = schema["properties"]?.objectValue ?? [:]
        for (name, value) in members where !["apiVersion", "kind", "metadata"].contains(name) {
            if let child = properties[name] {
                members[name] = check(value, child, path: name)
            } else if schema["x-kubernetes-preserve-unknown-fields"]?.boolValue != true {
                unknown(name, at: name, in: &members)
            }
        }
        applyDefaults(properties, to: &members, path: "")
        for field in (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) where members[field] == nil {
            causes.append(.init(reason: "FieldValueRequired", message: "Required value", field: field))
        }
        return .object(members.filter { $0.value != .null })
    }

    private mutating func unknown(_ name: String, at path: String, in members: inout [String: JSONValue]) {
        if strict {
            causes.append(.init(reason: "FieldValueInvalid", message: "unknown field \"\(path)\"", field: path))
        }
        members[name] = nil
    }

    private mutating func applyDefaults(_ properties: [String: JSONValue], to members: inout [String: JSONValue], path: String) {
        for (name, child) in properties where members[name] == nil {
            if let value = child["default"] { members[name] = check(value, child, path: join(path, name)) }
        }
    }

    private func join(_ path: String, _ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    mutating func check(_ value: JSONValue, _ schema: JSONValue, path: String) -> JSONValue {
        if value == .null {
            if schema["nullable"]?.boolValue == true { return value }
            return .null  // dropped by the caller, as the API server prunes nulls of non-nullable fields
        }
        if schema["x-kubernetes-int-or-string"]?.boolValue == true {
            switch value {
            case .integer, .string: break
            default: invalid(path, value, "must be an integer or a string")
            }
            return value
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            let list = allowed.map { $0.stringValue.map { "\"\($0)\"" } ?? $0.jsonString }.joined(separator: ", ")
            causes.append(.init(reason: "FieldValueNotSupported", message: "Unsupported value: \(value.jsonString): supported values: \(list)", field: path))
        }
        switch schema["type"]?.stringValue {
        case "object": return checkObject(value, schema, path: path)
        case "array": return checkArray(value, schema, path: path)
        case "string":
            guard case .string(let text) = value else { return typeError(path, value, "string") }
            checkString(text, schema, path: path)
        case "integer":
            guard value.int64Value != nil, value.typeName == "integer" || value.doubleValue?.rounded() == value.doubleValue else { return typeError(path, value, "integer") }
            checkNumber(value.doubleValue ?? 0, value, schema, path: path)
            return .integer(value.int64Value ?? 0)
        case "number":
            guard let number = value.doubleValue else { return typeError(path, value, "number") }
            checkNumber(number, value, schema, path: path)
        case "boolean":
            guard case .bool = value else { return typeError(path, value, "boolean") }
        default:
            break
        }
        return value
    }

    private mutating func typeError(_ path: String, _ value: JSONValue, _ expected: String) -> JSONValue {
        causes.append(.init(reason: "FieldValueTypeInvalid", message: "Invalid value: \"\(value.typeName)\": \(path) in body must be of type \(expected): \"\(value.typeName)\"", field: path))
        return value
    }

    mutating func invalid(_ path: String, _ value: JSONValue, _ message: String) {
        causes.append(.init(reason: "FieldValueInvalid", message: "Invalid value: \(value.jsonString): \(message)", field: path))
    }
}
