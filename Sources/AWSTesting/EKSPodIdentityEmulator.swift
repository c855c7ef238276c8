import AWS
import Foundation
import Synchronization

/// An in-memory EKS that implements the five Pod Identity association operations as the botocore
/// model specifies them (REST-JSON), for tests of code that manages associations.
///
/// moto_server answers 404 to these operations, so tests use this instead: in memory as an
/// ``AWS/AWSHTTPTransport``, or over loopback HTTP with ``withRunning(_:)``.
///
/// ```swift
/// let emulator = EKSPodIdentityEmulator(clusters: ["rag"])
/// try await emulator.withRunning { endpoint in
///     let eks = EKSClient(http: AWSHTTPClient(service: .eks, region: "us-east-1", endpoint: endpoint,
///                                             credentialProvider: credentials, transport: AsyncHTTPClientTransport()))
///     _ = try await eks.createPodIdentityAssociation(clusterName: "rag", request)
/// }
/// ```
///
/// ## Semantics
/// - Create with a `clientRequestToken` already used returns the association it created (200);
///   with different parameters, `InvalidRequestException`.
/// - Create for a namespace and service account that already have an association: 409 `ResourceInUseException`.
/// - Unknown cluster or association ID: 404 `ResourceNotFoundException`.
/// - List returns creation order, `maxResults` (1…100, default 100) per page, and an opaque `nextToken`.
/// - Requests without a SigV4 `Authorization` header get 403 `MissingAuthenticationTokenException`.
public final class EKSPodIdentityEmulator: AWSHTTPTransport {
    private let state: Mutex<State>
    private let requestLog = Mutex<[AWSRequest]>([])
    private let now: @Sendable () -> Date

    /// Creates an emulator that knows `clusters`.
    ///
    /// - Parameters:
    ///   - clusters: The cluster names that exist. Defaults to `["rag"]`.
    ///   - accountID: The account in ARNs. Defaults to `111122223333`.
    ///   - region: The region in ARNs. Defaults to `us-east-1`.
    ///   - now: The clock for `createdAt`/`modifiedAt`. Defaults to the system clock.
    public init(
        clusters: Set<String> = ["rag"], accountID: String = "111122223333", region: String = "us-east-1",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.state = Mutex(State(clusters: clusters, accountID: accountID, region: region))
        self.now = now
    }

    /// Every association, in creation order.
    public var associations: [EKSPodIdentityAssociation] { state.withLock { $0.associations } }

    /// Every request received, in order.
    public var requests: [AWSRequest] { requestLog.withLock { $0 } }

    /// Serves the emulator on `127.0.0.1` while `body` runs, passing it the endpoint.
    ///
    /// - Parameter body: The code under test.
    /// - Returns: What `body` returns.
    public func withRunning<T>(_ body: (URL) async throws -> T) async throws -> T {
        try await AWSLoopbackServer.withRunning(handler: { [self] request in handle(request) }, body)
    }

    /// Answers `request` in memory, as the loopback server would.
    public func send(_ request: AWSRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        handle(request)
    }

    /// Routes one request to an operation and renders its result or error.
    public func handle(_ request: AWSRequest) -> AWSHTTPResponse {
        requestLog.withLock { $0.append(request) }
        guard request.headerValue(named: "Authorization")?.hasPrefix(SigV4Signer.algorithm) == true else {
            return Self.error(403, "MissingAuthenticationTokenException", "Missing Authentication Token")
        }
        let segments = request.percentEncodedPath.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }
        guard segments.count >= 3, segments.count <= 4, segments[0] == "clusters", segments[2] == "pod-identity-associations"
        else {
            return Self.error(404, "UnknownOperationException", "no operation for \(request.method) \(request.percentEncodedPath)")
        }
        let cluster = segments[1]
        let id = segments.count == 4 ? segments[3] : nil
        let query = Dictionary(request.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let date = now()
        do throws(State.Failure) {
            switch (request.method, id) {
            case ("POST", nil):
                let body = try Self.decode(EKSCreatePodIdentityAssociationRequest.self, from: request.body)
                return Self.ok(EKSPodIdentityAssociationResponse(
                    association: try state.withLock { state throws(State.Failure) in try state.create(cluster: cluster, body, now: date) }))
            case ("GET", nil):
                var maxResults: Int?
                if let text = query["maxResults"] {
                    guard let value = Int(text) else { throw .invalidParameter("maxResults must be an integer") }
                    maxResults = value
                }
                return Self.ok(try state.withLock { state throws(State.Failure) in
                    try state.list(cluster: cluster, namespace: query["namespace"], serviceAccount: query["serviceAccount"],
                                   maxResults: maxResults, nextToken: query["nextToken"])
                })
            case ("GET", let id?):
                return Self.ok(EKSPodIdentityAssociationResponse(
                    association: try state.withLock { state throws(State.Failure) in try state.describe(cluster: cluster, id: id) }))
            case ("POST", let id?):
                let body = try Self.decode(EKSUpdatePodIdentityAssociationRequest.self, from: request.body)
                return Self.ok(EKSPodIdentityAssociationResponse(
                    association: try state.withLock { state throws(State.Failure) in
                        try state.update(cluster: cluster, id: id, body, now: date)
                    }))
            case ("DELETE", let id?):
                return Self.ok(EKSPodIdentityAssociationResponse(
                    association: try state.withLock { state throws(State.Failure) in try state.delete(cluster: cluster, id: id) }))
            default:
                return Self.error(405, "UnknownOperationException", "\(request.method) is not supported here")
            }
        } catch {
            switch error {
            case .resourceNotFound(let message): return Self.error(404, "ResourceNotFoundException", message)
            case .resourceInUse(let message): return Self.error(409, "ResourceInUseException", message)
            case .invalidParameter(let message): return Self.error(400, "InvalidParameterException", message)
            case .invalidRequest(let message): return Self.error(400, "InvalidRequestException", message)
            }
        }
    }

    static func decode<Body: Decodable>(_ type: Body.Type, from data: Data) throws(State.Failure) -> Body {
        do {
            return try JSONDecoder().decode(Body.self, from: data)
        } catch {
            throw .invalidParameter("invalid request body: \(error)")
        }
    }

    static func ok<Body: Encodable>(_ body: Body) -> AWSHTTPResponse {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.outputFormatting = .sortedKeys
        let data = (try? encoder.encode(body)) ?? Data("{}".utf8)
        return AWSHTTPResponse(status: 200, headers: headers(), body: data)
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> AWSHTTPResponse {
        let data = (try? JSONSerialization.data(withJSONObject: ["message": message])) ?? Data()
        return AWSHTTPResponse(status: status, headers: headers() + [("x-amzn-ErrorType", code)], body: data)
    }

    static func headers() -> [AWSRequest.HeaderField] {
        [("Content-Type", "application/json"), ("x-amzn-RequestId", UUID().uuidString.lowercased())]
    }
}
