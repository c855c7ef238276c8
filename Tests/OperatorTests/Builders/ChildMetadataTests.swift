import CRDs
import KubernetesCore
import Operator
import Testing

@Suite struct ChildMetadataTests {
    @Test(arguments: SamplePipelines.names)
    func everyChildIsOwnedAndLabelled(_ sample: String) throws {
        let pipeline = try SamplePipelines.pipeline(sample)
        for object in try SamplePipelines.children(sample) {
            let metadata = try #require(object.body["metadata"])
            #expect(metadata["name"] == .string(object.name))
            #expect(metadata["namespace"] == .string(object.namespace))
            #expect(metadata["ownerReferences"] == [[
                "apiVersion": "rag.dev/v1alpha1", "kind": "RAGPipeline", "name": .string(pipeline.metadata.name ?? ""),
                "uid": "0b6a4e1c-5f9d-4e57-9d0c-2a1f3b4c5d6e", "controller": true, "blockOwnerDeletion": true,
            ]])
            let labels = try #require(metadata["labels"])
            #expect(labels["app.kubernetes.io/instance"] == .string(pipeline.metadata.name ?? ""))
            #expect(labels["app.kubernetes.io/managed-by"] == "rag-operator")
            #expect(labels["app.kubernetes.io/part-of"] == "rag-pipeline")
            #expect(labels["app.kubernetes.io/component"] == .string(object.component))
            #expect(labels["app.kubernetes.io/name"] != nil)
            #expect(object.body["apiVersion"] == .string(object.descriptor.apiVersion))
            #expect(object.body["kind"] == .string(object.descriptor.kind))
            #expect(!object.body.jsonString.contains("null"), "\(object.descriptor.kind) \(object.name) contains null")
        }
    }

    @Test(arguments: SamplePipelines.names)
    func everyPodRunsWithTheRestrictedProfile(_ sample: String) throws {
        for object in try SamplePipelines.children(sample) where object.descriptor.kind == "Deployment" {
            let pod = try #require(object.body[path: ["spec", "template", "spec"]])
            #expect(pod["securityContext"] == [
                "runAsNonRoot": true, "runAsUser": 65532, "runAsGroup": 65532, "fsGroup": 65532, "seccompProfile": ["type": "RuntimeDefault"],
            ])
            #expect(pod["automountServiceAccountToken"] == false)
            for container in pod["containers"]?.arrayValue ?? [] {
                let security = try #require(container["securityContext"])
                #expect(security["allowPrivilegeEscalation"] == false)
                #expect(security["readOnlyRootFilesystem"] == true)
                #expect(security["capabilities"] == ["drop": ["ALL"]])
                #expect(container["volumeMounts"]?.arrayValue?.contains { $0["mountPath"] == "/tmp" } == true)
            }
            #expect(object.body[path: ["spec", "template", "metadata", "annotations", "rag.dev/config-hash"]]?.stringValue?.count == 16)
        }
    }

    @Test func theConfigHashChangesWithTheConfigurationAndOnlyThen() throws {
        let pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
        func hash(_ pipeline: RAGPipeline, _ name: String) throws -> JSONValue? {
            try DesiredState.children(of: pipeline).body("Deployment", name)?[path: ["spec", "template", "metadata", "annotations", "rag.dev/config-hash"]]
        }
        #expect(try hash(pipeline, "vehicle-logs-backend") == hash(pipeline, "vehicle-logs-backend"))
        var changed = pipeline
        changed.spec.llm.vllm?.model = "meta-llama/Llama-3.1-8B-Instruct"
        #expect(try hash(changed, "vehicle-logs-backend") != hash(pipeline, "vehicle-logs-backend"), "LLM_MODEL changed")
        #expect(try hash(changed, "vehicle-logs-ui") == hash(pipeline, "vehicle-logs-ui"), "the UI's configuration did not change")
        var scaled = pipeline
        scaled.spec.backend?.replicas = 3
        #expect(try hash(scaled, "vehicle-logs-backend") == hash(pipeline, "vehicle-logs-backend"), "scaling does not roll Pods")
    }

    @Test func podTemplateOverridesAddButNeverReplaceOperatorLabels() throws {
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.minimal)
        pipeline.spec.backend = ComponentSpec(podTemplate: PodTemplateOverrides(
            labels: ["team": "search", "app.kubernetes.io/component": "hijack"], annotations: ["rag.dev/config-hash": "x", "a": "b"],
            nodeSelector: ["pool": "general"], tolerations: [Toleration(key: "dedicated", operator: "Exists")]))
        let template = try #require(try DesiredState.children(of: pipeline).body("Deployment", "quickstart-backend")?[path: ["spec", "template"]])
        #expect(template[path: ["metadata", "labels", "team"]] == "search")
        #expect(template[path: ["metadata", "labels", "app.kubernetes.io/component"]] == "backend")
        #expect(template[path: ["metadata", "annotations", "a"]] == "b")
        #expect(template[path: ["metadata", "annotations", "rag.dev/config-hash"]] != "x")
        #expect(template[path: ["spec", "nodeSelector"]] == ["pool": "general"])
        #expect(template[path: ["spec", "tolerations"]] == [["key": "dedicated", "operator": "Exists"]])
    }
}
