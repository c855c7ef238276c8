import AWS
import Foundation
import Retrieval
import TelemetryModel

/// The aggregation query behind ``OpenSearchVectorStore/summarize(filter:bucketLimit:)``: `size: 0`,
/// the search's own filter as the query, exact total hits, `terms` on `vehicle_id`, `error_code`
/// and `level`, a `cardinality` of vehicles and the `min`/`max` timestamp. Pure: body in, summary out.
enum OpenSearchSummaryQuery {
    /// Below this many distinct vehicles OpenSearch's `cardinality` is exact (its documented
    /// `precision_threshold` maximum).
    static let precisionThreshold: Int64 = 40_000

    /// The request body.
    static func body(filter: AWSJSONValue?, bucketLimit: Int) -> AWSJSONValue {
        let size = AWSJSONValue.integer(Int64(max(1, bucketLimit)))
        return [
            "size": 0,
            "track_total_hits": true,
            "query": filter ?? ["match_all": [:]],
            "aggs": [
                "vehicles": ["terms": ["field": "vehicle_id", "size": size]],
                "vehicle_count": ["cardinality": ["field": "vehicle_id", "precision_threshold": .integer(precisionThreshold)]],
                "codes": ["terms": ["field": "error_code", "size": size]],
                "levels": ["terms": ["field": "level", "size": size]],
                "oldest": ["min": ["field": "timestamp"]],
                "newest": ["max": ["field": "timestamp"]],
            ],
        ]
    }

    /// Reads the response.
    static func summary(from response: AWSJSONValue, bucketLimit: Int) -> MatchSummary {
        let total = response["hits"]?["total"]
        let count = total?["value"]?.intValue ?? total?.intValue ?? 0
        guard count > 0 else { return .empty }
        let aggregations = response["aggregations"]
        func buckets(_ name: String) -> [MatchSummary.Bucket] {
            let raw = aggregations?[name]?["buckets"]?.arrayValue ?? []
            var counts: [String: Int] = [:]
            for bucket in raw {
                guard let key = bucket["key"]?.stringValue, let docs = bucket["doc_count"]?.intValue else { continue }
                counts[key, default: 0] += docs
            }
            return MatchSummary.buckets(counts, limit: bucketLimit)
        }
        func date(_ name: String) -> Date? {
            guard let aggregation = aggregations?[name] else { return nil }
            if let text = aggregation["value_as_string"]?.stringValue, let date = FastTimestamp.date(from: text) { return date }
            return aggregation["value"]?.doubleValue.map { Date(timeIntervalSince1970: $0 / 1000) }
        }
        let vehicles = buckets("vehicles")
        return MatchSummary(
            count: count, oldest: date("oldest"), newest: date("newest"),
            vehicles: aggregations?["vehicle_count"]?["value"]?.intValue ?? vehicles.count,
            byVehicle: vehicles, byErrorCode: buckets("codes"), byLevel: buckets("levels"))
    }
}
