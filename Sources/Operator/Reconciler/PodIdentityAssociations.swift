
/// One EKS Pod Identity association: an IAM role for a ServiceAccount in a cluster.
public struct PodIdentityAssociation: Sendable, Equatable {
    public var associationId: String
    public var clusterName: String
    public var namespace: String
    public var serviceAccount: String
    public var roleArn: String

    public init(associationId: String, clusterName: String, namespace: String, serviceAccount: String, roleArn: String) {
        self.associationId = associationId
        self.clusterName = clusterName
        self.namespace = namespace
        self.serviceAccount = serviceAccount
        self.roleArn = roleArn
    }
}

/// The EKS Pod Identity API as the operator needs it. The executable wires the AWS EKS client in;
/// tests and `rag-operator-dev` use `InMemoryPodIdentityAssociations` (in `OperatorTesting`).
public protocol PodIdentityAssociations: Sendable {
    /// Whether the operator manages associations at all. When `false` (``PodIdentityManagementDisabled``)
    /// no finalizer is added, and one left from earlier is removed with an Event instead of blocking deletion.
    var isManaged: Bool { get }
    func list(clusterName: String, namespace: String) async throws -> [PodIdentityAssociation]
    /// Creates an association; `clientRequestToken` makes a retried create idempotent.
    func create(clusterName: String, namespace: String, serviceAccount: String, roleArn: String, clientRequestToken: String) async throws -> PodIdentityAssociation
    func update(clusterName: String, associationId: String, roleArn: String) async throws -> PodIdentityAssociation
    func delete(clusterName: String, associationId: String) async throws
}

extension PodIdentityAssociations {
    public var isManaged: Bool { true }
}

/// Pod Identity management turned off (`rag-operator run` without `--pod-identity`, the chart's default):
/// pipelines that name a cluster are told so in their PodIdentityReady condition, and nothing waits on EKS.
public struct PodIdentityManagementDisabled: PodIdentityAssociations {
    public struct Disabled: Error, CustomStringConvertible {
        public var description: String { "EKS Pod Identity management is off: start rag-operator with --pod-identity (and AWS credentials)" }
    }

    public init() {}

    public var isManaged: Bool { false }
    public func list(clusterName: String, namespace: String) async throws -> [PodIdentityAssociation] { throw Disabled() }
    public func create(clusterName: String, namespace: String, serviceAccount: String, roleArn: String, clientRequestToken: String) async throws -> PodIdentityAssociation { throw Disabled() }
    public func update(clusterName: String, associationId: String, roleArn: String) async throws -> PodIdentityAssociation { throw Disabled() }
    public func delete(clusterName: String, associationId: String) async throws { throw Disabled() }
}

/// Errors of Pod Identity association management.
public enum PodIdentityError: Error, Sendable, Equatable {
    case alreadyExists(namespace: String, serviceAccount: String)
    case notFound(String)
}
