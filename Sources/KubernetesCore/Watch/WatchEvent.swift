/// One event of a watch stream, decoded straight from a line of the response body.
///
/// `BOOKMARK` events carry only a resourceVersion to resume from; `ERROR` events carry a ``Status``
/// (code 410 `Expired`/`Gone` means the requested resourceVersion is too old: re-list).
public enum WatchEvent<Object: Decodable & Sendable>: Sendable {
    case added(Object)
    case modified(Object)
    case deleted(Object)
    case bookmark(resourceVersion: String)
    case error(Status)
}

extension WatchEvent: Decodable {
    enum CodingKeys: String, CodingKey { case type, object }
    struct BookmarkObject: Decodable { var metadata: ListMeta }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "ADDED": self = .added(try container.decode(Object.self, forKey: .object))
        case "MODIFIED": self = .modified(try container.decode(Object.self, forKey: .object))
        case "DELETED": self = .deleted(try container.decode(Object.self, forKey: .object))
        case "BOOKMARK":
            let object = try container.decode(BookmarkObject.self, forKey: .object)
            self = .bookmark(resourceVersion: object.metadata.resourceVersion ?? "")
        case "ERROR": self = .error(try container.decode(Status.self, forKey: .object))
        default:
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown watch event type \(type)")
        }
    }
}

extension WatchEvent {
    /// The event's type as it appears on the wire.
    public var typeName: String {
        switch self {
        case .added: "ADDED"
        case .modified: "MODIFIED"
        case .deleted: "DELETED"
        case .bookmark: "BOOKMARK"
        case .error: "ERROR"
        }
    }
}

extension WatchEvent: Equatable where Object: Equatable {}
