import Foundation
import KubernetesCore

/// A typed Kubernetes API client: a `Sendable` struct over an ``HTTPTransport``.
///
/// ```swift
/// let client = try KubernetesClient(configuration: .infer())
/// let deployment = try await client.get(Deployment.self, name: "backend", namespace: "rag")
/// try await client.apply(deployment, fieldManager: "rag-operator", force: true)
/// ```
///
/// Every failure is a ``KubernetesClientError``; answers from the server keep their ``Status``.
public struct KubernetesClient: Sendable {
    public let transport: any HTTPTransport
    /// The namespace of the configuration's context; used by nothing implicitly.
    public let defaultNamespace: String
    /// The time bound this client puts on each non-watch request; `nil` leaves it to the transport
    /// (``AsyncHTTPClientTransport`` defaults to 30 s). See ``timingOut(after:)``.
    public private(set) var requestTimeout: Duration?

    public init(transport: any HTTPTransport, defaultNamespace: String = "default") {
        self.transport = transport
        self.defaultNamespace = defaultNamespace
    }

    /// A copy of this client (same connections) whose requests each fail after `timeout`.
    ///
    /// Leader election bounds its renewals this way below the renew deadline, so a hung request can
    /// never keep a former leader acting as one.
    public func timingOut(after timeout: Duration) -> KubernetesClient {
        var copy = self
        copy.requestTimeout = timeout
        return copy
    }

    /// `request` with this client's time bound, unless it carries its own.
    func bounded(_ request: KubernetesRequest) -> KubernetesRequest {
        guard let requestTimeout, request.timeout == nil else { return request }
        var request = request
        request.timeout = requestTimeout
        return request
    }

    /// A client over AsyncHTTPClient. Call ``shutdown()`` when done.
    public init(configuration: ClientConfiguration) throws(KubernetesClientError) {
        self.init(transport: try AsyncHTTPClientTransport(configuration: configuration), defaultNamespace: configuration.namespace)
    }

    /// Releases the transport's connections (a no-op for in-memory transports).
    public func shutdown() async throws {
        if let transport = transport as? AsyncHTTPClientTransport { try await transport.shutdown() }
    }

    /// Sends a request and decodes the answer, turning error statuses into ``KubernetesClientError``.
    public func send<T: Decodable>(_ request: KubernetesRequest, as type: T.Type = T.self) async throws(KubernetesClientError) -> T {
        let response = try await transport.send(bounded(request))
        try Self.check(response.statusCode, body: response.body, request: request)
        do {
            return try JSONValue.decode(T.self, from: response.body)
        } catch {
            throw KubernetesClientError(.decodingFailed, message: "cannot decode \(T.self) from \(request.method) \(request.path)", underlying: error)
        }
    }

    /// Throws the server's Status for any code outside 2xx.
    static func check(_ statusCode: Int, body: Data, request: KubernetesRequest) throws(KubernetesClientError) {
        guard !(200..<300).contains(statusCode) else { return }
        if var status = try? JSONDecoder().decode(Status.self, from: body), status.reason != nil || status.message != nil {
            status.code = status.code ?? statusCode
            throw .api(status)
        }
        // Not a Status (a proxy's HTML page, an empty body): keep the code and the start of the text.
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        throw .api(Status(message: "\(request.method) \(request.path): \(text)", reason: reasonPhrase(statusCode), code: statusCode))
    }

    static func reasonPhrase(_ code: Int) -> String {
        switch code {
        case 400: "BadRequest"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "NotFound"
        case 405: "MethodNotAllowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 415: "UnsupportedMediaType"
        case 422: "Invalid"
        case 429: "TooManyRequests"
        case 500: "InternalError"
        case 503: "ServiceUnavailable"
        case 504: "Timeout"
        default: "Unknown"
        }
    }

    static func encode(_ value: some Encodable) throws(KubernetesClientError) -> Data {
        do {
            return try JSONValue.encodedBytes(value)
        } catch {
            throw KubernetesClientError(.encodingFailed, message: "cannot encode \(type(of: value))", underlying: error)
        }
    }
}
