import CRDs
import KubernetesCore

/// The synthetic telemetry producer: `rag-runtime producer`, writing to `source.kinesis`.
public enum ProducerBuilder {
    /// Whether the pipeline runs a producer (`producer.enabled` and a Kinesis stream to write to).
    public static func isEnabled(_ context: BuildContext) -> Bool {
        context.spec.producer?.enabled == true && context.spec.source?.kinesis != nil
    }

    /// The producer Deployment (always one replica), or `nil` when disabled.
    public static func deployment(_ context: BuildContext) throws -> Deployment? {
        guard isEnabled(context), let producer = context.spec.producer else { return nil }
        let env = RuntimeEnvironment.env(context, for: .producer)
        let container = DeploymentAssembler.runtimeContainer(context, args: ["producer"], env: env, resources: producer.resources)
        return try DeploymentAssembler.deployment(context, .init(component: .producer, replicas: 1, container: container))
    }
}
