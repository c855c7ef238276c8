import Foundation

/// Resolves the region and service endpoints from the environment, as the official SDKs do.
///
/// - Region: `AWS_REGION`, else `AWS_DEFAULT_REGION`.
/// - Endpoint: `AWS_ENDPOINT_URL_<SERVICE>` (see ``AWSService/environmentSuffix``), else
///   `AWS_ENDPOINT_URL`, else `https://<endpointPrefix>.<region>.amazonaws.com`. Setting
///   `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` ignores both variables.
///
/// ```swift
/// let resolver = AWSEndpointResolver(environment: ProcessInfo.processInfo.environment)
/// let region = try resolver.region()
/// let kinesisURL = try resolver.endpoint(for: .kinesis, region: region)
/// ```
public struct AWSEndpointResolver: Sendable {
    /// The environment variables read.
    public var environment: [String: String]

    /// Creates a resolver over `environment`.
    ///
    /// - Parameter environment: The process environment.
    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The region from `AWS_REGION`, else `AWS_DEFAULT_REGION`.
    ///
    /// - Throws: ``AWSError/Code/invalidConfiguration`` naming both variables when neither is set.
    public func region() throws(AWSError) -> String {
        if let region = environment["AWS_REGION"].nonEmpty ?? environment["AWS_DEFAULT_REGION"].nonEmpty {
            return region
        }
        throw AWSError(code: .invalidConfiguration, message: "no region: set AWS_REGION or AWS_DEFAULT_REGION")
    }

    /// The endpoint of `service` in `region`.
    ///
    /// - Parameters:
    ///   - service: The service.
    ///   - region: The region, used for the default endpoint only.
    /// - Returns: The endpoint URL, with no trailing slash.
    /// - Throws: ``AWSError/Code/invalidConfiguration`` naming the variable when an override is not
    ///   an absolute `http` or `https` URL.
    public func endpoint(for service: AWSService, region: String) throws(AWSError) -> URL {
        let ignoresOverrides = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
        let serviceKey = "AWS_ENDPOINT_URL_\(service.environmentSuffix)"
        if !ignoresOverrides {
            for key in [serviceKey, "AWS_ENDPOINT_URL"] {
                guard let value = environment[key].nonEmpty else { continue }
                return try Self.parse(value, variable: key)
            }
        }
        return try Self.parse("https://\(service.endpointPrefix).\(region).amazonaws.com", variable: "region")
    }

    static func parse(_ text: String, variable: String) throws(AWSError) -> URL {
        let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme), url.host != nil
        else {
            throw AWSError(code: .invalidConfiguration, message: "\(variable) is not an http(s) URL: \(text)")
        }
        return url
    }
}
