import CRDs
import Foundation
import KubernetesClient
import KubernetesController
import KubernetesCore
import Logging

/// Reconciles one RAGPipeline: its children by server-side apply, EKS Pod Identity associations,
/// and its status.
///
/// ## Guarantees
/// - Steady state costs zero writes: a child is applied only when the fields the operator owns differ
///   from the desired ones or a desired value is not live (``ChildApplyDecision``); status is written
///   only when it changed, as a merge patch that removes what the new status no longer has.
/// - Children the spec no longer asks for (an ingress turned off, an external LLM instead of vLLM)
///   are deleted; owned objects are watched, so drift is reverted on the next reconcile.
/// - An invalid spec sets InvalidSpec (and an Event) and changes no child; the next spec change retries.
/// - Pod Identity associations exist before the workloads that need them are applied, and their ids
///   are in the pod templates, so pods roll when an association changes.
/// - Deletion never hangs on EKS: the `rag.dev/pod-identity` finalizer is added only when the operator
///   manages Pod Identity; cleanup deletes the associations recorded in status, reports what it waits
///   for in the `Terminating` condition, and gives up (with a Warning Event) after
///   ``Configuration/podIdentityCleanupTimeout``; the `rag.dev/skip-cleanup: "true"` annotation skips it.
public struct RAGPipelineReconciler: Reconciler {
    public typealias Resource = RAGPipeline

    /// The annotation that skips Pod Identity cleanup on deletion, on purpose.
    public static let skipCleanupAnnotation = "rag.dev/skip-cleanup"

    public struct Configuration: Sendable {
        public var fieldManager = "rag-operator"
        public var finalizer = "rag.dev/pod-identity"
        /// Periodic resync even when nothing changes (default 5 minutes).
        public var resync: Duration = .seconds(300)
        /// How long a deleted pipeline waits for EKS to delete its associations before the finalizer is
        /// removed anyway (default 10 minutes: longer than a typical API outage, shorter than a person's patience).
        public var podIdentityCleanupTimeout: Duration = .seconds(600)
        /// How often cleanup is retried while it fails (default 10 s).
        public var podIdentityCleanupRetry: Duration = .seconds(10)
        /// How soon a pipeline that asks for KEDA autoscaling is reconciled again while KEDA is missing,
        /// so installing KEDA is picked up (default 60 s; such a reconcile writes nothing).
        public var kedaRecheck: Duration = .seconds(60)
        public var buildOptions: BuildOptions

        public init(buildOptions: BuildOptions) { self.buildOptions = buildOptions }
    }

    let client: KubernetesClient
    let caches: [ResourceDescriptor: Store<DynamicObject>]
    let podIdentity: any PodIdentityAssociations
    let events: EventRecorder
    let configuration: Configuration
    let now: @Sendable () -> Date
    /// Discovery, cached: whether KEDA's ScaledObjects are served.
    let served: ServedResources

    /// - Parameter served: discovery of optional kinds (KEDA's); defaults to asking through `client`.
    public init(client: KubernetesClient, caches: [ResourceDescriptor: Store<DynamicObject>], podIdentity: any PodIdentityAssociations,
                events: EventRecorder, configuration: Configuration, served: ServedResources? = nil, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.caches = caches
        self.podIdentity = podIdentity
        self.events = events
        self.configuration = configuration
        self.served = served ?? ServedResources(client: client, now: now)
        self.now = now
    }

    /// The kinds of children, which the controller must watch (and cache) for this reconciler.
    public static let ownedResources: [ResourceDescriptor] = [
        ServiceAccount.resource, Secret.resource, PersistentVolumeClaim.resource, Job.resource, Deployment.resource, Service.resource,
        Ingress.resource, HorizontalPodAutoscaler.resource, TriggerAuthentication.resource, ScaledObject.resource,
        NetworkPolicy.resource, PodDisruptionBudget.resource,
    ]

    /// Owned kinds the cluster may not serve (KEDA's CRDs): their watches treat "not served" as empty.
    public static let optionalResources: Set<ResourceDescriptor> = [TriggerAuthentication.resource, ScaledObject.resource]

    var finalizer: Finalizer { Finalizer(name: configuration.finalizer, client: client) }

    public func reconcile(_ pipeline: RAGPipeline, context: ReconcileContext) async throws -> ReconcileAction {
        let hasFinalizer = pipeline.metadata.finalizers?.contains(configuration.finalizer) ?? false
        if pipeline.metadata.deletionTimestamp != nil {
            guard hasFinalizer else { return .done }
            return try await cleanup(pipeline, context: context)
        }
        if needsFinalizer(pipeline) {
            if !hasFinalizer {
                try await finalizer.add(to: pipeline)
                return .done  // the change comes back through the watch
            }
        } else if hasFinalizer && (!podIdentity.isManaged || (pipeline.status?.podIdentityAssociations ?? []).isEmpty) {
            // Nothing left to clean up (or nobody who could): a finalizer now would only block deletion.
            if !podIdentity.isManaged {
                await record(pipeline, "Warning", "PodIdentityNotManaged", "Removed finalizer \(configuration.finalizer): this operator does not manage EKS Pod Identity (--pod-identity is off)", action: "Finalize")
            }
            try await finalizer.remove(from: pipeline)
            return .done
        }
        do {
            return try await apply(pipeline, context: context)
        } catch let error as TerminalError {
            try await reportTerminal(error, of: pipeline, context: context)
            throw error
        }
    }

