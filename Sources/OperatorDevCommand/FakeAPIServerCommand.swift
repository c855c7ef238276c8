import ArgumentParser
import CRDs
import Foundation
import KubernetesClient
import KubernetesTesting
import Logging
import ServiceLifecycle

/// `rag-operator-dev fake-apiserver`: serves the in-memory API server on loopback and writes a kubeconfig for it,
/// so that `kubectl` (or `rag-operator run --kubeconfig`) can be tried against it without a cluster.
struct FakeAPIServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fake-apiserver",
        abstract: "Serve an in-memory Kubernetes API server on 127.0.0.1 (for trying kubectl without a cluster).",
        discussion: """
            Serves HTTPS with HTTP/2 and HTTP/1.1 (a CA generated at start, written into the kubeconfig) and requires \
            the kubeconfig's bearer token, as a real API server does. --plain-http serves plain HTTP/1.1 without \
            authentication instead, as `kubectl proxy` does. The RAGPipeline CRD is installed unless --no-crd.
            """)

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    @Option(help: "Where to write a kubeconfig that points at the server.")
    var kubeconfigOut: String = "rag-fake.kubeconfig"

    @Flag(help: "Serve plain HTTP/1.1 without authentication (like `kubectl proxy`).")
    var plainHTTP = false

    @Flag(inversion: .prefixedNo, help: "Install the RAGPipeline CRD (default: on).")
    var crd = true

    func run() async throws {
        let server = FakeAPIServer()
        if crd { _ = try await server.client().create(RAGPipelineCRD.definition()) }
        var logger = Logger(label: "fake-apiserver")
        logger.logLevel = .warning
        let serving = plainHTTP ? FakeServing.plain : try FakeServing.https()
        let kubeconfigOut = kubeconfigOut
        let scheme = plainHTTP ? "http" : "https"
        let app = try server.application(port: port, serving: serving, logger: logger) { bound in
            guard let url = URL(string: "\(scheme)://127.0.0.1:\(bound)") else { return }
            do {
                try FakeEndpoint(url: url, serving: serving).kubeconfigYAML().write(toFile: kubeconfigOut, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("rag-operator: cannot write \(kubeconfigOut): \(error.localizedDescription)\n".utf8))
            }
            print("fake API server listening on \(url.absoluteString); kubeconfig written to \(kubeconfigOut)")
        }
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: BookmarkTicker(server: server))], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
