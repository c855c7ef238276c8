import AWS
import Crypto
import Foundation
import Testing

@Suite struct OpenSearchClientTests {
    let sleeps = SleepRecorder()

    func client(_ endpoint: URL, service: AWSService = .openSearchServerless, idMode: OpenSearchDocumentIDMode = .metadata)
        -> OpenSearchClient
    {
        OpenSearchClient(http: .forTests(service, endpoint: endpoint, sleeps: sleeps), index: "vehicle-logs", idMode: idMode)
    }

    static func bulkResponse(_ statuses: [Int]) -> AWSHTTPResponse {
        let items = statuses.map { status -> String in
            let error = status >= 300 ? #","error":{"type":"e\#(status)","reason":"reason \#(status)"}"# : ""
            return #"{"index":{"_index":"vehicle-logs","status":\#(status)\#(error)}}"#
        }
        return LoopbackRecorder.json(#"{"took":3,"errors":true,"items":[\#(items.joined(separator: ","))]}"#)
    }

    @Test func createIndexPutsTheMappingSignedForAOSSWithThePayloadHash() async throws {
        let handler = LoopbackRecorder { _, _ in LoopbackRecorder.json(#"{"acknowledged":true,"index":"vehicle-logs"}"#) }
        let created = try await handler.withServer { try await client($0).createIndex(dimensions: 1024) }
        #expect(created)
        let request = try #require(handler.requests.first)
        #expect(request.method == "PUT")
        #expect(request.percentEncodedPath == "/vehicle-logs")
        #expect(request.jsonBody == OpenSearchIndexMapping.telemetryIndex(dimensions: 1024))
        let authorization = try #require(request.headerValue(named: "Authorization"))
        #expect(authorization.contains("/us-east-1/aoss/aws4_request"))
        #expect(authorization.contains("x-amz-content-sha256"))
        #expect(try request.expectedAuthorization(service: .openSearchServerless) == authorization)
        let hash = SHA256.hash(data: request.body).map { String(format: "%02x", $0) }.joined()
        #expect(request.headerValue(named: "x-amz-content-sha256") == hash)
    }

    @Test func anIndexThatAlreadyExistsCountsAsSuccess() async throws {
        let handler = LoopbackRecorder { _, _ in
            LoopbackRecorder.json(#"""
                {"error":{"root_cause":[{"type":"resource_already_exists_exception","reason":"index [vehicle-logs/abc] already exists"}],"type":"resource_already_exists_exception","reason":"index [vehicle-logs/abc] already exists"},"status":400}
                """#, status: 400)
        }
        let created = try await handler.withServer { try await client($0).createIndex(dimensions: 8) }
        #expect(!created)
        #expect(handler.requests.count == 1)
    }

    @Test func managedDomainsAreSignedAsES() async throws {
        let handler = LoopbackRecorder { _, _ in LoopbackRecorder.json(#"{"count":42}"#) }
        let count = try await handler.withServer { try await client($0, service: .openSearch).count() }
        #expect(count == 42)
        let request = try #require(handler.requests.first)
        #expect(request.percentEncodedPath == "/vehicle-logs/_count")
        #expect(request.jsonBody == ["query": ["match_all": [:]]])
        #expect(request.headerValue(named: "Authorization")?.contains("/us-east-1/es/aws4_request") == true)
    }

    @Test func onlyTheFailedBulkItemsAreResentAndA400IsReportedAsPermanent() async throws {
        // 10 documents: d2 (429), d5 (503) and d7 (429) fail transiently, d9 fails with 400.
        var statuses = Array(repeating: 201, count: 10)
        (statuses[2], statuses[5], statuses[7], statuses[9]) = (429, 503, 429, 400)
        let first = statuses
        let handler = LoopbackRecorder { _, position in
            position == 0 ? Self.bulkResponse(first) : Self.bulkResponse([201, 201, 201])
        }
        let documents = (0..<10).map { (id: "d\($0)", source: ["message": .string("log \($0)")] as AWSJSONValue) }
        let failures = try await handler.withServer { try await client($0).bulk(documents: documents) }
        #expect(failures == [OpenSearchBulkFailure(id: "d9", status: 400, type: "e400", reason: "reason 400")])
        #expect(handler.requests.count == 2)
        let resent = String(decoding: handler.requests[1].body, as: UTF8.self).split(separator: "\n")
        #expect(resent == [
            #"{"index":{"_id":"d2","_index":"vehicle-logs"}}"#, #"{"message":"log 2"}"#,
            #"{"index":{"_id":"d5","_index":"vehicle-logs"}}"#, #"{"message":"log 5"}"#,
            #"{"index":{"_id":"d7","_index":"vehicle-logs"}}"#, #"{"message":"log 7"}"#,
        ])
        #expect(handler.requests.allSatisfy { $0.percentEncodedPath == "/_bulk" })
        #expect(handler.requests[0].headerValue(named: "Content-Type") == "application/x-ndjson")
        #expect(sleeps.recorded == [.milliseconds(500)])
    }

    @Test func itemsStillFailingAfterTheLastAttemptAreReturned() async throws {
        let handler = LoopbackRecorder { _, _ in Self.bulkResponse([429]) }
        let failures = try await handler.withServer {
            try await client($0, idMode: .sourceField("doc_id")).bulk(documents: [("only", ["message": "m"])])
        }
        #expect(failures.map(\.status) == [429])
        #expect(handler.requests.count == 3)
        #expect(handler.requests[0].jsonBodyLines.last == ["doc_id": "only", "message": "m"])
    }

    @Test func knnSearchPostsTheFilteredQueryAndReadsTheHits() async throws {
        let handler = LoopbackRecorder { _, _ in
            LoopbackRecorder.json(#"{"hits":{"total":{"value":1},"hits":[{"_id":"d1","_score":0.87,"_source":{"message":"overheat"}}]}}"#)
        }
        let filter = OpenSearchFilter().term("level", "ERROR")
        let hits = try await handler.withServer { try await client($0).knnSearch(vector: [0.5, 0.5], k: 3, filter: filter) }
        #expect(hits == [OpenSearchHit(id: "d1", score: 0.87, source: ["message": "overheat"])])
        let request = try #require(handler.requests.first)
        #expect(request.percentEncodedPath == "/vehicle-logs/_search")
        #expect(request.jsonBody?["query"]?["knn"]?["embedding"]?["filter"] == filter.json)
    }
}

extension AWSRequest {
    /// Each non-empty NDJSON line of the body, parsed.
    var jsonBodyLines: [AWSJSONValue] {
        String(decoding: body, as: UTF8.self).split(separator: "\n").compactMap { try? AWSJSONValue.decode(Data($0.utf8)) }
    }
}
