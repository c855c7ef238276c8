import Foundation
import KubernetesCore

/// Typed operations on resources.
extension KubernetesClient {
    public func get<R: KubernetesResource>(_ type: R.Type, name: String, namespace: String? = nil) async throws(KubernetesClientError) -> R {
        try await send(.get(R.resource, name: name, namespace: namespace))
    }

    /// Like ``get(_:name:namespace:)`` but `nil` when the object does not exist.
    public func getIfPresent<R: KubernetesResource>(_ type: R.Type, name: String, namespace: String? = nil) async throws(KubernetesClientError) -> R? {
        do {
            return try await get(type, name: name, namespace: namespace)
        } catch where error.isNotFound {
            return nil
        }
    }

    /// One page of a list. Use ``listAll(_:namespace:options:)`` to follow `continue` tokens.
    public func list<R: KubernetesResource>(_ type: R.Type, namespace: String? = nil, options: ListOptions = .init()) async throws(KubernetesClientError) -> ObjectList<R> {
        try await send(.list(R.resource, namespace: namespace, options: options))
    }

    /// Every page of a list, following `continue` tokens. The returned resourceVersion is the first page's,
    /// the consistent snapshot a watch should start from.
    public func listAll<R: KubernetesResource>(_ type: R.Type, namespace: String? = nil, options: ListOptions = .init()) async throws(KubernetesClientError) -> ObjectList<R> {
        let list = try await listAll(R.resource, as: R.self, namespace: namespace, options: options)
        return ObjectList(metadata: list.metadata, items: list.items)
    }

    public func create<R: KubernetesResource>(_ object: R, fieldManager: String? = nil) async throws(KubernetesClientError) -> R {
        try await send(.create(R.resource, namespace: object.metadata.namespace, body: Self.encode(object), fieldManager: fieldManager))
    }

    /// Replaces the whole object (PUT). Fails with a conflict if `metadata.resourceVersion` is stale.
    public func replace<R: KubernetesResource>(_ object: R) async throws(KubernetesClientError) -> R {
        try await send(.replace(R.resource, name: try Self.name(of: object), namespace: object.metadata.namespace, body: Self.encode(object)))
    }

    /// Replaces the status subresource (PUT `/status`).
    public func replaceStatus<R: KubernetesResource>(_ object: R) async throws(KubernetesClientError) -> R {
        try await send(.replace(R.resource, name: try Self.name(of: object), namespace: object.metadata.namespace, body: Self.encode(object), subresource: "status"))
    }

    /// Server-side apply: the object holds exactly the fields this manager wants to own.
    public func apply<R: KubernetesResource>(_ object: R, fieldManager: String, force: Bool = false) async throws(KubernetesClientError) -> R {
        let options = ApplyOptions(fieldManager: fieldManager, force: force)
        return try await send(.apply(R.resource, name: try Self.name(of: object), namespace: object.metadata.namespace, body: Self.encode(object), options: options))
    }

    /// Server-side apply of the status subresource.
    public func applyStatus<R: KubernetesResource>(_ object: R, fieldManager: String, force: Bool = false) async throws(KubernetesClientError) -> R {
        let options = ApplyOptions(fieldManager: fieldManager, force: force)
        return try await send(.apply(R.resource, name: try Self.name(of: object), namespace: object.metadata.namespace, body: Self.encode(object), options: options, subresource: "status"))
    }

    /// Sends a patch document of the given type (a JSON value: merge patch or apply configuration).
    public func patch<R: KubernetesResource>(
        _ type: R.Type, name: String, namespace: String? = nil, patch: JSONValue, patchType: PatchType = .merge,
        subresource: String? = nil, fieldManager: String? = nil
    ) async throws(KubernetesClientError) -> R {
        try await send(.patch(R.resource, name: name, namespace: namespace, type: patchType, body: Self.encode(patch), subresource: subresource, fieldManager: fieldManager))
    }

    /// Sends a JSON Patch (RFC 6902). A failed `test` operation answers 422.
    public func patch<R: KubernetesResource>(_ type: R.Type, name: String, namespace: String? = nil, jsonPatch: JSONPatch, subresource: String? = nil) async throws(KubernetesClientError) -> R {
        try await send(.patch(R.resource, name: name, namespace: namespace, type: .json, body: Self.encode(jsonPatch), subresource: subresource))
    }

    /// Deletes an object. Objects with finalizers stay (with a deletionTimestamp) until their finalizers are removed.
    public func delete<R: KubernetesResource>(_ type: R.Type, name: String, namespace: String? = nil, options: DeleteOptions? = nil) async throws(KubernetesClientError) {
        let request: KubernetesRequest
        do {
            request = try .delete(R.resource, name: name, namespace: namespace, options: options)
        } catch {
            throw KubernetesClientError(.encodingFailed, message: "cannot encode DeleteOptions", underlying: error)
        }
        let response = try await transport.send(bounded(request))
        try Self.check(response.statusCode, body: response.body, request: request)
    }

    /// Watches from `options.resourceVersion`. The stream ends when the server closes it (timeout);
    /// an `ERROR` event with code 410 means the version is too old and the caller must re-list.
    public func watch<R: KubernetesResource>(_ type: R.Type, namespace: String? = nil, options: ListOptions = .init()) async throws(KubernetesClientError) -> WatchStream<R> {
        try await watch(R.resource, as: R.self, namespace: namespace, options: options)
    }

    static func name(of object: some KubernetesResource) throws(KubernetesClientError) -> String {
        guard let name = object.metadata.name, !name.isEmpty else {
            throw KubernetesClientError(.encodingFailed, message: "\(type(of: object)) has no metadata.name")
        }
        return name
    }
}
