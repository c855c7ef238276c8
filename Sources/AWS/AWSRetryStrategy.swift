import Foundation
import Synchronization

/// When and how long to wait before sending a failed request again: the SDKs' "standard" retry mode.
///
/// Retries throttling (HTTP 429, `ThrottlingException`, `ProvisionedThroughputExceededException`,
/// `TooManyRequestsException` …), 5xx and connection failures (``AWSError/isRetryable``), at most
/// ``maximumAttempts`` attempts in all, and only while the shared ``RetryQuota`` has tokens.
/// The delay before retry *n* (1-based) is full jitter: `random() * min(maximumBackoff, baseDelay * 2^(n-1))`.
///
/// ```swift
/// var strategy = AWSRetryStrategy(maximumAttempts: 5)
/// strategy.random = { 0.5 }   // deterministic jitter in tests
/// ```
///
/// ## Defaults
/// 3 attempts, a 1 second base and a 20 second cap, as botocore's and the AWS SDKs' standard mode.
public struct AWSRetryStrategy: Sendable {
    /// Attempts in all, the first included. 1 disables retries. Defaults to 3.
    public var maximumAttempts: Int
    /// The backoff ceiling of the first retry; it doubles for each further retry. Defaults to 1 second.
    public var baseDelay: Duration
    /// The largest backoff ceiling. Defaults to 20 seconds.
    public var maximumBackoff: Duration
    /// A uniform random number in `0..<1` for the jitter. Defaults to `Double.random(in: 0..<1)`.
    public var random: @Sendable () -> Double
    /// Sleeps for a delay; tests inject one that records and returns at once. Defaults to `Task.sleep(for:)`.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The token bucket shared by every request of a client, which stops retry storms. Defaults to a new one.
    public var quota: RetryQuota

    /// Creates a strategy.
    ///
    /// - Parameters:
    ///   - maximumAttempts: Attempts in all. Defaults to 3.
    ///   - baseDelay: The first retry's backoff ceiling. Defaults to 1 second.
    ///   - maximumBackoff: The largest backoff ceiling. Defaults to 20 seconds.
    ///   - quota: The shared retry quota. Defaults to a new ``RetryQuota``.
    ///   - random: Uniform randomness in `0..<1`. Defaults to the system generator.
    ///   - sleep: How to wait. Defaults to `Task.sleep(for:)`.
    public init(
        maximumAttempts: Int = 3, baseDelay: Duration = .seconds(1), maximumBackoff: Duration = .seconds(20),
        quota: RetryQuota = RetryQuota(),
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.baseDelay = baseDelay
        self.maximumBackoff = maximumBackoff
        self.quota = quota
        self.random = random
        self.sleep = sleep
    }

    /// The delay before retry number `retry` (1 for the first retry): full jitter under an
    /// exponential ceiling capped at ``maximumBackoff``.
    ///
    /// - Parameter retry: The 1-based retry number.
    /// - Returns: A delay in `0 ..< min(maximumBackoff, baseDelay * 2^(retry-1))`.
    public func delay(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(maximumBackoff, baseDelay * (1 << exponent))
        let fraction = min(max(random(), 0), 1)
        return ceiling * fraction
    }

    /// Whether to retry after `error` on attempt `attempt` (1-based), taking the retry's tokens from
    /// the ``quota`` when it says yes.
    ///
    /// - Parameters:
    ///   - error: The attempt's error.
    ///   - attempt: The attempt that failed, 1-based.
    /// - Returns: The tokens taken when the request should be sent again, `nil` when it should not
    ///   (the error is not retryable, the attempts are used up, or the quota is empty).
    public func acquireRetry(after error: AWSError, attempt: Int) -> Int? {
        guard error.isRetryable, attempt < maximumAttempts else { return nil }
        let cost = error.code == .connectionFailed ? RetryQuota.timeoutCost : RetryQuota.retryCost
        return quota.acquire(cost: cost) ? cost : nil
    }
}

/// The standard mode's retry quota: a token bucket shared by the requests of one client.
///
/// Each retry takes 5 tokens (10 after a connection failure or timeout); each success gives back
/// what its retries took, or 1 token when it needed none. When the bucket is empty, requests are not
/// retried, so an outage does not turn into three times the traffic.
public final class RetryQuota: Sendable {
    /// Tokens a retry takes.
    public static let retryCost = 5
    /// Tokens a retry after a connection failure or timeout takes.
    public static let timeoutCost = 10
    /// The most tokens the bucket holds. Defaults to 500, as the SDKs.
    public let capacity: Int
    private let tokens: Mutex<Int>

    /// Creates a full bucket.
    ///
    /// - Parameter capacity: The number of tokens. Defaults to 500.
    public init(capacity: Int = 500) {
        self.capacity = capacity
        self.tokens = Mutex(capacity)
    }

    /// The tokens left.
    public var available: Int { tokens.withLock { $0 } }

    /// Takes `cost` tokens if there are that many.
    ///
    /// - Returns: Whether the tokens were taken.
    public func acquire(cost: Int) -> Bool {
        tokens.withLock { tokens in
            guard tokens >= cost else { return false }
            tokens -= cost
            return true
        }
    }

    /// Gives back `amount` tokens after a success, up to ``capacity``.
    public func release(_ amount: Int) {
        tokens.withLock { $0 = min(capacity, $0 + amount) }
    }
}
