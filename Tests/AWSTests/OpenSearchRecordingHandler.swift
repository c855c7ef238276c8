import AWS
import AWSTesting
import Foundation
import Synchronization

/// A loopback-server handler that records every request and answers from a closure given the
/// request and its 0-based position; used by the Bedrock and OpenSearch client tests.
final class LoopbackRecorder: Sendable {
    private let recorded = Mutex<[AWSRequest]>([])
    private let answer: @Sendable (AWSRequest, Int) -> AWSHTTPResponse

    init(_ answer: @escaping @Sendable (AWSRequest, Int) -> AWSHTTPResponse) {
        self.answer = answer
    }

    var requests: [AWSRequest] { recorded.withLock { $0 } }

    var handle: @Sendable (AWSRequest) async -> AWSHTTPResponse {
        { request in
            let position = self.recorded.withLock { requests in
                requests.append(request)
                return requests.count - 1
            }
            return self.answer(request, position)
        }
    }

    /// Runs `body` against a loopback server that answers with this handler.
    func withServer<T>(_ body: (URL) async throws -> T) async throws -> T {
        try await AWSLoopbackServer.withRunning(handler: handle, body)
    }

    static func json(_ text: String, status: Int = 200, headers: [AWSRequest.HeaderField] = []) -> AWSHTTPResponse {
        AWSHTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(text.utf8))
    }
}

extension AWSHTTPClient {
    /// A client for tests: static credentials, a fixed clock, and retries that record their delays.
    static func forTests(_ service: AWSService, endpoint: URL, sleeps: SleepRecorder) -> AWSHTTPClient {
        AWSHTTPClient(
            service: service, region: "us-east-1", endpoint: endpoint,
            credentialProvider: StaticCredentialProvider(.test), transport: AsyncHTTPClientTransport(),
            retryStrategy: AWSRetryStrategy(random: { 0.5 }, sleep: sleeps.closure),
            now: { Date(timeIntervalSince1970: 1_750_000_000) })
    }
}

extension AWSRequest {
    /// The body parsed as JSON.
    var jsonBody: AWSJSONValue? { try? AWSJSONValue.decode(body) }
}

extension AWSRequest {
    /// The `Authorization` header this request should carry if it was signed by `service` in
    /// `us-east-1` with the test credentials: the received request's signed headers signed afresh.
    /// Equal to the header received when the signature survived the trip over the wire.
    func expectedAuthorization(service: AWSService) throws -> String? {
        guard let authorization = headerValue(named: "Authorization"),
            let signedPart = authorization.split(separator: " ").first(where: { $0.hasPrefix("SignedHeaders=") }),
            let amzDate = headerValue(named: "X-Amz-Date")
        else { return nil }
        let signed = Set(signedPart.dropFirst("SignedHeaders=".count).dropLast().split(separator: ";").map(String.init))
        var copy = self
        copy.headers = headers.filter { signed.contains($0.name.lowercased()) && $0.name.lowercased() != "host" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        guard let date = formatter.date(from: amzDate) else { return nil }
        let signer = SigV4Signer(service: service.signingName, region: "us-east-1", options: service.signerOptions)
        return try signer.signature(for: copy, using: .test, at: date).authorization
    }
}
