import Foundation

/// An HTTP request to an AWS service, described as a value so that it can be signed without I/O.
///
/// The path is kept percent-encoded, exactly as it goes on the wire, because SigV4 signs the wire
/// form (and encodes it once more for every service but S3). Query items are kept decoded and in
/// order; repeated names are allowed. Headers are an ordered list; repeated names are allowed.
///
/// ```swift
/// var request = AWSRequest(method: "POST", host: "kinesis.eu-west-1.amazonaws.com",
///                          headers: [("Content-Type", "application/x-amz-json-1.1")], body: json)
/// try signer.sign(&request, using: credentials, at: now)
/// ```
public struct AWSRequest: Sendable {
    /// One header field. Names compare case-insensitively; values are sent as given.
    public typealias HeaderField = (name: String, value: String)
    /// One query item, decoded (not percent-encoded).
    public typealias QueryItem = (name: String, value: String)

    /// The HTTP method, such as `GET` or `POST`.
    public var method: String
    /// The URL scheme, `https` or `http`.
    public var scheme: String
    /// The host name or address (IPv6 in brackets), as in the URL.
    public var host: String
    /// The port, or `nil` for the scheme's default port.
    public var port: Int?
    /// The path as sent on the wire, percent-encoded, starting with `/` (empty means `/`).
    public var percentEncodedPath: String
    /// The query items in order, decoded. Repeated names are kept.
    public var queryItems: [QueryItem]
    /// The header fields in order. Repeated names are kept and signed as one comma-joined value.
    public var headers: [HeaderField]
    /// The body bytes, sent by the transport. Hashed unless ``payloadHash`` says otherwise.
    public var body: Data
    /// How the signer fills the payload-hash line of the canonical request.
    public var payloadHash: PayloadHash

    /// How the payload-hash line of the canonical request is obtained.
    public enum PayloadHash: Sendable, Hashable {
        /// The lowercase hex SHA-256 of ``AWSRequest/body``. The default.
        case computed
        /// The literal `UNSIGNED-PAYLOAD`: the body is not covered by the signature (S3, presigned URLs).
        case unsigned
        /// A hash the caller already has, as lowercase hex (for example a streamed upload's).
        case precomputed(String)
    }

    /// Creates a request from decoded parts; the path is percent-encoded for the wire here.
    ///
    /// - Parameters:
    ///   - method: The HTTP method. Defaults to `GET`.
    ///   - scheme: The URL scheme. Defaults to `https`.
    ///   - host: The host name, or an IPv6 address with or without brackets.
    ///   - port: The port, or `nil` for the scheme's default. Defaults to `nil`.
    ///   - path: The decoded path, segments separated by `/`; every byte but RFC 3986 unreserved
    ///     characters and `/` is percent-encoded. Defaults to `/`.
    ///   - queryItems: Decoded query items, in order. Defaults to none.
    ///   - headers: Header fields, in order. Defaults to none.
    ///   - body: The body. Defaults to empty.
    ///   - payloadHash: How to fill the payload-hash line. Defaults to ``PayloadHash/computed``.
    public init(
        method: String = "GET", scheme: String = "https", host: String, port: Int? = nil,
        path: String = "/", queryItems: [QueryItem] = [], headers: [HeaderField] = [],
        body: Data = Data(), payloadHash: PayloadHash = .computed
    ) {
        self.method = method
        self.scheme = scheme
        self.host = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        self.port = port
        self.percentEncodedPath = SigV4Encoding.percentEncode(path, keepingSlashes: true)
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.payloadHash = payloadHash
    }
}
