import Foundation
import KubernetesClient
import KubernetesCore
import Synchronization

/// A transport that answers from a script and records what was asked: the least powerful way to
/// test client behaviour (error mapping, request shapes) without a server.
///
/// ```swift
/// let transport = ScriptedTransport([.status(404, reason: "NotFound")])
/// let client = KubernetesClient(transport: transport)
/// ```
public final class ScriptedTransport: HTTPTransport {
    /// One scripted answer.
    public enum Answer: Sendable {
        case response(KubernetesResponse)
        case stream(statusCode: Int, chunks: [[UInt8]])
        case failure(KubernetesClientError)

        /// A JSON body with a status code.
        public static func json(_ value: JSONValue, status: Int = 200) -> Answer {
            .response(KubernetesResponse(statusCode: status, headers: ["content-type": "application/json"], body: (try? value.data()) ?? Data()))
        }

        /// A Kubernetes `Status` failure.
        public static func status(_ code: Int, reason: String, message: String = "scripted") -> Answer {
            .json(["kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": .string(reason), "message": .string(message), "code": .integer(Int64(code))], status: code)
        }
    }

    private let state: Mutex<(answers: [Answer], requests: [KubernetesRequest])>

    public init(_ answers: [Answer]) { state = Mutex((answers, [])) }

    /// The requests sent so far.
    public var requests: [KubernetesRequest] { state.withLock { $0.requests } }

    private func next(_ request: KubernetesRequest) -> Answer {
        state.withLock { state in
            state.requests.append(request)
            guard !state.answers.isEmpty else {
                return .status(599, reason: "ScriptExhausted", message: "no scripted answer left for \(request.method) \(request.path)")
            }
            return state.answers.removeFirst()
        }
    }

    public func send(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesResponse {
        switch next(request) {
        case .response(let response): return response
        case .stream(let code, let chunks): return KubernetesResponse(statusCode: code, body: Data(chunks.joined()))
        case .failure(let error): throw error
        }
    }

    public func stream(_ request: KubernetesRequest) async throws(KubernetesClientError) -> KubernetesStreamingResponse {
        switch next(request) {
        case .response(let response):
            return KubernetesStreamingResponse(statusCode: response.statusCode, headers: response.headers, body: [Array(response.body)].async)
        case .stream(let code, let chunks):
            return KubernetesStreamingResponse(statusCode: code, body: chunks.async)
        case .failure(let error): throw error
        }
    }
}
