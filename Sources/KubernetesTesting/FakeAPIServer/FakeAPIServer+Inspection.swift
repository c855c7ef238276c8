import KubernetesCore

extension FakeAPIServer {
    /// Reads stored objects directly, bypassing fault injection and the request log: for test assertions.
    public func storedObjects(_ resource: ResourceDescriptor, namespace: String? = nil) -> [JSONValue] {
        let key = ResourceKey(group: resource.group, plural: resource.plural)
        return (objects[key] ?? [:]).filter { namespace == nil || $0.key.namespace == namespace }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// One stored object, bypassing fault injection and the request log.
    public func storedObject(_ resource: ResourceDescriptor, namespace: String?, name: String) -> JSONValue? {
        let key = ResourceKey(group: resource.group, plural: resource.plural)
        return objects[key]?[StorageKey(resource: key, namespace: resource.namespaced ? namespace : nil, name: name)]
    }
}
