import Foundation

/// An EKS Pod Identity association (`PodIdentityAssociation` in the EKS model): which IAM role the
/// pods of one service account in one namespace get.
public struct EKSPodIdentityAssociation: Sendable, Hashable, Codable {
    /// The cluster.
    public var clusterName: String?
    /// The Kubernetes namespace.
    public var namespace: String?
    /// The Kubernetes service account.
    public var serviceAccount: String?
    /// The IAM role the pods get.
    public var roleARN: String?
    /// The association's ARN.
    public var associationARN: String?
    /// The association's ID, such as `a-abcdefghijklmnop1`: the key of the other operations.
    public var associationID: String?
    /// Tags on the association.
    public var tags: [String: String]?
    /// When the association was created.
    public var createdAt: Date?
    /// When the association was last modified.
    public var modifiedAt: Date?
    /// The EKS add-on that owns the association, if any.
    public var ownerARN: String?
    /// Whether EKS Pod Identity's session tags are disabled.
    public var disableSessionTags: Bool?
    /// A role assumed through ``roleARN`` (role chaining), if any.
    public var targetRoleARN: String?
    /// The external ID to trust in the target role, set when ``targetRoleARN`` is.
    public var externalID: String?
    /// A session policy that restricts the role further, as JSON text.
    public var policy: String?

    /// Creates an association value; every field defaults to `nil`.
    public init(
        clusterName: String? = nil, namespace: String? = nil, serviceAccount: String? = nil, roleARN: String? = nil,
        associationARN: String? = nil, associationID: String? = nil, tags: [String: String]? = nil,
        createdAt: Date? = nil, modifiedAt: Date? = nil, ownerARN: String? = nil, disableSessionTags: Bool? = nil,
        targetRoleARN: String? = nil, externalID: String? = nil, policy: String? = nil
    ) {
        self.clusterName = clusterName
        self.namespace = namespace
        self.serviceAccount = serviceAccount
        self.roleARN = roleARN
        self.associationARN = associationARN
        self.associationID = associationID
        self.tags = tags
        self.createdAt = createdAt
        self.modifiedAt = modifiedAt
        self.ownerARN = ownerARN
        self.disableSessionTags = disableSessionTags
        self.targetRoleARN = targetRoleARN
        self.externalID = externalID
        self.policy = policy
    }

    private enum CodingKeys: String, CodingKey {
        case clusterName, namespace, serviceAccount, roleARN = "roleArn", associationARN = "associationArn"
        case associationID = "associationId", tags, createdAt, modifiedAt, ownerARN = "ownerArn"
        case disableSessionTags, targetRoleARN = "targetRoleArn", externalID = "externalId", policy
    }

    /// The summary that `ListPodIdentityAssociations` returns for this association.
    public var summary: EKSPodIdentityAssociationSummary {
        EKSPodIdentityAssociationSummary(
            clusterName: clusterName, namespace: namespace, serviceAccount: serviceAccount,
            associationARN: associationARN, associationID: associationID, ownerARN: ownerARN)
    }
}

/// A Pod Identity association as `ListPodIdentityAssociations` lists it
/// (`PodIdentityAssociationSummary`): without the role, timestamps and tags.
public struct EKSPodIdentityAssociationSummary: Sendable, Hashable, Codable {
    /// The cluster.
    public var clusterName: String?
    /// The Kubernetes namespace.
    public var namespace: String?
    /// The Kubernetes service account.
    public var serviceAccount: String?
    /// The association's ARN.
    public var associationARN: String?
    /// The association's ID.
    public var associationID: String?
    /// The EKS add-on that owns the association, if any.
    public var ownerARN: String?

    /// Creates a summary; every field defaults to `nil`.
    public init(
        clusterName: String? = nil, namespace: String? = nil, serviceAccount: String? = nil,
        associationARN: String? = nil, associationID: String? = nil, ownerARN: String? = nil
    ) {
        self.clusterName = clusterName
        self.namespace = namespace
        self.serviceAccount = serviceAccount
        self.associationARN = associationARN
        self.associationID = associationID
        self.ownerARN = ownerARN
    }

    private enum CodingKeys: String, CodingKey {
        case clusterName, namespace, serviceAccount, associationARN = "associationArn"
        case associationID = "associationId", ownerARN = "ownerArn"
    }
}
