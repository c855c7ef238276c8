import Foundation

/// How `_bulk` tells OpenSearch which document is which.
public enum OpenSearchDocumentIDMode: Sendable, Hashable {
    /// `{"index": {"_index": …, "_id": id}}`: the ID is the document's `_id`, so indexing the same
    /// document again overwrites it. The default; managed domains (`es`) and Serverless search and
    /// time-series collections take it.
    case metadata
    /// `{"index": {"_index": …}}` with the ID stored in the source under this field (a keyword, such as
    /// `doc_id`); OpenSearch generates `_id`. Serverless **vector search** collections reject custom
    /// `_id` values in `index` actions, so use this for them; re-indexing then adds a second copy,
    /// so delete by the field first when documents can be re-sent.
    case sourceField(String)
}

/// A document that `_bulk` could not index, with OpenSearch's reason.
public struct OpenSearchBulkFailure: Sendable, Hashable {
    /// The document's ID as given to `bulk`.
    public var id: String
    /// The item's HTTP status (400 mapping error, 429 rejected, 5xx …), or 0 when it was never answered.
    public var status: Int
    /// The error `type`, such as `mapper_parsing_exception` or `es_rejected_execution_exception`.
    public var type: String
    /// The error `reason`.
    public var reason: String

    /// Creates a failure.
    public init(id: String, status: Int, type: String, reason: String) {
        self.id = id
        self.status = status
        self.type = type
        self.reason = reason
    }

    /// Whether sending the item again may succeed: 429 (queue full) or 5xx.
    public var isRetryable: Bool { status == 429 || status >= 500 || status == 0 }
}

/// Pure pieces of `_bulk`: the NDJSON body and the per-item results.
enum OpenSearchBulk {
    /// The NDJSON body: an `index` action line and a source line per document, each ending in `\n`.
    static func body(
        index: String, documents: [(id: String, source: AWSJSONValue)], idMode: OpenSearchDocumentIDMode
    ) throws(AWSError) -> Data {
        var data = Data()
        for document in documents {
            var source = document.source
            let action: AWSJSONValue
            switch idMode {
            case .metadata:
                action = ["index": ["_index": .string(index), "_id": .string(document.id)]]
            case .sourceField(let field):
                action = ["index": ["_index": .string(index)]]
                guard case .object(var members) = source else {
                    throw AWSError(code: .invalidConfiguration, message: "document \(document.id) is not a JSON object")
                }
                members[field] = .string(document.id)
                source = .object(members)
            }
            data.append(try action.encoded())
            data.append(UInt8(ascii: "\n"))
            data.append(try source.encoded())
            data.append(UInt8(ascii: "\n"))
        }
        return data
    }

    /// The failures of a `_bulk` response, by position in the request (`items` are in request order).
    ///
    /// - Returns: For each item, `nil` when it succeeded (2xx) or its failure.
    static func itemFailures(in response: AWSJSONValue, ids: [String]) throws(AWSError) -> [OpenSearchBulkFailure?] {
        guard let items = response["items"]?.arrayValue, items.count == ids.count else {
            throw AWSError(
                code: .invalidResponse,
                message: "_bulk returned \(response["items"]?.arrayValue?.count ?? 0) items for \(ids.count) documents")
        }
        return zip(items, ids).map { item, id in
            guard case .object(let actions) = item, let result = actions.values.first else {
                return OpenSearchBulkFailure(id: id, status: 0, type: "invalid_item", reason: "no action result")
            }
            let status = result["status"]?.intValue ?? 0
            if (200..<300).contains(status) && result["error"] == nil { return nil }
            let error = result["error"]
            return OpenSearchBulkFailure(
                id: id, status: status, type: error?["type"]?.stringValue ?? "unknown",
                reason: error?["reason"]?.stringValue ?? error?.stringValue ?? "HTTP \(status)")
        }
    }
}
