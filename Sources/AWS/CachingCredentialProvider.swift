import Foundation
import Synchronization

/// Caches another provider's credentials and refreshes them shortly before they expire.
///
/// ```swift
/// let provider = CachingCredentialProvider(wrapping: podIdentity)
/// let credentials = try await provider.credentials()   // fetched once, then served from the cache
/// ```
///
/// ## Guarantees
/// - Credentials are refreshed once ``refreshWindow`` (5 minutes) or less remains before their
///   expiration; credentials without an expiration are never refreshed.
/// - Concurrent callers share one fetch: the first caller fetches, callers holding nothing valid
///   wait for its result, and callers while still-valid credentials are cached get those at once.
/// - A failed refresh does not fail callers while the cached credentials are still valid; the
///   next call tries again.
///
/// ## Caveats
/// - A waiting caller is not interrupted by its own cancellation; it waits for the fetch, which
///   the wrapped provider bounds with its timeout.
public final class CachingCredentialProvider: AWSCredentialProvider {
    /// The default ``refreshWindow``: 5 minutes, as the SDKs' container and STS providers.
    public static let defaultRefreshWindow: TimeInterval = 300

    /// The wrapped provider.
    public let base: any AWSCredentialProvider
    /// How long before expiration the credentials are refreshed, in seconds. Defaults to 300.
    public let refreshWindow: TimeInterval
    private let now: @Sendable () -> Date
    private let state: Mutex<StateMachine<CheckedContinuation<Result<AWSCredentials, AWSError>, Never>>>

    /// Creates a caching provider.
    ///
    /// - Parameters:
    ///   - base: The provider to fetch from.
    ///   - refreshWindow: Seconds before expiration at which to refresh. Defaults to 300.
    ///   - now: The clock. Defaults to the system clock; tests inject their own.
    public init(
        wrapping base: any AWSCredentialProvider, refreshWindow: TimeInterval = defaultRefreshWindow,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.base = base
        self.refreshWindow = refreshWindow
        self.now = now
        self.state = Mutex(StateMachine(refreshWindow: refreshWindow))
    }

    /// Returns cached credentials, or fetches (or waits for a fetch of) fresh ones.
    ///
    /// - Throws: The wrapped provider's error when there are no valid cached credentials to fall back to.
    public func credentials() async throws(AWSError) -> AWSCredentials {
        let requestedAt = now()
        switch state.withLock({ $0.credentialsRequested(at: requestedAt) }) {
        case .use(let credentials):
            return credentials
        case .fetch:
            let result: Result<AWSCredentials, AWSError>
            do {
                result = .success(try await base.credentials())
            } catch {
                result = .failure(error)
            }
            let completedAt = now()
            let (delivered, waiters) = state.withLock { $0.fetchCompleted(result, at: completedAt) }
            for waiter in waiters { waiter.resume(returning: delivered) }
            return try delivered.get()
        case .wait(let id):
            let result = await withCheckedContinuation { continuation in
                if let early = state.withLock({ $0.waiterInstalled(id: id, continuation) }) {
                    continuation.resume(returning: early)
                }
            }
            return try result.get()
        }
    }
}
