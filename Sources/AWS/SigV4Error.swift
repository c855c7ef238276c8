import Foundation

/// Errors that ``SigV4Signer`` and ``AWSRequest`` report. None is retryable without changing the input.
public enum SigV4Error: Error, Sendable, Equatable {
    /// The URL has no scheme or no host, so there is nothing to derive the `host` header from.
    case invalidURL(String)
    /// A percent-escape in the URL's query does not decode to UTF-8 text.
    case invalidPercentEncoding(String)
    /// The credentials expired at or before the signing time.
    case credentialsExpired(expiration: Date, signingTime: Date)
    /// A presigned URL's lifetime is outside the 1…604800 seconds (7 days) that SigV4 allows.
    case invalidExpiry(seconds: Int)
}
