import Foundation

/// The canonical request of SigV4, the exact text whose SHA-256 the signature covers.
///
/// Build it with ``SigV4Signer/signature(for:using:at:)``; it is public so that a failed signature
/// can be debugged by comparing ``text`` with the canonical request the service reports back.
///
/// ```
/// GET
/// /my-index/_search
/// q=a%20b
/// host:search-example.eu-west-1.es.amazonaws.com
/// x-amz-date:20150830T123600Z
///
/// host;x-amz-date
/// e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
/// ```
public struct SigV4CanonicalRequest: Sendable, Hashable {
    /// The HTTP method, uppercased.
    public var method: String
    /// The canonical URI: the normalised, encoded path (see ``canonicalURI(percentEncodedPath:service:)``).
    public var uri: String
    /// The canonical query string (see ``canonicalQuery(_:)``).
    public var query: String
    /// The canonical headers, one `name:value` line each, sorted by name, without the final newline.
    public var headers: String
    /// The signed header names, lowercased, sorted and joined with `;`.
    public var signedHeaders: String
    /// The payload hash: hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`.
    public var payloadHash: String

    /// The canonical request as one string, the lines joined with `\n`.
    public var text: String {
        [method, uri, query, headers + "\n", signedHeaders, payloadHash].joined(separator: "\n")
    }

    /// Lowercase hex SHA-256 of ``text``: the last line of the string to sign.
    public var hash: String {
        SigV4Hashing.sha256Hex(Data(text.utf8))
    }

    /// Builds the canonical request of `request` as it stands (its headers already complete).
    ///
    /// - Parameters:
    ///   - request: The request, with `X-Amz-Date` and the other signed headers already added.
    ///   - service: The signing name of the service; `s3` changes how the path is encoded.
    ///   - payloadHash: The payload-hash line.
    init(request: AWSRequest, service: String, payloadHash: String) {
        let fields = Self.headerFieldsToSign(request)
        let canonical = Self.canonicalHeaders(fields)
        self.method = request.method.uppercased()
        self.uri = Self.canonicalURI(percentEncodedPath: request.percentEncodedPath, service: service)
        self.query = Self.canonicalQuery(request.queryItems)
        self.headers = canonical.headers
        self.signedHeaders = canonical.signedHeaders
        self.payloadHash = payloadHash
    }
}
