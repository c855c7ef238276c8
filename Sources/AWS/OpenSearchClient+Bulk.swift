import Foundation

extension OpenSearchClient {
    /// Indexes documents with one `_bulk` call, then sends again only the items that failed with a
    /// retryable status (429 or 5xx), after the HTTP layer's backoff, until they succeed or
    /// ``AWSRetryStrategy/maximumAttempts`` calls have been made for them.
    ///
    /// `_bulk` answers 200 even when items fail; each item carries its own status. Items that fail
    /// with another status (400 `mapper_parsing_exception` …) are not resent. All documents go in one
    /// request: callers batch (a few MB per call, as OpenSearch recommends).
    ///
    /// ```swift
    /// let failures = try await search.bulk(documents: chunks.map { ($0.id, $0.document) })
    /// for failure in failures { logger.warning("not indexed", metadata: ["id": "\(failure.id)", "reason": "\(failure.type)"]) }
    /// ```
    ///
    /// - Parameter documents: The documents: an ID and a JSON object each. The ID goes where
    ///   ``idMode`` says.
    /// - Returns: The documents that were not indexed, in request order, with their last status and reason.
    /// - Throws: ``AWSError`` when a whole `_bulk` call fails after the HTTP layer's own retries, or
    ///   the response does not have one item per document.
    public func bulk(documents: [(id: String, source: AWSJSONValue)]) async throws(AWSError) -> [OpenSearchBulkFailure] {
        guard !documents.isEmpty else { return [] }
        let strategy = http.retryStrategy
        var failures = [OpenSearchBulkFailure?](repeating: nil, count: documents.count)
        var pending = Array(documents.indices)
        var attempt = 1
        while true {
            let batch = pending.map { documents[$0] }
            let body = try OpenSearchBulk.body(index: index, documents: batch, idMode: idMode)
            let request = http.request(
                method: "POST", path: "/_bulk", headers: [("Content-Type", "application/x-ndjson")], body: body)
            let response = try AWSJSONValue.decode(try await http.send(request).body)
            let results = try OpenSearchBulk.itemFailures(in: response, ids: batch.map(\.id))
            var retryable: [Int] = []
            for (position, result) in zip(pending, results) {
                failures[position] = result
                if let result, result.isRetryable { retryable.append(position) }
            }
            guard !retryable.isEmpty, attempt < strategy.maximumAttempts else { break }
            http.logger.debug("retrying failed _bulk items", metadata: [
                "aws.attempt": "\(attempt)", "opensearch.failed": "\(retryable.count)",
            ])
            do { try await strategy.sleep(strategy.delay(beforeRetry: attempt)) } catch { break }
            pending = retryable
            attempt += 1
        }
        return failures.compactMap { $0 }
    }
}
