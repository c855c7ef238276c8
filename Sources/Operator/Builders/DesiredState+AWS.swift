import CRDs
import KubernetesCore

/// A component ServiceAccount that needs an EKS Pod Identity association.
public struct PodIdentityBinding: Sendable, Hashable {
    /// `backend`, `consumer`, `producer` or `vllm`.
    public var component: String
    /// The ServiceAccount name, `<pipeline>-<component>`.
    public var serviceAccount: String
    /// The component's role, or `aws.podIdentity.roleArn`.
    public var roleArn: String

    public init(component: String, serviceAccount: String, roleArn: String) {
        self.component = component
        self.serviceAccount = serviceAccount
        self.roleArn = roleArn
    }
}

extension DesiredState {
    /// The Pod Identity associations a pipeline needs: one per running component that calls AWS and
    /// has a role (its own `podIdentity` or `aws.podIdentity`). Components without a role fall back to
    /// whatever credentials the node gives and get no association.
    public static func componentsNeedingAWS(of pipeline: RAGPipeline, options: BuildOptions = BuildOptions()) -> [PodIdentityBinding] {
        let context = BuildContext(pipeline: pipeline, options: options)
        let spec = context.spec
        let overrides: [PipelineComponent: PodIdentitySpec?] = [
            .backend: spec.backend?.podIdentity, .consumer: spec.consumer?.podIdentity, .producer: spec.producer?.podIdentity,
            .vllm: spec.llm.vllm?.podIdentity,
        ]
        return PipelineComponent.allCases.compactMap { component in
            guard needsAWS(component, context),
                  let role = (overrides[component] ?? nil) ?? spec.aws?.podIdentity
            else { return nil }
            return PodIdentityBinding(component: component.rawValue, serviceAccount: context.childName(component), roleArn: role.roleArn)
        }
    }

    /// Whether a running component calls AWS: the backend with Bedrock embeddings or OpenSearch; the
    /// consumer (Kinesis, and Bedrock/OpenSearch); the producer (Kinesis); vLLM with an S3 compile cache.
    public static func needsAWS(_ component: PipelineComponent, _ context: BuildContext) -> Bool {
        guard runs(component, context) else { return false }
        let spec = context.spec
        switch component {
        case .backend: return spec.embedding?.bedrock != nil || spec.vectorStore.opensearch != nil
        case .consumer, .producer: return true
        case .vllm: return spec.llm.vllm?.compileCache?.s3 != nil
        case .ui: return false
        }
    }
}
