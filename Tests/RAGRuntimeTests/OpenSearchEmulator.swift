import AWS
import Foundation
import Synchronization
@testable import RAGRuntime

/// A small in-test OpenSearch: index creation, `_bulk` (index and delete), `_count`, and
/// `_search` with a `knn` clause (brute force over stored documents, inner-product scores, the
/// clause's `filter` applied before ranking) or `min`/`max` aggregations. It answers both as an
/// in-memory `AWSHTTPTransport` and, through ``handle``, behind `AWSLoopbackServer`, and records
/// every request so tests can check the bodies the store sent.
final class OpenSearchEmulator: AWSHTTPTransport, Sendable {
    struct State {
        var indexExists = false
        var documents: [String: AWSJSONValue] = [:]
        var requests: [AWSRequest] = []
    }

    let index: String
    /// Document ids the emulator rejects with a `mapper_parsing_exception` (permanent) item error.
    let rejectedIDs: Set<String>
    private let state = Mutex(State())

    init(index: String = "telemetry", rejecting rejectedIDs: Set<String> = []) {
        self.index = index
        self.rejectedIDs = rejectedIDs
    }

    var requests: [AWSRequest] { state.withLock { $0.requests } }

    var handle: @Sendable (AWSRequest) async -> AWSHTTPResponse {
        { request in self.respond(to: request) }
    }

    func send(_ request: AWSRequest, timeout: Duration) async throws -> AWSHTTPResponse {
        respond(to: request)
    }

    /// A store whose client talks to this emulator in memory.
    func store(dimensions: Int, endpoint: URL = URL(string: "https://search-test.us-east-1.es.amazonaws.com")!,
               transport: (any AWSHTTPTransport)? = nil) -> OpenSearchVectorStore {
        let http = AWSHTTPClient(
            service: .openSearch, region: "us-east-1", endpoint: endpoint,
            credentialProvider: StaticCredentialProvider(AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret")),
            transport: transport ?? self, now: { Date(timeIntervalSince1970: 1_750_000_000) })
        return OpenSearchVectorStore(client: OpenSearchClient(http: http, index: index), dimensions: dimensions)
    }

    func respond(to request: AWSRequest) -> AWSHTTPResponse {
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
            case _ where !state.indexExists:
                return Self.json(["error": ["type": "index_not_found_exception", "reason": "no such index"], "status": 404], status: 404)
            case ("POST", "/\(index)/_count"):
                let query = body["query"] ?? ["match_all": [:]]
                let count = state.documents.values.filter { Self.matches($0, query) }.count
                return Self.json(["count": .integer(Int64(count))])
            case ("POST", "/\(index)/_search"):
                return Self.json(body["aggs"] != nil ? Self.aggregate(state.documents) : Self.knn(body, state.documents))
            default:
                return Self.json(["error": ["type": "unsupported", "reason": .string("\(request.method) \(path)")]], status: 400)
            }
        }
    }

    private func bulk(_ body: Data, state: inout State) -> AWSHTTPResponse {
        let lines = body.split(separator: UInt8(ascii: "\n")).compactMap { try? AWSJSONValue.decode(Data($0)) }
        var items: [AWSJSONValue] = []
        var position = 0
        while position < lines.count {
            let action = lines[position]
            if let meta = action["index"], let id = meta["_id"]?.stringValue {
                if rejectedIDs.contains(id) {
                    items.append(["index": ["_id": .string(id), "status": 400,
                                            "error": ["type": "mapper_parsing_exception", "reason": "failed to parse"]]])
                } else {
                    let created = state.documents[id] == nil
                    state.documents[id] = lines[position + 1]
                    items.append(["index": ["_id": .string(id), "status": created ? 201 : 200, "result": created ? "created" : "updated"]])
                }
                state.indexExists = true
                position += 2
            } else if let meta = action["delete"], let id = meta["_id"]?.stringValue {
                let existed = state.documents.removeValue(forKey: id) != nil
                items.append(["delete": ["_id": .string(id), "status": existed ? 200 : 404, "result": existed ? "deleted" : "not_found"]])
                position += 1
            } else {
                return Self.json(["error": ["type": "illegal_argument_exception", "reason": "bad action"]], status: 400)
            }
        }
        return Self.json(["errors": .bool(items.contains { $0["index"]?["error"] != nil }), "items": .array(items)])
    }

    static func json(_ value: AWSJSONValue, status: Int = 200) -> AWSHTTPResponse {
        AWSHTTPResponse(status: status, headers: [("Content-Type", "application/json")], body: (try? value.encoded()) ?? Data())
    }
}
