import KubernetesCore

/// Schemas for the Kubernetes types that appear inside the RAGPipeline API (tolerations,
/// resource requirements, references, conditions), shared by every field that uses them.
public enum SchemaBuilder {
    /// `resources.requests` / `resources.limits`, as the built-in `ResourceRequirements`.
    public static func resources(_ description: String) -> JSONSchemaProperty {
        .object(description, properties: [
            "requests": .map("Minimum resources the scheduler reserves, by resource name (cpu, memory, aws.amazon.com/neuroncore).", values: .quantity("A quantity such as 500m, 2Gi or 1.")),
            "limits": .map("Maximum resources the container may use, by resource name.", values: .quantity("A quantity such as 500m, 2Gi or 1.")),
        ])
    }

    /// One Pod toleration.
    public static var toleration: JSONSchemaProperty {
        .object("A toleration lets the Pod schedule onto nodes with a matching taint.", properties: [
            "key": .string("The taint key to tolerate; empty with operator Exists matches every taint."),
            "operator": .string("Exists matches any value; Equal requires value to match.", allowed: ["Exists", "Equal"]),
            "value": .string("The taint value to match when operator is Equal."),
            "effect": .string("The taint effect to tolerate; empty matches all effects.", allowed: ["NoSchedule", "PreferNoSchedule", "NoExecute"]),
            "tolerationSeconds": .integer("For NoExecute: how long the Pod stays bound after the taint appears."),
        ])
    }

    /// A list of tolerations.
    public static func tolerations(_ description: String) -> JSONSchemaProperty {
        .array(description, items: toleration)
    }

    /// A label or node-selector map.
    public static func stringMap(_ description: String) -> JSONSchemaProperty {
        .map(description, values: .string("The value."))
    }

    /// A reference to an object in the same namespace.
    public static func localObjectReference(_ description: String) -> JSONSchemaProperty {
        .object(description, properties: ["name": .string("Name of the referenced object.", minLength: 1)], required: ["name"])
    }

    /// A `metav1.Condition`.
    public static var condition: JSONSchemaProperty {
        .object("A condition following the Kubernetes API conventions.", properties: [
            "type": .string("The condition type, in CamelCase (Ready, BackendReady, InvalidSpec...).", maxLength: 316),
            "status": .string("True, False or Unknown.", allowed: ["True", "False", "Unknown"]),
            "observedGeneration": .integer("The .metadata.generation the condition was computed from.", minimum: 0),
            "lastTransitionTime": JSONSchemaProperty(json: ["type": "string", "format": "date-time", "description": "When the status last changed."]),
            "reason": .string("A CamelCase, machine-readable reason for the last transition.", maxLength: 1024),
            "message": .string("A human-readable explanation.", maxLength: 32768),
        ], required: ["type", "status"])
    }
}
