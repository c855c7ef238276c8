// The AWS target: SigV4 signing, credential providers and small clients for the AWS services the
// RAG runtime and the operator call. The signer (`SigV4Signer`) is sans-IO: it turns an
// `AWSRequest` value into a signed value and imports only Foundation and Crypto.
import Foundation

/// A set of AWS credentials: an access key pair, optionally with a session token and an expiry.
///
/// The secret access key and the session token never appear in `description`, `debugDescription`
/// or `dump(_:)`; they print as `<redacted>`. The access key ID is not secret and prints as is,
/// so that logs still tell which principal signed a request.
///
/// ```swift
/// let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: secret)
/// print(credentials) // AWSCredentials(accessKeyID: AKIDEXAMPLE, secretAccessKey: <redacted>, …)
/// ```
public struct AWSCredentials: Sendable, Hashable {
    /// The access key ID, such as `AKIDEXAMPLE` or `ASIA…` for temporary credentials.
    public var accessKeyID: String
    /// The secret access key used to derive signing keys. Never printed.
    public var secretAccessKey: String
    /// The session token of temporary credentials (STS, EKS Pod Identity, web identity), or `nil`.
    ///
    /// When present, the signer sends it as `X-Amz-Security-Token`. Never printed.
    public var sessionToken: String?
    /// When temporary credentials stop being valid, or `nil` for long-lived keys.
    ///
    /// ``SigV4Signer`` refuses to sign with credentials that have expired at the signing time.
    public var expiration: Date?

    /// Creates credentials from their parts.
    ///
    /// - Parameters:
    ///   - accessKeyID: The access key ID.
    ///   - secretAccessKey: The secret access key.
    ///   - sessionToken: The session token of temporary credentials. Defaults to `nil`.
    ///   - expiration: When the credentials expire. Defaults to `nil` (never).
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Date? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// Whether the credentials have expired at `date`. Credentials without an expiration never expire.
    ///
    /// - Parameter date: The instant to check against, normally the signing time.
    /// - Returns: `true` when `expiration` is at or before `date`.
    public func isExpired(at date: Date) -> Bool {
        guard let expiration else { return false }
        return expiration <= date
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    static let redacted = "<redacted>"

    /// A description that shows the access key ID and hides the secret and the token.
    public var description: String {
        let token = sessionToken == nil ? "nil" : Self.redacted
        let expiry = expiration.map { "\($0)" } ?? "nil"
        return "AWSCredentials(accessKeyID: \(accessKeyID), secretAccessKey: \(Self.redacted), "
            + "sessionToken: \(token), expiration: \(expiry))"
    }

    /// The same as ``description``: debug output hides the secret and the token too.
    public var debugDescription: String { description }

    /// A mirror whose children hide the secret and the token, so `dump(_:)` does not print them.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyID": accessKeyID,
                "secretAccessKey": Self.redacted,
                "sessionToken": sessionToken == nil ? "nil" : Self.redacted,
                "expiration": expiration.map { "\($0)" } ?? "nil",
            ],
            displayStyle: .struct
        )
    }
}
