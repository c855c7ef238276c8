import CRDs
import KubernetesController
import KubernetesCore

extension RAGPipelineReconciler {
    /// Makes the cluster's associations match what the components need: lists first (so a crash
    /// between create and status write never duplicates), creates missing ones, updates changed roles,
    /// and deletes associations of this pipeline's service accounts that are no longer needed.
    func syncPodIdentity(_ pipeline: RAGPipeline, context: ReconcileContext) async throws -> [PodIdentityAssociationStatus] {
        let needed = DesiredState.componentsNeedingAWS(of: pipeline, options: configuration.buildOptions)
        guard let cluster = pipeline.spec.aws?.clusterName, !cluster.isEmpty, let namespace = pipeline.metadata.namespace else { return [] }
        let existing = try await podIdentity.list(clusterName: cluster, namespace: namespace)
        var result: [PodIdentityAssociationStatus] = []
        for need in needed {
            var association = existing.first { $0.serviceAccount == need.serviceAccount }
            if association == nil {
                let token = String("\(pipeline.metadata.uid ?? pipeline.metadata.name ?? "")-\(need.component)".prefix(64))
                association = try await podIdentity.create(clusterName: cluster, namespace: namespace, serviceAccount: need.serviceAccount, roleArn: need.roleArn, clientRequestToken: token)
                await record(pipeline, "Normal", "PodIdentityAssociated", "Associated \(need.serviceAccount) with \(need.roleArn)", action: "Associate")
            } else if let current = association, current.roleArn != need.roleArn {
                association = try await podIdentity.update(clusterName: cluster, associationId: current.associationId, roleArn: need.roleArn)
                await record(pipeline, "Normal", "PodIdentityUpdated", "Re-associated \(need.serviceAccount) with \(need.roleArn)", action: "Associate")
            }
            if let association {
                result.append(PodIdentityAssociationStatus(component: need.component, serviceAccount: need.serviceAccount, associationId: association.associationId, roleArn: association.roleArn))
            }
        }
        // Associations this pipeline made earlier for components that no longer need AWS.
        let neededAccounts = Set(needed.map(\.serviceAccount))
        for stale in pipeline.status?.podIdentityAssociations ?? [] where !neededAccounts.contains(stale.serviceAccount) {
            if existing.contains(where: { $0.associationId == stale.associationId }) {
                try await podIdentity.delete(clusterName: cluster, associationId: stale.associationId)
                await record(pipeline, "Normal", "PodIdentityRemoved", "Removed the association of \(stale.serviceAccount)", action: "Disassociate")
            }
        }
        return result
    }

    /// Deletes every association of this pipeline's service accounts (on deletion, behind the finalizer).
    func releasePodIdentity(_ pipeline: RAGPipeline, context: ReconcileContext) async throws {
        guard let cluster = pipeline.spec.aws?.clusterName, !cluster.isEmpty, let namespace = pipeline.metadata.namespace else { return }
        let accounts = Set(DesiredState.componentsNeedingAWS(of: pipeline, options: configuration.buildOptions).map(\.serviceAccount))
            .union((pipeline.status?.podIdentityAssociations ?? []).map(\.serviceAccount))
        for association in try await podIdentity.list(clusterName: cluster, namespace: namespace) where accounts.contains(association.serviceAccount) {
            try await podIdentity.delete(clusterName: cluster, associationId: association.associationId)
            context.logger.info("deleted Pod Identity association \(association.associationId) of \(association.serviceAccount)")
        }
    }
}
