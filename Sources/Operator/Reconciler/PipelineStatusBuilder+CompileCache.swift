import CRDs
import Foundation
import KubernetesCore

extension PipelineStatusBuilder {
    /// Sets or removes `CompiledArtifactsReady` (only with pre-compilation) and `CompileCacheReady`
    /// (only with a compile cache) in `conditions`.
    static func setCompileCacheConditions(_ conditions: inout [Condition], _ inputs: Inputs) {
        let pipeline = inputs.pipeline
        func set(_ type: String, _ ok: Bool, _ reason: String, _ message: String) {
            conditions.set(Condition(type: type, status: ok ? "True" : "False", reason: reason, message: message, observedGeneration: pipeline.metadata.generation, lastTransitionTime: Timestamp(inputs.now)))
        }
        let vllm = BuildContext(pipeline: pipeline).spec.llm.vllm
        if let vllm, let compiled = inputs.precompile.condition(key: CompiledArtifacts.key(vllm)) {
            set(RAGPipelineConditionType.compiledArtifactsReady, compiled.ready, compiled.reason, compiled.message)
        } else {
            conditions.removeAll { $0.type == RAGPipelineConditionType.compiledArtifactsReady }
        }
        guard let cache = vllm?.compileCache else {
            conditions.removeAll { $0.type == RAGPipelineConditionType.compileCacheReady }
            return
        }
        if let s3 = cache.s3 {
            set(RAGPipelineConditionType.compileCacheReady, true, "S3", "compiled graphs are shared through \(s3.uri) with the vLLM ServiceAccount's role")
        } else if inputs.compileCacheDifferences.isEmpty {
            set(RAGPipelineConditionType.compileCacheReady, true, "ClaimMatchesSpec", "the compile cache's claim is as the spec says")
        } else {
            set(RAGPipelineConditionType.compileCacheReady, false, "ClaimOutdated",
                "the spec asks for \(inputs.compileCacheDifferences.joined(separator: ", ")); a claim's spec cannot change, so the operator keeps the claim. Delete it to recreate it (the next start compiles again)")
        }
    }
}
