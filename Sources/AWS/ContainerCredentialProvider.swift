import Foundation

/// Credentials from the container credentials endpoint: the EKS Pod Identity agent, or ECS.
///
/// EKS Pod Identity injects `AWS_CONTAINER_CREDENTIALS_FULL_URI` (`http://169.254.170.23/v1/credentials`)
/// and `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (a projected service account token). The provider
/// sends `GET` with the token as the `Authorization` header and reads `AccessKeyId`,
/// `SecretAccessKey`, `Token` and `Expiration` from the JSON answer.
///
/// ## Guarantees
/// - The token file is read on every fetch: the kubelet rotates it, so a cached token would expire.
/// - A plain `http` URI is accepted only for loopback or the ECS/EKS link-local agent addresses,
///   as the SDKs require, so credentials are never sent in clear text to another host.
public struct ContainerCredentialProvider: AWSCredentialProvider {
    /// How the `Authorization` header is obtained.
    public enum Authorization: Sendable, Hashable {
        /// No header (ECS task roles with a relative URI).
        case none
        /// A fixed token, from `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
        case token(String)
        /// A file whose contents are the token, read on every fetch (`AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`).
        case tokenFile(path: String)
    }

    /// The ECS agent's address, prefixed to `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`.
    public static let ecsHost = "169.254.170.2"
    /// Hosts allowed over plain `http` besides loopback: the ECS and EKS Pod Identity agents.
    public static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]"]

    /// The credentials endpoint.
    public var endpoint: URL
    /// Where the `Authorization` header comes from.
    public var authorization: Authorization
    /// The transport. Requests are not signed.
    public var transport: any AWSHTTPTransport
    /// The timeout of one fetch. Defaults to 5 seconds: the agent is local.
    public var timeout: Duration

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - endpoint: The credentials endpoint.
    ///   - authorization: Where the `Authorization` header comes from.
    ///   - transport: The transport.
    ///   - timeout: Per-fetch timeout. Defaults to 5 seconds.
    /// - Throws: ``AWSError/Code/invalidConfiguration`` when `endpoint` is plain `http` to a host
    ///   that is neither loopback nor an agent address.
    public init(
        endpoint: URL, authorization: Authorization, transport: any AWSHTTPTransport, timeout: Duration = .seconds(5)
    ) throws(AWSError) {
        let host = endpoint.host?.lowercased() ?? ""
        let isLoopback = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        guard endpoint.scheme == "https" || (endpoint.scheme == "http" && (isLoopback || Self.allowedHTTPHosts.contains(host)))
        else {
            throw AWSError(
                code: .invalidConfiguration,
                message: "container credentials URI must be https, loopback or an ECS/EKS agent address: \(endpoint)")
        }
        self.endpoint = endpoint
        self.authorization = authorization
        self.transport = transport
        self.timeout = timeout
    }

    /// The provider the environment configures, or `nil` when neither
    /// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` nor `AWS_CONTAINER_CREDENTIALS_FULL_URI` is set.
    ///
    /// The relative URI wins, as in the SDKs. The token file wins over the fixed token.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - transport: The transport.
    /// - Throws: ``AWSError/Code/invalidConfiguration`` naming the variable when the URI is invalid.
    public static func fromEnvironment(
        _ environment: [String: String], transport: any AWSHTTPTransport
    ) throws(AWSError) -> Self? {
        let text: String
        if let relative = environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"].nonEmpty {
            text = "http://\(ecsHost)\(relative.hasPrefix("/") ? "" : "/")\(relative)"
        } else if let full = environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"].nonEmpty {
            text = full
        } else {
            return nil
        }
        let endpoint = try AWSEndpointResolver.parse(text, variable: "AWS_CONTAINER_CREDENTIALS_FULL_URI")
        var authorization = Authorization.none
        if let path = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"].nonEmpty {
            authorization = .tokenFile(path: path)
        } else if let token = environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"].nonEmpty {
            authorization = .token(token)
        }
        return try Self(endpoint: endpoint, authorization: authorization, transport: transport)
    }

    /// Fetches credentials from the endpoint, reading the token file first.
    ///
    /// - Throws: ``AWSError/Code/credentialsUnavailable`` when the token file cannot be read, the
    ///   endpoint cannot be reached or answers an error, or the answer lacks a field.
    public func credentials() async throws(AWSError) -> AWSCredentials {
        var request: AWSRequest
        do {
            request = try AWSRequest(method: "GET", url: endpoint, headers: [("Accept", "application/json")])
        } catch {
            throw Self.failure("invalid endpoint \(endpoint)", underlying: error)
        }
        if let token = try readToken() { request.setHeader("Authorization", token) }
        let response: AWSHTTPResponse
        do {
            response = try await transport.send(request, timeout: timeout)
        } catch {
            throw Self.failure("container credentials endpoint \(endpoint) unreachable", underlying: error)
        }
        guard response.isSuccess else {
            var error = AWSError.fromResponse(response)
            error.code = .credentialsUnavailable
            error.message = "container credentials endpoint answered \(response.status): \(error.message)"
            throw error
        }
        return try Self.parse(response.body)
    }

    func readToken() throws(AWSError) -> String? {
        switch authorization {
        case .none: return nil
        case .token(let token): return try Self.validated(token, source: "AWS_CONTAINER_AUTHORIZATION_TOKEN")
        case .tokenFile(let path):
            do {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return try Self.validated(text.trimmingCharacters(in: .whitespacesAndNewlines), source: path)
            } catch let error as AWSError {
                throw error
            } catch {
                throw Self.failure("cannot read the authorization token file \(path)", underlying: error)
            }
        }
    }

    static func validated(_ token: String, source: String) throws(AWSError) -> String {
        guard !token.isEmpty, !token.contains("\r"), !token.contains("\n") else {
            throw failure("the authorization token from \(source) is empty or spans lines")
        }
        return token
    }

    static func parse(_ body: Data) throws(AWSError) -> AWSCredentials {
        struct Response: Decodable {
            var AccessKeyId: String
            var SecretAccessKey: String
            var Token: String?
            var Expiration: String?
        }
        let decoded: Response
        do {
            decoded = try JSONDecoder().decode(Response.self, from: body)
        } catch {
            throw failure("container credentials response is not valid", underlying: error)
        }
        var expiration: Date?
        if let text = decoded.Expiration {
            guard let date = AWSTimestampParsing.iso8601(text) else { throw failure("bad Expiration \(text)") }
            expiration = date
        }
        return AWSCredentials(
            accessKeyID: decoded.AccessKeyId, secretAccessKey: decoded.SecretAccessKey,
            sessionToken: decoded.Token, expiration: expiration)
    }

    static func failure(_ message: String, underlying: (any Error)? = nil) -> AWSError {
        AWSError(code: .credentialsUnavailable, message: message, underlying: underlying)
    }
}
