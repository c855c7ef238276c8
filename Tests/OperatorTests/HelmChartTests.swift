import Foundation
import KubernetesCore
import KubernetesTesting
import Testing
import Yams

/// `charts/rag-operator` linted and rendered by real Helm v4 (helm-python-sdk), the output
/// strictly schema-validated, and kept in step with `config/` and the operator's flags.
@Suite struct HelmChartTests {
    static let chart = SamplePipelines.root.appendingPathComponent("charts/rag-operator")

    struct Rendered {
        var lintMessages: [(severity: Int, text: String)]
        var manifests: [String: String]
        var error: String?

        /// Every rendered document, parsed.
        var documents: [JSONValue] {
            get throws {
                try manifests.keys.sorted().filter { $0.hasSuffix(".yaml") }.flatMap { key in
                    try Yams.load_all(yaml: manifests[key] ?? "").compactMap { try JSONValue(yamlObject: $0 as Any) }
                }
            }
        }

        func document(_ kind: String) throws -> JSONValue? { try documents.first { $0["kind"] == .string(kind) } }
    }

    static func render(_ values: [String: Any] = [:], release: String = "rag-operator", namespace: String = "rag-system") throws -> Rendered {
        let script = SamplePipelines.root.appendingPathComponent("scripts/helm-chart.py").path
        let valuesText = String(decoding: try JSONSerialization.data(withJSONObject: values), as: UTF8.self)
        let result = try ToolRunner.run(["python3", script, chart.path, valuesText, release, namespace])
        guard result.status == 0, let data = result.output.data(using: .utf8),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Kubectl.Failure(description: "helm-chart.py failed (is helm-python-sdk installed? run ./scripts/test): \(result.combined)")
        }
        let lint = (json["lint"] as? [String: Any])?["messages"] as? [[String: Any]] ?? []
        return Rendered(
            lintMessages: lint.map { ($0["severity"] as? Int ?? 0, $0["error"] as? String ?? "") },
            manifests: json["manifests"] as? [String: String] ?? [:], error: json["error"] as? String)
    }

    func validate(_ rendered: Rendered) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("chart-\(UUID()).yaml")
        let yaml = rendered.manifests.keys.sorted().filter { $0.hasSuffix(".yaml") }.map { rendered.manifests[$0] ?? "" }.joined(separator: "\n---\n")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try ToolRunner.run(["kubernetes-validate", "--strict", "--kubernetes-version", "1.30.0", file.path])
        #expect(result.status == 0, "kubernetes-validate: \(result.combined)")
    }

    @Test func theDefaultsLintCleanlyAndRenderValidManifests() throws {
        let rendered = try Self.render()
        #expect(rendered.error == nil)
        #expect(rendered.lintMessages.filter { $0.severity >= 2 }.isEmpty, "helm lint --strict: \(rendered.lintMessages)")
        try validate(rendered)
        let kinds = Set(try rendered.documents.compactMap { $0["kind"]?.stringValue })
        #expect(kinds == [
            "CustomResourceDefinition", "Deployment", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
            "Service", "PodDisruptionBudget", "NetworkPolicy",
        ])
        let crd = try #require(try rendered.document("CustomResourceDefinition"))
        #expect(crd["metadata"]?["annotations"]?["helm.sh/resource-policy"] == "keep", "uninstalling never deletes pipelines")
        let container = try #require(try rendered.document("Deployment")?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first)
        #expect(container["image"] == "ghcr.io/rag-dev/rag-operator:0.1.0")
        let env = container["env"]?.arrayValue ?? []
        #expect(env.contains { $0["name"] == "RAG_RUNTIME_IMAGE" && $0["value"] == "ghcr.io/rag-dev/rag-runtime:0.1.0" })
    }

    @Test func oneWatchedNamespaceGetsARoleAndPodIdentityGetsItsFlagAndRegion() throws {
        let rendered = try Self.render(["watchNamespace": "rag", "podIdentity": ["enabled": true, "region": "eu-west-1"], "replicaCount": 1])
        #expect(rendered.error == nil)
        try validate(rendered)
        let documents = try rendered.documents
        #expect(!documents.contains { $0["kind"] == "ClusterRole" || $0["kind"] == "PodDisruptionBudget" })
        let role = try #require(documents.first { $0["kind"] == "Role" && $0["metadata"]?["namespace"] == "rag" })
        #expect((role["rules"]?.arrayValue ?? []).contains { ($0["resources"]?.arrayValue ?? []).contains("ragpipelines") })
        let container = try #require(try rendered.document("Deployment")?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first)
        #expect((container["args"]?.arrayValue ?? []).contains("--pod-identity"))
        let env = container["env"]?.arrayValue ?? []
        #expect(env.contains { $0["name"] == "WATCH_NAMESPACE" && $0["value"] == "rag" })
        #expect(env.contains { $0["name"] == "AWS_REGION" && $0["value"] == "eu-west-1" })
    }

    @Test func checkovFindsNothingButTheDocumentedChoicesAndADigestPinsTheImages() throws {
        let checkov = try ToolRunner.checkov()
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        for values in [[:], ["image": ["digest": digest], "runtimeImage": ["digest": digest]]] as [[String: Any]] {
            let rendered = try Self.render(values)
            // The CRD is left out: checkov has no checks for it and its size slows the scan.
            let yaml = rendered.manifests.filter { $0.key.hasSuffix(".yaml") && !$0.key.hasSuffix("crd.yaml") }
                .sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n---\n")
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("chart-checkov-\(UUID()).yaml")
            try yaml.write(to: file, atomically: true, encoding: .utf8)
            let scan = try ToolRunner.run([checkov, "-f", file.path, "--framework", "kubernetes", "--quiet", "--compact", "-o", "json"])
            let report = try JSONDecoder().decode(JSONValue.self, from: Data(scan.output.utf8))
            let summary = try #require(report["summary"], "checkov printed no report: \(scan.errors)")
            let failed = report["results"]?["failed_checks"]?.arrayValue?.compactMap { $0["check_id"]?.stringValue } ?? []
            #expect(summary["failed"] == .integer(0), "checkov: \(failed)")
            #expect((summary["passed"]?.int64Value ?? 0) >= 100)
        }
        let pinned = try Self.render(["image": ["digest": digest], "runtimeImage": ["digest": digest]])
        let container = try #require(try pinned.document("Deployment")?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first)
        #expect(container["image"] == .string("ghcr.io/rag-dev/rag-operator@\(digest)"))
        #expect((container["env"]?.arrayValue ?? []).contains { $0["name"] == "RAG_RUNTIME_IMAGE" && $0["value"] == .string("ghcr.io/rag-dev/rag-runtime@\(digest)") })
    }

    @Test func badValuesFailWithAMessageNamingTheProblem() throws {
        let typo = try Self.render(["replicas": 3])
        #expect(typo.error?.contains("additional properties 'replicas' not allowed") == true, "\(typo.error ?? "no error")")
        let noRegion = try Self.render(["podIdentity": ["enabled": true]])
        #expect(noRegion.error?.contains("podIdentity.region is required") == true, "\(noRegion.error ?? "no error")")
        let badLevel = try Self.render(["logging": ["level": "verbose"]])
        #expect(badLevel.error != nil)
        let badDigest = try Self.render(["image": ["digest": "latest"]])
        #expect(badDigest.error?.contains("digest") == true, "\(badDigest.error ?? "no error")")
    }

    @Test func theChartKeepsInStepWithConfigAndTheOperatorsFlags() throws {
        let crdInChart = try Data(contentsOf: Self.chart.appendingPathComponent("files/rag.dev_ragpipelines.yaml"))
        let crdInConfig = try Data(contentsOf: SamplePipelines.root.appendingPathComponent("config/crd/bases/rag.dev_ragpipelines.yaml"))
        #expect(crdInChart == crdInConfig, "copy config/crd/bases/rag.dev_ragpipelines.yaml to charts/rag-operator/files/")

        let configRole = try #require(try Yams.load_all(yaml: String(contentsOf: SamplePipelines.root.appendingPathComponent("config/rbac/role.yaml"), encoding: .utf8))
            .compactMap { try JSONValue(yamlObject: $0 as Any) }.first { $0["kind"] == "ClusterRole" })
        let chartRole = try #require(try Self.render().document("ClusterRole"))
        #expect(chartRole["rules"] == configRole["rules"], "the chart grants exactly what config/rbac grants")

        let container = try #require(try Self.render(["podIdentity": ["enabled": true, "region": "us-east-1"]]).document("Deployment")?[path: ["spec", "template", "spec", "containers"]]?.arrayValue?.first)
        let help = try ToolRunner.run([try DevModeKubectlTests.executable("rag-operator").path, "run", "--help"])
        #expect(help.status == 0)
        for argument in (container["args"]?.arrayValue ?? []).compactMap(\.stringValue).dropFirst() {
            let flag = String(argument.prefix { $0 != "=" })
            #expect(help.output.contains(flag), "rag-operator run has no \(flag)")
        }
    }
}
