import KubernetesCore

/// Whether a child needs a server-side apply, decided from field ownership as the API server records it.
///
/// A child is up to date when (1) the fields the operator's field manager owns (its `Apply` entry in
/// `metadata.managedFields`) are exactly the fields of the desired apply configuration, and (2) every
/// desired value is what the live object holds. So:
/// - a field removed from the spec (an ingress host, a TLS block, a user annotation) is still owned,
///   (1) fails, and the apply removes it;
/// - a field another manager owns (an HPA's `replicas`, a webhook's annotation) is in neither set and
///   costs nothing;
/// - a value someone else changed (`kubectl scale`, an edit) fails (2) and is reverted;
/// - the steady state matches both and costs zero writes.
///
/// Ownership cannot see inside an atomic list (an Ingress's `rules`, a policy's `ingress`): the whole
/// list is one owned field, and containment lets a live item keep a member the spec dropped (a host).
/// So each child also carries a digest of its desired body (``appliedHashAnnotation``); any change to
/// what the operator wants changes the digest, which containment then sees as a value to apply.
enum ChildApplyDecision {
    /// The annotation with the digest of the apply configuration the child was last applied from.
    static let appliedHashAnnotation = "rag.dev/applied-hash"

    /// `object` with ``appliedHashAnnotation`` set to the digest of its body (without the annotation).
    static func stamped(_ object: DesiredObject) throws -> DesiredObject {
        var stamped = object
        var body = object.body
        body.set(nil, at: ["metadata", "annotations", appliedHashAnnotation])
        let digest = ConfigHash.hex(ConfigHash.fnv1a64(Array(try body.data())))
        stamped.body.set(.string(digest), at: ["metadata", "annotations", appliedHashAnnotation])
        return stamped
    }

    /// Kinds applied only while absent: a Job's Pod template is immutable, and the operator names each
    /// Job after what it does, so a different Job is a different name.
    static let createOnly: Set<ResourceDescriptor> = [Job.resource]

    /// Whether a kind runs Pods that may need to wait (for credentials, for compiled artifacts).
    static func isWorkload(_ descriptor: ResourceDescriptor) -> Bool {
        descriptor == Deployment.resource || descriptor == Job.resource
    }

    /// The live `spec.replicas` to hand over before an apply that leaves the field out, or `nil`.
    ///
    /// Needed when the desired Deployment has no `replicas` (an autoscaler owns them) but the live one
    /// has a value the operator's manager alone applied: dropping it from the apply would make
    /// server-side apply remove the field. Not needed when another manager (the HPA controller's
    /// scale writes, an earlier hand-over) already owns it.
    static func replicasToHandOver(live: JSONValue, desired: JSONValue, fieldManager: String) -> Int64? {
        let path = ["spec", "replicas"]
        guard desired[path: path] == nil, let replicas = live[path: path]?.int64Value else { return nil }
        let managed = ManagedFields(live)
        let leaf = ["f:spec", "f:replicas"]
        guard managed.fields(of: fieldManager, operation: "Apply", subresource: nil).contains(leaf) else { return nil }
        let others = managed.entries.filter { !($0.manager == fieldManager && $0.operation == "Apply" && $0.subresource == nil) }
        return others.contains { $0.fields.contains(leaf) } ? nil : replicas
    }

    static func needsApply(live: JSONValue?, desired: JSONValue, fieldManager: String, lists: ListKinds = .builtIn) -> Bool {
        guard let live else { return true }
        guard ObjectContainment.contains(live, desired) else { return true }
        let owned = ManagedFields(live).fields(of: fieldManager, operation: "Apply", subresource: nil)
        return owned != FieldSet.of(desired, lists: lists)
    }
}
