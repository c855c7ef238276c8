import ArgumentParser
import Foundation
import KubernetesTesting
import Logging

/// `rag-operator fake-apiserver`: serves the in-memory API server on loopback and writes a kubeconfig for it,
/// so that `kubectl` can be tried against it without a cluster.
struct FakeAPIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-apiserver",
        abstract: "Serve an in-memory Kubernetes API server on 127.0.0.1 (for trying kubectl without a cluster).")

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    @Option(help: "Where to write a kubeconfig that points at the server.")
    var kubeconfigOut: String?

    func run() async throws {
        let server = FakeAPIServer()
        var logger = Logger(label: "fake-apiserver")
        logger.logLevel = .warning
        let kubeconfigOut = kubeconfigOut
        let app = server.application(port: port, logger: logger) { bound in
            let kubeconfig = FakeKubeconfig.yaml(server: "http://127.0.0.1:\(bound)")
            if let kubeconfigOut {
                do {
                    try kubeconfig.write(toFile: kubeconfigOut, atomically: true, encoding: .utf8)
                } catch {
                    FileHandle.standardError.write(Data("rag-operator: cannot write \(kubeconfigOut): \(error.localizedDescription)\n".utf8))
                }
            }
            print("fake API server listening on http://127.0.0.1:\(bound)")
        }
        try await app.runService()
    }
}
