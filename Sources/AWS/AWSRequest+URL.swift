import Foundation

extension AWSRequest {
    /// Creates a request from an absolute URL whose path and query are already percent-encoded.
    ///
    /// The path is kept byte for byte (so `%2F`, `//`, `.` and `..` reach the signer as sent);
    /// query items are split on `&` and `=` and percent-decoded. A `+` in the query is a literal
    /// plus, not a space. Empty pieces (`a=1&&b=2`) are dropped; a name without `=` has an empty value.
    ///
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - url: An absolute `http` or `https` URL.
    ///   - headers: Header fields, in order. Defaults to none.
    ///   - body: The body. Defaults to empty.
    ///   - payloadHash: How to fill the payload-hash line. Defaults to ``PayloadHash/computed``.
    /// - Throws: ``SigV4Error/invalidURL(_:)`` when the URL has no scheme or host;
    ///   ``SigV4Error/invalidPercentEncoding(_:)`` when a query escape is not UTF-8.
    public init(
        method: String, url: URL, headers: [HeaderField] = [], body: Data = Data(),
        payloadHash: PayloadHash = .computed
    ) throws {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme, let host = components.percentEncodedHost, !host.isEmpty
        else {
            throw SigV4Error.invalidURL(url.absoluteString)
        }
        self.init(method: method, scheme: scheme, host: host, port: components.port,
                  headers: headers, body: body, payloadHash: payloadHash)
        self.percentEncodedPath = components.percentEncodedPath
        self.queryItems = try Self.decodeQuery(components.percentEncodedQuery ?? "")
    }

    /// The request's URL: scheme, host, port, the wire path, and the query items encoded as SigV4
    /// encodes them (RFC 3986 unreserved characters only), in their order.
    ///
    /// - Throws: ``SigV4Error/invalidURL(_:)`` when the parts do not make a valid URL.
    public var url: URL {
        get throws {
            var text = "\(scheme)://\(authority)\(percentEncodedPath)"
            if !queryItems.isEmpty { text += "?" + Self.encodeQuery(queryItems) }
            guard let url = URL(string: text) else { throw SigV4Error.invalidURL(text) }
            return url
        }
    }

    /// The value of the `host` header: the lowercased host, with the port only when it is not the
    /// scheme's default (80 for `http`, 443 for `https`), as HTTP clients send it.
    public var hostHeaderValue: String {
        let lowercasedHost = host.lowercased()
        guard let port, port != Self.defaultPort(for: scheme) else { return lowercasedHost }
        return "\(lowercasedHost):\(port)"
    }

    var authority: String {
        guard let port else { return host }
        return "\(host):\(port)"
    }

    static func defaultPort(for scheme: String) -> Int? {
        switch scheme.lowercased() {
        case "http": 80
        case "https": 443
        default: nil
        }
    }

    static func encodeQuery(_ items: [QueryItem]) -> String {
        items.map { SigV4Encoding.percentEncode($0.name) + "=" + SigV4Encoding.percentEncode($0.value) }
            .joined(separator: "&")
    }

    static func decodeQuery(_ query: String) throws -> [QueryItem] {
        try query.split(separator: "&", omittingEmptySubsequences: true).map { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try SigV4Encoding.percentDecode(String(parts[0]))
            let value = parts.count > 1 ? try SigV4Encoding.percentDecode(String(parts[1])) : ""
            return (name: name, value: value)
        }
    }
}
