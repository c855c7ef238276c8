import KubernetesCore

/// The `metadata.managedFields` of an object: who owns which fields, by operation and subresource.
struct ManagedFields: Sendable {
    struct Entry: Sendable {
        var manager: String
        /// `Apply` or `Update`.
        var operation: String
        var subresource: String?
        var apiVersion: String
        var time: String
        var fields: FieldSet

        func matches(manager: String, operation: String, subresource: String?) -> Bool {
            self.manager == manager && self.operation == operation && self.subresource == subresource
        }
    }

    var entries: [Entry]

    init(_ object: JSONValue) {
        entries = (object[path: ["metadata", "managedFields"]]?.arrayValue ?? []).compactMap { item in
            guard let manager = item["manager"]?.stringValue, let operation = item["operation"]?.stringValue else { return nil }
            return Entry(
                manager: manager, operation: operation, subresource: item["subresource"]?.stringValue,
                apiVersion: item["apiVersion"]?.stringValue ?? "", time: item["time"]?.stringValue ?? "",
                fields: FieldSet(fieldsV1: item["fieldsV1"] ?? .object([:])))
        }
    }

    func store(in object: inout JSONValue) {
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

    func fields(of manager: String, operation: String, subresource: String?) -> FieldSet {
        entries.first { $0.matches(manager: manager, operation: operation, subresource: subresource) }?.fields ?? FieldSet()
    }

    mutating func set(_ fields: FieldSet, manager: String, operation: String, subresource: String?, apiVersion: String, time: String) {
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
    mutating func release(_ paths: Set<[String]>, exceptManager manager: String, operation: String, subresource: String?) {
        for index in entries.indices where !entries[index].matches(manager: manager, operation: operation, subresource: subresource) {
            entries[index].fields.paths.subtract(paths)
        }
        entries.removeAll { $0.fields.isEmpty }
    }

    /// An `Update` (create, PUT, patch) takes ownership of every field whose value it changed.
    mutating func recordUpdate(manager: String, from old: JSONValue?, to new: JSONValue, subresource: String?, apiVersion: String, time: String, lists: ListKinds) {
        let newFields = FieldSet.of(new, lists: lists)
        var changed = Set<[String]>()
        for leaf in newFields.paths where old.flatMap({ FieldPathNavigation.value(at: leaf, in: $0) }) != FieldPathNavigation.value(at: leaf, in: new) {
            changed.insert(leaf)
        }
        // Fields that disappeared are owned by nobody any more.
        let gone = old.map { FieldSet.of($0, lists: lists).paths.subtracting(newFields.paths) } ?? []
        for index in entries.indices { entries[index].fields.paths.subtract(gone) }
        guard !changed.isEmpty else {
            entries.removeAll { $0.fields.isEmpty }
            return
        }
        release(changed, exceptManager: manager, operation: "Update", subresource: subresource)
        let owned = fields(of: manager, operation: "Update", subresource: subresource).union(FieldSet(paths: changed))
        set(owned, manager: manager, operation: "Update", subresource: subresource, apiVersion: apiVersion, time: time)
    }
}
