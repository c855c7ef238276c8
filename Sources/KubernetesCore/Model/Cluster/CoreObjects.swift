/// `v1` Namespace.
public struct Namespace: ClusterScopedResource, Equatable {
    public static let apiVersion = "v1", kind = "Namespace", plural = "namespaces"
    public var metadata: ObjectMeta
    public var status: JSONValue?

    public init(metadata: ObjectMeta) { self.metadata = metadata }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(status, forKey: .status)
    }
}

/// `v1` ConfigMap.
public struct ConfigMap: NamespacedResource, Equatable {
    public static let apiVersion = "v1", kind = "ConfigMap", plural = "configmaps"
    public var metadata: ObjectMeta
    public var data: [String: String]?

    public init(metadata: ObjectMeta, data: [String: String]? = nil) {
        self.metadata = metadata
        self.data = data
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(data, forKey: .data)
    }
}

/// `v1` Secret. Values are base64 in `data`; `description` never prints them.
public struct Secret: NamespacedResource, Equatable, CustomStringConvertible {
    public static let apiVersion = "v1", kind = "Secret", plural = "secrets"
    public var metadata: ObjectMeta
    public var type: String?
    public var data: [String: String]?
    public var stringData: [String: String]?

    public init(metadata: ObjectMeta, data: [String: String]? = nil) {
        self.metadata = metadata
        self.data = data
    }

    public var description: String {
        "Secret(\(objectKey), keys: \((data ?? [:]).keys.sorted()), values: <redacted>)"
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(type, forKey: .type)
        try container.encodeIfPresent(data, forKey: .data)
        try container.encodeIfPresent(stringData, forKey: .stringData)
    }
}
