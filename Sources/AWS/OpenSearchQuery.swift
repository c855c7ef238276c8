/// Builds OpenSearch search and count bodies as values: pure, so they are tested without a server.
///
/// ```swift
/// let body = OpenSearchQuery.knn(vector: embedding, k: 10, filter: OpenSearchFilter().term("vehicle_id", "VIN1"))
/// // {"size": 10, "query": {"knn": {"embedding": {"vector": [...], "k": 10, "filter": {"bool": ...}}}}}
/// ```
public enum OpenSearchQuery {
    /// The field a hybrid query matches text against with BM25.
    public static let defaultTextField = "message"

    /// A k-NN search body with the filter *inside* the `knn` clause ("efficient filtering").
    ///
    /// With Faiss HNSW, a filter inside the clause is applied while the graph is searched, so the
    /// query returns `k` matching neighbours; a post-filter (`bool.filter` beside `knn`) would drop
    /// neighbours after the search and return fewer.
    ///
    /// Hybrid mode (`text` not `nil`) puts the `knn` clause and a BM25 `match` on ``defaultTextField``
    /// in `bool.should` with `minimum_should_match: 1`; the filter then also goes in `bool.filter`,
    /// so the text matches obey it too. Scores add up: a document both near and textually matching
    /// ranks first. Inner-product and BM25 scores have different scales; normalise downstream if needed.
    ///
    /// - Parameters:
    ///   - vector: The query embedding.
    ///   - k: The number of neighbours, also the `size`.
    ///   - filter: The filter, or `nil` (an empty filter is left out too).
    ///   - text: The query text for hybrid mode, or `nil` for a pure vector search. Defaults to `nil`.
    ///   - vectorField: The vector field. Defaults to ``OpenSearchIndexMapping/defaultVectorField``.
    ///   - textField: The BM25 field. Defaults to ``defaultTextField``.
    /// - Returns: The JSON body of `POST /<index>/_search`.
    public static func knn(
        vector: [Float], k: Int, filter: OpenSearchFilter? = nil, text: String? = nil,
        vectorField: String = OpenSearchIndexMapping.defaultVectorField, textField: String = defaultTextField
    ) -> AWSJSONValue {
        let activeFilter = filter.flatMap { $0.isEmpty ? nil : $0 }
        var clause: [String: AWSJSONValue] = ["vector": vectorJSON(vector), "k": .integer(Int64(k))]
        if let activeFilter { clause["filter"] = activeFilter.json }
        let knn: AWSJSONValue = ["knn": .object([vectorField: .object(clause)])]
        guard let text else {
            return ["size": .integer(Int64(k)), "query": knn]
        }
        var bool: [String: AWSJSONValue] = [
            "should": [knn, ["match": .object([textField: ["query": .string(text)]])]],
            "minimum_should_match": 1,
        ]
        if let activeFilter { bool["filter"] = activeFilter.json["bool"]?["filter"] }
        return ["size": .integer(Int64(k)), "query": ["bool": .object(bool)]]
    }

    /// A `_count` body: `{"query": <filter>}`, or `{"query": {"match_all": {}}}` for no filter.
    ///
    /// - Parameter filter: The filter, or `nil`.
    /// - Returns: The JSON body of `POST /<index>/_count`.
    public static func count(filter: OpenSearchFilter?) -> AWSJSONValue {
        guard let filter, !filter.isEmpty else { return ["query": ["match_all": [:]]] }
        return ["query": filter.json]
    }

    /// The vector as JSON numbers, each in the shortest form that reads back as the same `Float`
    /// (`0.1`, not `0.10000000149011612`), which keeps bodies small.
    static func vectorJSON(_ vector: [Float]) -> AWSJSONValue {
        .array(vector.map { value in .double(Double("\(value)") ?? Double(value)) })
    }
}

/// One hit of a search: the document ID, its score and its source.
public struct OpenSearchHit: Sendable, Hashable {
    /// The document `_id`.
    public var id: String
    /// The `_score`, or `nil` when the search was sorted without scores.
    public var score: Double?
    /// The `_source` document.
    public var source: AWSJSONValue

    /// Creates a hit.
    public init(id: String, score: Double?, source: AWSJSONValue) {
        self.id = id
        self.score = score
        self.source = source
    }

    /// The hits of a search response (`hits.hits`), in rank order.
    ///
    /// - Parameter response: The `_search` response body.
    /// - Returns: The hits; none when the response has no `hits`.
    public static func hits(in response: AWSJSONValue) -> [OpenSearchHit] {
        (response["hits"]?["hits"]?.arrayValue ?? []).map { hit in
            OpenSearchHit(
                id: hit["_id"]?.stringValue ?? "", score: hit["_score"]?.doubleValue, source: hit["_source"] ?? .null)
        }
    }
}
