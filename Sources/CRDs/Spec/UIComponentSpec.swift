import KubernetesCore

/// The web UI: replicas, resources, Pod overrides and how it is exposed.
public struct UIComponentSpec: Codable, Sendable, Equatable {
    /// Defaults: 1; none with `autoscaling`, which owns them.
    public var replicas: Int?
    /// A CPU HorizontalPodAutoscaler instead of a fixed `replicas` (exclusive with it). Defaults: none.
    public var autoscaling: CPUAutoscalingSpec?
    /// Defaults: 100m CPU and 64Mi memory requested; 256Mi memory limit.
    public var resources: ResourceRequirements?
    public var podTemplate: PodTemplateOverrides?
    /// Defaults: no Ingress.
    public var ingress: UIIngressSpec?

    public init(
        replicas: Int? = nil, autoscaling: CPUAutoscalingSpec? = nil, resources: ResourceRequirements? = nil, podTemplate: PodTemplateOverrides? = nil,
        ingress: UIIngressSpec? = nil
    ) {
        self.replicas = replicas
        self.autoscaling = autoscaling
        self.resources = resources
        self.podTemplate = podTemplate
        self.ingress = ingress
    }

    static var schema: JSONSchemaProperty {
        .object("The web UI, which serves the page and proxies /api to the backend.", properties: [
            "replicas": .integer("Number of pods. Defaults to 1. A PodDisruptionBudget is created when above 1. Cannot be set with autoscaling.", minimum: 0, maximum: 100),
            "autoscaling": CPUAutoscalingSpec.schema("ui"),
            "resources": SchemaBuilder.resources("CPU and memory for the container. Defaults to 100m CPU and 64Mi requested, 256Mi memory limit."),
            "podTemplate": PodTemplateOverrides.schema,
            "ingress": UIIngressSpec.schema,
        ])
        .validated(by: AutoscalingRules.replicasOrAutoscaling, message: "ui.replicas and ui.autoscaling exclude each other: the autoscaler owns the replicas (use autoscaling.minReplicas)")
        .validated(by: AutoscalingRules.cpuRequest, message: "ui.autoscaling scales on CPU, which needs resources.requests.cpu")
    }
}

/// An Ingress for the UI, by default for the AWS Load Balancer Controller (an ALB).
public struct UIIngressSpec: Codable, Sendable, Equatable {
    /// Defaults: `false`.
    public var enabled: Bool?
    /// Defaults: `alb`.
    public var className: String?
    /// The DNS name; omitted means any host.
    public var host: String?
    public var tls: UIIngressTLSSpec?
    /// `internal` (reachable from the VPC only) or `internet-facing`. Defaults: `internal`.
    public var scheme: String?
    /// Sign-in by the ALB before any request reaches the UI. Defaults: none.
    public var auth: IngressAuthSpec?
    /// Added to (and overriding) the operator's ALB annotations.
    public var annotations: [String: String]?

    public init(enabled: Bool? = nil, className: String? = nil, host: String? = nil, tls: UIIngressTLSSpec? = nil, annotations: [String: String]? = nil) {
        self.enabled = enabled
        self.className = className
        self.host = host
        self.tls = tls
        self.annotations = annotations
    }

    static var schema: JSONSchemaProperty {
        .object("An Ingress for the UI. With className alb the operator sets the AWS Load Balancer Controller annotations (scheme, target-type ip, health check /healthz, certificate, sign-in).", properties: [
            "enabled": .boolean("Create the Ingress. Defaults to false.", default: false),
            "className": .string("IngressClass name. Defaults to alb (AWS Load Balancer Controller).", minLength: 1, default: RAGPipelineDefaults.ingressClassName),
            "host": .string("Host name the Ingress answers, such as rag.example.com. Omit to answer any host.", maxLength: 253),
            "tls": UIIngressTLSSpec.schema,
            "scheme": .string("internal: the ALB is reachable from the VPC only (the default). internet-facing: from anywhere; without auth the pipeline reports PubliclyExposed=True and a Warning Event.", allowed: ["internal", "internet-facing"], default: RAGPipelineDefaults.ingressScheme),
            "auth": IngressAuthSpec.schema,
            "annotations": SchemaBuilder.stringMap("Extra Ingress annotations; they override the operator's alb.ingress.kubernetes.io/* defaults."),
        ])
    }
}

/// TLS for the UI Ingress: an ACM certificate on the ALB, or a Secret for other controllers.
public struct UIIngressTLSSpec: Codable, Sendable, Equatable {
    /// A `kubernetes.io/tls` Secret (for controllers that terminate TLS themselves).
    public var secretName: String?
    /// An ACM certificate ARN for the ALB.
    public var certificateArn: String?

    public init(secretName: String? = nil, certificateArn: String? = nil) {
        self.secretName = secretName
        self.certificateArn = certificateArn
    }

    static var schema: JSONSchemaProperty {
        .object("HTTPS for the Ingress: an ACM certificate on the ALB (certificateArn), or a TLS Secret for other ingress controllers (secretName).", properties: [
            "secretName": .string("Name of a kubernetes.io/tls Secret, for controllers that terminate TLS in the cluster.", minLength: 1, maxLength: 253),
            "certificateArn": .string("ARN of an ACM certificate for the ALB (alb.ingress.kubernetes.io/certificate-arn); HTTP then redirects to HTTPS.", pattern: "^arn:aws"),
        ])
        .validated(by: "has(self.secretName) || has(self.certificateArn)", message: "ui.ingress.tls needs secretName or certificateArn")
    }
}
