import Foundation
import KubernetesCore

extension FakeAPIServer {
    func delete(_ target: RequestTarget, name: String, body: Data?, query: QueryItems) throws -> FakeResponse {
        let key = target.storageKey(name)
        guard let existing = objects[key.resource]?[key] else { throw APIError.notFound(target.resource, name) }
        var options = DeleteOptions()
        if let body, !body.isEmpty {
            do { options = try JSONDecoder().decode(DeleteOptions.self, from: body) } catch {
                throw APIError.badRequest("invalid DeleteOptions: \(error)")
            }
        }
        if let policy = query["propagationPolicy"] { options.propagationPolicy = policy }
        if let uid = options.preconditions?.uid, uid != existing[path: ["metadata", "uid"]]?.stringValue {
            throw APIError.conflict(target.resource, name, "Precondition failed: UID in precondition: \(uid), UID in object meta: \(existing[path: ["metadata", "uid"]]?.stringValue ?? "")")
        }
        if let version = options.preconditions?.resourceVersion, version != existing[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw APIError.conflict(target.resource, name, "Precondition failed: ResourceVersion in precondition: \(version), ResourceVersion in object meta: \(existing[path: ["metadata", "resourceVersion"]]?.stringValue ?? "")")
        }
        let policy = options.propagationPolicy ?? "Background"
        guard ["Background", "Foreground", "Orphan"].contains(policy) else {
            throw APIError.badRequest("propagationPolicy must be Background, Foreground or Orphan, not \(policy)")
        }
        if query["dryRun"] != nil { return .json(existing) }
        let result = markForDeletion(key, policy: policy)
        sweepDeletions()
        return .json(objects[key.resource]?[key] ?? result)
    }

    func deleteCollection(_ target: RequestTarget, query: QueryItems) throws -> FakeResponse {
        let filter = try ObjectFilter(query: query, namespace: target.resource.descriptor.namespaced ? target.namespace : nil)
        let keys = (objects[target.resource.key] ?? [:]).filter { filter.matches($0.value) }.keys.sorted()
        for key in keys { markForDeletion(key, policy: query["propagationPolicy"] ?? "Background") }
        sweepDeletions()
        return .json(["apiVersion": "v1", "kind": "Status", "status": "Success", "metadata": [:]])
    }

    /// Deletes now, or sets `deletionTimestamp` when finalizers (or foreground deletion) must run first.
    @discardableResult
    func markForDeletion(_ key: StorageKey, policy: String) -> JSONValue {
        guard var object = objects[key.resource]?[key] else { return .null }
        let uid = object[path: ["metadata", "uid"]]?.stringValue ?? ""
        if policy == "Orphan" { orphanDependents(of: uid) }
        var finalizers = Self.finalizers(object)
        let isNamespace = key.resource == ResourceKey(group: "", plural: "namespaces")
        if policy == "Foreground" && !finalizers.contains("foregroundDeletion") && !dependents(of: uid).isEmpty {
            finalizers.append("foregroundDeletion")
        }
        if finalizers.isEmpty && !isNamespace {
            return remove(key)
        }
        guard object[path: ["metadata", "deletionTimestamp"]] == nil else { return object }
        let previous = object
        object.set(.string(Timestamp(now()).description), at: ["metadata", "deletionTimestamp"])
        object.set(.integer(0), at: ["metadata", "deletionGracePeriodSeconds"])
        object.set(finalizers.isEmpty ? nil : .array(finalizers.map(JSONValue.string)), at: ["metadata", "finalizers"])
        if isNamespace { object.set(.string("Terminating"), at: ["status", "phase"]) }
        if policy == "Foreground" {
            for dependent in dependents(of: uid) { markForDeletion(dependent, policy: "Foreground") }
        }
        return commit(object, at: key, previous: previous)
    }

