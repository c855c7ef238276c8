import Synchronization

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
/// tests and `rag-operator dev` use ``InMemoryPodIdentityAssociations``.
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

/// Associations kept in memory, with the EKS API's rules: one association per namespace and
/// service account (a duplicate fails), idempotent creates by request token.
public final class InMemoryPodIdentityAssociations: PodIdentityAssociations {
    struct State {
        var associations: [String: PodIdentityAssociation] = [:]
        var tokens: [String: String] = [:]
        var next = 1
        var calls: [String] = []
    }

    private let state = Mutex(State())

    public init() {}

    /// Every call made, as `operation serviceAccount-or-id`, for assertions.
    public var calls: [String] { state.withLock { $0.calls } }

    public var all: [PodIdentityAssociation] { state.withLock { Array($0.associations.values).sorted { $0.associationId < $1.associationId } } }

    public func list(clusterName: String, namespace: String) async throws -> [PodIdentityAssociation] {
        state.withLock { state in
            state.calls.append("list \(namespace)")
            return state.associations.values.filter { $0.clusterName == clusterName && $0.namespace == namespace }.sorted { $0.associationId < $1.associationId }
        }
    }

    public func create(clusterName: String, namespace: String, serviceAccount: String, roleArn: String, clientRequestToken: String) async throws -> PodIdentityAssociation {
        try state.withLock { state in
            state.calls.append("create \(serviceAccount)")
            if let id = state.tokens[clientRequestToken], let existing = state.associations[id] { return existing }
            if state.associations.values.contains(where: { $0.clusterName == clusterName && $0.namespace == namespace && $0.serviceAccount == serviceAccount }) {
                throw PodIdentityError.alreadyExists(namespace: namespace, serviceAccount: serviceAccount)
            }
            let id = "a-\(String(format: "%017d", state.next))"
            state.next += 1
            let association = PodIdentityAssociation(associationId: id, clusterName: clusterName, namespace: namespace, serviceAccount: serviceAccount, roleArn: roleArn)
            state.associations[id] = association
            state.tokens[clientRequestToken] = id
            return association
        }
    }

    public func update(clusterName: String, associationId: String, roleArn: String) async throws -> PodIdentityAssociation {
        try state.withLock { state in
            state.calls.append("update \(associationId)")
            guard var association = state.associations[associationId] else { throw PodIdentityError.notFound(associationId) }
            association.roleArn = roleArn
            state.associations[associationId] = association
            return association
        }
    }

    public func delete(clusterName: String, associationId: String) async throws {
        try state.withLock { state in
            state.calls.append("delete \(associationId)")
            guard state.associations.removeValue(forKey: associationId) != nil else { throw PodIdentityError.notFound(associationId) }
        }
    }
}

/// Errors of Pod Identity association management.
public enum PodIdentityError: Error, Sendable, Equatable {
    case alreadyExists(namespace: String, serviceAccount: String)
    case notFound(String)
}
