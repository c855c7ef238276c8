import Foundation
import KubernetesCore
import Operator
import Testing

/// Every rendered manifest passes `kubernetes-validate --strict` against Kubernetes 1.30 (the real
/// OpenAPI schemas, rejecting unknown fields).
@Suite struct KubernetesValidateTests {
    static let kubernetesVersion = "1.30.0"

    @Test(arguments: SamplePipelines.names)
    func everyRenderedManifestPassesKubernetesValidateStrict(_ sample: String) throws {
        try validate(try SamplePipelines.children(sample), sample)
    }

    /// The autoscaling sample as rendered in a cluster with KEDA: its HorizontalPodAutoscalers (and
    /// the Deployments without replicas) against the real `autoscaling/v2` schema. KEDA's kinds are
    /// not Kubernetes': `KEDAValidateTests` checks them.
    @Test func theAutoscalersPassKubernetesValidateStrict() throws {
        let objects = try AutoscalingBuilderTests.children(keda: true)
        #expect(objects.names("HorizontalPodAutoscaler").count == 2)
        try validate(objects.filter { $0.descriptor.group != "keda.sh" }, AutoscalingBuilderTests.sample)
    }

    private func validate(_ objects: [DesiredObject], _ sample: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (index, object) in objects.enumerated() {
            let file = directory.appendingPathComponent(String(format: "%02d-%@-%@.yaml", index, object.descriptor.kind, object.name))
            try YAMLRenderer.render(object.body).write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let result = try run(["kubernetes-validate", "--strict", "--kubernetes-version", Self.kubernetesVersion, "--quiet"] + files)
        #expect(result.status == 0, "\(sample): kubernetes-validate failed:\n\(result.output)")
        #expect(!result.output.contains("ERROR"), "\(sample):\n\(result.output)")
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ToolRunner.run(arguments)
        if result.status == 127 {
            Issue.record("kubernetes-validate is not installed (pip install kubernetes-validate); it is required to check rendered manifests. \(result.combined)")
        }
        return (result.status, result.combined)
    }
}
