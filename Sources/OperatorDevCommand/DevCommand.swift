import ArgumentParser
import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Logging
import Operator
import OperatorTesting
import ServiceLifecycle

/// `rag-operator-dev dev`: the real controller against an in-memory API server, with a simulated kubelet,
/// so anyone can try the operator with plain kubectl and no cluster.
///
/// The controller reaches the API server the way `rag-operator run` does: through the kubeconfig it
/// wrote, over HTTPS (HTTP/2) with the bearer token, on the real network transport.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run the operator against an in-memory API server on 127.0.0.1 (try it with kubectl, no cluster needed).",
        discussion: """
            Installs the RAGPipeline CRD, serves the API over HTTPS with a generated CA, writes a kubeconfig, and runs \
            the controller over the network through that kubeconfig, with in-memory EKS Pod Identity and a simulated \
            kubelet (Deployments become available, Ingresses get a load-balancer hostname). Stops on SIGINT or SIGTERM.
            """)

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port: Int = 0

    @Option(help: "Where to write the kubeconfig for kubectl.")
    var kubeconfigOut: String = "rag-dev.kubeconfig"

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown log level \(logLevel)") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "rag-operator")
        let server = FakeAPIServer()
        _ = try await server.client().create(RAGPipelineCRD.definition())
        let serving = try FakeServing.https()
        let kubeconfigOut = kubeconfigOut
        var serverLogger = Logger(label: "fake-apiserver")
        serverLogger.logLevel = .warning
        let (endpoints, found) = AsyncStream<FakeEndpoint>.makeStream()
        let app = try server.application(port: port, serving: serving, logger: serverLogger) { bound in
            guard let url = URL(string: "https://127.0.0.1:\(bound)") else { return }
            let endpoint = FakeEndpoint(url: url, serving: serving)
            do {
                try endpoint.kubeconfigYAML().write(toFile: kubeconfigOut, atomically: true, encoding: .utf8)
                logger.info("API server on \(url.absoluteString); kubeconfig written to \(kubeconfigOut)")
                print("export KUBECONFIG=\(kubeconfigOut)")
            } catch {
                logger.error("cannot write \(kubeconfigOut): \(error.localizedDescription)")
            }
            found.yield(endpoint)
            found.finish()
        }
        let kubelet = KubeletService(kubelet: SimulatedKubelet(client: server.client()))
        let controller = NetworkController(kubeconfigPath: kubeconfigOut, endpoints: endpoints, logger: logger)
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: BookmarkTicker(server: server)), .init(service: kubelet), .init(service: controller)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// The controller, started once the API server listens, over a client loaded from the kubeconfig
/// written for it (exactly what `rag-operator run --kubeconfig` loads).
struct NetworkController: ServiceLifecycle.Service {
    let kubeconfigPath: String
    let endpoints: AsyncStream<FakeEndpoint>
    let logger: Logger

    func run() async throws {
        var iterator = endpoints.makeAsyncIterator()
        guard await iterator.next() != nil else { return }
        let client = try KubernetesClient(configuration: try ClientConfiguration.infer(kubeconfigPath: kubeconfigPath, context: nil))
        let controller = OperatorAssembly.controller(client: client, podIdentity: InMemoryPodIdentityAssociations(), options: .init(), logger: logger)
        do {
            try await controller.run()
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }
}

/// The simulated kubelet as a service.
struct KubeletService: ServiceLifecycle.Service {
    let kubelet: SimulatedKubelet
    func run() async throws {
        await cancelWhenGracefulShutdown { await kubelet.run() }
    }
}
