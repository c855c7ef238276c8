import CRDs
import KubernetesController
import KubernetesCore

extension RAGPipelineReconciler {
    /// The pre-compilation Job's state for the pipeline's current artifact key, from the cache.
    func precompileState(of pipeline: RAGPipeline) -> PrecompileState {
        let context = BuildContext(pipeline: pipeline, options: configuration.buildOptions)
        let name = PrecompileJobBuilder.jobName(context)
        let live = name.flatMap { caches[Job.resource]?.object(for: ObjectKey(namespace: context.namespace, name: $0))?.json }
        return PrecompileState(requested: PrecompileJobBuilder.isEnabled(context), job: name, live: live)
    }

    /// Makes each desired PersistentVolumeClaim keep its live spec (``ClaimSpecRetention``) and
    /// returns what the compile cache's claim would change, for the `CompileCacheReady` condition.
    func retainingClaimSpecs(_ desired: inout [DesiredObject], of pipeline: RAGPipeline) -> [String] {
        let compileCache = CompileCacheBuilder.claimName(BuildContext(pipeline: pipeline, options: configuration.buildOptions))
        var differences: [String] = []
        for index in desired.indices where desired[index].descriptor == PersistentVolumeClaim.resource {
            let retained = ClaimSpecRetention.retained(desired[index].body, live: live(desired[index]))
            desired[index].body = retained.body
            if desired[index].name == compileCache { differences = retained.differences }
        }
        return differences
    }

    /// The workloads that wait for the pre-compilation Job: the vLLM Deployment, while its new
    /// artifact key is not compiled. The live Deployment (on the previous key) keeps serving.
    func workloadsAwaitingCompilation(_ desired: [DesiredObject], state: PrecompileState) -> Set<ObjectKey> {
        guard state.holdsDeployment else { return [] }
        return Set(desired.filter { $0.descriptor == Deployment.resource && $0.pipelineComponent == .vllm }.map(\.key))
    }
}
