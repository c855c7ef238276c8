import CRDs
import Foundation
import KubernetesClient
import KubernetesController
import KubernetesCore
import Logging

/// Builds the RAGPipeline controller the same way for `rag-operator run`, `rag-operator-dev dev` and tests.
public enum OperatorAssembly {
    /// What the operator watches and how it runs.
    public struct Options: Sendable {
        /// Watch one namespace only; `nil` watches all.
        public var namespace: String?
        public var concurrency = 2
        public var identity = ProcessInfo.processInfo.hostName
        public var buildOptions = BuildOptions()
        public var resync: Duration = .seconds(300)
        /// How long deletion waits for EKS to delete a pipeline's associations (default 10 minutes).
        public var podIdentityCleanupTimeout: Duration = .seconds(600)
        /// How long discovery answers (is KEDA installed?) are reused (``ServedResources/Policy``).
        public var discovery = ServedResources.Policy()
        /// How soon a pipeline waiting for KEDA is reconciled again (default 60 s).
        public var kedaRecheck: Duration = .seconds(60)

        public init(namespace: String? = nil) { self.namespace = namespace }
    }

    /// Children are cached only when the operator manages them (`app.kubernetes.io/managed-by=rag-operator`).
    public static let managedSelector = "app.kubernetes.io/managed-by=rag-operator"

    public static func controller(
        client: KubernetesClient, podIdentity: any PodIdentityAssociations, options: Options, leadership: LeadershipGate? = nil,
        logger: Logger, now: @escaping @Sendable () -> Date = Date.init
    ) -> Controller<RAGPipelineReconciler> {
        var configuration = RAGPipelineReconciler.Configuration(buildOptions: options.buildOptions)
        let fieldManager = configuration.fieldManager
        let secondaries = RAGPipelineReconciler.ownedResources.map { resource in
            // The cache keeps children as compact bytes with only the operator's own managedFields
            // entry: what ChildApplyDecision reads. At fleet scale this is most of the operator's memory.
            let watch = SecondaryWatch.owned(resource, by: RAGPipeline.self, namespace: options.namespace, labelSelector: managedSelector)
                .transformed { $0.keepingManagedFields(of: fieldManager) }
            // KEDA may not be installed: its kinds are watched once served, never failing readiness.
            return RAGPipelineReconciler.optionalResources.contains(resource) ? watch.optional() : watch
        }
        let events = EventRecorder(controller: "rag-operator", instance: options.identity, client: client, logger: logger, now: now)
        configuration.resync = options.resync
        configuration.podIdentityCleanupTimeout = options.podIdentityCleanupTimeout
        configuration.podIdentityCleanupRetry = min(configuration.podIdentityCleanupRetry, options.podIdentityCleanupTimeout / 4)
        configuration.kedaRecheck = options.kedaRecheck
        let served = ServedResources(client: client, policy: options.discovery, now: now)
        return Controller(
            name: "ragpipeline", client: client, namespace: options.namespace, secondaries: secondaries, concurrency: options.concurrency,
            leadership: leadership, logger: logger, ignoresStatusOnlyChanges: true
        ) { caches in
            RAGPipelineReconciler(client: client, caches: caches, podIdentity: podIdentity, events: events, configuration: configuration, served: served, now: now)
        }
    }
}
