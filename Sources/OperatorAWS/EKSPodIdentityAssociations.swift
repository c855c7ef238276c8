import AWS
import Operator

/// The operator's Pod Identity port over the AWS EKS API: the adapter the composition root wires in.
/// It lives in its own target so that the domain (`Operator`) never imports `AWS`.
///
/// Associations live in the EKS cluster's own region, which is where the operator runs
/// (`AWS_REGION`), whatever regions the pipelines' data services use.
public struct EKSPodIdentityAssociations: PodIdentityAssociations {
    public let eks: EKSClient

    public init(eks: EKSClient) { self.eks = eks }

    public func list(clusterName: String, namespace: String) async throws -> [PodIdentityAssociation] {
        var result: [PodIdentityAssociation] = []
        for summary in try await eks.listPodIdentityAssociations(clusterName: clusterName, namespace: namespace) {
            guard let id = summary.associationID, let serviceAccount = summary.serviceAccount else { continue }
            // The list answer carries no role: describe each (few per namespace) to compare roles.
            let association = try await eks.describePodIdentityAssociation(clusterName: clusterName, associationID: id)
            result.append(PodIdentityAssociation(
                associationId: id, clusterName: clusterName, namespace: summary.namespace ?? namespace,
                serviceAccount: serviceAccount, roleArn: association.roleARN ?? ""))
        }
        return result
    }

    public func create(clusterName: String, namespace: String, serviceAccount: String, roleArn: String, clientRequestToken: String) async throws -> PodIdentityAssociation {
        let request = EKSCreatePodIdentityAssociationRequest(
            namespace: namespace, serviceAccount: serviceAccount, roleARN: roleArn, clientRequestToken: clientRequestToken,
            tags: ["app.kubernetes.io/managed-by": "rag-operator"])
        let created = try await eks.createPodIdentityAssociation(clusterName: clusterName, request)
        return PodIdentityAssociation(
            associationId: created.associationID ?? "", clusterName: clusterName, namespace: namespace, serviceAccount: serviceAccount, roleArn: created.roleARN ?? roleArn)
    }

    public func update(clusterName: String, associationId: String, roleArn: String) async throws -> PodIdentityAssociation {
        let updated = try await eks.updatePodIdentityAssociation(clusterName: clusterName, associationID: associationId, EKSUpdatePodIdentityAssociationRequest(roleARN: roleArn))
        return PodIdentityAssociation(
            associationId: associationId, clusterName: clusterName, namespace: updated.namespace ?? "", serviceAccount: updated.serviceAccount ?? "", roleArn: updated.roleARN ?? roleArn)
    }

    public func delete(clusterName: String, associationId: String) async throws {
        do {
            try await eks.deletePodIdentityAssociation(clusterName: clusterName, associationID: associationId)
        } catch {
            // Already gone is what we wanted.
            if !error.isNotFound { throw error }
        }
    }
}
