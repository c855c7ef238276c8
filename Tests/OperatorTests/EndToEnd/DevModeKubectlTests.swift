import Foundation
import KubernetesTesting
import Testing

/// `rag-operator-dev dev` (the real binary) driven by real `kubectl`, as a person trying the operator would.
@Suite(.serialized) struct DevModeKubectlTests {
    /// An executable of the package (`rag-operator`, `rag-operator-dev`) built next to the test bundle.
    static func executable(_ name: String = "rag-operator-dev") throws -> URL {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw Kubectl.Failure(description: "\(name) is not built next to \(directory.path); run `swift build` before `swift test --skip-build`")
    }

    @Test func applyWaitGetAndDeleteAPipelineWithKubectl() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dev-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let kubeconfig = directory.appendingPathComponent("kubeconfig")
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = ["dev", "--port", "0", "--kubeconfig-out", kubeconfig.path, "--log-level", "warning"]
        let log = directory.appendingPathComponent("dev.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: kubeconfig.path) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        let kubectl = try Kubectl(kubeconfigYAML: try String(contentsOf: kubeconfig, encoding: .utf8))
        let sample = SamplePipelines.root.appendingPathComponent("config/samples/rag_v1alpha1_ragpipeline_minimal.yaml").path

        #expect(try kubectl.run("apply", "-f", sample).contains("ragpipeline.rag.dev/quickstart created"))
        #expect(try kubectl.run("wait", "--for=condition=Ready", "ragpipeline/quickstart", "--timeout=60s").contains("condition met"))
        let table = try kubectl.run("get", "ragp")
        for column in ["NAME", "READY", "LLM", "URL", "AGE"] { #expect(table.contains(column), "\(column) missing from: \(table)") }
        #expect(table.contains("True") && table.contains("meta-llama/Llama-3.2-1B-Instruct"))
        let explained = try kubectl.run("explain", "ragpipeline.spec.llm")
        #expect(explained.contains("external") && explained.contains("vllm"))
        let deployments = try kubectl.run("get", "deployments", "-l", "app.kubernetes.io/instance=quickstart", "-o", "name")
        #expect(deployments.contains("deployment.apps/quickstart-backend") && deployments.contains("deployment.apps/quickstart-ui"))

        // kubectl scale goes through the scale subresource; the operator owns replicas and takes them back.
        let replicas = try kubectl.run("get", "deployment", "quickstart-ui", "-o", "jsonpath={.spec.replicas}")
        #expect(try kubectl.run("scale", "deployment/quickstart-ui", "--replicas=5").contains("scaled"))
        let reverted = ContinuousClock.now + .seconds(20)
        var now = try kubectl.run("get", "deployment", "quickstart-ui", "-o", "jsonpath={.spec.replicas}")
        while now != replicas && ContinuousClock.now < reverted {
            try await Task.sleep(for: .milliseconds(200))
            now = try kubectl.run("get", "deployment", "quickstart-ui", "-o", "jsonpath={.spec.replicas}")
        }
        #expect(now == replicas, "kubectl scale was not reverted: \(now) replicas, the spec says \(replicas)")

        #expect(try kubectl.run("delete", "ragpipeline", "quickstart", "--wait=false").contains("deleted"))
        _ = try kubectl.run("wait", "--for=delete", "ragpipeline/quickstart", "--timeout=30s")  // exits non-zero on timeout
        #expect(try kubectl.run("get", "ragpipelines", "-o", "name").isEmpty)
        for kind in ["deployments", "services", "serviceaccounts", "networkpolicies", "persistentvolumeclaims"] {
            let left = try kubectl.run("get", kind, "-l", "app.kubernetes.io/instance=quickstart", "-o", "name")
            #expect(left.isEmpty, "\(kind) left after delete: \(left)")
        }

        process.interrupt()  // SIGINT: graceful shutdown
        let stopped = ContinuousClock.now + .seconds(15)
        while process.isRunning && ContinuousClock.now < stopped { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning, "rag-operator dev did not stop on SIGINT")
        #expect(process.terminationStatus == 0, "rag-operator dev exited \(process.terminationStatus): \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }
}
