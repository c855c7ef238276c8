import Foundation

/// Something that produces ``AWSCredentials``: the environment, the EKS Pod Identity agent, STS.
///
/// Providers do not cache; wrap them in ``CachingCredentialProvider`` so that every request does
/// not cause a fetch. ``AWSCredentialProviderChain/default(environment:transport:now:)`` builds
/// the cached provider the SDKs would pick.
///
/// ```swift
/// let provider = try AWSCredentialProviderChain.default(environment: ProcessInfo.processInfo.environment, transport: transport)
/// let credentials = try await provider.credentials()
/// ```
public protocol AWSCredentialProvider: Sendable {
    /// Fetches credentials.
    ///
    /// - Throws: ``AWSError`` with code ``AWSError/Code/credentialsUnavailable`` when the source
    ///   could not produce credentials, with the cause.
    func credentials() async throws(AWSError) -> AWSCredentials
}

/// A provider that always returns the same credentials: for tests and for keys from configuration.
public struct StaticCredentialProvider: AWSCredentialProvider {
    /// The credentials returned by every call.
    public var fixedCredentials: AWSCredentials

    /// Creates a provider that returns `credentials`.
    ///
    /// - Parameter credentials: The credentials to return.
    public init(_ credentials: AWSCredentials) {
        self.fixedCredentials = credentials
    }

    /// Returns ``fixedCredentials``.
    public func credentials() async throws(AWSError) -> AWSCredentials { fixedCredentials }
}

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN`.
///
/// The environment is read once, when the provider is created, as the SDKs do.
public struct EnvironmentCredentialProvider: AWSCredentialProvider {
    /// The credentials read from the environment.
    public let environmentCredentials: AWSCredentials

    /// Reads credentials from `environment`, or returns `nil` when `AWS_ACCESS_KEY_ID` is not set.
    ///
    /// - Parameter environment: The process environment.
    /// - Returns: The provider, or `nil` when the environment holds no access key.
    /// - Throws: ``AWSError/Code/invalidConfiguration`` when the access key is set without a secret.
    public static func fromEnvironment(_ environment: [String: String]) throws(AWSError) -> Self? {
        guard let accessKeyID = environment["AWS_ACCESS_KEY_ID"].nonEmpty else { return nil }
        guard let secret = environment["AWS_SECRET_ACCESS_KEY"].nonEmpty else {
            throw AWSError(
                code: .invalidConfiguration,
                message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is missing or empty")
        }
        return Self(environmentCredentials: AWSCredentials(
            accessKeyID: accessKeyID, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"].nonEmpty))
    }

    /// Returns the credentials read from the environment.
    public func credentials() async throws(AWSError) -> AWSCredentials { environmentCredentials }
}

extension Optional where Wrapped == String {
    /// The string, or `nil` when it is `nil` or empty: the SDKs treat an empty variable as unset.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}
