import Foundation

/// The outcome of signing one request: the signature and the texts it was computed from.
///
/// ``SigV4Signer/signature(for:using:at:)`` returns it, so that a `SignatureDoesNotMatch` error can
/// be debugged by comparing ``canonicalRequest`` and ``stringToSign`` with what the service reports.
public struct SigV4Signature: Sendable, Hashable {
    /// The payload-hash line of a request whose body is not signed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// The canonical request that was hashed.
    public var canonicalRequest: SigV4CanonicalRequest
    /// The string to sign: algorithm, timestamp, credential scope and canonical-request hash, one a line.
    public var stringToSign: String
    /// The credential: `accessKeyID/yyyyMMdd/region/service/aws4_request`.
    public var credential: String
    /// The signature, lowercase hex.
    public var signature: String

    /// The `Authorization` header value:
    /// `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`.
    public var authorization: String {
        "\(SigV4Signer.algorithm) Credential=\(credential), "
            + "SignedHeaders=\(canonicalRequest.signedHeaders), Signature=\(signature)"
    }
}
