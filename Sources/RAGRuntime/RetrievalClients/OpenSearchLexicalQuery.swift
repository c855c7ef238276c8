import AWS
import Foundation
import Retrieval

/// The BM25 half of ``OpenSearchVectorStore/hybridSearch(vector:text:k:filter:)``: a `bool` query
/// whose `should` clauses are a `match` of the question's words on `message` (a `text` field) and
/// exact `terms` of its code-like tokens (`P0217`, `ENG-001`, `VH-0042`) on the keyword fields
/// `error_code`, `vehicle_id` and `diagnostic_info.dtc_codes`; the search's own filter is the
/// `filter` clause, so both rankings come from the same documents.
///
/// OpenSearch's own `hybrid` query needs a search pipeline. OpenSearch Serverless documents the
/// normalization processor for it (min_max or l2 scores, combined by a mean), not the score-ranker
/// processor that does reciprocal rank fusion, and a pipeline is one more resource to create in
/// the collection. So the two rankings are fetched with two queries and fused by weighted
/// reciprocal rank in the client: the same fusion, with the same weights, as the embedded store,
/// on any OpenSearch.
enum OpenSearchLexicalQuery {
    /// The request body, or `nil` when `text` has no words.
    static func body(text: String, size: Int, filter: [AWSJSONValue]) -> AWSJSONValue? {
        let words = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !words.isEmpty else { return nil }
        var should: [AWSJSONValue] = [["match": ["message": .string(words)]]]
        let codes = FusionWeights.codes(in: words)
        if !codes.isEmpty {
            let values = AWSJSONValue.array(codes.map { .string($0) })
            for field in ["error_code", "vehicle_id", "diagnostic_info.dtc_codes"] {
                should.append(["terms": .object([field: values])])
            }
        }
        return [
            "size": .integer(Int64(size)),
            "query": ["bool": ["should": .array(should), "minimum_should_match": 1, "filter": .array(filter)]],
        ]
    }
}
