import AWS
import ArgumentParser
import Foundation
import KubernetesClient
import KubernetesController
import Logging
import Observability
import Operator
import OperatorAWS
import ServiceLifecycle

/// `rag-operator run`: the operator in a cluster (in-cluster credentials) or from a workstation (`--kubeconfig`).
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the operator against a Kubernetes cluster.")

    @Option(help: "Kubeconfig file (default: KUBECONFIG, ~/.kube/config, then in-cluster).")
    var kubeconfig: String?

    @Option(help: "Kubeconfig context (default: current-context).")
    var context: String?

    @Option(help: "Watch RAGPipelines in this namespace only (env WATCH_NAMESPACE; default: all namespaces).")
    var namespace: String?

    @Flag(inversion: .prefixedNo, help: "Elect a leader among replicas with a Lease (default: on).")
    var leaderElect = true

    @Option(help: "Namespace of the leader election Lease (env POD_NAMESPACE).")
    var leaseNamespace: String = ProcessInfo.processInfo.environment["POD_NAMESPACE"] ?? "default"

    @Option(help: "Name of the leader election Lease.")
    var leaseName = "rag-operator"

    @Option(help: "Address serving /metrics, /healthz and /readyz.")
    var metricsAddress = "0.0.0.0:8080"

    @Option(help: "Log format: text or json (env LOG_FORMAT).")
    var logFormat: String = ProcessInfo.processInfo.environment["LOG_FORMAT"] ?? "json"

    @Option(help: "Log level (env LOG_LEVEL).")
    var logLevel: String = ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info"

    @Option(help: "Concurrent reconciles.")
    var concurrency = 2

    @Option(help: "Seconds between reconciles of every pipeline even when nothing changed (a resync; a pipeline in steady state costs no writes).")
    var syncPeriod = 300

    @Option(help: "The RAG runtime image children run (env RAG_RUNTIME_IMAGE).")
    var runtimeImage: String?

    @Flag(help: "Manage EKS Pod Identity associations through the EKS API (needs AWS credentials and AWS_REGION).")
    var podIdentity = false

    @Option(name: .customLong("allowed-role-arns"), help: "A regular expression every Pod Identity role ARN of a pipeline must match (others: InvalidSpec), e.g. 'arn:aws:iam::123456789012:role/rag-.*'.")
    var allowedRoleARNs: String?

    func validate() throws {
        guard syncPeriod > 0 else { throw ValidationError("--sync-period must be a positive number of seconds, not \(syncPeriod)") }
        guard concurrency > 0 else { throw ValidationError("--concurrency must be at least 1, not \(concurrency)") }
        if let allowedRoleARNs {
            do { _ = try Regex(allowedRoleARNs) } catch { throw ValidationError("--allowed-role-arns \(allowedRoleARNs): not a regular expression (\(error))") }
        }
    }

    func run() async throws {
        guard let format = Observability.LogFormat(rawValue: logFormat) else { throw ValidationError("--log-format must be text or json") }
        guard let level = Logger.Level(rawValue: logLevel) else { throw ValidationError("unknown log level \(logLevel)") }
        let (host, port) = try Self.split(address: metricsAddress)
        let registry = Observability.bootstrap(logFormat: format, logLevel: level)
        let logger = Logger(label: "rag-operator")
        let environment = ProcessInfo.processInfo.environment

        let configuration = try ClientConfiguration.infer(kubeconfigPath: kubeconfig, context: context)
        let client = try KubernetesClient(configuration: configuration)
        var options = OperatorAssembly.Options(namespace: namespace ?? environment["WATCH_NAMESPACE"])
        options.concurrency = concurrency
        options.resync = .seconds(syncPeriod)
        options.identity = environment["POD_NAME"] ?? ProcessInfo.processInfo.hostName
        if let image = runtimeImage ?? environment["RAG_RUNTIME_IMAGE"] { options.buildOptions.runtimeImage = image }
        options.buildOptions.allowedRoleARNs = allowedRoleARNs

        let associations: any PodIdentityAssociations
        if podIdentity {
            let http = try AWSClientFactory.httpClient(for: .eks, environment: environment, logger: logger)
            associations = EKSPodIdentityAssociations(eks: EKSClient(http: http))
        } else {
            associations = PodIdentityManagementDisabled()
        }

        var elector: LeaderElector?
        if leaderElect {
            elector = LeaderElector(
                configuration: .init(leaseName: leaseName, namespace: leaseNamespace, identity: options.identity), client: client, logger: logger)
        }
        let controller = OperatorAssembly.controller(client: client, podIdentity: associations, options: options, leadership: elector?.gate, logger: logger)
        let operational = OperationalServer.application(host: host, port: port, registry: registry, logger: logger) {
            controller.hasSynced ? (true, "caches synced") : (false, "caches not synced yet")
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let elector { services.append(.init(service: elector)) }
        services.append(.init(service: controller))
        services.append(.init(service: operational))
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    static func split(address: String) throws -> (String, Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]) else {
            throw ValidationError("address \(address) is not host:port")
        }
        return (String(address[..<colon]), port)
    }
}
