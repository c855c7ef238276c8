import Operator
import Synchronization

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
