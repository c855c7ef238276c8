import CRDs
import Foundation
import KubernetesController
import KubernetesCore

/// Computes a RAGPipeline's status from its desired children and what the caches hold. Pure.
///
/// Conditions follow the API conventions: `lastTransitionTime` changes only when a condition's
/// status changes, and every condition carries the generation it describes.
enum PipelineStatusBuilder {
    struct Inputs {
        var pipeline: RAGPipeline
        var desired: [DesiredObject]
        var live: (DesiredObject) -> JSONValue?
        var associations: [PodIdentityAssociationStatus]
        var podIdentityFailure: String?
        /// Whether this operator manages Pod Identity (`--pod-identity`); when not, PodIdentityReady says so.
        var podIdentityManaged = true
        var now: Date
        /// The pre-compilation Job's state (``PrecompileState``).
        var precompile: PrecompileState = .notRequested
        /// What the spec would change on the compile cache's live claim (``ClaimSpecRetention``).
        var compileCacheDifferences: [String] = []
        /// Whether the cluster serves KEDA's ScaledObjects (asked only when the spec wants them).
        var kedaInstalled = false
    }

    static func status(_ inputs: Inputs) -> RAGPipelineStatus {
        let pipeline = inputs.pipeline
        let generation = pipeline.metadata.generation
        var status = pipeline.status ?? RAGPipelineStatus()
        var conditions = status.conditions ?? []
        func set(_ type: String, _ ok: Bool, _ reason: String, _ message: String) {
            conditions.set(Condition(type: type, status: ok ? "True" : "False", reason: reason, message: message, observedGeneration: generation, lastTransitionTime: Timestamp(inputs.now)))
        }
        var components = ComponentReplicaStatuses()
        var allReady = true
        // Each workload and the condition that reports it (the producer has none of its own).
        let componentConditions: [(component: PipelineComponent, condition: String?)] = [
            (.backend, RAGPipelineConditionType.backendReady), (.ui, RAGPipelineConditionType.uiReady),
            (.consumer, RAGPipelineConditionType.consumerReady), (.producer, nil), (.vllm, RAGPipelineConditionType.llmReady),
        ]
        for (component, conditionType) in componentConditions {
            let deployment = inputs.desired.first { $0.descriptor == Deployment.resource && $0.pipelineComponent == component }
            guard let deployment else {
                if component == .vllm, let conditionType {
                    set(conditionType, true, "External", "answers come from the external endpoint \(pipeline.spec.llm.external?.url ?? "")")
                } else if let conditionType {
                    set(conditionType, true, "NotConfigured", "the spec does not run a \(component.rawValue)")
                }
                continue
            }
            var counts = replicaCounts(desired: deployment.body, live: inputs.live(deployment))
            if component == .vllm, inputs.precompile.holdsDeployment, counts.reason == "NotCreated" {
                counts.reason = "AwaitingCompiledArtifacts"
            }
            switch component {
            case .backend: components.backend = counts.replicas
            case .ui: components.ui = counts.replicas
            case .consumer: components.consumer = counts.replicas
            case .producer: components.producer = counts.replicas
            case .vllm: components.llm = counts.replicas
            }
            if !counts.available { allReady = false }
            if let conditionType {
                set(conditionType, counts.available, counts.available ? "Available" : counts.reason,
                    "\(deployment.name): \(counts.replicas.ready)/\(counts.replicas.desired) replicas ready")
            }
        }
        if let ingress = inputs.desired.first(where: { $0.descriptor == Ingress.resource }) {
            do {
                let address = try ingressAddress(desired: ingress.body, live: inputs.live(ingress))
                if let hostname = address.hostname {
                    status.url = address.url
                    set(RAGPipelineConditionType.ingressReady, true, "LoadBalancerProvisioned", "load balancer \(hostname)")
                } else {
                    allReady = false
                    status.url = nil
                    set(RAGPipelineConditionType.ingressReady, false, "AwaitingLoadBalancer", "waiting for the ingress controller to provision a load balancer")
                }
            } catch {
                allReady = false
                status.url = nil
                set(RAGPipelineConditionType.ingressReady, false, "Unreadable", "\(ingress.name): the cached Ingress does not decode: \(error)")
            }
        } else {
            status.url = nil
            set(RAGPipelineConditionType.ingressReady, true, "NotRequested", "spec.ui.ingress is not enabled")
        }
        if IngressBuilder.isPubliclyExposedWithoutAuth(BuildContext(pipeline: pipeline)) {
            set(RAGPipelineConditionType.publiclyExposed, true, "InternetFacingWithoutAuth",
                "the UI's load balancer is internet-facing and nobody has to sign in; set spec.ui.ingress.auth, or scheme internal")
        } else {
            let ingress = pipeline.spec.ui?.ingress
            let reason = ingress?.enabled != true ? "NoIngress" : ingress?.auth != nil ? "Authenticated" : "Internal"
            set(RAGPipelineConditionType.publiclyExposed, false, reason, reason == "Authenticated" ? "users sign in at the load balancer" : "the UI is not reachable from the internet")
        }
        if let failure = inputs.podIdentityFailure {
            allReady = false
            set(RAGPipelineConditionType.podIdentityReady, false, "SyncFailed", failure)
            set(RAGPipelineConditionType.degraded, true, "PodIdentitySyncFailed", failure)
        } else if !inputs.podIdentityManaged, pipeline.spec.aws?.clusterName?.isEmpty == false {
            let accounts = DesiredState.componentsNeedingAWS(of: pipeline).map(\.serviceAccount)
            let message = accounts.isEmpty
                ? "no component needs AWS credentials"
                : "this operator does not manage EKS Pod Identity (--pod-identity is off): associations for \(accounts.joined(separator: ", ")) must come from elsewhere (Terraform, eksctl)"
            set(RAGPipelineConditionType.podIdentityReady, true, "NotManaged", message)
            set(RAGPipelineConditionType.degraded, false, "AsExpected", "no component is degraded")
        } else {
            let message = inputs.associations.isEmpty ? "no component needs AWS credentials" : "\(inputs.associations.count) association(s) in place"
            set(RAGPipelineConditionType.podIdentityReady, true, inputs.associations.isEmpty ? "NotRequired" : "Associated", message)
            set(RAGPipelineConditionType.degraded, false, "AsExpected", "no component is degraded")
        }
        setCompileCacheConditions(&conditions, inputs)
        setAutoscalingCondition(&conditions, inputs)
        set(RAGPipelineConditionType.invalidSpec, false, "Valid", "the spec is valid")
        set(RAGPipelineConditionType.ready, allReady, allReady ? "AllComponentsReady" : "ComponentsNotReady",
            allReady ? "every component is ready" : "waiting for: \(conditions.filter { $0.status == "False" && !Self.abnormalWhenTrue.contains($0.type) }.map(\.type).joined(separator: ", "))")
        status.conditions = conditions
        status.components = components
        status.podIdentityAssociations = inputs.associations.isEmpty ? nil : inputs.associations
        status.llmModel = pipeline.spec.llm.modelName
        status.observedGeneration = generation
        return status
    }

