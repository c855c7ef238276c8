/// AWS settings shared by every component.
public struct AWSSpec: Codable, Sendable, Equatable {
    /// The AWS region of Kinesis, Bedrock and OpenSearch (`eu-west-1`). Required when any of them is used.
    public var region: String?
    /// The EKS cluster name, needed to create Pod Identity associations.
    public var clusterName: String?
    /// The IAM role every AWS-using component assumes, unless it overrides it.
    public var podIdentity: PodIdentitySpec?

    public init(region: String? = nil, clusterName: String? = nil, podIdentity: PodIdentitySpec? = nil) {
        self.region = region
        self.clusterName = clusterName
        self.podIdentity = podIdentity
    }

    static var schema: JSONSchemaProperty {
        .object("AWS settings shared by every component.", properties: [
            "region": .string("AWS region of Kinesis, Bedrock and OpenSearch, such as eu-west-1. Required when any of them is used.", pattern: #"^[a-z]{2}(-[a-z]+)+-[0-9]+$"#),
            "clusterName": .string("Name of the EKS cluster the Pod Identity associations are created in. Defaults to the cluster the operator is configured for.", minLength: 1, maxLength: 100),
            "podIdentity": PodIdentitySpec.schema.described("Default IAM role for components that call AWS (backend, consumer, producer, and vLLM with an S3 compile cache), bound to their ServiceAccounts with EKS Pod Identity."),
        ])
    }
}

/// An IAM role bound to a component's ServiceAccount through an EKS Pod Identity association.
public struct PodIdentitySpec: Codable, Sendable, Equatable {
    /// `arn:aws:iam::<account>:role/<name>`.
    public var roleArn: String

    public init(roleArn: String) { self.roleArn = roleArn }

    static var schema: JSONSchemaProperty {
        .object("An IAM role bound to a ServiceAccount through an EKS Pod Identity association.", properties: [
            "roleArn": .string("ARN of the IAM role, arn:aws:iam::<12-digit account>:role/<name>. Its trust policy must allow pods.eks.amazonaws.com.", minLength: 20, maxLength: 2048),
        ], required: ["roleArn"])
    }
}