    /// A failure retrying cannot fix: a Warning Event, `Degraded=True` with the reason, `Ready=False`,
    /// and a warning log; the controller does not retry until the pipeline changes.
    func reportTerminal(_ error: TerminalError, of pipeline: RAGPipeline, context: ReconcileContext) async throws {
        context.logger.warning("reconcile failed permanently: \(error.message)")
        await record(pipeline, "Warning", "ReconcileFailed", error.message, action: "Reconcile")
        var status = pipeline.status ?? RAGPipelineStatus()
        var conditions = status.conditions ?? []
        let generation = pipeline.metadata.generation
        conditions.set(Condition(type: RAGPipelineConditionType.degraded, status: "True", reason: "ReconcileFailed", message: error.message, observedGeneration: generation, lastTransitionTime: Timestamp(now())))
        conditions.set(Condition(type: RAGPipelineConditionType.ready, status: "False", reason: "Degraded", message: "reconcile failed and will not be retried until the spec changes: \(error.message)", observedGeneration: generation, lastTransitionTime: Timestamp(now())))
        status.conditions = conditions
        status.observedGeneration = generation
        try await writeStatus(status, of: pipeline)
    }

    /// The finalizer guards associations, so it is wanted only when the operator manages them and the
    /// pipeline asks for some.
    func needsFinalizer(_ pipeline: RAGPipeline) -> Bool {
        guard podIdentity.isManaged else { return false }
        if !(pipeline.status?.podIdentityAssociations ?? []).isEmpty { return true }  // still to clean up
        guard let cluster = pipeline.spec.aws?.clusterName, !cluster.isEmpty else { return false }
        return !DesiredState.componentsNeedingAWS(of: pipeline, options: configuration.buildOptions).isEmpty
    }

    func apply(_ pipeline: RAGPipeline, context: ReconcileContext) async throws -> ReconcileAction {
        let problems = DesiredState.problems(of: pipeline, options: configuration.buildOptions)
        guard problems.isEmpty else {
            context.logger.info("invalid spec: \(problems.summary)")
            await record(pipeline, "Warning", "InvalidSpec", problems.summary, action: "Validate")
            try await writeStatus(PipelineStatusBuilder.invalid(pipeline, problems: problems, now: now()), of: pipeline)
            return .done
        }
        let precompile = precompileState(of: pipeline)
        let kedaInstalled = try await isKEDAInstalled(for: pipeline)
        var desired: [DesiredObject]
        do {
            desired = try DesiredState.children(
                of: pipeline, options: configuration.buildOptions, compiledArtifactsReady: precompile.artifactsReady, kedaInstalled: kedaInstalled)
        } catch {
            throw TerminalError("cannot build the children of \(context.key): \(error)")
        }
        // Credentials first: EKS injects them at pod admission, so a pod admitted before its
        // association exists runs without them until something rolls it.
        let podIdentityState = await syncPodIdentity(pipeline, context: context)
        desired = try DesiredState.annotating(desired, with: podIdentityState.associations)
        let token = try withIngestToken(&desired, of: pipeline)
        let claimDifferences = retainingClaimSpecs(&desired, of: pipeline)
        desired = try desired.map(ChildApplyDecision.stamped)
        var held = podIdentityState.failure == nil ? [] : workloadsAwaitingCredentials(desired, of: pipeline, have: podIdentityState.associations)
        held.formUnion(workloadsAwaitingCompilation(desired, state: precompile))
        try await applyChildren(desired.filter { !held.contains($0.key) || !ChildApplyDecision.isWorkload($0.descriptor) }, of: pipeline, context: context)
        try await pruneChildren(keeping: desired, of: pipeline, context: context)

        var inputs = PipelineStatusBuilder.Inputs(
            pipeline: pipeline, desired: desired, live: { live($0) }, associations: podIdentityState.associations,
            podIdentityFailure: podIdentityState.failure, podIdentityManaged: podIdentity.isManaged, now: now())
        inputs.precompile = precompile
        inputs.compileCacheDifferences = claimDifferences
        inputs.kedaInstalled = kedaInstalled
        let status = PipelineStatusBuilder.status(inputs)
        let kedaMissing = { (status: RAGPipelineStatus?) in status?.conditions?[type: RAGPipelineConditionType.autoscalingReady]?.reason == PipelineStatusBuilder.kedaNotInstalled }
        if kedaMissing(status), !kedaMissing(pipeline.status) {   // once, when it is first found missing
            await record(pipeline, "Warning", PipelineStatusBuilder.kedaNotInstalled, status.conditions?[type: RAGPipelineConditionType.autoscalingReady]?.message ?? "", action: "Autoscale")
        }
        let compileFailed = { (status: RAGPipelineStatus?) in status?.conditions?[type: RAGPipelineConditionType.compiledArtifactsReady]?.reason == "CompileFailed" }
        if compileFailed(status), !compileFailed(pipeline.status) {   // once, when the Job fails
            await record(pipeline, "Warning", "CompileFailed", status.conditions?[type: RAGPipelineConditionType.compiledArtifactsReady]?.message ?? "", action: "Compile")
        }
        let exposed = { (status: RAGPipelineStatus?) in status?.conditions?.first { $0.type == RAGPipelineConditionType.publiclyExposed }?.status == "True" }
        if exposed(status), !exposed(pipeline.status) {   // once, when it becomes true: steady state stays write-free
            await record(pipeline, "Warning", "InternetFacingWithoutAuth", "The UI's load balancer is internet-facing without sign-in: anyone on the internet can ask questions. Set spec.ui.ingress.auth, or scheme internal.", action: "Expose")
        }
        try await writeStatus(status, of: pipeline)
        if let failure = podIdentityState.failure { throw PodIdentitySyncError(message: failure) }
        var updated = pipeline
        updated.status = status
        if !needsFinalizer(updated) {
            // The last association is gone (the spec stopped asking for AWS): nothing left to guard.
            try await finalizer.remove(from: pipeline)
        }
        if let recheck = token.recheckAfter, recheck < configuration.resync.timeInterval {
            return .requeue(after: .milliseconds(Int64(recheck * 1000) + 1000))   // drop the previous token when its overlap ends
        }
        if kedaMissing(status) { return .requeue(after: min(configuration.kedaRecheck, configuration.resync)) }
        return .requeue(after: configuration.resync)
    }

