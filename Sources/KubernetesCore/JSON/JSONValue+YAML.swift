import Foundation

extension JSONValue {
    /// Converts what a YAML parser (Yams' `load`) returns (dictionaries, arrays, scalars) into JSON.
    public init(yamlObject: Any) throws(KubernetesCoreError) {
        switch yamlObject {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .integer(Int64(value))
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [Any]:
            var items: [JSONValue] = []
            for item in value { items.append(try JSONValue(yamlObject: item)) }
            self = .array(items)
        case let value as [String: Any]:
            var members: [String: JSONValue] = [:]
            for (key, item) in value { members[key] = try JSONValue(yamlObject: item) }
            self = .object(members)
        case let value as [AnyHashable: Any]:
            var members: [String: JSONValue] = [:]
            for (key, item) in value { members["\(key)"] = try JSONValue(yamlObject: item) }
            self = .object(members)
        case is NSNull: self = .null
        case let value as Date: self = .string(Timestamp(value).description)
        case let value as Data: self = .string(value.base64EncodedString())
        default:
            throw .unsupportedYAML("a value of type \(type(of: yamlObject))")
        }
    }
}
