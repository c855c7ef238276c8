import Foundation
import KubernetesCore

/// What the fake server answers: a whole body, or a stream of watch-event lines.
public enum FakeResponse: Sendable {
    case body(statusCode: Int, contentType: String, data: Data)
    case watch(AsyncStream<[UInt8]>)

    static func json(_ value: JSONValue, status: Int = 200) -> FakeResponse {
        .body(statusCode: status, contentType: "application/json", data: (try? value.data()) ?? Data("{}".utf8))
    }

    static func status(_ status: Status) -> FakeResponse {
        let data = (try? JSONValue.encodedBytes(status)) ?? Data()
        return .body(statusCode: status.code ?? 500, contentType: "application/json", data: data)
    }

    /// The HTTP status code (200 for a watch).
    public var statusCode: Int {
        switch self {
        case .body(let code, _, _): code
        case .watch: 200
        }
    }
}

/// Errors raised while handling a request; each becomes a `Status` answer.
struct APIError: Error, Sendable {
    var status: Status

    init(_ code: Int, _ reason: String, _ message: String, causes: [Status.Cause]? = nil, name: String? = nil, kind: String? = nil, group: String? = nil) {
        let details = (causes != nil || name != nil) ? Status.Details(name: name, group: group, kind: kind, causes: causes) : nil
        status = Status(message: message, reason: reason, code: code, details: details)
    }

    static func notFound(_ resource: ServedResource, _ name: String) -> APIError {
        APIError(404, "NotFound", "\(resource.key) \"\(name)\" not found", name: name, kind: resource.descriptor.plural, group: resource.descriptor.group)
    }

    static func badRequest(_ message: String) -> APIError { APIError(400, "BadRequest", message) }

    static func invalid(_ resource: ServedResource, _ name: String, _ causes: [Status.Cause]) -> APIError {
        let summary = causes.map { "\($0.field ?? ""): \($0.message ?? "")" }.joined(separator: ", ")
        return APIError(422, "Invalid", "\(resource.descriptor.kind).\(resource.descriptor.group) \"\(name)\" is invalid: \(summary)", causes: causes, name: name, kind: resource.descriptor.kind, group: resource.descriptor.group)
    }

    static func conflict(_ resource: ServedResource, _ name: String, _ message: String) -> APIError {
        APIError(409, "Conflict", "Operation cannot be fulfilled on \(resource.key) \"\(name)\": \(message)", name: name, kind: resource.descriptor.plural, group: resource.descriptor.group)
    }
}
