import KubernetesCore

/// Minimal stand-ins for KEDA's CRDs, written here for the fake API server (not KEDA's own YAML): the
/// `keda.sh/v1alpha1` kinds the operator writes, with a structural schema of just the fields it sets,
/// so a stray field is pruned or, with strict field validation, refused.
enum KEDACustomResources {
    static var definitions: [CustomResourceDefinition] { [scaledObjects, triggerAuthentications] }

    static var scaledObjects: CustomResourceDefinition {
        definition(plural: "scaledobjects", kind: "ScaledObject", shortNames: ["so"], spec: [
            "type": "object",
            "required": ["scaleTargetRef", "triggers"],
            "properties": [
                "scaleTargetRef": [
                    "type": "object", "required": ["name"],
                    "properties": ["apiVersion": ["type": "string"], "kind": ["type": "string"], "name": ["type": "string"]],
                ],
                "pollingInterval": ["type": "integer"],
                "cooldownPeriod": ["type": "integer"],
                "minReplicaCount": ["type": "integer"],
                "maxReplicaCount": ["type": "integer"],
                "triggers": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["type", "metadata"],
                        "properties": [
                            "type": ["type": "string"], "name": ["type": "string"], "metricType": ["type": "string"],
                            "metadata": ["type": "object", "additionalProperties": ["type": "string"]],
                            "authenticationRef": ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"], "kind": ["type": "string"]]],
                        ],
                    ],
                ],
            ],
        ])
    }

    static var triggerAuthentications: CustomResourceDefinition {
        definition(plural: "triggerauthentications", kind: "TriggerAuthentication", shortNames: ["ta"], spec: [
            "type": "object",
            "properties": [
                "podIdentity": [
                    "type": "object", "required": ["provider"],
                    "properties": ["provider": ["type": "string", "enum": ["none", "azure-workload", "gcp", "aws"]], "roleArn": ["type": "string"]],
                ],
            ],
        ])
    }

    private static func definition(plural: String, kind: String, shortNames: [String], spec: JSONValue) -> CustomResourceDefinition {
        CustomResourceDefinition(
            metadata: ObjectMeta(name: "\(plural).keda.sh"),
            spec: .init(
                group: "keda.sh",
                names: .init(plural: plural, singular: kind.lowercased(), kind: kind, shortNames: shortNames),
                scope: "Namespaced",
                versions: [.init(
                    name: "v1alpha1",
                    schema: .init(openAPIV3Schema: ["type": "object", "properties": ["spec": spec, "status": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]]]),
                    subresources: .init(status: [:]))]))
    }
}
