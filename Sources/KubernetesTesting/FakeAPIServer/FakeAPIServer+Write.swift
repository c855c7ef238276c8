import Foundation
import KubernetesCore
import Yams

extension FakeAPIServer {
    func create(_ target: RequestTarget, body: Data?, query: QueryItems) throws -> FakeResponse {
        guard target.subresource == nil else { throw APIError(405, "MethodNotAllowed", "create is not supported on subresources") }
        var object = try Self.parseBody(body)
        object = try checkTypeMeta(object, target)
        var name = object[path: ["metadata", "name"]]?.stringValue ?? ""
        if name.isEmpty, let prefix = object[path: ["metadata", "generateName"]]?.stringValue, !prefix.isEmpty {
            name = prefix + Self.randomSuffix()
            object.set(.string(name), at: ["metadata", "name"])
        }
        guard !name.isEmpty else {
            throw APIError.invalid(target.resource, "", [.init(reason: "FieldValueRequired", message: "Required value: name or generateName is required", field: "metadata.name")])
        }
        try checkNamespace(&object, target, name: name)
        let key = target.storageKey(name)
        guard objects[key.resource]?[key] == nil else {
            throw APIError(409, "AlreadyExists", "\(target.resource.key) \"\(name)\" already exists", name: name, kind: target.resource.descriptor.plural, group: target.resource.descriptor.group)
        }
        if target.resource.hasStatus { object["status"] = nil }
        object = try validate(object, target, name: name, query: query)
        if target.resource.key == ResourceKey(group: "apiextensions.k8s.io", plural: "customresourcedefinitions") {
            object = try registerCustomResource(object, dryRun: query["dryRun"] != nil)
        }
        let time = Timestamp(now()).description
        object.set(.string(UUID().uuidString.lowercased()), at: ["metadata", "uid"])
        object.set(.string(time), at: ["metadata", "creationTimestamp"])
        object.set(.integer(1), at: ["metadata", "generation"])
        object.set(nil, at: ["metadata", "deletionTimestamp"])
        object.set(nil, at: ["metadata", "resourceVersion"])
        var managed = ManagedFields(object)
        managed.recordUpdate(manager: query["fieldManager"] ?? "unknown", from: nil, to: object, subresource: nil, apiVersion: target.resource.descriptor.apiVersion, time: time, lists: listKinds(for: target.resource))
        managed.store(in: &object)
        if query["dryRun"] != nil { return .json(object, status: 201) }
        let stored = commit(object, at: key, previous: nil)
        sweepDeletions()  // an owner reference to an object that does not exist is collected, as after any write
        return .json(stored, status: 201)
    }

    func update(_ target: RequestTarget, name: String, body: Data?, query: QueryItems) throws -> FakeResponse {
        let key = target.storageKey(name)
        guard let existing = objects[key.resource]?[key] else { throw APIError.notFound(target.resource, name) }
        var incoming = try checkTypeMeta(try Self.parseBody(body), target)
        if let bodyName = incoming[path: ["metadata", "name"]]?.stringValue, bodyName != name {
            throw APIError.badRequest("the name of the object (\(bodyName)) does not match the name on the URL (\(name))")
        }
        let sentVersion = incoming[path: ["metadata", "resourceVersion"]]?.stringValue ?? ""
        if sentVersion.isEmpty && target.resource.schema != nil {
            throw APIError.invalid(target.resource, name, [.init(reason: "FieldValueInvalid", message: "Invalid value: 0x0: must be specified for an update", field: "metadata.resourceVersion")])
        }
        if !sentVersion.isEmpty, sentVersion != existing[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw APIError.conflict(target.resource, name, "the object has been modified; please apply your changes to the latest version and try again")
        }
        incoming.set(.string(name), at: ["metadata", "name"])
        return try write(incoming, over: existing, target: target, key: key, manager: query["fieldManager"] ?? "unknown", query: query)
    }