    /// Conditions that are False when all is well, so never "waited for".
    static let abnormalWhenTrue: Set<String> = [
        RAGPipelineConditionType.invalidSpec, RAGPipelineConditionType.degraded, RAGPipelineConditionType.ready,
        RAGPipelineConditionType.publiclyExposed, RAGPipelineConditionType.terminating,
        RAGPipelineConditionType.autoscalingReady,   // informational: fixed replicas still serve
    ]

    /// The status for a spec that cannot be reconciled: InvalidSpec with the problems, not Ready.
    static func invalid(_ pipeline: RAGPipeline, problems: [SpecProblem], now: Date) -> RAGPipelineStatus {
        var status = pipeline.status ?? RAGPipelineStatus()
        var conditions = status.conditions ?? []
        let generation = pipeline.metadata.generation
        conditions.set(Condition(type: RAGPipelineConditionType.invalidSpec, status: "True", reason: "ValidationFailed", message: problems.summary, observedGeneration: generation, lastTransitionTime: Timestamp(now)))
        conditions.set(Condition(type: RAGPipelineConditionType.ready, status: "False", reason: "InvalidSpec", message: "the spec is invalid: \(problems.summary)", observedGeneration: generation, lastTransitionTime: Timestamp(now)))
        status.conditions = conditions
        status.observedGeneration = generation
        return status
    }

    /// Replica counts and availability of a Deployment, read through the typed model.
    ///
    /// A cached object that does not decode as a Deployment (never seen from a real API server)
    /// counts as not available, reason `Unreadable`, instead of being read as zero replicas.
    /// The parts of a Deployment the replica counts read, typed: decoding only these (not the whole
    /// pod template) keeps a steady-state reconcile of a large fleet cheap.
    struct ReplicaView: Decodable {
        struct Metadata: Decodable { var generation: Int64? }
        struct Spec: Decodable { var replicas: Int? }
        var metadata: Metadata?
        var spec: Spec?
        var status: DeploymentStatus?
    }

    static func replicaCounts(desired: JSONValue, live: JSONValue?) -> (replicas: ReplicaCounts, available: Bool, reason: String) {
        let wanted: Int
        let current: ReplicaView?
        do {
            current = try live?.decode(ReplicaView.self)
            // Without replicas in the desired object an autoscaler owns them: the live count is the goal.
            wanted = try desired.decode(ReplicaView.self).spec?.replicas ?? current?.spec?.replicas ?? 1
        } catch {
            return (ReplicaCounts(desired: 0, ready: 0), false, "Unreadable")
        }
        guard let current else { return (ReplicaCounts(desired: wanted, ready: 0), false, "NotCreated") }
        let status = current.status
        let upToDate = (status?.observedGeneration ?? 0) >= (current.metadata?.generation ?? 0)
        let ok = upToDate && (status?.availableReplicas ?? 0) >= wanted
        return (ReplicaCounts(desired: wanted, ready: status?.readyReplicas ?? 0), ok, upToDate ? "Unavailable" : "Progressing")
    }

    /// The load balancer's hostname and the URL the Ingress serves (`nil` while there is no load
    /// balancer), read through the typed model.
    ///
    /// - Throws: A decoding error when the desired or cached object is not an Ingress.
    static func ingressAddress(desired: JSONValue, live: JSONValue?) throws -> (hostname: String?, url: String?) {
        let wanted = try desired.decode(Ingress.self)
        guard let current = try live?.decode(Ingress.self),
              let hostname = current.status?.loadBalancer?.ingress?.compactMap(\.hostname).first
        else { return (nil, nil) }
        let tls = wanted.spec?.tls != nil || wanted.metadata.annotations?["alb.ingress.kubernetes.io/certificate-arn"] != nil
        let host = wanted.spec?.rules?.first?.host
        return (hostname, "\(tls ? "https" : "http")://\(host ?? hostname)")
    }
}
