import KubernetesCore

/// One object the operator wants in the cluster: the full server-side apply body plus what the
/// reconciler needs to address it without parsing the body.
public struct DesiredObject: Sendable, Equatable {
    /// The pipeline component the object belongs to (`backend`, `ui`, `consumer`, `producer`,
    /// `vllm`), or `pipeline` for objects shared by all of them.
    public var component: String
    /// The object's resource (group, version, kind, plural).
    public var descriptor: ResourceDescriptor
    public var name: String
    public var namespace: String
    /// The apply configuration: `apiVersion`, `kind`, `metadata` and the rest. Never contains `null`.
    public var body: JSONValue

    public init(component: String, descriptor: ResourceDescriptor, name: String, namespace: String, body: JSONValue) {
        self.component = component
        self.descriptor = descriptor
        self.name = name
        self.namespace = namespace
        self.body = body
    }

    /// Wraps a typed resource.
    ///
    /// - Throws: an `EncodingError` if the resource cannot be encoded.
    public init<Resource: NamespacedResource>(component: String, resource: Resource) throws {
        self.init(
            component: component, descriptor: Resource.resource,
            name: resource.metadata.name ?? "", namespace: resource.metadata.namespace ?? "",
            body: try JSONValue(encoding: resource))
    }

    /// The workload the object belongs to, or `nil` for objects shared by all of them.
    public var pipelineComponent: PipelineComponent? { PipelineComponent(rawValue: component) }

    /// The object's key, `namespace/name`.
    public var key: ObjectKey { ObjectKey(namespace: namespace, name: name) }
}
