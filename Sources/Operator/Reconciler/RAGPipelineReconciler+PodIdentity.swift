import CRDs
import Foundation
import KubernetesController
import KubernetesCore

extension RAGPipelineReconciler {
    /// The outcome of one Pod Identity sync: the associations in place, and what failed, if anything.
    struct PodIdentityState {
        var associations: [PodIdentityAssociationStatus] = []
        var failure: String?
    }

    /// Makes the cluster's associations match what the components need: lists first (so a crash
    /// between create and status write never duplicates), creates missing ones, updates changed roles,
    /// and deletes associations of this pipeline's service accounts that are no longer needed.
    /// A failure is returned (and recorded as an Event), not thrown, so the caller can hold back only
    /// the workloads that would start without credentials.
    func syncPodIdentity(_ pipeline: RAGPipeline, context: ReconcileContext) async -> PodIdentityState {
        guard podIdentity.isManaged else { return PodIdentityState() }
        do {
            return PodIdentityState(associations: try await reconcileAssociations(pipeline))
        } catch {
            await record(pipeline, "Warning", "PodIdentitySyncFailed", "\(error)", action: "Associate")
            return PodIdentityState(associations: pipeline.status?.podIdentityAssociations ?? [], failure: "\(error)")
        }
    }

    private func reconcileAssociations(_ pipeline: RAGPipeline) async throws -> [PodIdentityAssociationStatus] {
        let needed = DesiredState.componentsNeedingAWS(of: pipeline, options: configuration.buildOptions)
        guard let cluster = pipeline.spec.aws?.clusterName, !cluster.isEmpty, let namespace = pipeline.metadata.namespace else {
            // No cluster any more: what was made in the cluster it named goes, or it would leak.
            for stale in pipeline.status?.podIdentityAssociations ?? [] {
                guard let recordedCluster = stale.clusterName else { continue }
                try await deleteIgnoringMissing(stale.associationId, in: recordedCluster)
                await record(pipeline, "Normal", "PodIdentityRemoved", "Removed the association of \(stale.serviceAccount) in \(recordedCluster)", action: "Disassociate")
            }
            return []
        }
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
                result.append(PodIdentityAssociationStatus(
                    component: need.component, serviceAccount: need.serviceAccount, associationId: association.associationId, roleArn: association.roleArn,
                    clusterName: cluster))
            }
        }
        // Associations this pipeline made earlier for components that no longer need AWS.
        let neededAccounts = Set(needed.map(\.serviceAccount))
        for stale in pipeline.status?.podIdentityAssociations ?? [] {
            let staleCluster = stale.clusterName ?? cluster
            let unneeded = !neededAccounts.contains(stale.serviceAccount)
            if staleCluster != cluster || (unneeded && existing.contains(where: { $0.associationId == stale.associationId })) {
                try await deleteIgnoringMissing(stale.associationId, in: staleCluster)
                await record(pipeline, "Normal", "PodIdentityRemoved", "Removed the association of \(stale.serviceAccount) in \(staleCluster)", action: "Disassociate")
            }
        }
        return result
    }

    /// Deployments that would run as a service account whose association does not exist yet.
    func workloadsAwaitingCredentials(_ desired: [DesiredObject], of pipeline: RAGPipeline, have associations: [PodIdentityAssociationStatus]) -> Set<ObjectKey> {
        guard podIdentity.isManaged, pipeline.spec.aws?.clusterName?.isEmpty == false else { return [] }
        let missing = Set(DesiredState.componentsNeedingAWS(of: pipeline, options: configuration.buildOptions).map(\.serviceAccount))
            .subtracting(associations.map(\.serviceAccount))
        return Set(desired.filter { object in
            ChildApplyDecision.isWorkload(object.descriptor)
                && object.body[path: ["spec", "template", "spec", "serviceAccountName"]]?.stringValue.map(missing.contains) == true
        }.map(\.key))
    }

    /// Deletes an association; one already gone is what was wanted.
    func deleteIgnoringMissing(_ associationId: String, in cluster: String) async throws {
        do {
            try await podIdentity.delete(clusterName: cluster, associationId: associationId)
        } catch PodIdentityError.notFound {
            // Already gone.
        }
    }

    // MARK: deletion

    /// Cleanup behind the finalizer. Never blocks deletion for ever: skipped on request or when
    /// management is off (with a Warning Event), retried while EKS fails (the `Terminating` condition
    /// says so), and abandoned after ``Configuration/podIdentityCleanupTimeout``.
    func cleanup(_ pipeline: RAGPipeline, context: ReconcileContext) async throws -> ReconcileAction {
        let recorded = (pipeline.status?.podIdentityAssociations ?? []).map(\.associationId)
        let left = recorded.isEmpty ? "none recorded" : recorded.joined(separator: ", ")
        if pipeline.metadata.annotations?[Self.skipCleanupAnnotation] == "true" {
            await record(pipeline, "Warning", "PodIdentityCleanupSkipped", "\(Self.skipCleanupAnnotation) is set: left Pod Identity associations in EKS (\(left))", action: "Finalize")
            try await finalizer.remove(from: pipeline)
            return .done
        }
        guard podIdentity.isManaged else {
            await record(pipeline, "Warning", "PodIdentityCleanupSkipped", "this operator does not manage EKS Pod Identity (--pod-identity is off): associations left in EKS (\(left))", action: "Finalize")
            try await finalizer.remove(from: pipeline)
            return .done
        }
        do {
            try await releasePodIdentity(pipeline, context: context)
        } catch {
            let deletedAt = pipeline.metadata.deletionTimestamp?.date ?? now()
            let giveUpAt = deletedAt.addingTimeInterval(configuration.podIdentityCleanupTimeout.timeInterval)
            if now() >= giveUpAt {
                context.logger.warning("gave up deleting Pod Identity associations: \(error)")
                await record(pipeline, "Warning", "PodIdentityCleanupAbandoned", "gave up after \(configuration.podIdentityCleanupTimeout): \(error); associations may be left in EKS (\(left))", action: "Finalize")
                try await finalizer.remove(from: pipeline)
                return .done
            }
            context.logger.warning("deleting Pod Identity associations failed, retrying: \(error)")
            await record(pipeline, "Warning", "PodIdentityCleanupFailed", "\(error)", action: "Finalize")
            var status = pipeline.status ?? RAGPipelineStatus()
            var conditions = status.conditions ?? []
            conditions.set(Condition(
                type: RAGPipelineConditionType.terminating, status: "True", reason: "PodIdentityCleanupFailed",
                message: "deletion waits for EKS to delete Pod Identity associations (\(left)): \(error); gives up at \(Timestamp(giveUpAt))",
                observedGeneration: pipeline.metadata.generation, lastTransitionTime: Timestamp(now())))
            status.conditions = conditions
            try await writeStatus(status, of: pipeline)
            let remaining = giveUpAt.timeIntervalSince(now())
            return .requeue(after: min(configuration.podIdentityCleanupRetry, .milliseconds(Int64(max(remaining, 0.1) * 1000))))
        }
        try await finalizer.remove(from: pipeline)
        return .done
    }

    /// Deletes the associations recorded in status, then any other association of this pipeline's
    /// service accounts (one created just before a crash, before its id reached the status).
    func releasePodIdentity(_ pipeline: RAGPipeline, context: ReconcileContext) async throws {
        let cluster = pipeline.spec.aws?.clusterName.flatMap { $0.isEmpty ? nil : $0 }
        let recorded = pipeline.status?.podIdentityAssociations ?? []
        for association in recorded {
            guard let recordedCluster = association.clusterName ?? cluster else { continue }
            try await deleteIgnoringMissing(association.associationId, in: recordedCluster)
            context.logger.info("deleted Pod Identity association \(association.associationId) of \(association.serviceAccount)")
        }
        guard let cluster, let namespace = pipeline.metadata.namespace else { return }
        let accounts = Set(DesiredState.componentsNeedingAWS(of: pipeline, options: configuration.buildOptions).map(\.serviceAccount))
            .union(recorded.map(\.serviceAccount))
        let deleted = Set(recorded.map(\.associationId))
        for association in try await podIdentity.list(clusterName: cluster, namespace: namespace)
        where accounts.contains(association.serviceAccount) && !deleted.contains(association.associationId) {
            try await podIdentity.delete(clusterName: cluster, associationId: association.associationId)
            context.logger.info("deleted Pod Identity association \(association.associationId) of \(association.serviceAccount)")
        }
    }
}

extension DesiredState {
    /// The pod-template annotation that carries a workload's association id, so that its pods roll
    /// (and are admitted again, with credentials) whenever the association changes.
    public static let podIdentityAnnotation = "rag.dev/pod-identity-association"

    /// `desired` with each Deployment's pod template annotated with the id of its service account's association.
    public static func annotating(_ desired: [DesiredObject], with associations: [PodIdentityAssociationStatus]) -> [DesiredObject] {
        let ids = Dictionary(associations.map { ($0.serviceAccount, $0.associationId) }, uniquingKeysWith: { first, _ in first })
        return desired.map { object in
            guard ChildApplyDecision.isWorkload(object.descriptor),
                let account = object.body[path: ["spec", "template", "spec", "serviceAccountName"]]?.stringValue, let id = ids[account]
            else { return object }
            var annotated = object
            annotated.body.set(.string(id), at: ["spec", "template", "metadata", "annotations", podIdentityAnnotation])
            return annotated
        }
    }
}
