import Foundation

/// Signs ``AWSRequest`` values with AWS Signature Version 4, for one service in one region.
///
/// The signer is a value with no I/O and no clock: the caller passes the credentials and the
/// signing time, so tests are deterministic and credential refresh stays with the provider.
/// It can sign with headers (``sign(_:using:at:)``) or build a presigned URL
/// (``presignedURL(for:using:at:expiresIn:)``).
///
/// ```swift
/// let signer = SigV4Signer(service: "aoss", region: "eu-west-1", options: .init(addsContentSHA256Header: true))
/// var request = try AWSRequest(method: "POST", url: searchURL, headers: [("Content-Type", "application/json")], body: query)
/// try signer.sign(&request, using: credentials, at: clock.now)
/// ```
///
/// ## Caveats
/// - The `host` header is signed from ``AWSRequest/hostHeaderValue`` when the request has none,
///   but is not added to the request: HTTP clients send the same value themselves.
/// - `user-agent`, `x-amzn-trace-id` and hop-by-hop headers are not signed
///   (``SigV4CanonicalRequest/unsignedHeaderNames``).
/// - When the request carries `X-Amz-Content-SHA256`, its value is the payload-hash line, as the
///   service will check it against that header.
public struct SigV4Signer: Sendable {
    /// The algorithm name that starts the `Authorization` header and the string to sign.
    public static let algorithm = "AWS4-HMAC-SHA256"

    /// The service's signing name, such as `aoss`, `es`, `bedrock`, `kinesis`, `eks`, `sts` or `s3`.
    ///
    /// `s3` changes the canonical URI (no normalisation, no second encoding) and presigning
    /// (`UNSIGNED-PAYLOAD`).
    public var service: String
    /// The region, such as `eu-west-1`.
    public var region: String
    /// Signing options.
    public var options: Options

    /// Options that some services need.
    public struct Options: Sendable, Hashable {
        /// Whether header signing adds `X-Amz-Content-SHA256` with the payload hash (or
        /// `UNSIGNED-PAYLOAD`) and signs it.
        ///
        /// Defaults to `false`, as most services do not read it. S3 and OpenSearch Serverless
        /// (`aoss`) require it: turn it on for them. An ``AWSRequest/PayloadHash/unsigned`` payload
        /// always adds the header, because a service cannot tell an unsigned payload otherwise.
        public var addsContentSHA256Header: Bool

        /// Creates options.
        ///
        /// - Parameter addsContentSHA256Header: See ``addsContentSHA256Header``. Defaults to `false`.
        public init(addsContentSHA256Header: Bool = false) {
            self.addsContentSHA256Header = addsContentSHA256Header
        }
    }

    /// Creates a signer.
    ///
    /// - Parameters:
    ///   - service: The service's signing name.
    ///   - region: The region.
    ///   - options: Signing options. Defaults to `Options()`.
    public init(service: String, region: String, options: Options = Options()) {
        self.service = service
        self.region = region
        self.options = options
    }

    /// The credential scope for a signing day: `yyyyMMdd/region/service/aws4_request`.
    func credentialScope(_ timestamp: SigV4Timestamp) -> String {
        "\(timestamp.date)/\(region)/\(service)/aws4_request"
    }

    /// Fails when `credentials` have expired at `date`.
    func checkNotExpired(_ credentials: AWSCredentials, at date: Date) throws {
        if let expiration = credentials.expiration, credentials.isExpired(at: date) {
            throw SigV4Error.credentialsExpired(expiration: expiration, signingTime: date)
        }
    }

    /// The payload-hash line for `request`: its `X-Amz-Content-SHA256` header when present,
    /// otherwise what ``AWSRequest/payloadHash`` asks for.
    func payloadHash(of request: AWSRequest) -> String {
        if let header = request.headerValue(named: "x-amz-content-sha256") { return header }
        switch request.payloadHash {
        case .computed: return SigV4Hashing.sha256Hex(request.body)
        case .unsigned: return SigV4Signature.unsignedPayload
        case .precomputed(let hash): return hash
        }
    }

    /// Signs a canonical request: builds the string to sign and its HMAC under the day's key.
    func signature(
        of canonicalRequest: SigV4CanonicalRequest, credentials: AWSCredentials, timestamp: SigV4Timestamp
    ) -> SigV4Signature {
        let scope = credentialScope(timestamp)
        let stringToSign = [Self.algorithm, timestamp.dateTime, scope, canonicalRequest.hash]
            .joined(separator: "\n")
        let key = SigV4SigningKey(
            secretAccessKey: credentials.secretAccessKey, date: timestamp.date, region: region, service: service)
        return SigV4Signature(
            canonicalRequest: canonicalRequest, stringToSign: stringToSign,
            credential: "\(credentials.accessKeyID)/\(scope)", signature: key.signature(for: stringToSign))
    }
}
