import AWS
import Foundation
import Retrieval
import TelemetryModel

/// Pure conversions between retrieval values and OpenSearch JSON, used by ``OpenSearchVectorStore``.
///
/// Scores: the index uses the inner-product space on normalised vectors, where OpenSearch reports
/// `1 + ip` for `ip >= 0` and `1 / (1 - ip)` otherwise; ``cosine(fromScore:)`` inverts that.
enum OpenSearchDocumentCoding {
    /// The vector field of the document source.
    static let vectorField = OpenSearchIndexMapping.defaultVectorField

    /// The document source: the record's JSON plus the normalised vector.
    ///
    /// - Throws: ``RetrievalError/dimensionMismatch(expected:actual:)`` or
    ///   ``RetrievalError/invalidVector(id:)``.
    static func source(for document: IndexedDocument, dimensions: Int) throws -> AWSJSONValue {
        guard document.vector.count == dimensions else {
            throw RetrievalError.dimensionMismatch(expected: dimensions, actual: document.vector.count)
        }
        guard let vector = DotProduct.normalised(document.vector) else {
            throw RetrievalError.invalidVector(id: document.id)
        }
        guard case .object(var members) = try AWSJSONValue.decode(try JSONEncoder().encode(document.record)) else {
            throw RetrievalError.invalidVector(id: document.id)
        }
        members[vectorField] = vectorJSON(vector)
        return .object(members)
    }

    /// A `knn` query with `filter` inside the clause.
    static func knnQuery(vector: [Float], k: Int, filter: AWSJSONValue?) -> AWSJSONValue {
        var clause: [String: AWSJSONValue] = ["vector": vectorJSON(vector), "k": .integer(Int64(k))]
        if let filter { clause["filter"] = filter }
        return [
            "size": .integer(Int64(k)),
            "_source": ["excludes": [.string(vectorField)]],
            "query": ["knn": .object([vectorField: .object(clause)])],
        ]
    }

    /// Counts every document and aggregates the oldest and newest timestamps.
    static let statsQuery: AWSJSONValue = [
        "size": 0,
        "track_total_hits": true,
        "aggs": ["oldest": ["min": ["field": "timestamp"]], "newest": ["max": ["field": "timestamp"]]],
    ]

    /// Reads ``statsQuery``'s response.
    static func stats(from response: AWSJSONValue) -> VectorStoreStats {
        let total = response["hits"]?["total"]
        let documents = total?["value"]?.intValue ?? total?.intValue ?? 0
        func date(_ name: String) -> Date? {
            guard documents > 0, let aggregation = response["aggregations"]?[name] else { return nil }
            if let text = aggregation["value_as_string"]?.stringValue, let date = FastTimestamp.date(from: text) {
                return date
            }
            return aggregation["value"]?.doubleValue.map { Date(timeIntervalSince1970: $0 / 1000) }
        }
        return VectorStoreStats(documents: documents, oldest: date("oldest"), newest: date("newest"))
    }

    /// A hit decoded back into a record and a cosine score.
    ///
    /// - Throws: `DecodingError` when the source is not a telemetry record.
    static func hit(from hit: OpenSearchHit) throws -> SearchHit {
        let record = try JSONDecoder().decode(TelemetryRecord.self, from: try hit.source.encoded())
        return SearchHit(record: record, score: cosine(fromScore: hit.score ?? 0))
    }

    /// The inner product (the cosine, for normalised vectors) an inner-product-space score stands for.
    static func cosine(fromScore score: Double) -> Float {
        guard score > 0 else { return -1 }
        return Float(score >= 1 ? score - 1 : 1 - 1 / score)
    }

    static func vectorJSON(_ vector: [Float]) -> AWSJSONValue {
        .array(vector.map { .double(Double($0)) })
    }
}
