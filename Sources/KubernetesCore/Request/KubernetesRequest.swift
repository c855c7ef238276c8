import Foundation

/// One HTTP request to the API server, as a value. Transports only move its bytes.
///
/// ```swift
/// let request = KubernetesRequest.list(Deployment.self, namespace: "rag", options: .init(labelSelector: "app=query"))
/// #expect(request.path == "/apis/apps/v1/namespaces/rag/deployments")
/// #expect(request.query["labelSelector"] == "app=query")
/// ```
public struct KubernetesRequest: Sendable, Equatable {
    public enum Method: String, Sendable { case GET, POST, PUT, PATCH, DELETE }

    public var method: Method
    public var path: String
    /// Query parameters in order; `query["name"]` reads the first value.
    public var query: QueryItems
    public var headers: [String: String]
    public var body: Data?
    /// `true` for watches: the response is a stream of events, not one document.
    public var isWatch: Bool
    /// How long the whole exchange may take; `nil` leaves it to the transport's default. Ignored for watches,
    /// which end by the server-side `timeoutSeconds` and the transport's idle timeout instead.
    public var timeout: Duration?

    public init(
        method: Method, path: String, query: QueryItems = [], headers: [String: String] = [:], body: Data? = nil, isWatch: Bool = false,
        timeout: Duration? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.isWatch = isWatch
        self.timeout = timeout
    }

    /// Path and percent-encoded query, e.g. `/api/v1/pods?labelSelector=app%3Dweb`.
    public var pathAndQuery: String {
        query.isEmpty ? path : "\(path)?\(query.encoded)"
    }
}

/// Ordered query parameters.
public struct QueryItems: Sendable, Equatable, ExpressibleByArrayLiteral, Sequence {
    public var items: [(name: String, value: String)]

    public init(arrayLiteral elements: (String, String)...) {
        items = elements.map { (name: $0.0, value: $0.1) }
    }

    public init(_ items: [(name: String, value: String)]) { self.items = items }

    public subscript(name: String) -> String? {
        items.first { $0.name == name }?.value
    }

    public mutating func append(_ name: String, _ value: String?) {
        if let value { items.append((name, value)) }
    }

    public var isEmpty: Bool { items.isEmpty }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { items.makeIterator() }

    /// `a=b&c=d`, each part percent-encoded for use in a URL query.
    public var encoded: String {
        items.map { "\(QueryItems.escape($0.name))=\(QueryItems.escape($0.value))" }.joined(separator: "&")
    }

    /// Parses `a=b&c=d`, decoding percent escapes and `+`.
    public init(parsing query: String) {
        items = query.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    public static func == (lhs: QueryItems, rhs: QueryItems) -> Bool {
        lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
    }
}
