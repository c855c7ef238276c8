import KubernetesCore

/// Accumulates built objects as ``DesiredObject``s, skipping `nil` (components that do not run) and
/// keeping the first encoding error.
struct ObjectCollector {
    private(set) var objects: [DesiredObject] = []
    private(set) var error: DesiredStateError?

    mutating func add<Resource: NamespacedResource>(_ component: PipelineComponent, _ resource: Resource?) {
        add(component.rawValue, resource)
    }

    mutating func add<Resource: NamespacedResource>(_ component: String, _ resource: Resource?) {
        guard let resource, error == nil else { return }
        do {
            objects.append(try DesiredObject(component: component, resource: resource))
        } catch {
            self.error = .encodingFailed(kind: Resource.kind, name: resource.metadata.name ?? "", underlying: error)
        }
    }

    /// Builds with a throwing builder (Deployments hash their Pod template).
    mutating func add<Resource: NamespacedResource>(_ component: PipelineComponent, _ build: () throws -> Resource?) {
        guard error == nil else { return }
        do {
            add(component, try build())
        } catch {
            self.error = .encodingFailed(kind: Resource.kind, name: component.rawValue, underlying: error)
        }
    }
}
