import Foundation

/// A client for Amazon Bedrock Runtime `InvokeModel` (REST-JSON, signed as `bedrock`), with typed
/// helpers for the embedding models the RAG runtime uses (see `BedrockRuntimeClient+Cohere.swift`
/// and `BedrockRuntimeClient+Titan.swift`).
///
/// ```swift
/// let bedrock = BedrockRuntimeClient(http: AWSHTTPClient(service: .bedrockRuntime, region: "us-east-1",
///                                                       endpoint: url, credentialProvider: provider,
///                                                       transport: AsyncHTTPClientTransport()))
/// let vectors = try await bedrock.cohereEmbed(texts: chunks, inputType: .searchDocument)
/// ```
///
/// Throttling (`ThrottlingException`, HTTP 429), `ServiceUnavailableException` and 5xx answers are
/// retried by ``AWSHTTPClient`` with full-jitter backoff; other errors are thrown as ``AWSError``.
public struct BedrockRuntimeClient: Sendable {
    /// The HTTP layer, for ``AWSService/bedrockRuntime``.
    public var http: AWSHTTPClient

    /// Creates a client over an HTTP layer configured for ``AWSService/bedrockRuntime``.
    ///
    /// - Parameter http: The HTTP layer.
    public init(http: AWSHTTPClient) {
        self.http = http
    }

    /// The request `InvokeModel` sends: `POST /model/{modelId}/invoke` with the JSON body.
    ///
    /// The model ID is a URI label, so every byte but the unreserved characters is percent-encoded,
    /// `/` and `:` included (`amazon.titan-embed-text-v2:0` → `amazon.titan-embed-text-v2%3A0`), as
    /// botocore serialises non-greedy labels. An ARN therefore stays one path segment.
    ///
    /// - Parameters:
    ///   - modelId: The model ID, inference profile ID or ARN.
    ///   - body: The model's JSON request body.
    /// - Returns: The unsigned request.
    public func invokeModelRequest(modelId: String, body: Data) -> AWSRequest {
        var request = http.request(
            method: "POST", headers: [("Content-Type", "application/json"), ("Accept", "application/json")],
            body: body)
        let basePath = SigV4Encoding.percentEncode(http.endpoint.path, keepingSlashes: true)
        let trimmedBase = basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath
        request.percentEncodedPath = "\(trimmedBase)/model/\(SigV4Encoding.percentEncode(modelId))/invoke"
        return request
    }

    /// Invokes a model with a JSON body and returns the model's JSON response body.
    ///
    /// - Parameters:
    ///   - modelId: The model ID, inference profile ID or ARN.
    ///   - body: The request body in the model's own format.
    /// - Returns: The response body in the model's own format.
    /// - Throws: ``AWSError`` (`ValidationException`, `AccessDeniedException`,
    ///   `ResourceNotFoundException`; `ThrottlingException` once the retries are used up).
    public func invokeModel(modelId: String, body: Data) async throws(AWSError) -> Data {
        try await http.send(invokeModelRequest(modelId: modelId, body: body)).body
    }

    /// Invokes a model with an `Encodable` body and decodes its response.
    ///
    /// - Parameters:
    ///   - modelId: The model ID.
    ///   - input: The request body.
    ///   - output: The response body's type.
    /// - Returns: The decoded response body.
    /// - Throws: ``AWSError``; ``AWSError/Code/invalidResponse`` when the body does not decode.
    public func invokeModel<Input: Encodable, Output: Decodable>(
        modelId: String, input: Input, output: Output.Type = Output.self
    ) async throws(AWSError) -> Output {
        let body = try AWSHTTPClient.encode(input)
        let response = try await http.send(invokeModelRequest(modelId: modelId, body: body))
        return try AWSHTTPClient.decode(Output.self, from: response)
    }
}
