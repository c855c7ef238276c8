import KubernetesCore

/// A resource the fake server serves: built in, or registered by creating a CRD.
struct ServedResource: Sendable, Equatable {
    var descriptor: ResourceDescriptor
    var singular: String
    var shortNames: [String]
    var categories: [String]
    var verbs: [String]
    var hasStatus: Bool
    /// The CRD's `openAPIV3Schema`, validated against on every write; `nil` for built-ins.
    var schema: JSONValue?
    var printerColumns: [CustomResourceDefinition.PrinterColumn]
    /// The name of the CRD that registered this resource.
    var definedBy: String?

    var key: ResourceKey { ResourceKey(group: descriptor.group, plural: descriptor.plural) }

    static let allVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]

    static func builtIn(_ apiVersion: String, _ kind: String, _ plural: String, namespaced: Bool, shortNames: [String] = [], hasStatus: Bool = false, categories: [String] = []) -> ServedResource {
        ServedResource(
            descriptor: ResourceDescriptor(apiVersion: apiVersion, kind: kind, plural: plural, namespaced: namespaced),
            singular: kind.lowercased(), shortNames: shortNames, categories: categories, verbs: allVerbs,
            hasStatus: hasStatus, schema: nil, printerColumns: [], definedBy: nil)
    }

    /// The built-in kinds the fake knows. Objects of these kinds are stored as sent (no schema).
    static let builtIns: [ServedResource] = [
        builtIn("v1", "Namespace", "namespaces", namespaced: false, shortNames: ["ns"], hasStatus: true),
        builtIn("v1", "Pod", "pods", namespaced: true, shortNames: ["po"], hasStatus: true, categories: ["all"]),
        builtIn("v1", "Service", "services", namespaced: true, shortNames: ["svc"], hasStatus: true, categories: ["all"]),
        builtIn("v1", "ServiceAccount", "serviceaccounts", namespaced: true, shortNames: ["sa"]),
        builtIn("v1", "ConfigMap", "configmaps", namespaced: true, shortNames: ["cm"]),
        builtIn("v1", "Secret", "secrets", namespaced: true),
        builtIn("v1", "Event", "events", namespaced: true, shortNames: ["ev"]),
        builtIn("v1", "PersistentVolumeClaim", "persistentvolumeclaims", namespaced: true, shortNames: ["pvc"], hasStatus: true),
        builtIn("apps/v1", "Deployment", "deployments", namespaced: true, shortNames: ["deploy"], hasStatus: true, categories: ["all"]),
        builtIn("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", namespaced: true, shortNames: ["hpa"], hasStatus: true, categories: ["all"]),
        builtIn("batch/v1", "Job", "jobs", namespaced: true, hasStatus: true, categories: ["all"]),
        builtIn("networking.k8s.io/v1", "Ingress", "ingresses", namespaced: true, shortNames: ["ing"], hasStatus: true),
        builtIn("networking.k8s.io/v1", "NetworkPolicy", "networkpolicies", namespaced: true, shortNames: ["netpol"]),
        builtIn("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", namespaced: true, shortNames: ["pdb"], hasStatus: true),
        builtIn("coordination.k8s.io/v1", "Lease", "leases", namespaced: true),
        builtIn("events.k8s.io/v1", "Event", "events", namespaced: true, shortNames: ["ev"]),
        builtIn("apiextensions.k8s.io/v1", "CustomResourceDefinition", "customresourcedefinitions", namespaced: false, shortNames: ["crd", "crds"], hasStatus: true),
    ]
}

/// Identifies a resource independently of version: group and plural.
struct ResourceKey: Hashable, Sendable, CustomStringConvertible {
    var group: String
    var plural: String
    var description: String { group.isEmpty ? plural : "\(plural).\(group)" }
}

/// Where an object is stored.
struct StorageKey: Hashable, Sendable, Comparable {
    var resource: ResourceKey
    var namespace: String?
    var name: String

    static func < (lhs: StorageKey, rhs: StorageKey) -> Bool {
        (lhs.namespace ?? "", lhs.name) < (rhs.namespace ?? "", rhs.name)
    }
}
