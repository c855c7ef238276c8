import AsyncHTTPClient
import Hummingbird
import Logging

/// How `rag-runtime ui` listens and where its backend is.
///
/// ## Defaults
/// - ``host`` `0.0.0.0`, ``port`` 8080: the operator's UI Service maps port 80 to it.
/// - ``backendTimeout`` 120 seconds: a streamed answer from a slow model can take a minute.
public struct UIConfiguration: Sendable, Equatable {
    /// The address to bind.
    public var host: String
    /// The port to listen on.
    public var port: Int
    /// The query API's base URL (`BACKEND_URL`), for example `http://pipeline-backend:8080`.
    public var backendURL: String
    /// The deadline for one proxied request, streamed body included.
    public var backendTimeout: Duration

    /// Creates a configuration; see "Defaults".
    public init(host: String = "0.0.0.0", port: Int = 8080, backendURL: String, backendTimeout: Duration = .seconds(120)) {
        self.host = host
        self.port = port
        self.backendURL = backendURL
        self.backendTimeout = backendTimeout
    }
}

/// Builds the router of `rag-runtime ui`: the page at `/`, `/api/*` proxied to the backend, and
/// the operational endpoints (`/healthz`, `/readyz` reporting the backend, `/metrics`).
///
/// Proxying means `kubectl port-forward svc/<ui> 8080:80` is all a user needs: the page's
/// relative `api/...` requests reach the backend through the UI, server-sent events included.
public func buildUIRouter(
    configuration: UIConfiguration, httpClient: HTTPClient,
    metricsExposition: @escaping @Sendable () -> [UInt8] = { [] }, logger: Logger = Logger(label: "rag.ui")
) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: APIErrorMiddleware())
    let proxy = BackendProxy(backendURL: configuration.backendURL, httpClient: httpClient, timeout: configuration.backendTimeout, logger: logger)
    router.get("/") { _, _ in WebPage.response }
    router.get("healthz") { _, _ in try JSONResponse.make(["status": "ok"]) }
    router.get("readyz") { _, _ in
        try JSONResponse.make(["status": "ready", "backend": await proxy.isBackendReachable() ? "reachable" : "unreachable"])
    }
    router.get("metrics") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metricsExposition())))
    }
    router.get("api/**") { request, _ in try await proxy.forward(request) }
    router.post("api/**") { request, _ in try await proxy.forward(request) }
    return router
}

/// `rag-runtime ui` as a Hummingbird application (a `Service`).
public func buildUIApplication(
    configuration: UIConfiguration, httpClient: HTTPClient,
    metricsExposition: @escaping @Sendable () -> [UInt8] = { [] }, logger: Logger = Logger(label: "rag.ui")
) -> some ApplicationProtocol {
    Application(
        router: buildUIRouter(configuration: configuration, httpClient: httpClient, metricsExposition: metricsExposition, logger: logger),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rag-runtime-ui"),
        logger: logger)
}
