
/// The `metadata.managedFields` of an object: who owns which fields, by operation and subresource.
public struct ManagedFields: Sendable {
    public struct Entry: Sendable {
        public var manager: String
        /// `Apply` or `Update`.
        public var operation: String
        public var subresource: String?
        public var apiVersion: String
        public var time: String
        public var fields: FieldSet

        public func matches(manager: String, operation: String, subresource: String?) -> Bool {
            self.manager == manager && self.operation == operation && self.subresource == subresource
        }
    }

    public var entries: [Entry]

    public init(_ object: JSONValue) {
        entries = (object[path: ["metadata", "managedFields"]]?.arrayValue ?? []).compactMap { item in
            guard let manager = item["manager"]?.stringValue, let operation = item["operation"]?.stringValue else { return nil }
            return Entry(
                manager: manager, operation: operation, subresource: item["subresource"]?.stringValue,
                apiVersion: item["apiVersion"]?.stringValue ?? "", time: item["time"]?.stringValue ?? "",
                fields: FieldSet(fieldsV1: item["fieldsV1"] ?? .object([:])))
        }
    }

    public func store(in object: inout JSONValue) {
        let items: [JSONValue] = entries.filter { !$0.fields.isEmpty }.map { entry in
            var item: JSONValue = [
                "manager": .string(entry.manager), "operation": .string(entry.operation), "apiVersion": .string(entry.apiVersion),
                "time": .string(entry.time), "fieldsType": "FieldsV1", "fieldsV1": entry.fields.fieldsV1,
            ]
            if let subresource = entry.subresource { item["subresource"] = .string(subresource) }
            return item
        }
        object.set(items.isEmpty ? nil : .array(items), at: ["metadata", "managedFields"])
    }

    public func fields(of manager: String, operation: String, subresource: String?) -> FieldSet {
        entries.first { $0.matches(manager: manager, operation: operation, subresource: subresource) }?.fields ?? FieldSet()
    }

    public mutating func set(_ fields: FieldSet, manager: String, operation: String, subresource: String?, apiVersion: String, time: String) {
        if let index = entries.firstIndex(where: { $0.matches(manager: manager, operation: operation, subresource: subresource) }) {
            entries[index].fields = fields
            entries[index].time = time
            entries[index].apiVersion = apiVersion
        } else {
            entries.append(Entry(manager: manager, operation: operation, subresource: subresource, apiVersion: apiVersion, time: time, fields: fields))
        }
        entries.removeAll { $0.fields.isEmpty }
    }

    /// Takes paths away from every entry but the one named.
    public mutating func release(_ paths: Set<[String]>, exceptManager manager: String, operation: String, subresource: String?) {
        for index in entries.indices where !entries[index].matches(manager: manager, operation: operation, subresource: subresource) {
            entries[index].fields.paths.subtract(paths)
        }
        entries.removeAll { $0.fields.isEmpty }
    }
}
