import Foundation
import Logging

/// The one HTTP layer of the `AWS` target: signs each attempt, sends it through an
/// ``AWSHTTPTransport``, turns error responses into ``AWSError`` and retries what the
/// ``AWSRetryStrategy`` allows.
///
/// Service clients (``KinesisClient``, ``EKSClient``) build ``AWSRequest`` values and decode
/// responses; this type moves them. It is a `Sendable` struct: copy it freely.
///
/// ```swift
/// let http = AWSHTTPClient(service: .kinesis, region: "eu-west-1", endpoint: url,
///                          credentialProvider: provider, transport: AsyncHTTPClientTransport())
/// let response = try await http.send(request)
/// ```
///
/// ## Guarantees
/// - Every attempt is signed afresh at ``now()``, so a retry after a long backoff is not rejected
///   for clock skew, and refreshed credentials are picked up.
/// - Only 2xx responses are returned; anything else throws with the service's error code,
///   HTTP status and request ID.
public struct AWSHTTPClient: Sendable {
    /// The service this client talks to.
    public var service: AWSService
    /// The endpoint, such as `https://kinesis.eu-west-1.amazonaws.com`; request paths are appended.
    public var endpoint: URL
    /// The signer for ``service`` in the client's region.
    public var signer: SigV4Signer
    /// Where credentials come from, or `nil` to send requests unsigned (STS web identity calls).
    public var credentialProvider: (any AWSCredentialProvider)?
    /// Moves the bytes.
    public var transport: any AWSHTTPTransport
    /// When and how to retry. Defaults to `AWSRetryStrategy()` (3 attempts, full jitter).
    public var retryStrategy: AWSRetryStrategy
    /// The timeout of one attempt. Defaults to 30 seconds.
    public var timeout: Duration
    /// The signing clock. Defaults to `Date.init`.
    public var now: @Sendable () -> Date
    /// The logger for retries (`.debug`) and permission errors (`.warning`).
    public var logger: Logger

    /// Creates a client for one service in one region.
    ///
    /// - Parameters:
    ///   - service: The service.
    ///   - region: The region to sign for.
    ///   - endpoint: The endpoint (see ``AWSEndpointResolver``).
    ///   - credentialProvider: Where credentials come from; `nil` for unsigned requests.
    ///   - transport: The transport.
    ///   - retryStrategy: The retry strategy. Defaults to `AWSRetryStrategy()`.
    ///   - timeout: Per-attempt timeout. Defaults to 30 seconds.
    ///   - now: The signing clock. Defaults to the system clock.
    ///   - logger: The logger. Defaults to a logger labelled `aws`.
    public init(
        service: AWSService, region: String, endpoint: URL, credentialProvider: (any AWSCredentialProvider)?,
        transport: any AWSHTTPTransport, retryStrategy: AWSRetryStrategy = AWSRetryStrategy(),
        timeout: Duration = .seconds(30), now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "aws")
    ) {
        self.service = service
        self.endpoint = endpoint
        self.signer = SigV4Signer(service: service.signingName, region: region, options: service.signerOptions)
        self.credentialProvider = credentialProvider
        self.transport = transport
        self.retryStrategy = retryStrategy
        self.timeout = timeout
        self.now = now
        self.logger = logger
    }

    /// A request to ``endpoint`` with `path` appended (decoded; it is percent-encoded here).
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - path: The decoded path below the endpoint's, starting with `/`.
    ///   - queryItems: Decoded query items. Defaults to none.
    ///   - headers: Header fields. Defaults to none.
    ///   - body: The body. Defaults to empty.
    public func request(
        method: String, path: String = "/", queryItems: [AWSRequest.QueryItem] = [],
        headers: [AWSRequest.HeaderField] = [], body: Data = Data()
    ) -> AWSRequest {
        let basePath = endpoint.path.hasSuffix("/") ? String(endpoint.path.dropLast()) : endpoint.path
        return AWSRequest(
            method: method, scheme: endpoint.scheme ?? "https", host: endpoint.host ?? "", port: endpoint.port,
            path: basePath + path, queryItems: queryItems, headers: headers, body: body)
    }

    /// Sends `request`, retrying as ``retryStrategy`` allows, and returns the 2xx response.
    ///
    /// - Parameter request: The unsigned request.
    /// - Returns: The first 2xx response.
    /// - Throws: The last attempt's ``AWSError`` (with ``AWSError/attempts``), or the credential
    ///   provider's error, which is not retried.
    public func send(_ request: AWSRequest) async throws(AWSError) -> AWSHTTPResponse {
        var attempt = 1
        var tokensTaken = 0
        while true {
            do {
                let response = try await sendOnce(request)
                retryStrategy.quota.release(tokensTaken == 0 ? 1 : tokensTaken)
                return response
            } catch {
                var failure = error
                failure.attempts = attempt
                guard let cost = retryStrategy.acquireRetry(after: failure, attempt: attempt) else {
                    log(failure)
                    throw failure
                }
                tokensTaken += cost
                let delay = retryStrategy.delay(beforeRetry: attempt)
                logger.debug("retrying AWS request", metadata: [
                    "aws.service": "\(service.serviceID)", "aws.attempt": "\(attempt)",
                    "aws.reason": "\(failure.errorCode ?? failure.reason)", "aws.delay": "\(delay)",
                ])
                do { try await retryStrategy.sleep(delay) } catch { throw failure }
                attempt += 1
            }
        }
    }

    /// Signs and sends one attempt; a non-2xx response becomes an ``AWSError``.
    func sendOnce(_ request: AWSRequest) async throws(AWSError) -> AWSHTTPResponse {
        var signed = request
        if let credentialProvider {
            let credentials = try await credentialProvider.credentials()
            do {
                try signer.sign(&signed, using: credentials, at: now())
            } catch {
                throw AWSError(code: .signingFailed, message: "could not sign the request", underlying: error)
            }
        }
        let response: AWSHTTPResponse
        do {
            response = try await transport.send(signed, timeout: timeout)
        } catch {
            throw AWSError(code: .connectionFailed, message: "no response from \(request.host)", underlying: error)
        }
        guard response.isSuccess else { throw AWSError.fromResponse(response) }
        return response
    }

    private func log(_ error: AWSError) {
        guard error.statusCode == 403 || error.errorCode == "AccessDeniedException" else { return }
        logger.warning("AWS request denied", metadata: [
            "aws.service": "\(service.serviceID)", "aws.error": "\(error.errorCode ?? "")",
            "aws.request.id": "\(error.requestID ?? "")",
        ])
    }
}
