import KubernetesClient
import KubernetesCore

/// A secondary watch of a controller: objects of another kind, mapped to the keys of primary objects to reconcile.
public struct SecondaryWatch: Sendable {
    public var resource: ResourceDescriptor
    public var namespace: String?
    public var labelSelector: String?
    public var map: @Sendable (DynamicObject) -> [ObjectKey]
    /// What the cache keeps of each object (controller-runtime's cache `TransformFunc`): by default
    /// the object ``DynamicObject/compacted()``, its JSON as bytes.
    public var transform: @Sendable (DynamicObject) -> DynamicObject = { $0.compacted() }
    /// Whether the resource may not be served at all (a CRD that is not installed, such as KEDA's).
    /// Then a `404` on list counts as an empty, synced cache instead of a failure, and the list is
    /// retried with the watcher's backoff (at most every 30 s), so installing the CRD later is picked up.
    /// Defaults: `false`.
    public var mayBeAbsent = false

    public init(resource: ResourceDescriptor, namespace: String? = nil, labelSelector: String? = nil, map: @escaping @Sendable (DynamicObject) -> [ObjectKey]) {
        self.resource = resource
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.map = map
    }

    /// This watch with a cache transform applied before the default compaction, such as
    /// ``DynamicObject/keepingManagedFields(of:)``.
    public func transformed(_ transform: @escaping @Sendable (DynamicObject) -> DynamicObject) -> SecondaryWatch {
        var copy = self
        copy.transform = { transform($0).compacted() }
        return copy
    }

    /// This watch, for a resource that may not be served (``mayBeAbsent``).
    public func optional() -> SecondaryWatch {
        var copy = self
        copy.mayBeAbsent = true
        return copy
    }

    /// Watches objects owned (as controller) by objects of kind `Owner`, and reconciles the owner.
    public static func owned<Owner: KubernetesResource>(_ resource: ResourceDescriptor, by owner: Owner.Type, namespace: String? = nil, labelSelector: String? = nil) -> SecondaryWatch {
        let ownerGroup = ResourceDescriptor.split(apiVersion: Owner.apiVersion).group
        return SecondaryWatch(resource: resource, namespace: namespace, labelSelector: labelSelector) { object in
            (object.metadata.ownerReferences ?? []).filter { reference in
                reference.controller == true && reference.kind == Owner.kind
                    && ResourceDescriptor.split(apiVersion: reference.apiVersion).group == ownerGroup
            }.map { ObjectKey(namespace: Owner.isNamespaced ? object.metadata.namespace : nil, name: $0.name) }
        }
    }
}