    /// Fills the ingest-token Secret among `desired` with the token it should hold (``IngestTokenPlan``):
    /// the live one, a new one on first creation or rotation, and the previous one during the overlap.
    func withIngestToken(_ desired: inout [DesiredObject], of pipeline: RAGPipeline) throws -> IngestTokenPlan {
        guard let index = desired.firstIndex(where: { $0.descriptor == Secret.resource }) else {
            return IngestTokenPlan(data: [:], annotations: [:], recheckAfter: nil)
        }
        let live = live(desired[index]).map { json -> (data: [String: String], annotations: [String: String]) in
            let data = json["data"]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
            let annotations = json[path: ["metadata", "annotations"]]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
            return (data, annotations)
        }
        let plan = IngestTokenPlan.plan(
            live: live, rotationRequest: pipeline.metadata.annotations?[IngestTokenBuilder.rotateAnnotation], now: now(),
            newToken: IngestTokenPlan.randomToken)
        var body = desired[index].body
        body["data"] = .object(plan.data.mapValues { .string($0) })
        var annotations = body[path: ["metadata", "annotations"]]?.objectValue ?? [:]
        for (key, value) in plan.annotations { annotations[key] = .string(value) }
        body["metadata"]?["annotations"] = .object(annotations)
        desired[index].body = body
        return plan
    }

    /// Writes `status` when it differs from the cached one, as a merge patch computed against it, so
    /// fields the new status no longer has (`url`, associations, a component) are removed, not kept.
    func writeStatus(_ status: RAGPipelineStatus, of pipeline: RAGPipeline) async throws {
        guard status != pipeline.status else { return }
        let old = try pipeline.status.map { try JSONValue(encoding: $0) } ?? .object([:])
        guard let diff = JSONMergePatch.diff(from: old, to: try JSONValue(encoding: status)) else { return }
        // The diff is only right against the status it was computed from: a stale cache answers 409
        // and the reconcile retries on a fresher copy, instead of leaving fields it did not know of.
        var patch: JSONValue = ["status": diff]
        if let resourceVersion = pipeline.metadata.resourceVersion { patch["metadata"] = ["resourceVersion": .string(resourceVersion)] }
        _ = try await client.patch(RAGPipeline.self, name: pipeline.metadata.name ?? "", namespace: pipeline.metadata.namespace, patch: patch, subresource: "status")
    }

    func record(_ pipeline: RAGPipeline, _ type: String, _ reason: String, _ note: String, action: String) async {
        let reference = ObjectReference(apiVersion: RAGPipeline.apiVersion, kind: RAGPipeline.kind, namespace: pipeline.metadata.namespace, name: pipeline.metadata.name, uid: pipeline.metadata.uid)
        await events.record(type, reason: reason, note: note, action: action, regarding: reference)
    }
}

/// Pod Identity associations could not be brought in line; the reconcile retries with backoff.
struct PodIdentitySyncError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