    /// Removes an object for good, then lets the garbage collector see its dependents.
    @discardableResult
    func remove(_ key: StorageKey) -> JSONValue {
        guard let object = objects[key.resource]?.removeValue(forKey: key) else { return .null }
        if let uid = object[path: ["metadata", "uid"]]?.stringValue { liveUIDs.remove(uid) }
        sweepNeeded = true
        var deleted = object
        deleted.set(.string(String(nextRevision())), at: ["metadata", "resourceVersion"])
        record("DELETED", resource: key.resource, object: deleted, previous: object)
        if key.resource == ResourceKey(group: "apiextensions.k8s.io", plural: "customresourcedefinitions") {
            unregisterCustomResource(object)
        }
        return deleted
    }

    /// Finishes deletions whose preconditions now hold, until nothing changes:
    /// - objects being deleted whose finalizers are all gone are removed;
    /// - `foregroundDeletion` is dropped once no dependent remains;
    /// - dependents whose owners are all gone are deleted (background), and dangling references removed;
    /// - terminating namespaces delete their contents and go once empty.
    func sweepDeletions() {
        guard sweepNeeded else { return }
        defer { sweepNeeded = false }
        var changed = true
        while changed {
            changed = false
            let all = objects.values.flatMap { $0 }
            for (key, object) in all {
                guard objects[key.resource]?[key] != nil else { continue }
                let uid = object[path: ["metadata", "uid"]]?.stringValue ?? ""
                let isNamespace = key.resource == ResourceKey(group: "", plural: "namespaces")
                if object[path: ["metadata", "deletionTimestamp"]] != nil {
                    var finalizers = Self.finalizers(object)
                    if finalizers.contains("foregroundDeletion") && dependents(of: uid).isEmpty {
                        finalizers.removeAll { $0 == "foregroundDeletion" }
                        // When it was the last finalizer the object goes below, with one DELETED event.
                        if !finalizers.isEmpty {
                            var updated = object
                            updated.set(.array(finalizers.map(JSONValue.string)), at: ["metadata", "finalizers"])
                            commit(updated, at: key, previous: object)
                        }
                        changed = true
                    }
                    if isNamespace {
                        let contents = all.filter { $0.key.namespace == key.name && objects[$0.key.resource]?[$0.key] != nil }
                        for item in contents where item.value[path: ["metadata", "deletionTimestamp"]] == nil {
                            markForDeletion(item.key, policy: "Background")
                            changed = true
                        }
                        if contents.isEmpty || objects.values.allSatisfy({ $0.keys.allSatisfy { $0.namespace != key.name } }) {
                            remove(key)
                            changed = true
                        }
                    } else if finalizers.isEmpty {
                        remove(key)
                        changed = true
                    }
                    continue
                }
                let owners = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? [])
                guard !owners.isEmpty else { continue }
                let alive = owners.filter { liveUIDs.contains($0["uid"]?.stringValue ?? "") }
                if alive.isEmpty {
                    markForDeletion(key, policy: "Background")
                    changed = true
                } else if alive.count < owners.count {
                    var updated = object
                    updated.set(.array(alive), at: ["metadata", "ownerReferences"])
                    commit(updated, at: key, previous: object)
                    changed = true
                }
            }
        }
    }

    /// Keys of the objects that name `uid` as an owner.
    func dependents(of uid: String) -> [StorageKey] {
        guard !uid.isEmpty else { return [] }
        return objects.values.flatMap { $0 }.filter { entry in
            (entry.value[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains { $0["uid"]?.stringValue == uid }
        }.map(\.key).sorted()
    }

    func orphanDependents(of uid: String) {
        for key in dependents(of: uid) {
            guard let object = objects[key.resource]?[key] else { continue }
            var updated = object
            let remaining = (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).filter { $0["uid"]?.stringValue != uid }
            updated.set(remaining.isEmpty ? nil : .array(remaining), at: ["metadata", "ownerReferences"])
            commit(updated, at: key, previous: object)
        }
    }
}
