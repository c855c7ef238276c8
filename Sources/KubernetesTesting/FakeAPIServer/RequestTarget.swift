import KubernetesCore

/// A parsed resource URL: which resource, namespace, object and subresource it addresses.
struct RequestTarget: Sendable {
    var resource: ServedResource
    var namespace: String?
    var name: String?
    var subresource: String?

    /// Parses `/api/v1/...` and `/apis/<group>/<version>/...`; `nil` when it is not a resource URL.
    init?(path: String, server resources: [ResourceKey: ServedResource]) throws {
        var segments = path.split(separator: "/").map(String.init)
        let group: String
        let version: String
        if segments.first == "api", segments.count >= 3 {
            group = ""
            version = segments[1]
            segments.removeFirst(2)
        } else if segments.first == "apis", segments.count >= 4 {
            group = segments[1]
            version = segments[2]
            segments.removeFirst(3)
        } else {
            return nil
        }
        var namespace: String?
        if segments.first == "namespaces", segments.count >= 3, !(group.isEmpty && segments.count == 3 && ["status", "finalize"].contains(segments[2])) {
            namespace = segments[1]
            segments.removeFirst(2)
        }
        guard let plural = segments.first, segments.count <= 3 else { return nil }
        guard let resource = resources[ResourceKey(group: group, plural: plural)], resource.descriptor.version == version else {
            throw APIError(404, "NotFound", "the server could not find the requested resource (\(path))")
        }
        if resource.descriptor.namespaced != (namespace != nil) && !(resource.descriptor.namespaced && segments.count == 1) {
            throw APIError(404, "NotFound", "the server could not find the requested resource (\(path))")
        }
        self.resource = resource
        self.namespace = namespace
        self.name = segments.count > 1 ? segments[1] : nil
        self.subresource = segments.count > 2 ? segments[2] : nil
        let scalable = resource.key == ResourceKey(group: "apps", plural: "deployments")
        if let subresource, !(subresource == "status" && resource.hasStatus) && !(subresource == "scale" && scalable) {
            throw APIError(404, "NotFound", "the server could not find the requested resource (\(path)): no subresource \(subresource)")
        }
    }

    func storageKey(_ name: String) -> StorageKey {
        StorageKey(resource: resource.key, namespace: resource.descriptor.namespaced ? namespace : nil, name: name)
    }
}
