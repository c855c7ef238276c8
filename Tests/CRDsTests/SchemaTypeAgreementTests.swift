import CRDs
import Foundation
import KubernetesCore
import Testing

/// The CRD schema is written by hand next to the Swift types; these tests keep the two from drifting:
/// every property the schema declares survives a decode and encode of the types, and every stored
/// property of the types is declared in the schema.
@Suite struct SchemaTypeAgreementTests {
    static let root = RAGPipelineCRD.openAPIV3Schema()

    /// A document that sets every property `schema` declares (one entry for maps and arrays).
    static func everything(_ schema: JSONValue) -> JSONValue {
        if let first = schema["enum"]?.arrayValue?.first { return first }
        if schema["x-kubernetes-int-or-string"] == .bool(true) { return "1" }
        if schema["format"]?.stringValue == "date-time" { return "2026-01-01T00:00:00Z" }
        switch schema["type"]?.stringValue {
        case "object":
            if let properties = schema["properties"]?.objectValue { return .object(properties.mapValues(everything)) }
            if let values = schema["additionalProperties"] { return ["key": everything(values)] }
            return ["key": "value"]  // x-kubernetes-preserve-unknown-fields
        case "array": return .array([everything(schema["items"] ?? ["type": "string"])])
        case "integer": return 1
        case "number": return 1.5
        case "boolean": return true
        default: return "x"
        }
    }

    /// Every path of object members in `value` (list items collapsed), such as `llm.vllm.model`.
    static func paths(_ value: JSONValue, prefix: String = "") -> Set<String> {
        switch value {
        case .object(let members):
            return members.reduce(into: Set<String>()) { result, member in
                let path = prefix.isEmpty ? member.key : "\(prefix).\(member.key)"
                result.insert(path)
                result.formUnion(paths(member.value, prefix: path))
            }
        case .array(let items): return items.reduce(into: Set<String>()) { $0.formUnion(paths($1, prefix: prefix)) }
        default: return []
        }
    }

    /// The schema's declared property paths (maps and unknown-field objects stop the walk).
    static func schemaPaths(_ schema: JSONValue, prefix: String = "") -> Set<String> {
        if schema["type"]?.stringValue == "array", let items = schema["items"] { return schemaPaths(items, prefix: prefix) }
        guard let properties = schema["properties"]?.objectValue else { return [] }
        return properties.reduce(into: Set<String>()) { result, property in
            let path = prefix.isEmpty ? property.key : "\(prefix).\(property.key)"
            result.insert(path)
            result.formUnion(schemaPaths(property.value, prefix: path))
        }
    }

    /// Stored property paths of a value, as Mirror sees them (optionals unwrapped, collections entered).
    static func storedPaths(_ value: Any, prefix: String = "") -> Set<String> {
        var result = Set<String>()
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            return mirror.children.first.map { storedPaths($0.value, prefix: prefix) } ?? []
        }
        if mirror.displayStyle == .collection || mirror.displayStyle == .set {
            for child in mirror.children { result.formUnion(storedPaths(child.value, prefix: prefix)) }
            return result
        }
        // Maps, JSON values, enums and scalars kept in a struct (a Timestamp is a string in JSON) carry
        // data, not declared properties.
        guard mirror.displayStyle == .struct, !(value is JSONValue), !(value is Timestamp), !(value is Date) else { return [] }
        for child in mirror.children {
            guard let label = child.label else { continue }
            let path = prefix.isEmpty ? label : "\(prefix).\(label)"
            result.insert(path)
            result.formUnion(storedPaths(child.value, prefix: path))
        }
        return result
    }

    @Test func everyPropertyTheSchemaDeclaresSurvivesTheSwiftTypes() throws {
        let specSchema = try #require(Self.root[path: ["properties", "spec"]])
        let document = Self.everything(specSchema)
        let decoded = try document.decode(RAGPipelineSpec.self)
        let encoded = try JSONValue(encoding: decoded)
        let lost = Self.paths(document).subtracting(Self.paths(encoded)).sorted()
        #expect(lost.isEmpty, "declared in the schema but dropped by RAGPipelineSpec: \(lost)")

        let statusSchema = try #require(Self.root[path: ["properties", "status"]])
        let statusDocument = Self.everything(statusSchema)
        let status = try statusDocument.decode(RAGPipelineStatus.self)
        let statusLost = Self.paths(statusDocument).subtracting(Self.paths(try JSONValue(encoding: status))).sorted()
        #expect(statusLost.isEmpty, "declared in the schema but dropped by RAGPipelineStatus: \(statusLost)")
    }

    @Test func everyStoredPropertyOfTheSwiftTypesIsDeclaredInTheSchema() throws {
        let specSchema = try #require(Self.root[path: ["properties", "spec"]])
        let spec = try Self.everything(specSchema).decode(RAGPipelineSpec.self)
        let undeclared = Self.storedPaths(spec).subtracting(Self.schemaPaths(specSchema)).sorted()
        #expect(undeclared.isEmpty, "stored in RAGPipelineSpec but missing from the schema: \(undeclared)")

        let statusSchema = try #require(Self.root[path: ["properties", "status"]])
        let status = try Self.everything(statusSchema).decode(RAGPipelineStatus.self)
        let statusUndeclared = Self.storedPaths(status).subtracting(Self.schemaPaths(statusSchema)).sorted()
        #expect(statusUndeclared.isEmpty, "stored in RAGPipelineStatus but missing from the schema: \(statusUndeclared)")
    }
}
