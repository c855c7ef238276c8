import Foundation
import KubernetesCore

extension FakeAPIServer {
    /// Server-side apply (`application/apply-patch+yaml`): creates the object if needed, detects
    /// conflicts with other managers, removes fields this manager stopped applying, and records ownership.
    func serverSideApply(_ patch: JSONValue, target: RequestTarget, name: String, existing: JSONValue?, query: QueryItems) throws -> FakeResponse {
        guard let manager = query["fieldManager"], !manager.isEmpty else {
            throw APIError.badRequest("PATCH, application/apply-patch+yaml: fieldManager is required for apply requests")
        }
        let force = query["force"] == "true"
        var config = try checkTypeMeta(patch, target)
        if let bodyName = config[path: ["metadata", "name"]]?.stringValue, bodyName != name {
            throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        config.set(.string(name), at: ["metadata", "name"])
        let subresource = target.subresource
        // The main resource ignores status when it has a status subresource, and /status applies only status.
        var applied = config
        if subresource == "status" {
            applied = ["apiVersion": config["apiVersion"] ?? .null, "kind": config["kind"] ?? .null, "metadata": ["name": .string(name)]]
            applied["status"] = config["status"]
        } else if target.resource.hasStatus {
            applied["status"] = nil
        }
        let lists = listKinds(for: target.resource)
        let appliedFields = FieldSet.of(applied, lists: lists)
        let time = Timestamp(now()).description
        let apiVersion = target.resource.descriptor.apiVersion

        guard let existing else {
            guard subresource == nil else { throw APIError.notFound(target.resource, name) }
            var object = applied
            try checkNamespace(&object, target, name: name)
            if target.resource.hasStatus { object["status"] = nil }
            object = try validate(object, target, name: name, query: query)
            if target.resource.key == ResourceKey(group: "apiextensions.k8s.io", plural: "customresourcedefinitions") {
                object = try registerCustomResource(object, dryRun: query["dryRun"] != nil)
            }
            object.set(.string(UUID().uuidString.lowercased()), at: ["metadata", "uid"])
            object.set(.string(time), at: ["metadata", "creationTimestamp"])
            object.set(.integer(1), at: ["metadata", "generation"])
            var managed = ManagedFields(.null)
            managed.set(appliedFields, manager: manager, operation: "Apply", subresource: nil, apiVersion: apiVersion, time: time)
            managed.store(in: &object)
            if query["dryRun"] != nil { return .json(object, status: 201) }
            let stored = commit(object, at: target.storageKey(name), previous: nil)
            sweepDeletions()
            return .json(stored, status: 201)
        }

        var managed = ManagedFields(existing)
        let previous = managed.fields(of: manager, operation: "Apply", subresource: subresource)
        var conflicts: [(manager: String, path: [String])] = []
        for entry in managed.entries where entry.subresource == subresource && !(entry.manager == manager && entry.operation == "Apply") {
            for leaf in appliedFields.leaves where entry.fields.contains(leaf) {
                let live = FieldPathNavigation.value(at: leaf, in: existing)
                if let live, live != FieldPathNavigation.value(at: leaf, in: applied) { conflicts.append((entry.manager, leaf)) }
            }
        }
        if !conflicts.isEmpty {
            if !force {
                let causes = conflicts.map { Status.Cause(reason: "FieldManagerConflict", message: "conflict with \"\($0.manager)\"", field: Self.dottedPath($0.path)) }
                let summary = conflicts.map { "conflict with \"\($0.manager)\": \(Self.dottedPath($0.path))" }.joined(separator: ", ")
                throw APIError(409, "Conflict", "Apply failed with \(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s"): \(summary)", causes: causes, name: name, kind: target.resource.descriptor.plural, group: target.resource.descriptor.group)
            }
            managed.release(Set(conflicts.map(\.path)), exceptManager: manager, operation: "Apply", subresource: subresource)
        }

        // Fields this manager applied before, does not apply now, and nobody else owns, are removed.
        let others = managed.entries.filter { !($0.manager == manager && $0.operation == "Apply" && $0.subresource == subresource) }
            .reduce(FieldSet()) { $0.union($1.fields) }
        var object = existing
        for leaf in previous.subtracting(appliedFields).leaves.sorted(by: { $0.count > $1.count }) where !others.covers(leaf) {
            // A keyed list item (a container, say) that nobody applies or owns any more goes whole.
            let itemEnds = leaf.indices.filter { leaf[$0].hasPrefix("k:") }.map { Array(leaf[...$0]) }
            if let item = itemEnds.first(where: { !appliedFields.covers($0) && !others.covers($0) }) {
                object = FieldPathNavigation.removing(item, from: object)
                continue
            }
            object = FieldPathNavigation.removing(leaf, from: object)
            // Then parents this removal emptied, never a top-level field.
            var node = Array(leaf.dropLast())
            while node.count > 1, !appliedFields.covers(node), !others.covers(node), FieldPathNavigation.value(at: node, in: object).map(Self.isEmptyContainer) == true {
                object = FieldPathNavigation.removing(node, from: object)
                node.removeLast()
            }
        }
        object = FieldPathNavigation.merge(applied, into: object, lists: lists)
        managed.set(appliedFields, manager: manager, operation: "Apply", subresource: subresource, apiVersion: apiVersion, time: time)
        if subresource == "status" { object["status"] = object["status"] ?? .object([:]) }
        return try write(object, over: existing, target: target, key: target.storageKey(name), manager: manager, query: query, managedOverride: managed)
    }

    static func isEmptyContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members): members.isEmpty
        case .array(let items): items.isEmpty
        default: false
        }
    }

    /// `.spec.replicas` from `[f:spec, f:replicas]`, as conflict messages print it.
    static func dottedPath(_ path: [String]) -> String {
        path.map { element in element.hasPrefix("f:") ? "." + element.dropFirst(2) : "[\(element.dropFirst(2))]" }.joined()
    }
}
