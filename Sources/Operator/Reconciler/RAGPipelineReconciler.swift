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
/// - Steady state costs zero writes: a child is applied only when the cached live object does not
///   already hold every desired field; status is written only when it changed.
/// - Children the spec no longer asks for (an ingress turned off, an external LLM instead of vLLM)
///   are deleted; owned objects are watched, so drift is reverted on the next reconcile.
/// - An invalid spec sets InvalidSpec (and an Event) and changes no child; the next spec change retries.
/// - Pod Identity associations are found by listing before creating (idempotent across crashes)
///   and deleted behind the `rag.dev/pod-identity` finalizer.
public struct RAGPipelineReconciler: Reconciler {
    public typealias Resource = RAGPipeline

    public struct Configuration: Sendable {
        public var fieldManager = "rag-operator"
        public var finalizer = "rag.dev/pod-identity"
        /// Periodic resync even when nothing changes (default 5 minutes).
        public var resync: Duration = .seconds(300)
        public var buildOptions: BuildOptions

        public init(buildOptions: BuildOptions) { self.buildOptions = buildOptions }
    }

    let client: KubernetesClient
    let caches: [ResourceDescriptor: Store<DynamicObject>]
    let podIdentity: any PodIdentityAssociations
    let events: EventRecorder
    let configuration: Configuration
    let now: @Sendable () -> Date

    public init(client: KubernetesClient, caches: [ResourceDescriptor: Store<DynamicObject>], podIdentity: any PodIdentityAssociations,
                events: EventRecorder, configuration: Configuration, now: @escaping @Sendable () -> Date = Date.init) {
        self.client = client
        self.caches = caches
        self.podIdentity = podIdentity
        self.events = events
        self.configuration = configuration
        self.now = now
    }

    /// The kinds of children, which the controller must watch (and cache) for this reconciler.
    public static let ownedResources: [ResourceDescriptor] = [
        ServiceAccount.resource, PersistentVolumeClaim.resource, Deployment.resource, Service.resource, Ingress.resource,
        NetworkPolicy.resource, PodDisruptionBudget.resource,
    ]

    public func reconcile(_ pipeline: RAGPipeline, context: ReconcileContext) async throws -> ReconcileAction {
        let finalizer = Finalizer(name: configuration.finalizer, client: client)
        return try await finalizer.reconcile(pipeline) { event in
            switch event {
            case .apply(let pipeline): return try await apply(pipeline, context: context)
            case .cleanup(let pipeline):
                try await releasePodIdentity(pipeline, context: context)
                return .done
            }
        }
    }

    func apply(_ pipeline: RAGPipeline, context: ReconcileContext) async throws -> ReconcileAction {
        let problems = pipeline.validate()
        guard problems.isEmpty else {
            context.logger.info("invalid spec: \(problems.summary)")
            await record(pipeline, "Warning", "InvalidSpec", problems.summary, action: "Validate")
            try await writeStatus(PipelineStatusBuilder.invalid(pipeline, problems: problems, now: now()), of: pipeline)
            return .done
        }
        let desired: [DesiredObject]
        do {
            desired = try DesiredState.children(of: pipeline, options: configuration.buildOptions)
        } catch {
            throw TerminalError("cannot build the children of \(context.key): \(error)")
        }
        try await applyChildren(desired, of: pipeline, context: context)
        try await pruneChildren(keeping: desired, of: pipeline, context: context)

        var associations: [PodIdentityAssociationStatus] = []
        var podIdentityFailure: String?
        do {
            associations = try await syncPodIdentity(pipeline, context: context)
        } catch {
            podIdentityFailure = "\(error)"
            await record(pipeline, "Warning", "PodIdentitySyncFailed", "\(error)", action: "Associate")
        }
        let inputs = PipelineStatusBuilder.Inputs(
            pipeline: pipeline, desired: desired, live: { live($0) }, associations: associations, podIdentityFailure: podIdentityFailure, now: now())
        try await writeStatus(PipelineStatusBuilder.status(inputs), of: pipeline)
        if let podIdentityFailure { throw PodIdentitySyncError(message: podIdentityFailure) }
        return .requeue(after: configuration.resync)
    }

    func live(_ object: DesiredObject) -> JSONValue? {
        caches[object.descriptor]?.object(for: ObjectKey(namespace: object.descriptor.namespaced ? object.namespace : nil, name: object.name))?.json
    }

    func applyChildren(_ desired: [DesiredObject], of pipeline: RAGPipeline, context: ReconcileContext) async throws {
        for object in desired {
            let current = live(object)
            if let current, ObjectContainment.contains(current, object.body) { continue }
            do {
                _ = try await client.apply(object.descriptor, body: object.body, namespace: object.namespace, fieldManager: configuration.fieldManager, force: true)
            } catch {
                await record(pipeline, "Warning", "ApplyFailed", "\(object.descriptor.kind) \(object.name): \(error.message)", action: "Apply")
                throw error
            }
            let verb = current == nil ? "Created" : "Updated"
            context.logger.info("\(verb.lowercased()) \(object.descriptor.kind) \(object.name)")
            await record(pipeline, "Normal", verb, "\(verb) \(object.descriptor.kind) \(object.name)", action: "Apply")
        }
    }

    func pruneChildren(keeping desired: [DesiredObject], of pipeline: RAGPipeline, context: ReconcileContext) async throws {
        guard let uid = pipeline.metadata.uid else { return }
        let wanted = Set(desired.map { "\($0.descriptor.plural).\($0.descriptor.group)/\($0.name)" })
        for resource in Self.ownedResources {
            for child in caches[resource]?.objects(ownedBy: uid) ?? [] where !wanted.contains("\(resource.plural).\(resource.group)/\(child.metadata.name ?? "")") {
                let isController = child.metadata.ownerReferences?.contains { $0.uid == uid && $0.controller == true } ?? false
                guard isController, let name = child.metadata.name else { continue }
                do {
                    try await client.delete(resource, name: name, namespace: child.metadata.namespace, options: .background)
                } catch {
                    if !error.isNotFound { throw error }
                }
                context.logger.info("deleted \(resource.kind) \(name): no longer in the spec")
                await record(pipeline, "Normal", "Deleted", "Deleted \(resource.kind) \(name): no longer in the spec", action: "Delete")
            }
        }
    }

    func writeStatus(_ status: RAGPipelineStatus, of pipeline: RAGPipeline) async throws {
        guard status != pipeline.status else { return }
        let body: JSONValue = ["status": try JSONValue(encoding: status)]
        _ = try await client.patch(RAGPipeline.self, name: pipeline.metadata.name ?? "", namespace: pipeline.metadata.namespace, patch: body, subresource: "status")
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
