import Foundation
import Logging

/// Makes signed AWS clients from a process environment: the region (`AWS_REGION`,
/// `AWS_DEFAULT_REGION`), endpoint overrides (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>`)
/// and the default credential chain (environment keys, web identity, EKS Pod Identity). Every
/// client the operator and the runtime make (EKS, Kinesis, DynamoDB, Bedrock, OpenSearch) comes
/// from here.
///
/// ```swift
/// let http = try AWSClientFactory.httpClient(for: .bedrockRuntime, environment: ProcessInfo.processInfo.environment)
/// ```
public enum AWSClientFactory {
    /// An HTTP client for `service`, at `endpoint` when given (an OpenSearch collection), else
    /// at the resolved endpoint.
    ///
    /// - Throws: ``AWSError`` naming the missing region or credentials, or a bad endpoint override.
    public static func httpClient(
        for service: AWSService, environment: [String: String], endpoint: URL? = nil,
        transport: any AWSHTTPTransport = AsyncHTTPClientTransport(), logger: Logger = Logger(label: "aws")
    ) throws -> AWSHTTPClient {
        let resolver = AWSEndpointResolver(environment: environment)
        let region = try resolver.region()
        let credentials = try AWSCredentialProviderChain.default(environment: environment, transport: transport)
        return AWSHTTPClient(
            service: service, region: region, endpoint: try endpoint ?? resolver.endpoint(for: service, region: region),
            credentialProvider: credentials, transport: transport, logger: logger)
    }
}
