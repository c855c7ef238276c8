import Foundation

extension SigV4CanonicalRequest {
    /// Headers that are never signed because proxies and HTTP clients add, change or drop them
    /// (the list botocore uses: hop-by-hop headers, `user-agent` and `x-amzn-trace-id`).
    public static let unsignedHeaderNames: Set<String> = [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// The canonical URI of a wire path.
    ///
    /// For every service except S3 the path is normalised (empty segments, `.` and `..` removed,
    /// a trailing `/` kept) and then percent-encoded once more, so `%2F` signs as `%252F` and a
    /// space sent as `%20` signs as `%2520`. For S3 the wire path is signed as it is.
    /// An empty path is `/`.
    ///
    /// - Parameters:
    ///   - percentEncodedPath: The path as sent on the wire.
    ///   - service: The signing name of the service.
    /// - Returns: The canonical URI line.
    public static func canonicalURI(percentEncodedPath: String, service: String) -> String {
        if percentEncodedPath.isEmpty { return "/" }
        if service == "s3" { return percentEncodedPath }
        return SigV4Encoding.percentEncode(normalizedPath(percentEncodedPath), keepingSlashes: true)
    }

    /// Removes empty, `.` and `..` segments from `path`, keeping a leading and a trailing `/`.
    static func normalizedPath(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        let leading = path.hasPrefix("/") ? "/" : ""
        let trailing = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return leading + segments.joined(separator: "/") + trailing
    }

    /// The canonical query string: each name and value percent-encoded (unreserved characters
    /// only left as they are), sorted by encoded name and then encoded value, joined with `&`.
    /// Repeated names are all kept; an empty value gives `name=`.
    ///
    /// - Parameter items: Decoded query items.
    /// - Returns: The canonical query line (empty when there are no items).
    public static func canonicalQuery(_ items: [AWSRequest.QueryItem]) -> String {
        items.map { (name: SigV4Encoding.percentEncode($0.name), value: SigV4Encoding.percentEncode($0.value)) }
            .sorted { lhs, rhs in
                lhs.name == rhs.name
                    ? lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
                    : lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
            }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// The canonical headers and signed-header list of `fields`.
    ///
    /// Names are lowercased and trimmed; values are trimmed and runs of whitespace collapsed to
    /// one space; repeated names are joined with `,` in their order; lines are sorted by name.
    ///
    /// - Parameter fields: The header fields to sign, including `host`.
    /// - Returns: The header lines (without the final newline) and the `;`-joined names.
    public static func canonicalHeaders(_ fields: [AWSRequest.HeaderField]) -> (headers: String, signedHeaders: String) {
        var values: [String: [String]] = [:]
        for field in fields {
            values[trimmingWhitespace(field.name).lowercased(), default: []].append(foldWhitespace(field.value))
        }
        let names = values.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let lines = names.map { "\($0):" + (values[$0] ?? []).joined(separator: ",") }
        return (lines.joined(separator: "\n"), names.joined(separator: ";"))
    }

    /// Trims `value` and collapses each run of spaces, tabs, CR, LF, VT or FF into one space.
    public static func foldWhitespace(_ value: String) -> String {
        value.unicodeScalars.split(whereSeparator: isWhitespace)
            .map { String(Substring($0)) }
            .joined(separator: " ")
    }

    /// The fields of `request` that are signed: all but ``unsignedHeaderNames``, plus `host`
    /// (from ``AWSRequest/hostHeaderValue``) when the request has no `Host` header.
    static func headerFieldsToSign(_ request: AWSRequest) -> [AWSRequest.HeaderField] {
        var fields = request.headers.filter {
            !unsignedHeaderNames.contains(trimmingWhitespace($0.name).lowercased())
        }
        if !fields.contains(where: { trimmingWhitespace($0.name).lowercased() == "host" }) {
            fields.append((name: "host", value: request.hostHeaderValue))
        }
        return fields
    }

    private static func trimmingWhitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }),
            let last = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(Substring(scalars[first...last]))
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}": true
        default: false
        }
    }
}
