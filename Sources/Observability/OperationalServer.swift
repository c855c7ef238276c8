import Hummingbird
import Logging
import Prometheus

/// The operational endpoints every process serves: `/healthz` (alive), `/readyz` (ready, as the
/// closure says: caches synced, dependencies reachable) and `/metrics` (Prometheus text format).
public enum OperationalServer {
    /// A Hummingbird application for the endpoints; run it in the process's service group.
    public static func application(
        host: String, port: Int, registry: PrometheusCollectorRegistry, logger: Logger,
        ready: @escaping @Sendable () async -> (ready: Bool, detail: String)
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthz") { _, _ in "ok\n" }
        router.get("readyz") { _, _ -> Response in
            let (isReady, detail) = await ready()
            return Response(status: isReady ? .ok : .serviceUnavailable, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: detail + "\n")))
        }
        router.get("metrics") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"], body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
        return Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "rag-operator"), logger: logger)
    }
}
