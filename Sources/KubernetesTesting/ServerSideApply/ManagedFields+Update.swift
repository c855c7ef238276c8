import KubernetesCore

extension ManagedFields {
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
