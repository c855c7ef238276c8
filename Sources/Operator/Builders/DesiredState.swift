import CRDs
import KubernetesCore

/// Spec in, manifests out: every object a RAGPipeline should own, computed without I/O.
///
/// ```swift
/// let objects = try DesiredState.children(of: pipeline, options: BuildOptions(runtimeImage: image))
/// for object in objects {
///     _ = try await client.apply(object.descriptor, body: object.body, namespace: object.namespace, fieldManager: "rag-operator", force: true)
/// }
/// ```
///
/// A component the spec turns off (producer disabled, `llm.external`, ingress or network policy
/// disabled, no Kinesis source) yields no objects, so the reconciler deletes what it finds left over.
public enum DesiredState {
    /// The pipeline's children, in apply order: ServiceAccounts, the ingest-token Secret (without
    /// its value, which the reconciler fills in), storage, Services, the pre-compilation Job,
    /// Deployments, Ingress, autoscalers (HorizontalPodAutoscalers; with KEDA the TriggerAuthentication
    /// and ScaledObjects), PodDisruptionBudgets, NetworkPolicies.
    ///
    /// - Parameters:
    ///   - compiledArtifactsReady: whether the pre-compilation Job for vLLM's current artifact
    ///     key succeeded (``BuildContext/compiledArtifactsReady``), which shortens vLLM's startup probe.
    ///   - kedaInstalled: whether the cluster serves KEDA's ScaledObjects (``BuildContext/kedaInstalled``);
    ///     without it, vLLM and consumer autoscaling yield no objects and `minReplicas` fixed replicas.
    ///
    /// - Throws: ``DesiredStateError/invalidSpec(_:)`` when ``RAGPipeline/validate()`` finds problems
    ///   (nothing should be applied then), or ``DesiredStateError/encodingFailed(kind:name:underlying:)``.
    public static func children(
        of pipeline: RAGPipeline, options: BuildOptions = BuildOptions(), compiledArtifactsReady: Bool = false, kedaInstalled: Bool = false
    ) throws(DesiredStateError) -> [DesiredObject] {
        let problems = self.problems(of: pipeline, options: options)
        guard problems.isEmpty else { throw .invalidSpec(problems) }
        let context = BuildContext(pipeline: pipeline, options: options, compiledArtifactsReady: compiledArtifactsReady, kedaInstalled: kedaInstalled)
        var objects = ObjectCollector()
        for component in PipelineComponent.allCases where runs(component, context) {
            objects.add(component, ServiceAccountBuilder.serviceAccount(context, for: component))
        }
        objects.add(PipelineComponent.shared, IngestTokenBuilder.secret(context))
        objects.add(.backend, BackendBuilder.dataClaim(context))
        objects.add(.vllm, CompileCacheBuilder.claim(context))
        objects.add(.backend, BackendBuilder.service(context))
        objects.add(.ui, UIBuilder.service(context))
        objects.add(.vllm, VLLMBuilder.service(context))
        objects.add(.vllm) { try PrecompileJobBuilder.job(context) }
        objects.add(.backend) { try BackendBuilder.deployment(context) }
        objects.add(.ui) { try UIBuilder.deployment(context) }
        objects.add(.consumer) { try ConsumerBuilder.deployment(context) }
        objects.add(.producer) { try ProducerBuilder.deployment(context) }
        objects.add(.vllm) { try VLLMBuilder.deployment(context) }
        objects.add(.ui) { try IngressBuilder.ingress(context) }
        objects.add(.backend, HorizontalPodAutoscalerBuilder.autoscaler(context, for: .backend))
        objects.add(.ui, HorizontalPodAutoscalerBuilder.autoscaler(context, for: .ui))
        objects.add(.consumer, ScaledObjectBuilder.triggerAuthentication(context))
        objects.add(.consumer, ScaledObjectBuilder.consumer(context))
        objects.add(.vllm, ScaledObjectBuilder.vllm(context))
        for (component, replicas) in replicas(context) {
            objects.add(component, PDBBuilder.podDisruptionBudget(context, for: component, replicas: replicas))
        }
        for policy in NetworkPolicyBuilder.policies(context) {
            let component = policy.metadata.labels?["app.kubernetes.io/component"] ?? PipelineComponent.shared
            objects.add(component, policy)
        }
        if let error = objects.error { throw error }
        return objects.objects
    }

    /// What stops a pipeline from being built: the spec's own problems (``RAGPipeline/validate()``)
    /// and the operator's policy (role ARNs outside ``BuildOptions/allowedRoleARNs``).
    public static func problems(of pipeline: RAGPipeline, options: BuildOptions) -> [SpecProblem] {
        var problems = pipeline.validate()
        guard problems.isEmpty, let pattern = options.allowedRoleARNs else { return problems }
        let allowed: Regex<AnyRegexOutput>
        do {
            allowed = try Regex(pattern)
        } catch {
            return [SpecProblem(field: "spec.aws.podIdentity.roleArn", message: "the operator's --allowed-role-arns is not a regular expression: \(error)")]
        }
        let spec = pipeline.spec
        let overridden: Set<String> = Set([
            spec.backend?.podIdentity.map { _ in "backend" }, spec.consumer?.podIdentity.map { _ in "consumer" },
            spec.producer?.podIdentity.map { _ in "producer" }, spec.llm.vllm?.podIdentity.map { _ in "vllm" },
        ].compactMap { $0 })
        var reported: Set<String> = []
        for binding in componentsNeedingAWS(of: pipeline, options: options) {
            let matched: Bool
            do {
                matched = try allowed.wholeMatch(in: binding.roleArn) != nil
            } catch {
                matched = false   // a pattern that cannot be evaluated allows nothing
            }
            let field = !overridden.contains(binding.component) ? "spec.aws.podIdentity.roleArn"
                : binding.component == PipelineComponent.vllm.rawValue ? "spec.llm.vllm.podIdentity.roleArn" : "spec.\(binding.component).podIdentity.roleArn"
            guard !matched, reported.insert(field).inserted else { continue }
            problems.append(SpecProblem(field: field, message: "\(binding.roleArn) is not allowed by this operator (--allowed-role-arns \(pattern))"))
        }
        return problems
    }

    /// Whether a component runs: backend and UI always; consumer with `source.kinesis`; producer when
    /// enabled; vLLM with `llm.vllm`.
    public static func runs(_ component: PipelineComponent, _ context: BuildContext) -> Bool {
        switch component {
        case .backend, .ui: true
        case .consumer: ConsumerBuilder.isEnabled(context)
        case .producer: ProducerBuilder.isEnabled(context)
        case .vllm: VLLMBuilder.isEnabled(context)
        }
    }

    /// The most replicas of every running component (after defaults): the fixed count, or an
    /// autoscaler's `maxReplicas` (``BuildContext/mostReplicas(_:)``), which decides the PodDisruptionBudgets.
    public static func replicas(_ context: BuildContext) -> [(PipelineComponent, Int)] {
        PipelineComponent.allCases.filter { runs($0, context) }.map { ($0, context.mostReplicas($0)) }
    }
}
