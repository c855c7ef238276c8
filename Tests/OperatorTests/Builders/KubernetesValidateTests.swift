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
        let objects = try SamplePipelines.children(sample)
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
