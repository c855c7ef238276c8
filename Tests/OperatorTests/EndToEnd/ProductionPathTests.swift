import Foundation
import KubernetesTesting
import Testing

/// `rag-operator-dev fake-apiserver` and `rag-operator run` as two processes, driven by kubectl: the
/// production topology, with the chart's defaults (no `--pod-identity`).
@Suite(.serialized) struct ProductionPathTests {
    final class Running {
        let process = Process()
        let log: URL

        init(_ executable: String, _ arguments: [String], log: URL) throws {
            self.log = log
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let output = try FileHandle(forWritingTo: log)
            process.executableURL = try DevModeKubectlTests.executable(executable)
            process.arguments = arguments
            process.standardOutput = output
            process.standardError = output
            try process.run()
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

        func stop() async throws -> Int32 {
            if process.isRunning { process.terminate() }
            let deadline = ContinuousClock.now + .seconds(15)
            while process.isRunning && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
            return process.isRunning ? -1 : process.terminationStatus
        }
    }

    @Test(arguments: ["https", "plain-http"])
    func runReconcilesAndDeletesAPipelineAgainstASeparateAPIServer(_ wire: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prod-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let kubeconfig = directory.appendingPathComponent("kubeconfig")
        var serverArguments = ["fake-apiserver", "--port", "0", "--kubeconfig-out", kubeconfig.path]
        if wire == "plain-http" { serverArguments.append("--plain-http") }
        let server = try Running("rag-operator-dev", serverArguments, log: directory.appendingPathComponent("server.log"))
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: kubeconfig.path) && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(100)) }
        let operatorProcess = try Running(
            "rag-operator", ["run", "--kubeconfig", kubeconfig.path, "--no-leader-elect", "--metrics-address", "127.0.0.1:0", "--log-format", "text"],
            log: directory.appendingPathComponent("operator.log"))
        let kubectl = try Kubectl(kubeconfigYAML: try String(contentsOf: kubeconfig, encoding: .utf8))
        do {
            let namespace = directory.appendingPathComponent("ns.yaml")
            try "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: rag\n".write(to: namespace, atomically: true, encoding: .utf8)
            _ = try kubectl.run("apply", "-f", namespace.path)
            // The full sample names an EKS cluster: with Pod Identity management off it once got a finalizer
            // that no cleanup could ever remove.
            let sample = SamplePipelines.root.appendingPathComponent("config/samples/rag_v1alpha1_ragpipeline_full.yaml").path
            #expect(try kubectl.run("apply", "-f", sample).contains("created"))
            let reconciled = ContinuousClock.now + .seconds(60)
            var deployments = ""
            while deployments.isEmpty && ContinuousClock.now < reconciled {
                try await Task.sleep(for: .milliseconds(300))
                deployments = try kubectl.run("-n", "rag", "get", "deployments", "-l", "app.kubernetes.io/instance=vehicle-logs", "-o", "name")
            }
            #expect(deployments.contains("deployment.apps/vehicle-logs-backend"), "nothing reconciled over \(wire): \(operatorProcess.output)")
            _ = try kubectl.run("-n", "rag", "wait", "--for=jsonpath={.status.observedGeneration}=1", "ragpipeline/vehicle-logs", "--timeout=30s")
            let reason = try kubectl.run("-n", "rag", "get", "ragpipeline", "vehicle-logs", "-o", "jsonpath={.status.conditions[?(@.type==\"PodIdentityReady\")].reason}")
            #expect(reason == "NotManaged")
            _ = try kubectl.run("-n", "rag", "delete", "ragpipeline", "vehicle-logs", "--wait=false")
            _ = try kubectl.run("-n", "rag", "wait", "--for=delete", "ragpipeline/vehicle-logs", "--timeout=30s")
            #expect(try kubectl.run("-n", "rag", "get", "ragpipelines", "-o", "name").isEmpty)

            // Deleting the whole namespace with a pipeline in it completes too.
            _ = try kubectl.run("apply", "-f", sample)
            _ = try kubectl.run("-n", "rag", "wait", "--for=jsonpath={.status.observedGeneration}=1", "ragpipeline/vehicle-logs", "--timeout=30s")
            _ = try kubectl.run("delete", "namespace", "rag", "--timeout=60s")
            #expect(try kubectl.run("get", "namespaces", "-o", "name").contains("namespace/rag") == false)
        } catch {
            Issue.record("operator log: \(operatorProcess.output)")
            _ = try await operatorProcess.stop()
            _ = try await server.stop()
            throw error
        }
        #expect(try await operatorProcess.stop() == 0, "rag-operator run did not stop cleanly on SIGTERM: \(operatorProcess.output)")
        _ = try await server.stop()
    }
}
