import Foundation

extension OpenSearchClient {
    /// Runs `POST /<index>/_search` with a body the caller built, and returns the raw response.
    ///
    /// Use it for queries ``OpenSearchQuery`` does not build, such as a k-NN clause whose filter
    /// holds `terms` clauses, or an aggregation.
    ///
    /// ```swift
    /// let response = try await client.search(body: ["size": 0, "aggs": ["oldest": ["min": ["field": "timestamp"]]]])
    /// ```
    /// - Throws: ``AWSError`` from the transport or an error status.
    public func search(body: AWSJSONValue) async throws(AWSError) -> AWSJSONValue {
        try await send(method: "POST", path: "/\(index)/_search", body: body)
    }

    /// Deletes documents by id with one `_bulk` request of `delete` actions.
    ///
    /// - Parameter ids: The document ids; unknown ids count as neither deleted nor failed.
    /// - Returns: How many documents were deleted, and the items that failed for another reason
    ///   than `not_found`.
    /// - Throws: ``AWSError`` from the transport or an error status.
    public func deleteDocuments(ids: [String]) async throws(AWSError) -> (deleted: Int, failures: [OpenSearchBulkFailure]) {
        guard !ids.isEmpty else { return (0, []) }
        var body = Data()
        for id in ids {
            let action: AWSJSONValue = ["delete": ["_index": .string(index), "_id": .string(id)]]
            body.append(try action.encoded())
            body.append(UInt8(ascii: "\n"))
        }
        let request = http.request(
            method: "POST", path: "/_bulk", headers: [("Content-Type", "application/x-ndjson")], body: body)
        let response = try AWSJSONValue.decode(try await http.send(request).body)
        guard let items = response["items"]?.arrayValue, items.count == ids.count else {
            throw AWSError(code: .invalidResponse, message: "_bulk returned no item per deleted id")
        }
        var deleted = 0
        var failures: [OpenSearchBulkFailure] = []
        for (item, id) in zip(items, ids) {
            let result = item["delete"]
            let status = result?["status"]?.intValue ?? 0
            if result?["result"]?.stringValue == "deleted" {
                deleted += 1
            } else if status != 404 {
                failures.append(OpenSearchBulkFailure(
                    id: id, status: status, type: result?["error"]?["type"]?.stringValue ?? "unknown",
                    reason: result?["error"]?["reason"]?.stringValue ?? "HTTP \(status)"))
            }
        }
        return (deleted, failures)
    }
}
