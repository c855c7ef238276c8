import Foundation
import KubernetesCore

extension SchemaValidator {
    mutating func checkObject(_ value: JSONValue, _ schema: JSONValue, path: String) -> JSONValue {
        guard case .object(var members) = value else { return typeErrorObject(path, value) }
        let properties = schema["properties"]?.objectValue ?? [:]
        let additional = schema["additionalProperties"]
        let preserve = schema["x-kubernetes-preserve-unknown-fields"]?.boolValue == true
        let embedded = schema["x-kubernetes-embedded-resource"]?.boolValue == true
        for (name, member) in members {
            let childPath = "\(path).\(name)"
            if let child = properties[name] {
                members[name] = check(member, child, path: childPath)
            } else if let additional, case .object = additional {
                members[name] = check(member, additional, path: childPath)
            } else if additional?.boolValue == true || preserve || (embedded && ["apiVersion", "kind", "metadata"].contains(name)) {
                continue
            } else if strict {
                invalid(childPath, member, "unknown field \"\(childPath)\"")
                members[name] = nil
            } else {
                members[name] = nil
            }
        }
        for (name, child) in properties where members[name] == nil {
            if let defaultValue = child["default"] { members[name] = check(defaultValue, child, path: "\(path).\(name)") }
        }
        members = members.filter { $0.value != .null }
        for field in (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) where members[field] == nil {
            invalidRequired("\(path).\(field)")
        }
        if let minimum = schema["minProperties"]?.int64Value, members.count < minimum {
            invalid(path, value, "\(path) in body should have at least \(minimum) properties")
        }
        if let maximum = schema["maxProperties"]?.int64Value, members.count > maximum {
            invalid(path, value, "\(path) in body should have at most \(maximum) properties")
        }
        return .object(members)
    }

    mutating func checkArray(_ value: JSONValue, _ schema: JSONValue, path: String) -> JSONValue {
        guard case .array(var items) = value else {
            invalid(path, value, "\(path) in body must be of type array: \"\(value.typeName)\"")
            return value
        }
        if let itemSchema = schema["items"] {
            for index in items.indices { items[index] = check(items[index], itemSchema, path: "\(path)[\(index)]") }
            items.removeAll { $0 == .null }
        }
        if let minimum = schema["minItems"]?.int64Value, items.count < minimum {
            invalid(path, value, "\(path) in body should have at least \(minimum) items")
        }
        if let maximum = schema["maxItems"]?.int64Value, items.count > maximum {
            causes.append(.init(reason: "FieldValueTooMany", message: "Too many: \(items.count): must have at most \(maximum) items", field: path))
        }
        return .array(items)
    }

    mutating func checkString(_ text: String, _ schema: JSONValue, path: String) {
        if let minimum = schema["minLength"]?.int64Value, text.count < minimum {
            invalid(path, .string(text), "\(path) in body should be at least \(minimum) chars long")
        }
        if let maximum = schema["maxLength"]?.int64Value, text.count > maximum {
            causes.append(.init(reason: "FieldValueTooLong", message: "Too long: may not be more than \(maximum) bytes", field: path))
        }
        if let pattern = schema["pattern"]?.stringValue {
            guard let expression = try? NSRegularExpression(pattern: pattern) else {
                invalid(path, .string(text), "the schema's pattern \(pattern) does not compile")
                return
            }
            let range = NSRange(text.startIndex..., in: text)
            if expression.firstMatch(in: text, range: range) == nil {
                invalid(path, .string(text), "\(path) in body should match '\(pattern)'")
            }
        }
    }

    mutating func checkNumber(_ number: Double, _ value: JSONValue, _ schema: JSONValue, path: String) {
        if let minimum = schema["minimum"]?.doubleValue {
            let exclusive = schema["exclusiveMinimum"]?.boolValue == true
            if exclusive ? number <= minimum : number < minimum {
                invalid(path, value, "\(path) in body should be greater than \(exclusive ? "" : "or equal to ")\(Self.format(minimum))")
            }
        }
        if let maximum = schema["maximum"]?.doubleValue {
            let exclusive = schema["exclusiveMaximum"]?.boolValue == true
            if exclusive ? number >= maximum : number > maximum {
                invalid(path, value, "\(path) in body should be less than \(exclusive ? "" : "or equal to ")\(Self.format(maximum))")
            }
        }
    }

    mutating func invalidRequired(_ path: String) {
        causes.append(.init(reason: "FieldValueRequired", message: "Required value", field: path))
    }

    private mutating func typeErrorObject(_ path: String, _ value: JSONValue) -> JSONValue {
        invalid(path, value, "\(path) in body must be of type object: \"\(value.typeName)\"")
        return value
    }

    static func format(_ number: Double) -> String {
        number.rounded() == number ? String(Int64(number)) : String(number)
    }
}
