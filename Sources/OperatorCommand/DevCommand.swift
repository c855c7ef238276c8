import ArgumentParser
import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Logging
import Operator
import ServiceLifecycle

/// `rag-operator dev`: the real controller against an in-memory API server, with a simulated kubelet,
/// so anyone can try the operator with plain kubectl and no cluster.
struct DevCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev",
        abstract: "Run the operator against an in-memory API server on 127.0.0.1 (try it with kubectl, no cluster needed).",
        discussion: """
            Installs the RAGPipeline CRD, writes a kubeconfig, and runs the controller with in-memory EKS Pod Identity \
            and a simulated kubelet (Deployments become available, Ingresses get a load-balancer hostname). \
            Stops on SIGINT or SIGTERM.
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
        let client = server.client()
        _ = try await client.create(RAGPipelineCRD.definition())
        let controller = OperatorAssembly.controller(client: client, podIdentity: InMemoryPodIdentityAssociations(), options: .init(), logger: logger)
        let kubeconfigOut = kubeconfigOut
        var serverLogger = Logger(label: "fake-apiserver")
        serverLogger.logLevel = .warning
        let app = server.application(port: port, logger: serverLogger) { bound in
            do {
                try FakeKubeconfig.yaml(server: "http://127.0.0.1:\(bound)").write(toFile: kubeconfigOut, atomically: true, encoding: .utf8)
                logger.info("API server on http://127.0.0.1:\(bound); kubeconfig written to \(kubeconfigOut)")
                print("export KUBECONFIG=\(kubeconfigOut)")
            } catch {
                logger.error("cannot write \(kubeconfigOut): \(error.localizedDescription)")
            }
        }
        let kubelet = KubeletService(kubelet: SimulatedKubelet(client: client))
        let group = ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: kubelet), .init(service: controller)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}

/// The simulated kubelet as a service.
struct KubeletService: ServiceLifecycle.Service {
    let kubelet: SimulatedKubelet
    func run() async throws {
        await cancelWhenGracefulShutdown { await kubelet.run() }
    }
}
