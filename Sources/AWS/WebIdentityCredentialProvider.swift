import Foundation

/// Credentials for IAM Roles for Service Accounts (IRSA): STS `AssumeRoleWithWebIdentity` with the
/// projected token in `AWS_WEB_IDENTITY_TOKEN_FILE` and the role in `AWS_ROLE_ARN`.
///
/// The call is the query protocol (`Action=AssumeRoleWithWebIdentity&Version=2011-06-15`, form
/// encoded) and is not signed: the token is the proof. The XML answer's `Credentials` element gives
/// `AccessKeyId`, `SecretAccessKey`, `SessionToken` and `Expiration`.
///
/// ## Guarantees
/// - The token file is read on every fetch, as it rotates.
/// - Throttling and 5xx answers from STS are retried by the ``AWSHTTPClient``.
public struct WebIdentityCredentialProvider: AWSCredentialProvider {
    /// The role to assume.
    public var roleARN: String
    /// The file holding the web identity (OIDC) token.
    public var tokenFilePath: String
    /// The role session name, from `AWS_ROLE_SESSION_NAME` or generated.
    public var sessionName: String
    /// The unsigned STS client.
    public var sts: AWSHTTPClient

    /// Creates a provider.
    ///
    /// - Parameters:
    ///   - roleARN: The role to assume.
    ///   - tokenFilePath: The token file.
    ///   - sessionName: The role session name.
    ///   - sts: An STS client; its credential provider is ignored (the call is unsigned).
    public init(roleARN: String, tokenFilePath: String, sessionName: String, sts: AWSHTTPClient) {
        self.roleARN = roleARN
        self.tokenFilePath = tokenFilePath
        self.sessionName = sessionName
        var sts = sts
        sts.credentialProvider = nil
        self.sts = sts
    }

    /// The provider the environment configures, or `nil` when `AWS_WEB_IDENTITY_TOKEN_FILE` is not set.
    ///
    /// STS is called at the regional endpoint (`AWS_REGION`/`AWS_DEFAULT_REGION`, or
    /// `AWS_ENDPOINT_URL_STS`), else at the global `https://sts.amazonaws.com`.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - transport: The transport.
    /// - Throws: ``AWSError/Code/invalidConfiguration`` when the token file is set without `AWS_ROLE_ARN`.
    public static func fromEnvironment(
        _ environment: [String: String], transport: any AWSHTTPTransport
    ) throws(AWSError) -> Self? {
        guard let tokenFile = environment["AWS_WEB_IDENTITY_TOKEN_FILE"].nonEmpty else { return nil }
        guard let roleARN = environment["AWS_ROLE_ARN"].nonEmpty else {
            throw AWSError(code: .invalidConfiguration, message: "AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not")
        }
        let resolver = AWSEndpointResolver(environment: environment)
        let configuredRegion = environment["AWS_REGION"].nonEmpty ?? environment["AWS_DEFAULT_REGION"].nonEmpty
        let region = configuredRegion ?? "us-east-1"
        var endpoint = try resolver.endpoint(for: .sts, region: region)
        if configuredRegion == nil, endpoint.host == "sts.us-east-1.amazonaws.com" {
            endpoint = try AWSEndpointResolver.parse("https://sts.amazonaws.com", variable: "global STS endpoint")
        }
        let sessionName = environment["AWS_ROLE_SESSION_NAME"].nonEmpty
            ?? "rag-\(Int(Date().timeIntervalSince1970 * 1000))"
        let sts = AWSHTTPClient(
            service: .sts, region: region, endpoint: endpoint, credentialProvider: nil, transport: transport)
        return Self(roleARN: roleARN, tokenFilePath: tokenFile, sessionName: sessionName, sts: sts)
    }

    /// Reads the token file and calls `AssumeRoleWithWebIdentity`.
    ///
    /// - Throws: ``AWSError/Code/credentialsUnavailable`` with STS's error code (such as
    ///   `InvalidIdentityToken` or `ExpiredTokenException`) and request ID, or the file's error.
    public func credentials() async throws(AWSError) -> AWSCredentials {
        let token: String
        do {
            token = try String(contentsOfFile: tokenFilePath, encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw AWSError(
                code: .credentialsUnavailable, message: "cannot read web identity token file \(tokenFilePath)",
                underlying: error)
        }
        let form: [AWSRequest.QueryItem] = [
            ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", roleARN),
            ("RoleSessionName", sessionName), ("WebIdentityToken", token),
        ]
        let request = sts.request(
            method: "POST", headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(AWSRequest.encodeQuery(form).utf8))
        let response: AWSHTTPResponse
        do {
            response = try await sts.send(request)
        } catch {
            var failure = error
            failure.code = .credentialsUnavailable
            throw failure
        }
        return try Self.parse(response)
    }

    static func parse(_ response: AWSHTTPResponse) throws(AWSError) -> AWSCredentials {
        guard let values = AWSXML.leafValues(in: response.body), let accessKeyID = values["AccessKeyId"],
            let secret = values["SecretAccessKey"], let token = values["SessionToken"],
            let expiration = values["Expiration"].flatMap(AWSTimestampParsing.iso8601)
        else {
            throw AWSError(
                code: .credentialsUnavailable, message: "AssumeRoleWithWebIdentity response lacks credentials",
                statusCode: response.status, requestID: response.headerValue(named: "x-amzn-RequestId"))
        }
        return AWSCredentials(accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: token, expiration: expiration)
    }
}
