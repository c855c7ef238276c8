import CRDs
import KubernetesCore

/// The stream consumer: `rag-runtime consumer`, reading `source.kinesis`, embedding and indexing.
///
/// It runs only when `source.kinesis` is set. With the embedded vector store the backend owns the
/// index, so the consumer indexes through the backend's internal listener (`BACKEND_URL`), with
/// the pipeline's ingest token.
public enum ConsumerBuilder {
    /// Whether the pipeline runs a consumer.
    public static func isEnabled(_ context: BuildContext) -> Bool { context.spec.source?.kinesis != nil }

    /// The consumer Deployment, or `nil` without a Kinesis source.
    public static func deployment(_ context: BuildContext) throws -> Deployment? {
        guard isEnabled(context) else { return nil }
        let spec = context.spec
        let env = RuntimeEnvironment.env(context, for: .consumer)
        let container = DeploymentAssembler.runtimeContainer(context, args: ["consumer"], env: env, resources: spec.consumer?.resources)
        var workload = DeploymentAssembler.Workload(
            component: .consumer, replicas: context.appliedReplicas(.consumer),
            container: container, overrides: spec.consumer?.podTemplate)
        if IngestTokenBuilder.isMounted(in: .consumer, context) { workload.volumes.append(IngestTokenBuilder.volume(context)) }
        return try DeploymentAssembler.deployment(context, workload)
    }
}
