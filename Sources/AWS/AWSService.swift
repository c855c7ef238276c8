import Foundation

/// What the `AWS` target needs to know about a service to reach it: the names from its botocore
/// model's `metadata` (`serviceId`, `endpointPrefix`, `signingName`).
///
/// ```swift
/// let url = try AWSEndpointResolver(environment: env).endpoint(for: .bedrockRuntime, region: "us-east-1")
/// // https://bedrock-runtime.us-east-1.amazonaws.com, or AWS_ENDPOINT_URL_BEDROCK_RUNTIME
/// ```
public struct AWSService: Sendable, Hashable {
    /// The model's `serviceId`, such as `Kinesis` or `Bedrock Runtime`; names the endpoint variable.
    public var serviceID: String
    /// The host label of the default endpoint, such as `kinesis` or `bedrock-runtime`.
    public var endpointPrefix: String
    /// The SigV4 signing name, such as `kinesis`, `bedrock` or `aoss`.
    public var signingName: String
    /// Signing options the service needs (OpenSearch Serverless wants `X-Amz-Content-SHA256`).
    public var signerOptions: SigV4Signer.Options

    /// Creates a service description.
    ///
    /// - Parameters:
    ///   - serviceID: The model's `serviceId`.
    ///   - endpointPrefix: The default endpoint's host label.
    ///   - signingName: The SigV4 signing name. Defaults to `endpointPrefix`.
    ///   - signerOptions: Signing options. Defaults to `SigV4Signer.Options()`.
    public init(
        serviceID: String, endpointPrefix: String, signingName: String? = nil,
        signerOptions: SigV4Signer.Options = .init()
    ) {
        self.serviceID = serviceID
        self.endpointPrefix = endpointPrefix
        self.signingName = signingName ?? endpointPrefix
        self.signerOptions = signerOptions
    }

    /// Amazon Kinesis Data Streams (`kinesis`, JSON 1.1).
    public static let kinesis = AWSService(serviceID: "Kinesis", endpointPrefix: "kinesis")
    /// Amazon DynamoDB (`dynamodb`, JSON 1.0).
    public static let dynamoDB = AWSService(serviceID: "DynamoDB", endpointPrefix: "dynamodb")
    /// Amazon EKS (`eks`, REST-JSON).
    public static let eks = AWSService(serviceID: "EKS", endpointPrefix: "eks")
    /// AWS STS (`sts`, query protocol).
    public static let sts = AWSService(serviceID: "STS", endpointPrefix: "sts")
    /// Amazon Bedrock Runtime (`bedrock-runtime`, signed as `bedrock`).
    public static let bedrockRuntime = AWSService(
        serviceID: "Bedrock Runtime", endpointPrefix: "bedrock-runtime", signingName: "bedrock")
    /// OpenSearch Serverless control plane (`aoss`); data-plane collection endpoints are per collection.
    public static let openSearchServerless = AWSService(
        serviceID: "OpenSearchServerless", endpointPrefix: "aoss",
        signerOptions: .init(addsContentSHA256Header: true))

    /// The suffix of this service's endpoint variable: `serviceId` upper-cased, spaces to underscores
    /// (`Bedrock Runtime` → `BEDROCK_RUNTIME`), as the SDKs derive it.
    public var environmentSuffix: String {
        serviceID.uppercased().replacingOccurrences(of: " ", with: "_")
    }
}
