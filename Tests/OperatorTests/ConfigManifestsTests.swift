import Foundation
import KubernetesCore
import KubernetesTesting
import Operator
import Testing
import Yams

/// `config/default` (CRD, RBAC, manager) renders with real `kubectl kustomize`, passes strict schema
/// validation, and grants every permission the operator's code uses.
@Suite struct ConfigManifestsTests {
    func rendered() throws -> String {
        let result = try ToolRunner.run(["kubectl", "kustomize", SamplePipelines.root.appendingPathComponent("config/default").path])
        guard result.status == 0 else { throw Kubectl.Failure(description: "kubectl kustomize failed (is kubectl installed? run ./scripts/test): \(result.combined)") }
        return result.output
    }

    @Test func theDefaultKustomizationRendersAndPassesStrictValidation() throws {
        let manifests = try rendered()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("default-\(UUID()).yaml")
        try manifests.write(to: file, atomically: true, encoding: .utf8)
        let result = try ToolRunner.run(["kubernetes-validate", "--strict", "--kubernetes-version", "1.30.0", file.path])
        #expect(result.status == 0, "kubernetes-validate: \(result.combined)")
        for kind in ["CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "Role", "Deployment", "ServiceAccount"] {
            #expect(manifests.contains("kind: \(kind)"))
        }
    }

    @Test func theClusterRoleGrantsEveryOwnedResourceAndThePipelineSubresources() throws {
        let documents = try Yams.load_all(yaml: try rendered()).compactMap { try JSONValue(yamlObject: $0 as Any) }
        let role = try #require(documents.first { $0["kind"] == "ClusterRole" })
        let rules = role["rules"]?.arrayValue ?? []
        func granted(_ group: String, _ resource: String, _ verb: String) -> Bool {
            rules.contains { rule in
                (rule["apiGroups"]?.arrayValue ?? []).contains(.string(group)) && (rule["resources"]?.arrayValue ?? []).contains(.string(resource))
                    && (rule["verbs"]?.arrayValue ?? []).contains(.string(verb))
            }
        }
        for resource in RAGPipelineReconciler.ownedResources {
            for verb in ["get", "list", "watch", "patch", "delete"] {
                #expect(granted(resource.group, resource.plural, verb), "\(verb) \(resource)")
            }
        }
        #expect(granted("rag.dev", "ragpipelines", "watch"))
        #expect(granted("rag.dev", "ragpipelines/status", "patch"))
        #expect(granted("rag.dev", "ragpipelines/finalizers", "update"))
        #expect(granted("events.k8s.io", "events", "create"))
    }
}
