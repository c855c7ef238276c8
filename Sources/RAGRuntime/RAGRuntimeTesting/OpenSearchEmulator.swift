import AWS
import Foundation
import Synchronization
import RetrievalClients

/// A small in-test OpenSearch: index creation, `_bulk` (index and delete), `_count`, and
/// `_search` with a `knn` clause (brute force over stored documents, inner-product scores, the
/// clause's `filter` applied before ranking) or `min`/`max` aggregations. It answers both as an
/// in-memory `AWSHTTPTransport` and, through ``handle``, behind `AWSLoopbackServer`, and records
/// every request so tests can check the bodies the store sent.
package final class OpenSearchEmulator: AWSHTTPTransport, Sendable {
    package struct State {
        package var indexExists = false
        package var documents: [String: AWSJSONValue] = [:]
        /// Documents of other indices (such as the dead-letter index), by index name.
        package var otherIndices: [String: [String: AWSJSONValue]] = [:]
        package var requests: [AWSRequest] = []
        package var generatedIDs = 0
        /// `_bulk` calls still to answer with a 429 on every item (a cluster whose write queue is full).
        package var throttledBulkCalls = 0
        package var rejectedIDs: Set<String> = []
    }

    package let index: String
    /// Document ids the emulator rejects with a `mapper_parsing_exception` (permanent) item error.
    package var rejectedIDs: Set<String> { state.withLock { $0.rejectedIDs } }
    /// Behave like a Serverless vector search collection: `index` actions with an `_id` are
    /// rejected, and `_id`s are generated.
    package let serverlessVector: Bool
    private let state = Mutex(State())

    package init(index: String = "telemetry", rejecting rejectedIDs: Set<String> = [], serverlessVector: Bool = false) {
        self.index = index
        self.serverlessVector = serverlessVector
        state.withLock { $0.rejectedIDs = rejectedIDs }
    }

    /// Stops rejecting `ids`: the mapping was fixed.
    package func accept(_ ids: Set<String>) {
        state.withLock { $0.rejectedIDs.subtract(ids) }
    }

    /// The stored documents of `name` (the vector index, or another one), by `_id`.
    package func documents(in name: String) -> [String: AWSJSONValue] {
        state.withLock { name == index ? $0.documents : $0.otherIndices[name] ?? [:] }
    }

    package var requests: [AWSRequest] { state.withLock { $0.requests } }

    /// Answers the next `calls` `_bulk` requests with a 429 for every item (`es_rejected_execution_exception`).
    package func throttleBulk(calls: Int) {
        state.withLock { $0.throttledBulkCalls = calls }
    }

    package var handle: @Sendable (AWSRequest) async -> AWSHTTPResponse {
        { request in self.respond(to: request) }
    }

    package func send(_ request: AWSRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        respond(to: request)
    }

    /// A store whose client talks to this emulator in memory.
    package func store(dimensions: Int, endpoint: URL = URL(string: "https://search-test.us-east-1.es.amazonaws.com")!,
               transport: (any AWSHTTPTransport)? = nil) -> OpenSearchVectorStore {
        let http = AWSHTTPClient(
            service: .openSearch, region: "us-east-1", endpoint: endpoint,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")),
            transport: transport ?? self, now: { Date(timeIntervalSince1970: 1_750_000_000) })
        return OpenSearchVectorStore(client: OpenSearchClient(http: http, index: index), dimensions: dimensions)
    }

    package func respond(to request: AWSRequest) -> AWSHTTPResponse {
        state.withLock { state in
            state.requests.append(request)
            let path = request.percentEncodedPath
            let body = (try? AWSJSONValue.decode(request.body)) ?? .null
            switch (request.method, path) {
            case ("PUT", "/\(index)"):
                if state.indexExists {
                    return Self.json(["error": ["type": "resource_already_exists_exception", "reason": "exists"], "status": 400], status: 400)
                }
                state.indexExists = true
                return Self.json(["acknowledged": true])
            case ("POST", "/_bulk"):
                return bulk(request.body, state: &state)
            case ("POST", _) where path.hasSuffix("/_search") && state.otherIndices[String(path.dropFirst().dropLast(8))] != nil:
                // Another index (the dead letters): every document, as a match_all would find them.
                let documents = state.otherIndices[String(path.dropFirst().dropLast(8))] ?? [:]
                let hits: [AWSJSONValue] = documents.keys.sorted().map { ["_id": .string($0), "_source": documents[$0] ?? .null] }
                return Self.json(["hits": ["total": ["value": .integer(Int64(hits.count))], "hits": .array(hits)]])
            case _ where !state.indexExists:
                return Self.json(["error": ["type": "index_not_found_exception", "reason": "no such index"], "status": 404], status: 404)
            case ("POST", "/\(index)/_count"):
                let query = body["query"] ?? ["match_all": [:]]
                let count = state.documents.values.filter { Self.matches($0, query) }.count
                return Self.json(["count": .integer(Int64(count))])
            case ("POST", "/\(index)/_search"):
                if let terms = body["aggs"]?["stored"]?["terms"]?["field"]?.stringValue {
                    return Self.json(Self.termBuckets(body, field: terms, state.documents))
                }
                if body["aggs"]?["vehicles"] != nil { return Self.json(Self.summary(body, state.documents)) }
                if body["aggs"] != nil { return Self.json(Self.aggregate(state.documents)) }
                if body["query"]?["knn"] != nil { return Self.json(Self.knn(body, state.documents)) }
                return Self.json(Self.filtered(body, state.documents))
            default:
                return Self.json(["error": ["type": "unsupported", "reason": .string("\(request.method) \(path)")]], status: 400)
            }
        }
    }

    private func bulk(_ body: Data, state: inout State) -> AWSHTTPResponse {
        let lines = body.split(separator: UInt8(ascii: "\n")).compactMap { try? AWSJSONValue.decode(Data($0)) }
        if state.throttledBulkCalls > 0 {
            state.throttledBulkCalls -= 1
            let throttled: [AWSJSONValue] = stride(from: 0, to: lines.count, by: 2).map { _ in
                ["index": ["status": 429, "error": ["type": "es_rejected_execution_exception", "reason": "rejected execution: the write queue is full"]]]
            }
            return Self.json(["took": 1, "errors": true, "items": .array(throttled)], status: 200)
        }
        var items: [AWSJSONValue] = []
        var position = 0
        while position < lines.count {
            let action = lines[position]
            if let meta = action["index"], position + 1 < lines.count {
                let source = lines[position + 1]
                let target = meta["_index"]?.stringValue ?? index
                position += 2
                if serverlessVector, meta["_id"] != nil {
                    items.append(["index": ["status": 400, "error": [
                        "type": "illegal_argument_exception", "reason": "Document ID is not supported in create/index operation request"]]])
                    continue
                }
                let id: String
                if let given = meta["_id"]?.stringValue {
                    id = given
                } else {
                    state.generatedIDs += 1
                    id = "generated-\(state.generatedIDs)"
                }
                let logicalID = meta["_id"]?.stringValue ?? source["doc_id"]?.stringValue ?? source["letter_id"]?.stringValue ?? id
                if state.rejectedIDs.contains(logicalID) {
                    items.append(["index": ["_id": .string(id), "status": 400,
                                            "error": ["type": "mapper_parsing_exception", "reason": "failed to parse"]]])
                } else if target == index {
                    let created = state.documents[id] == nil
                    state.documents[id] = source
                    state.indexExists = true
                    items.append(["index": ["_id": .string(id), "status": created ? 201 : 200, "result": created ? "created" : "updated"]])
                } else {
                    let created = state.otherIndices[target]?[id] == nil
                    state.otherIndices[target, default: [:]][id] = source
                    items.append(["index": ["_id": .string(id), "status": created ? 201 : 200, "result": created ? "created" : "updated"]])
                }
            } else if let meta = action["delete"], let id = meta["_id"]?.stringValue {
                let target = meta["_index"]?.stringValue ?? index
                let existed = target == index
                    ? state.documents.removeValue(forKey: id) != nil : state.otherIndices[target]?.removeValue(forKey: id) != nil
                items.append(["delete": ["_id": .string(id), "status": existed ? 200 : 404, "result": existed ? "deleted" : "not_found"]])
                position += 1
            } else {
                return Self.json(["error": ["type": "illegal_argument_exception", "reason": "bad action"]], status: 400)
            }
        }
        return Self.json(["errors": .bool(items.contains { $0["index"]?["error"] != nil }), "items": .array(items)])
    }

    package static func json(_ value: AWSJSONValue, status: Int = 200) -> AWSHTTPResponse {
        AWSHTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: (try? value.encoded()) ?? Data())
    }
}
