import Foundation
import KubernetesCore

extension JSONValue {
    /// Converts what `Yams.load` returns (dictionaries, arrays, scalars) into JSON.
    init(yamlObject: Any) throws {
        switch yamlObject {
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .integer(Int64(value))
        case let value as Double: self = .double(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(try value.map(JSONValue.init(yamlObject:)))
        case let value as [String: Any]: self = .object(try value.mapValues(JSONValue.init(yamlObject:)))
        case let value as [AnyHashable: Any]:
            var members: [String: JSONValue] = [:]
            for (key, item) in value { members["\(key)"] = try JSONValue(yamlObject: item) }
            self = .object(members)
        case is NSNull: self = .null
        case let value as Date: self = .string(Timestamp(value).description)
        case let value as Data: self = .string(value.base64EncodedString())
        default:
            throw APIError.badRequest("unsupported YAML value of type \(type(of: yamlObject))")
        }
    }
}
