import AsyncHTTPClient
import Hummingbird
import Logging
import ServiceLifecycle

/// How `rag-runtime ui` listens and where its backend is.
///
/// ## Defaults
/// - ``host`` `0.0.0.0`, ``port`` 8080: the operator's UI Service maps port 80 to it;
///   ``internalPort`` 8081 serves `/metrics`, out of the Ingress's reach.
/// - ``backendTimeout`` 120 seconds: a streamed answer from a slow model can take a minute.
/// - ``limits``: ``ServerLimits``' defaults, as the query API has them.
public struct UIConfiguration: Sendable, Equatable {
    /// The address to bind.
    public var host: String
    /// The port to listen on.
    public var port: Int
    /// The port of `/metrics`.
    public var internalPort: Int
    /// The query API's base URL (`BACKEND_URL`), for example `http://pipeline-backend:8080`.
    public var backendURL: String
    /// The deadline for one proxied request, streamed body included.
    public var backendTimeout: Duration
    /// Body size, concurrency and timeouts.
    public var limits: ServerLimits

    /// Creates a configuration; see "Defaults".
    public init(
        host: String = "0.0.0.0", port: Int = 8080, internalPort: Int = 8081, backendURL: String, backendTimeout: Duration = .seconds(120),
        limits: ServerLimits = ServerLimits()
    ) {
        self.host = host
        self.port = port
        self.internalPort = internalPort
        self.backendURL = backendURL
        self.backendTimeout = backendTimeout
        self.limits = limits
    }
}

/// Builds the router of `rag-runtime ui`: the page and its assets, the API calls the page makes
/// proxied to the backend, and `/healthz` and `/readyz` (reporting the backend).
///
/// Proxying means `kubectl port-forward svc/<ui> 8080:80` is all a user needs: the page's
/// relative API requests reach the backend through the UI, server-sent events included. Only what
/// the page uses crosses: `POST /api/query`, `POST /submit_query` and `GET /api/stats`; everything
/// else (the backend's ingest routes among them) is a 404 here. Requests get the same limits as
/// the query API (64 KiB bodies, 429 beyond 32 at once) and every response the security headers.
public func buildUIRouter(
    configuration: UIConfiguration, httpClient: HTTPClient, logger: Logger = Logger(label: "rag.ui")
) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: ConcurrencyLimitMiddleware(limits: configuration.limits))
    let proxy = BackendProxy(
        backendURL: configuration.backendURL, httpClient: httpClient, timeout: configuration.backendTimeout, limits: configuration.limits,
        logger: logger)
    WebPage.register(on: router)
    router.get("healthz") { _, _ in try JSONResponse.make(["status": "ok"]) }
    router.get("readyz") { _, _ in
        try JSONResponse.make(["status": "ready", "backend": await proxy.isBackendReachable() ? "reachable" : "unreachable"])
    }
    for path in BackendProxy.forwardedPosts { router.post(RouterPath(path)) { request, _ in try await proxy.forward(request) } }
    for path in BackendProxy.forwardedGets { router.get(RouterPath(path)) { request, _ in try await proxy.forward(request) } }
    return router
}

/// `rag-runtime ui` as Hummingbird applications (`Service`s): the public listener on
/// ``UIConfiguration/port`` and `/metrics` on ``UIConfiguration/internalPort``.
public func buildUIApplications(
    configuration: UIConfiguration, httpClient: HTTPClient,
    metricsExposition: @escaping @Sendable () -> [UInt8] = { [] }, logger: Logger = Logger(label: "rag.ui")
) -> [any Service] {
    let internalRouter = Router()
    internalRouter.get("healthz") { _, _ in try JSONResponse.make(["status": "ok"]) }
    internalRouter.get("metrics") { _, _ in MetricsExposition.response(metricsExposition()) }
    return [
        Application(
            router: buildUIRouter(configuration: configuration, httpClient: httpClient, logger: logger), server: configuration.limits.server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "rag-runtime-ui"),
            logger: logger),
        Application(
            router: internalRouter, server: configuration.limits.server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.internalPort), serverName: "rag-runtime-ui-internal"),
            logger: logger),
    ]
}
