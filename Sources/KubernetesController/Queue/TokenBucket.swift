/// A token bucket: the overall rate limit of the work queue (client-go's default: 10 per second, burst 100).
public struct TokenBucket: Sendable, Equatable {
    public var ratePerSecond: Double
    public var burst: Double
    private var tokens: Double
    private var last: Double?

    public init(ratePerSecond: Double = 10, burst: Double = 100) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
        self.tokens = burst
    }

    /// Reserves one token at `now` (seconds) and returns how long the caller must wait for it.
    public mutating func reserve(now: Double) -> Double {
        if let last { tokens = min(burst, tokens + (now - last) * ratePerSecond) }
        last = now
        tokens -= 1
        return tokens >= 0 ? 0 : -tokens / ratePerSecond
    }
}
