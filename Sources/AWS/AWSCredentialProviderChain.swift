import Foundation

/// Tries providers in order and returns the first credentials one produces.
///
/// ``default(environment:transport:now:)`` builds the chain the AWS SDKs use inside a pod, in their
/// order: environment keys, then web identity (IRSA), then the container endpoint (EKS Pod
/// Identity, ECS), keeping only the providers the environment configures, wrapped in a
/// ``CachingCredentialProvider``. (Profiles, SSO and the instance metadata service are not read:
/// nothing we run has them.)
///
/// ```swift
/// let credentials = try AWSCredentialProviderChain.default(
///     environment: ProcessInfo.processInfo.environment, transport: AsyncHTTPClientTransport())
/// ```
public struct AWSCredentialProviderChain: AWSCredentialProvider {
    /// The providers, in the order they are tried.
    public var providers: [any AWSCredentialProvider]

    /// Creates a chain.
    ///
    /// - Parameter providers: The providers, first tried first.
    public init(_ providers: [any AWSCredentialProvider]) {
        self.providers = providers
    }

    /// The configured providers of `environment`, in the SDKs' order, cached.
    ///
    /// - Parameters:
    ///   - environment: The process environment.
    ///   - transport: The transport for the container endpoint and STS.
    ///   - now: The cache's clock. Defaults to the system clock.
    /// - Returns: A caching provider over the chain.
    /// - Throws: ``AWSError/Code/credentialsUnavailable`` naming every variable looked at when none
    ///   is set; ``AWSError/Code/invalidConfiguration`` when one is set but invalid.
    public static func `default`(
        environment: [String: String], transport: any AWSHTTPTransport, now: @escaping @Sendable () -> Date = { Date() }
    ) throws(AWSError) -> CachingCredentialProvider {
        var providers: [any AWSCredentialProvider] = []
        if let provider = try EnvironmentCredentialProvider.fromEnvironment(environment) { providers.append(provider) }
        if let provider = try WebIdentityCredentialProvider.fromEnvironment(environment, transport: transport) {
            providers.append(provider)
        }
        if let provider = try ContainerCredentialProvider.fromEnvironment(environment, transport: transport) {
            providers.append(provider)
        }
        guard !providers.isEmpty else {
            throw AWSError(
                code: .credentialsUnavailable,
                message: "no AWS credentials configured: none of AWS_ACCESS_KEY_ID, AWS_WEB_IDENTITY_TOKEN_FILE, "
                    + "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI or AWS_CONTAINER_CREDENTIALS_FULL_URI is set")
        }
        return CachingCredentialProvider(wrapping: Self(providers), now: now)
    }

    /// Returns the first provider's credentials that succeeds.
    ///
    /// - Throws: ``AWSError/Code/credentialsUnavailable`` listing every provider's error when all fail.
    public func credentials() async throws(AWSError) -> AWSCredentials {
        var failures: [AWSError] = []
        for provider in providers {
            do {
                return try await provider.credentials()
            } catch {
                failures.append(error)
            }
        }
        if failures.count == 1, let only = failures.first { throw only }
        throw AWSError(
            code: .credentialsUnavailable,
            message: "no provider produced credentials: " + failures.map(\.description).joined(separator: "; "),
            underlying: failures.last)
    }
}
