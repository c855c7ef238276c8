import Foundation

/// The body of `CreatePodIdentityAssociation` (`POST /clusters/{name}/pod-identity-associations`).
public struct EKSCreatePodIdentityAssociationRequest: Sendable, Hashable, Codable {
    /// The Kubernetes namespace. Required.
    public var namespace: String
    /// The Kubernetes service account. Required.
    public var serviceAccount: String
    /// The IAM role. Required.
    public var roleARN: String
    /// The idempotency token: repeating a create with the same token returns the same association.
    public var clientRequestToken: String?
    /// Tags for the association.
    public var tags: [String: String]?
    /// Whether to disable the session tags.
    public var disableSessionTags: Bool?
    /// A role to chain into.
    public var targetRoleARN: String?
    /// A session policy, as JSON text.
    public var policy: String?

    /// Creates a request body.
    ///
    /// - Parameters:
    ///   - namespace: The namespace.
    ///   - serviceAccount: The service account.
    ///   - roleARN: The IAM role.
    ///   - clientRequestToken: The idempotency token. Defaults to a new UUID, as the SDKs fill it.
    ///   - tags: Tags. Defaults to `nil`.
    ///   - disableSessionTags: Defaults to `nil` (the service's default, `false`).
    ///   - targetRoleARN: Defaults to `nil`.
    ///   - policy: Defaults to `nil`.
    public init(
        namespace: String, serviceAccount: String, roleARN: String, clientRequestToken: String? = UUID().uuidString,
        tags: [String: String]? = nil, disableSessionTags: Bool? = nil, targetRoleARN: String? = nil, policy: String? = nil
    ) {
        self.namespace = namespace
        self.serviceAccount = serviceAccount
        self.roleARN = roleARN
        self.clientRequestToken = clientRequestToken
        self.tags = tags
        self.disableSessionTags = disableSessionTags
        self.targetRoleARN = targetRoleARN
        self.policy = policy
    }

    private enum CodingKeys: String, CodingKey {
        case namespace, serviceAccount, roleARN = "roleArn", clientRequestToken, tags, disableSessionTags
        case targetRoleARN = "targetRoleArn", policy
    }
}

/// The body of `UpdatePodIdentityAssociation` (`POST /clusters/{name}/pod-identity-associations/{associationId}`).
public struct EKSUpdatePodIdentityAssociationRequest: Sendable, Hashable, Codable {
    /// The new IAM role, or `nil` to keep it.
    public var roleARN: String?
    /// The idempotency token.
    public var clientRequestToken: String?
    /// Whether to disable the session tags, or `nil` to keep the setting.
    public var disableSessionTags: Bool?
    /// The new target role, or `nil` to keep it.
    public var targetRoleARN: String?
    /// The new session policy, or `nil` to keep it.
    public var policy: String?

    /// Creates a request body.
    ///
    /// - Parameters:
    ///   - roleARN: The new role. Defaults to `nil`.
    ///   - clientRequestToken: The idempotency token. Defaults to a new UUID.
    ///   - disableSessionTags: Defaults to `nil`.
    ///   - targetRoleARN: Defaults to `nil`.
    ///   - policy: Defaults to `nil`.
    public init(
        roleARN: String? = nil, clientRequestToken: String? = UUID().uuidString, disableSessionTags: Bool? = nil,
        targetRoleARN: String? = nil, policy: String? = nil
    ) {
        self.roleARN = roleARN
        self.clientRequestToken = clientRequestToken
        self.disableSessionTags = disableSessionTags
        self.targetRoleARN = targetRoleARN
        self.policy = policy
    }

    private enum CodingKeys: String, CodingKey {
        case roleARN = "roleArn", clientRequestToken, disableSessionTags, targetRoleARN = "targetRoleArn", policy
    }
}

/// The response of the create, describe, update and delete operations: `{"association": {...}}`.
public struct EKSPodIdentityAssociationResponse: Sendable, Hashable, Codable {
    /// The association.
    public var association: EKSPodIdentityAssociation

    /// Wraps `association`.
    public init(association: EKSPodIdentityAssociation) {
        self.association = association
    }
}

/// The response of `ListPodIdentityAssociations`: one page of summaries and the next token.
public struct EKSPodIdentityAssociationPage: Sendable, Hashable, Codable {
    /// The summaries on this page.
    public var associations: [EKSPodIdentityAssociationSummary]
    /// The token for the next page, or `nil` on the last page.
    public var nextToken: String?

    /// Creates a page.
    public init(associations: [EKSPodIdentityAssociationSummary], nextToken: String? = nil) {
        self.associations = associations
        self.nextToken = nextToken
    }

    /// Decodes a page; a missing `associations` member is an empty page.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        associations = try container.decodeIfPresent([EKSPodIdentityAssociationSummary].self, forKey: .associations) ?? []
        nextToken = try container.decodeIfPresent(String.self, forKey: .nextToken)
    }

    private enum CodingKeys: String, CodingKey {
        case associations, nextToken
    }
}
