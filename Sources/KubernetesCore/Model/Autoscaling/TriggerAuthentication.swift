/// KEDA's `keda.sh/v1alpha1` TriggerAuthentication: how a ScaledObject's triggers authenticate.
///
/// Only pod identity is modelled: with `provider: aws`, KEDA's operator calls AWS with its own
/// credentials (EKS Pod Identity or IRSA on KEDA's ServiceAccount), assuming `roleArn` when given.
///
/// ```swift
/// TriggerAuthentication(metadata: ObjectMeta(name: "rag-consumer-keda", namespace: "rag"), spec: .init(podIdentity: .init(provider: "aws")))
/// ```
public struct TriggerAuthentication: NamespacedResource, Equatable {
    public static let apiVersion = "keda.sh/v1alpha1", kind = "TriggerAuthentication", plural = "triggerauthentications"
    public var metadata: ObjectMeta
    public var spec: Spec?
    public var status: JSONValue?

    public init(metadata: ObjectMeta, spec: Spec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public struct Spec: Codable, Sendable, Equatable {
        public var podIdentity: PodIdentity?

        public init(podIdentity: PodIdentity? = nil) { self.podIdentity = podIdentity }
    }

    public struct PodIdentity: Codable, Sendable, Equatable {
        /// `aws`, `azure-workload`, `gcp` or `none`. (`aws-eks` and `aws-kiam` are deprecated.)
        public var provider: String
        /// A role KEDA's operator assumes with its own identity.
        public var roleArn: String?

        public init(provider: String, roleArn: String? = nil) {
            self.provider = provider
            self.roleArn = roleArn
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
