/// Anything with object metadata: typed resources and ``DynamicObject``.
public protocol MetadataCarrying: Codable, Sendable {
    var metadata: ObjectMeta { get }
}

extension MetadataCarrying {
    /// `namespace/name`.
    public var objectKey: ObjectKey { ObjectKey(namespace: metadata.namespace, name: metadata.name ?? "") }
}

/// An object of any kind, kept as JSON with its metadata decoded: what caches of owned objects
/// hold, so that no field is lost to a model that does not know it.
public struct DynamicObject: MetadataCarrying, Equatable {
    public var metadata: ObjectMeta
    public var json: JSONValue

    public init(json: JSONValue) throws {
        self.json = json
        self.metadata = try (json["metadata"] ?? .object([:])).decode(ObjectMeta.self)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }
}
