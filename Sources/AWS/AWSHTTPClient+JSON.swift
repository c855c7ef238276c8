import Foundation

extension AWSHTTPClient {
    /// The encoder for AWS JSON bodies: blobs as base64, timestamps as epoch seconds, as the JSON
    /// protocols serialise them.
    static func jsonEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .secondsSince1970
        encoder.dataEncodingStrategy = .base64
        return encoder
    }

    /// The decoder matching ``jsonEncoder()``.
    static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        decoder.dataDecodingStrategy = .base64
        return decoder
    }

    /// Calls an `awsJson1_1` (or `awsJson1_0`) operation: `POST /` with
    /// `X-Amz-Target: <prefix>.<operation>`.
    ///
    /// - Parameters:
    ///   - target: The full target, such as `Kinesis_20131202.ListShards`.
    ///   - input: The operation's input shape.
    ///   - output: The output shape's type.
    ///   - protocolVersion: `"1.1"` (Kinesis) or `"1.0"` (DynamoDB). Defaults to `"1.1"`.
    /// - Returns: The decoded output.
    /// - Throws: ``AWSError``; ``AWSError/Code/invalidResponse`` when the body does not decode.
    public func jsonRPC<Input: Encodable, Output: Decodable>(
        target: String, input: Input, output: Output.Type = Output.self, protocolVersion: String = "1.1"
    ) async throws(AWSError) -> Output {
        let body = try Self.encode(input)
        let request = request(
            method: "POST", headers: [("Content-Type", "application/x-amz-json-\(protocolVersion)"), ("X-Amz-Target", target)],
            body: body)
        return try Self.decode(Output.self, from: try await send(request))
    }

    /// Calls a `restJson1` operation and decodes the response.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - path: The decoded path, labels already substituted.
    ///   - queryItems: Query-string members. Defaults to none.
    ///   - input: The body members, or `nil` for no body.
    ///   - output: The output shape's type.
    /// - Returns: The decoded output.
    /// - Throws: ``AWSError``.
    public func restJSON<Input: Encodable, Output: Decodable>(
        method: String, path: String, queryItems: [AWSRequest.QueryItem] = [], input: Input?,
        output: Output.Type = Output.self
    ) async throws(AWSError) -> Output {
        var headers: [AWSRequest.HeaderField] = []
        var body = Data()
        if let input {
            body = try Self.encode(input)
            headers.append(("Content-Type", "application/json"))
        }
        let request = request(method: method, path: path, queryItems: queryItems, headers: headers, body: body)
        return try Self.decode(Output.self, from: try await send(request))
    }

    static func encode<Input: Encodable>(_ input: Input) throws(AWSError) -> Data {
        do {
            return try jsonEncoder().encode(input)
        } catch {
            throw AWSError(code: .invalidConfiguration, message: "could not encode \(Input.self)", underlying: error)
        }
    }

    static func decode<Output: Decodable>(_ type: Output.Type, from response: AWSHTTPResponse) throws(AWSError) -> Output {
        do {
            return try jsonDecoder().decode(Output.self, from: response.body.isEmpty ? Data("{}".utf8) : response.body)
        } catch {
            throw AWSError(
                code: .invalidResponse, message: "could not decode \(Output.self)", statusCode: response.status,
                requestID: response.headerValue(named: "x-amzn-RequestId"), underlying: error)
        }
    }
}
