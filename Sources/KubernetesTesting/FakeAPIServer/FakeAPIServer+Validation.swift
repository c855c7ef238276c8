import Foundation
import KubernetesCore

extension FakeAPIServer {
    /// Validates metadata for every kind and, for custom resources, the CRD schema (with defaulting and pruning).
    func validate(_ object: JSONValue, _ target: RequestTarget, name: String, query: QueryItems) throws -> JSONValue {
        var causes: [Status.Cause] = []
        if !Self.isValidName(name) {
            causes.append(.init(reason: "FieldValueInvalid", message: "Invalid value: \"\(name)\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", field: "metadata.name"))
        }
        for (field, value) in (object[path: ["metadata", "labels"]]?.objectValue ?? [:]) {
            guard case .string(let text) = value, text.count <= 63 else {
                causes.append(.init(reason: "FieldValueInvalid", message: "Invalid value: \(value.jsonString): a label value must be a string of at most 63 characters", field: "metadata.labels.\(field)"))
                continue
            }
        }
        var result = object
        if let schema = target.resource.schema {
            var validator = SchemaValidator(strict: query["fieldValidation"] == "Strict")
            result = validator.validate(root: object, schema: schema)
            causes += validator.causes
        }
        guard causes.isEmpty else { throw APIError.invalid(target.resource, name, causes) }
        return result
    }

    /// RFC 1123 subdomain: lower-case alphanumerics, `-` and `.`, at most 253 characters.
    static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty, name.count <= 253 else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-.")
        guard name.allSatisfy(allowed.contains) else { return false }
        let alphanumeric = Set("abcdefghijklmnopqrstuvwxyz0123456789")
        return alphanumeric.contains(name.first!) && alphanumeric.contains(name.last!)
    }
}
