import CRDs
import KubernetesCore
import Testing

/// The Neuron storage rules: each InvalidSpec problem names its field, and the CRD carries the CEL
/// rules that refuse the same at admission.
@Suite struct CompileCacheValidationTests {
    private func problems(_ change: (inout VLLMSpec) -> Void) -> [String] {
        var pipeline = PipelineFixtures.aws
        change(&pipeline.spec.llm.vllm!)
        return pipeline.validate().map(\.field)
    }

    private static let claim = CompileCacheSpec(persistentVolumeClaim: CompileCacheVolumeSpec(size: "100Gi"))

    @Test func aCompileCacheNeedsExactlyOneStore() {
        #expect(problems { $0.compileCache = CompileCacheSpec() } == ["spec.llm.vllm.compileCache"])
        #expect(problems { $0.compileCache = CompileCacheSpec(persistentVolumeClaim: .init(), s3: .init(uri: "s3://bucket/neuron")) } == ["spec.llm.vllm.compileCache"])
        #expect(problems { $0.compileCache = Self.claim } == [])
        #expect(problems { $0.compileCache = CompileCacheSpec(s3: .init(uri: "s3://my-bucket/neuron/cache")) } == [])
    }

    @Test func aReadWriteOnceClaimServesOneReplica() {
        #expect(problems { $0.replicas = 2; $0.compileCache = CompileCacheSpec(persistentVolumeClaim: .init(accessMode: "ReadWriteOnce")) }
                == ["spec.llm.vllm.compileCache.persistentVolumeClaim.accessMode"])
        #expect(problems { $0.replicas = 1; $0.compileCache = CompileCacheSpec(persistentVolumeClaim: .init(accessMode: "ReadWriteOnce")) } == [])
        #expect(problems { $0.replicas = 3; $0.compileCache = CompileCacheSpec(persistentVolumeClaim: .init(accessMode: "ReadWriteMany")) } == [])
        #expect(problems { $0.replicas = 3; $0.compileCache = Self.claim } == [], "the default follows the replicas")
        #expect(problems { $0.compileCache = CompileCacheSpec(persistentVolumeClaim: .init(accessMode: "ReadOnlyMany")) }
                == ["spec.llm.vllm.compileCache.persistentVolumeClaim.accessMode"])
    }

    @Test(arguments: ["https://bucket/x", "s3://", "s3://B/x", "s3://ab", "s3://bucket?x=1", "bucket/prefix"])
    func anS3URIMustNameAValidBucket(_ uri: String) {
        #expect(problems { $0.compileCache = CompileCacheSpec(s3: .init(uri: uri)) } == ["spec.llm.vllm.compileCache.s3.uri"])
    }

    @Test func sizesAreQuantities() {
        #expect(problems { $0.ephemeralStorage = "lots" } == ["spec.llm.vllm.ephemeralStorage"])
        #expect(problems { $0.ephemeralStorage = "40Gi" } == [])
        #expect(problems { $0.compileCache = CompileCacheSpec(persistentVolumeClaim: .init(size: "100 GB")) } == ["spec.llm.vllm.compileCache.persistentVolumeClaim.size"])
    }

    @Test func anS3CacheNeedsARegion() {
        var pipeline = PipelineFixtures.aws
        pipeline.spec.llm.vllm?.compileCache = CompileCacheSpec(s3: .init(uri: "s3://bucket/neuron"))
        pipeline.spec.aws?.region = nil
        #expect(pipeline.validate().contains { $0.field == "spec.aws.region" && $0.message.contains("llm.vllm.compileCache.s3") })
    }

    @Test func defaultsFillTheClaimAndTheDisk() throws {
        var spec = PipelineFixtures.aws.spec
        spec.llm.vllm?.replicas = 2
        spec.llm.vllm?.compileCache = CompileCacheSpec(persistentVolumeClaim: .init())
        let vllm = try #require(spec.withDefaults().llm.vllm)
        #expect(vllm.ephemeralStorage == "50Gi")
        #expect(vllm.compileCache?.persistentVolumeClaim == CompileCacheVolumeSpec(size: "100Gi", accessMode: "ReadWriteMany"))
        #expect(vllm.compileCache?.precompile == false)
        spec.llm.vllm?.replicas = 1
        #expect(spec.withDefaults().llm.vllm?.compileCache?.persistentVolumeClaim?.accessMode == "ReadWriteOnce")
    }

    @Test func theCRDRefusesTheSameAtAdmission() throws {
        let vllm = try #require(RAGPipelineCRD.openAPIV3Schema()[path: ["properties", "spec", "properties", "llm", "properties", "vllm"]])
        let rules = (vllm["x-kubernetes-validations"]?.arrayValue ?? []).compactMap { $0["rule"]?.stringValue }
        #expect(rules.contains { $0.contains("accessMode != 'ReadWriteOnce'") && $0.contains("self.replicas <= 1") })
        let cache = try #require(vllm[path: ["properties", "compileCache"]])
        #expect(cache["x-kubernetes-validations"]?.arrayValue?.first?["rule"] == "(has(self.persistentVolumeClaim) ? 1 : 0) + (has(self.s3) ? 1 : 0) == 1")
        #expect(cache[path: ["properties", "s3", "properties", "uri", "pattern"]] == .string(SpecPatterns.s3URI))
        #expect(cache[path: ["properties", "persistentVolumeClaim", "properties", "accessMode", "enum"]] == ["ReadWriteOnce", "ReadWriteMany"])
        #expect(cache[path: ["properties", "persistentVolumeClaim", "properties", "size", "default"]] == "100Gi")
        #expect(vllm[path: ["properties", "ephemeralStorage", "default"]] == "50Gi")
    }
}
