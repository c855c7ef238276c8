import Foundation

/// Request builders: each returns the exact method, path, query and body the API server expects.
extension KubernetesRequest {
    static let jsonHeaders = ["Accept": "application/json", "Content-Type": "application/json"]

    public static func get(_ resource: ResourceDescriptor, name: String, namespace: String? = nil, subresource: String? = nil) -> KubernetesRequest {
        KubernetesRequest(method: .GET, path: resource.path(namespace: namespace, name: name, subresource: subresource), headers: ["Accept": "application/json"])
    }

    public static func list(_ resource: ResourceDescriptor, namespace: String? = nil, options: ListOptions = .init()) -> KubernetesRequest {
        KubernetesRequest(method: .GET, path: resource.path(namespace: namespace), query: options.queryItems, headers: ["Accept": "application/json"])
    }

    /// A watch from `options.resourceVersion`; the body is a stream of newline-delimited events.
    public static func watch(_ resource: ResourceDescriptor, namespace: String? = nil, options: ListOptions = .init()) -> KubernetesRequest {
        var query: QueryItems = [("watch", "true")]
        query.items += options.queryItems.items
        return KubernetesRequest(method: .GET, path: resource.path(namespace: namespace), query: query, headers: ["Accept": "application/json"], isWatch: true)
    }

    public static func create(_ resource: ResourceDescriptor, namespace: String?, body: Data, fieldManager: String? = nil) -> KubernetesRequest {
        var query: QueryItems = []
        query.append("fieldManager", fieldManager)
        return KubernetesRequest(method: .POST, path: resource.path(namespace: namespace), query: query, headers: jsonHeaders, body: body)
    }

    /// A PUT of the whole object; fails with 409 if `metadata.resourceVersion` is stale.
    public static func replace(_ resource: ResourceDescriptor, name: String, namespace: String?, body: Data, subresource: String? = nil) -> KubernetesRequest {
        KubernetesRequest(method: .PUT, path: resource.path(namespace: namespace, name: name, subresource: subresource), headers: jsonHeaders, body: body)
    }

    public static func patch(
        _ resource: ResourceDescriptor, name: String, namespace: String?, type: PatchType, body: Data,
        subresource: String? = nil, fieldManager: String? = nil, force: Bool = false
    ) -> KubernetesRequest {
        var query: QueryItems = []
        query.append("fieldManager", fieldManager)
        if force { query.append("force", "true") }
        return KubernetesRequest(
            method: .PATCH, path: resource.path(namespace: namespace, name: name, subresource: subresource), query: query,
            headers: ["Accept": "application/json", "Content-Type": type.rawValue], body: body)
    }

    /// Server-side apply: a PATCH with `application/apply-patch+yaml` (JSON is valid YAML).
    public static func apply(_ resource: ResourceDescriptor, name: String, namespace: String?, body: Data, options: ApplyOptions, subresource: String? = nil) -> KubernetesRequest {
        KubernetesRequest(
            method: .PATCH, path: resource.path(namespace: namespace, name: name, subresource: subresource), query: options.queryItems,
            headers: ["Accept": "application/json", "Content-Type": PatchType.apply.rawValue], body: body)
    }

    public static func delete(_ resource: ResourceDescriptor, name: String, namespace: String?, options: DeleteOptions? = nil) throws -> KubernetesRequest {
        let body = try options.map { try JSONValue.encodedBytes($0) }
        return KubernetesRequest(method: .DELETE, path: resource.path(namespace: namespace, name: name), headers: body == nil ? ["Accept": "application/json"] : jsonHeaders, body: body)
    }
}

/// Typed conveniences over the descriptor-based builders.
extension KubernetesRequest {
    public static func get<R: KubernetesResource>(_ type: R.Type, name: String, namespace: String? = nil) -> KubernetesRequest {
        get(R.resource, name: name, namespace: namespace)
    }

    public static func list<R: KubernetesResource>(_ type: R.Type, namespace: String? = nil, options: ListOptions = .init()) -> KubernetesRequest {
        list(R.resource, namespace: namespace, options: options)
    }

    public static func watch<R: KubernetesResource>(_ type: R.Type, namespace: String? = nil, options: ListOptions = .init()) -> KubernetesRequest {
        watch(R.resource, namespace: namespace, options: options)
    }

    public static func create<R: KubernetesResource>(_ object: R) throws -> KubernetesRequest {
        create(R.resource, namespace: object.metadata.namespace, body: try JSONValue.encodedBytes(object))
    }

    public static func replace<R: KubernetesResource>(_ object: R, subresource: String? = nil) throws -> KubernetesRequest {
        replace(R.resource, name: object.metadata.name ?? "", namespace: object.metadata.namespace, body: try JSONValue.encodedBytes(object), subresource: subresource)
    }

    public static func apply<R: KubernetesResource>(_ object: R, options: ApplyOptions, subresource: String? = nil) throws -> KubernetesRequest {
        apply(R.resource, name: object.metadata.name ?? "", namespace: object.metadata.namespace, body: try JSONValue.encodedBytes(object), options: options, subresource: subresource)
    }

    public static func delete<R: KubernetesResource>(_ type: R.Type, name: String, namespace: String? = nil, options: DeleteOptions? = nil) throws -> KubernetesRequest {
        try delete(R.resource, name: name, namespace: namespace, options: options)
    }
}