    func patch(_ target: RequestTarget, name: String, body: Data?, contentType: String, query: QueryItems) throws -> FakeResponse {
        let key = target.storageKey(name)
        let existing = objects[key.resource]?[key]
        let patch = try Self.parseBody(body)
        let lists = listKinds(for: target.resource)
        let patched: JSONValue
        switch contentType.split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }) ?? "" {
        case PatchType.apply.rawValue:
            return try serverSideApply(patch, target: target, name: name, existing: existing, query: query)
        case PatchType.merge.rawValue:
            guard let existing else { throw APIError.notFound(target.resource, name) }
            patched = JSONMergePatch.apply(patch, to: existing)
        case PatchType.strategicMerge.rawValue:
            guard let existing else { throw APIError.notFound(target.resource, name) }
            guard target.resource.schema == nil else {
                throw APIError(415, "UnsupportedMediaType", "strategic merge patch is not supported for custom resources; use --type=merge or json")
            }
            patched = StrategicMergePatch.apply(patch, to: existing, lists: lists)
        case PatchType.json.rawValue:
            guard let existing else { throw APIError.notFound(target.resource, name) }
            let document: JSONPatch
            do { document = try patch.decode(JSONPatch.self) } catch {
                throw APIError.badRequest("invalid JSON patch: \(error)")
            }
            do {
                patched = try document.apply(to: existing)
            } catch {
                throw APIError(422, "Invalid", "the server rejected our request due to an error in our request: \(error.description)")
            }
        default:
            throw APIError(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml")
        }
        guard let existing else { throw APIError.notFound(target.resource, name) }
        if let sent = patch[path: ["metadata", "resourceVersion"]]?.stringValue, sent != existing[path: ["metadata", "resourceVersion"]]?.stringValue {
            throw APIError.conflict(target.resource, name, "the object has been modified; please apply your changes to the latest version and try again")
        }
        return try write(patched, over: existing, target: target, key: key, manager: query["fieldManager"] ?? "unknown", query: query)
    }

    /// The shared tail of update and patch: subresource rules, validation, generation, managedFields, store.
    func write(_ incoming: JSONValue, over existing: JSONValue, target: RequestTarget, key: StorageKey, manager: String, query: QueryItems, managedOverride: ManagedFields? = nil) throws -> FakeResponse {
        var object = incoming
        if target.subresource == "status" {
            object = existing
            object["status"] = incoming["status"]
        } else if target.resource.hasStatus {
            object["status"] = existing["status"]
        }
        for field in ["uid", "creationTimestamp", "deletionTimestamp", "generation", "namespace", "resourceVersion"] {
            object.set(existing[path: ["metadata", field]], at: ["metadata", field])
        }
        object = try validate(object, target, name: key.name, query: query)
        if target.resource.key == ResourceKey(group: "apiextensions.k8s.io", plural: "customresourcedefinitions"), target.subresource == nil {
            object = try registerCustomResource(object, dryRun: query["dryRun"] != nil)
        }
        if let finalizersBefore = existing[path: ["metadata", "deletionTimestamp"]], finalizersBefore != .null {
            let added = Set(Self.finalizers(object)).subtracting(Self.finalizers(existing))
            if !added.isEmpty {
                throw APIError(422, "Invalid", "metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers \(added.sorted())")
            }
        }
        if Self.specChanged(from: existing, to: object) {
            object.set(.integer((existing[path: ["metadata", "generation"]]?.int64Value ?? 1) + 1), at: ["metadata", "generation"])
        }
        var managed = managedOverride ?? ManagedFields(existing)
        if managedOverride == nil {
            managed.recordUpdate(manager: manager, from: existing, to: object, subresource: target.subresource, apiVersion: target.resource.descriptor.apiVersion, time: Timestamp(now()).description, lists: listKinds(for: target.resource))
        }
        managed.store(in: &object)
        // A write that changes nothing is not a write: same resourceVersion, no event.
        if Self.withoutVolatile(object) == Self.withoutVolatile(existing) { return .json(existing) }
        if query["dryRun"] != nil { return .json(object) }
        if existing[path: ["metadata", "deletionTimestamp"]] != nil, Self.finalizers(object).isEmpty,
           key.resource != ResourceKey(group: "", plural: "namespaces") {
            // Like the real server, an update that removes the last finalizer of an object being
            // deleted deletes it: watches see one DELETED event, not a MODIFIED first.
            let deleted = remove(key)
            sweepDeletions()
            return .json(deleted)
        }
        let stored = commit(object, at: key, previous: existing)
        sweepDeletions()
        return .json(objects[key.resource]?[key] ?? stored)
    }

    /// Stores an object with a new resourceVersion and tells the watches.
    @discardableResult
    func commit(_ object: JSONValue, at key: StorageKey, previous: JSONValue?) -> JSONValue {
        var object = object
        let version = nextRevision()
        object.set(.string(String(version)), at: ["metadata", "resourceVersion"])
        objects[key.resource, default: [:]][key] = object
        if let uid = object[path: ["metadata", "uid"]]?.stringValue { liveUIDs.insert(uid) }
        if object[path: ["metadata", "deletionTimestamp"]] != nil
            || (object[path: ["metadata", "ownerReferences"]]?.arrayValue ?? []).contains(where: { !liveUIDs.contains($0["uid"]?.stringValue ?? "") }) {
            sweepNeeded = true
        }
        record(previous == nil ? "ADDED" : "MODIFIED", resource: key.resource, object: object, previous: previous)
        return object
    }

    static func parseBody(_ body: Data?) throws -> JSONValue {
        guard let body, !body.isEmpty else { throw APIError.badRequest("the request has no body") }
        if let value = try? JSONValue(data: body) { return value }
        // Apply configurations may be YAML.
        do {
            guard let text = String(data: body, encoding: .utf8), let yaml = try Yams.load(yaml: text) else { throw APIError.badRequest("empty YAML body") }
            return try JSONValue(yamlObject: yaml)
        } catch let error as APIError {
            throw error
        } catch {
            throw APIError.badRequest("the body is neither JSON nor YAML: \(error)")
        }
    }

    func checkTypeMeta(_ object: JSONValue, _ target: RequestTarget) throws -> JSONValue {
        guard case .object = object else { throw APIError.badRequest("the body must be a JSON object") }
        var object = object
        let descriptor = target.resource.descriptor
        if let kind = object["kind"]?.stringValue, kind != descriptor.kind, target.subresource == nil {
            throw APIError.badRequest("the kind of the object (\(kind)) does not match the resource (\(descriptor.kind))")
        }
        if let apiVersion = object["apiVersion"]?.stringValue, apiVersion != descriptor.apiVersion, target.subresource == nil {
            throw APIError.badRequest("the apiVersion of the object (\(apiVersion)) does not match the resource (\(descriptor.apiVersion))")
        }
        object["kind"] = .string(descriptor.kind)
        object["apiVersion"] = .string(descriptor.apiVersion)
        if object["metadata"] == nil { object["metadata"] = .object([:]) }
        return object
    }

    func checkNamespace(_ object: inout JSONValue, _ target: RequestTarget, name: String) throws {
        guard target.resource.descriptor.namespaced, let namespace = target.namespace else { return }
        if let bodyNamespace = object[path: ["metadata", "namespace"]]?.stringValue, !bodyNamespace.isEmpty, bodyNamespace != namespace {
            throw APIError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
        }
        object.set(.string(namespace), at: ["metadata", "namespace"])
        let namespaceKey = StorageKey(resource: ResourceKey(group: "", plural: "namespaces"), namespace: nil, name: namespace)
        guard let namespaceObject = objects[namespaceKey.resource]?[namespaceKey] else {
            throw APIError(404, "NotFound", "namespaces \"\(namespace)\" not found", name: namespace, kind: "namespaces")
        }
        if namespaceObject[path: ["metadata", "deletionTimestamp"]] != nil {
            throw APIError(403, "Forbidden", "\(target.resource.key) \"\(name)\" is forbidden: unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    static func specChanged(from old: JSONValue, to new: JSONValue) -> Bool {
        var a = old, b = new
        for key in ["metadata", "status", "apiVersion", "kind"] { a[key] = nil; b[key] = nil }
        return a != b
    }

    /// The object without what changes on every write (resourceVersion, managedFields timestamps),
    /// so that a write that changes nothing else is recognised as a no-op, as the real server does.
    static func withoutVolatile(_ object: JSONValue) -> JSONValue {
        var copy = object
        copy.set(nil, at: ["metadata", "resourceVersion"])
        if let entries = copy[path: ["metadata", "managedFields"]]?.arrayValue {
            copy.set(.array(entries.map { entry in
                var stripped = entry
                stripped["time"] = nil
                return stripped
            }), at: ["metadata", "managedFields"])
        }
        return copy
    }

    static func finalizers(_ object: JSONValue) -> [String] {
        (object[path: ["metadata", "finalizers"]]?.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func randomSuffix() -> String {
        String((0..<5).map { _ in "bcdfghjklmnpqrstvwxz2456789".randomElement()! })
    }
}
