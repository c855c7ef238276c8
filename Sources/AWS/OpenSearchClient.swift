import Foundation

/// A client for the data plane of an OpenSearch Serverless collection (signed as `aoss`, with
/// `X-Amz-Content-SHA256`) or an OpenSearch Service domain (signed as `es`): k-NN index creation,
/// `_bulk` indexing with per-item retry, k-NN search with efficient filtering, and `_count`.
///
/// ```swift
/// let http = AWSHTTPClient(service: .openSearchServerless, region: "eu-west-1",
///                          endpoint: URL(string: "https://abc123.eu-west-1.aoss.amazonaws.com")!,
///                          credentialProvider: provider, transport: AsyncHTTPClientTransport())
/// let search = OpenSearchClient(http: http, index: "vehicle-logs", idMode: .sourceField("doc_id"))
/// try await search.createIndex(dimensions: 1024)
/// let hits = try await search.knnSearch(vector: query, k: 10, filter: OpenSearchFilter().term("level", "ERROR"))
/// ```
///
/// Query bodies come from ``OpenSearchQuery`` and ``OpenSearchIndexMapping``, which are pure.
public struct OpenSearchClient: Sendable {
    /// The HTTP layer, for ``AWSService/openSearchServerless`` or ``AWSService/openSearch``, whose
    /// endpoint is the collection's or domain's URL.
    public var http: AWSHTTPClient
    /// The index every call works on.
    public var index: String
    /// How `_bulk` identifies documents. Defaults to ``OpenSearchDocumentIDMode/metadata``.
    public var idMode: OpenSearchDocumentIDMode

    /// Creates a client for one index.
    ///
    /// - Parameters:
    ///   - http: The HTTP layer, with the collection or domain URL as its endpoint.
    ///   - index: The index name.
    ///   - idMode: How `_bulk` identifies documents. Defaults to ``OpenSearchDocumentIDMode/metadata``;
    ///     use `.sourceField("doc_id")` for Serverless vector search collections.
    public init(http: AWSHTTPClient, index: String, idMode: OpenSearchDocumentIDMode = .metadata) {
        self.http = http
        self.index = index
        self.idMode = idMode
    }

    /// Creates the index with a `knn_vector` mapping and the telemetry fields
    /// (``OpenSearchIndexMapping/telemetryIndex(dimensions:method:vectorField:)``).
    ///
    /// An index that already exists (`resource_already_exists_exception`) counts as success, so the
    /// call is idempotent; its mapping is not compared.
    ///
    /// - Parameters:
    ///   - dimensions: The vector length.
    ///   - method: The k-NN method. Defaults to Faiss HNSW, inner product, `m` 16, `ef_construction` 128.
    /// - Returns: `true` when the index was created, `false` when it already existed.
    /// - Throws: ``AWSError`` for any other failure.
    @discardableResult
    public func createIndex(
        dimensions: Int, method: OpenSearchKNNMethod = OpenSearchKNNMethod()
    ) async throws(AWSError) -> Bool {
        let body = OpenSearchIndexMapping.telemetryIndex(dimensions: dimensions, method: method)
        do {
            _ = try await send(method: "PUT", path: "/\(index)", body: body)
            return true
        } catch where Self.errorType(of: error) == "resource_already_exists_exception" {
            return false
        }
    }

    /// The `k` nearest documents to `vector` that match `filter`, best first
    /// (``OpenSearchQuery/knn(vector:k:filter:text:vectorField:textField:)``).
    ///
    /// - Parameters:
    ///   - vector: The query embedding.
    ///   - k: The number of neighbours.
    ///   - filter: Applied inside the `knn` clause (efficient filtering). Defaults to `nil`.
    ///   - hybridText: Query text for a hybrid search adding BM25 on `message`. Defaults to `nil`.
    /// - Returns: The hits, best first.
    /// - Throws: ``AWSError``.
    public func knnSearch(
        vector: [Float], k: Int, filter: OpenSearchFilter? = nil, hybridText: String? = nil
    ) async throws(AWSError) -> [OpenSearchHit] {
        let body = OpenSearchQuery.knn(vector: vector, k: k, filter: filter, text: hybridText)
        return OpenSearchHit.hits(in: try await send(method: "POST", path: "/\(index)/_search", body: body))
    }

    /// The number of documents that match `filter` (`POST /<index>/_count`).
    ///
    /// - Parameter filter: The filter, or `nil` for all documents.
    /// - Returns: The count.
    /// - Throws: ``AWSError``; ``AWSError/Code/invalidResponse`` when the body has no `count`.
    public func count(filter: OpenSearchFilter? = nil) async throws(AWSError) -> Int {
        let response = try await send(method: "POST", path: "/\(index)/_count", body: OpenSearchQuery.count(filter: filter))
        guard let count = response["count"]?.intValue else {
            throw AWSError(code: .invalidResponse, message: "_count returned no count")
        }
        return count
    }

    /// Sends a JSON body and parses the JSON response.
    func send(method: String, path: String, body: AWSJSONValue) async throws(AWSError) -> AWSJSONValue {
        let request = http.request(
            method: method, path: path, headers: [("Content-Type", "application/json")], body: try body.encoded())
        let response = try await http.send(request)
        return response.body.isEmpty ? .object([:]) : try AWSJSONValue.decode(response.body)
    }

    /// The OpenSearch error `type` of a failed call (`{"error": {"type": …}}`), read from the error
    /// code or the message, which holds the start of the response body.
    static func errorType(of error: AWSError) -> String? {
        if let code = error.errorCode { return code }
        if let json = try? AWSJSONValue.decode(Data(error.message.utf8)),
            let type = json["error"]?["type"]?.stringValue
        {
            return type
        }
        // A body longer than the message keeps: find the first `"type":"…"`.
        guard let start = error.message.range(of: #""type":""#) else { return nil }
        return String(error.message[start.upperBound...].prefix { $0 != "\"" })
    }
}
