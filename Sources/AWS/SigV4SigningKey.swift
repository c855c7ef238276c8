import Crypto
import Foundation

/// The SigV4 signing key for one day, region and service, derived from a secret access key.
///
/// `kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request")`.
///
/// Derivation is four HMAC-SHA256 over short strings, about a microsecond, so the signer derives
/// the key on every call instead of caching it: a cache would need a lock shared by every copy of
/// the signer and would keep secret-derived keys in memory after the credentials rotate.
struct SigV4SigningKey: Sendable {
    let key: SymmetricKey

    /// Derives the key.
    ///
    /// - Parameters:
    ///   - secretAccessKey: The secret access key.
    ///   - date: The signing date as `yyyyMMdd`, UTC.
    ///   - region: The region, such as `us-east-1`.
    ///   - service: The signing name, such as `iam` or `aoss`.
    init(secretAccessKey: String, date: String, region: String, service: String) {
        let secret = SymmetricKey(data: Data("AWS4\(secretAccessKey)".utf8))
        let dateKey = SigV4Hashing.hmac(date, key: secret)
        let regionKey = SigV4Hashing.hmac(region, key: dateKey)
        let serviceKey = SigV4Hashing.hmac(service, key: regionKey)
        key = SigV4Hashing.hmac("aws4_request", key: serviceKey)
    }

    /// The key's bytes as lowercase hex, for tests against documented examples.
    var hexEncoded: String {
        key.withUnsafeBytes { SigV4Hashing.hex($0) }
    }

    /// The lowercase hex HMAC-SHA256 of `stringToSign`: the SigV4 signature.
    func signature(for stringToSign: String) -> String {
        SigV4Hashing.hex(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key))
    }
}
