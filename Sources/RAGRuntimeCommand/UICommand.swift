import ArgumentParser
import AsyncHTTPClient
import Foundation
import Logging
import Observability
import QueryServer
import RuntimeHTTP
import RuntimeContract
import ServiceLifecycle

/// `rag-runtime ui`: the web page, proxying the page's API calls (query, stats) to the query
/// backend; `/metrics` on `INTERNAL_PORT`.
///
/// ```sh
/// rag-runtime ui --backend-url http://pipeline-backend:8080
/// kubectl port-forward svc/pipeline-ui 8080:80   # then open http://localhost:8080
/// ```
struct UICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui", abstract: "Serve the web UI and proxy its API calls (/api/query, /submit_query, /api/stats) to the query backend.")

    @Option(name: .customLong("backend-url"), help: "The query API's base URL (default: BACKEND_URL).")
    var backendURL: String?

    @Option(help: "Port to listen on (default: PORT, else 8080).")
    var port: Int?

    @Option(help: "Address to bind.")
    var host: String = "0.0.0.0"

    func run() async throws {
        let configuration = try RuntimeConfiguration(environment: ProcessInfo.processInfo.environment)
        guard let backendURL = backendURL ?? configuration.backendURL else {
            throw RuntimeConfigurationError(.backendURL, value: nil, reason: "is required (or pass --backend-url)")
        }
        let registry = Observability.bootstrap(logFormat: configuration.logFormat, logLevel: configuration.logLevel)
        let logger = Logger(label: "rag-runtime.ui")
        let apps = buildUIApplications(
            configuration: UIConfiguration(
                host: host, port: port ?? configuration.port, internalPort: configuration.internalPort, backendURL: backendURL,
                limits: configuration.limits),
            httpClient: RuntimeHTTPClient.shared, metricsExposition: { registry.emitToBuffer() }, logger: logger)
        logger.info("web UI starting", metadata: ["backend": "\(backendURL)"])
        let group = ServiceGroup(configuration: .init(
            services: apps.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
