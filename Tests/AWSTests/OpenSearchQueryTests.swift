import Foundation
import Testing

@testable import AWS

@Suite struct OpenSearchQueryTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    var filter: OpenSearchFilter {
        OpenSearchFilter()
            .timestamp(from: start, to: start + 3600)
            .term("vehicle_id", "VIN123")
            .range("sensor_readings.coolant_temp", greaterThanOrEqual: 110)
    }

    var filterJSON: AWSJSONValue {
        ["bool": ["filter": [
            ["range": ["timestamp": ["gte": "2025-06-15T15:06:40.000Z", "lte": "2025-06-15T16:06:40.000Z"]]],
            ["term": ["vehicle_id": "VIN123"]],
            ["range": ["sensor_readings.coolant_temp": ["gte": 110]]],
        ]]]
    }

    @Test func theFilterGoesInsideTheKNNClauseForEfficientFiltering() {
        let body = OpenSearchQuery.knn(vector: [0.1, -0.5], k: 5, filter: filter)
        #expect(body == [
            "size": 5,
            "query": ["knn": ["embedding": ["vector": [0.1, -0.5], "k": 5, "filter": filterJSON]]],
        ])
    }

    @Test func anEmptyFilterIsLeftOut() {
        #expect(OpenSearchQuery.knn(vector: [1], k: 3, filter: OpenSearchFilter())
            == ["size": 3, "query": ["knn": ["embedding": ["vector": [1.0], "k": 3]]]])
    }

    @Test func hybridModeAddsABM25MatchBesideTheKNNClauseAndFiltersBoth() {
        let body = OpenSearchQuery.knn(vector: [1], k: 4, filter: filter, text: "coolant leak")
        let knn: AWSJSONValue = ["knn": ["embedding": ["vector": [1.0], "k": 4, "filter": filterJSON]]]
        #expect(body == [
            "size": 4,
            "query": ["bool": [
                "should": [knn, ["match": ["message": ["query": "coolant leak"]]]],
                "minimum_should_match": 1,
                "filter": filterJSON["bool"]!["filter"]!,
            ]],
        ])
    }

    @Test func countWrapsTheFilterOrMatchesAll() {
        #expect(OpenSearchQuery.count(filter: filter) == ["query": filterJSON])
        #expect(OpenSearchQuery.count(filter: nil) == ["query": ["match_all": [:]]])
    }

    @Test func theMappingHasAFaissHNSWVectorAndTheTelemetryFields() {
        let body = OpenSearchIndexMapping.telemetryIndex(
            dimensions: 1024, method: OpenSearchKNNMethod(spaceType: .l2, m: 24, efConstruction: 256))
        #expect(body["settings"] == ["index": ["knn": true]])
        let properties = body["mappings"]?["properties"]
        #expect(properties?["embedding"] == [
            "type": "knn_vector", "dimension": 1024,
            "method": ["name": "hnsw", "engine": "faiss", "space_type": "l2", "parameters": ["m": 24, "ef_construction": 256]],
        ])
        #expect(properties?["timestamp"] == ["type": "date"])
        #expect(properties?["message"] == ["type": "text"])
        for keyword in ["vehicle_id", "service", "error_code", "level", "vehicle_state"] {
            #expect(properties?[keyword] == ["type": "keyword"])
        }
        #expect(body["mappings"]?["dynamic_templates"] == [
            ["sensor_readings_as_float": ["path_match": "sensor_readings.*", "mapping": ["type": "float"]]],
        ])
        #expect(OpenSearchKNNMethod().json["space_type"] == "innerproduct")
    }

    @Test func bulkBodiesAreNDJSONWithIDsInTheActionOrInTheSource() throws {
        let documents: [(id: String, source: AWSJSONValue)] = [("a", ["message": "one"]), ("b", ["message": "two"])]
        let metadata = try OpenSearchBulk.body(index: "logs", documents: documents, idMode: .metadata)
        #expect(String(decoding: metadata, as: UTF8.self) == """
            {"index":{"_id":"a","_index":"logs"}}
            {"message":"one"}
            {"index":{"_id":"b","_index":"logs"}}
            {"message":"two"}

            """)
        let field = try OpenSearchBulk.body(index: "logs", documents: documents, idMode: .sourceField("doc_id"))
        #expect(String(decoding: field, as: UTF8.self).split(separator: "\n").prefix(2) == [
            #"{"index":{"_index":"logs"}}"#, #"{"doc_id":"a","message":"one"}"#,
        ])
    }

    @Test func bulkItemResultsAreReadByPosition() throws {
        let response: AWSJSONValue = ["errors": true, "items": [
            ["index": ["_id": "x", "status": 201]],
            ["index": ["status": 429, "error": ["type": "es_rejected_execution_exception", "reason": "queue full"]]],
            ["create": ["status": 400, "error": ["type": "mapper_parsing_exception", "reason": "bad timestamp"]]],
        ]]
        let failures = try OpenSearchBulk.itemFailures(in: response, ids: ["a", "b", "c"])
        #expect(failures == [
            nil,
            OpenSearchBulkFailure(id: "b", status: 429, type: "es_rejected_execution_exception", reason: "queue full"),
            OpenSearchBulkFailure(id: "c", status: 400, type: "mapper_parsing_exception", reason: "bad timestamp"),
        ])
        #expect(failures.map { $0?.isRetryable } == [nil, true, false])
        #expect(throws: AWSError.self) { try OpenSearchBulk.itemFailures(in: response, ids: ["a"]) }
    }

    @Test func searchHitsAreReadInRankOrder() {
        let response: AWSJSONValue = ["hits": ["hits": [
            ["_id": "1", "_score": 0.9, "_source": ["message": "a"]],
            ["_id": "2", "_score": 0.5, "_source": ["message": "b"]],
        ]]]
        #expect(OpenSearchHit.hits(in: response).map(\.id) == ["1", "2"])
        #expect(OpenSearchHit.hits(in: response).first?.score == 0.9)
    }
}
