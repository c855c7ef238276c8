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
///
/// A cache of thousands of objects holds them ``compacted()``: the JSON as compact bytes (about a
/// sixth of the memory of the tree), parsed again when ``json`` is read.
public struct DynamicObject: MetadataCarrying, Equatable {
    public var metadata: ObjectMeta
    private var representation: Representation

    enum Representation: Sendable {
        case tree(JSONValue)
        case bytes([UInt8])
    }

    public init(json: JSONValue) throws {
        self.representation = .tree(json)
        self.metadata = try (json["metadata"] ?? .object([:])).decode(ObjectMeta.self)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(json: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try json.encode(to: encoder)
    }

    /// The whole object. Setting it does not change ``metadata``.
    public var json: JSONValue {
        get {
            switch representation {
            case .tree(let json): return json
            case .bytes(let bytes):
                do { return try JSONValue(bytes: bytes) } catch {
                    preconditionFailure("a compacted object's own bytes do not parse: \(error)")   // JSONWriter wrote them
                }
            }
        }
        set { representation = .tree(newValue) }
    }

    /// Whether the JSON is held as bytes.
    public var isCompact: Bool {
        if case .bytes = representation { return true }
        return false
    }

    /// The same object holding its JSON as compact bytes, and in its decoded ``metadata`` only what
    /// caches index and controllers route by (name, namespace, uid, versions, deletion, owners,
    /// finalizers); labels, annotations and managedFields stay in the JSON. For caches.
    public func compacted() -> DynamicObject {
        var copy = self
        copy.representation = .bytes(JSONWriter.bytes(json))
        copy.metadata.labels = nil
        copy.metadata.annotations = nil
        copy.metadata.managedFields = nil
        copy.metadata.creationTimestamp = nil
        copy.metadata.generateName = nil
        return copy
    }

    /// The same object with only the `managedFields` entries of `manager` (others' entries are
    /// bookkeeping a controller that compares its own ownership never reads).
    public func keepingManagedFields(of manager: String) -> DynamicObject {
        var tree = json
        guard let entries = tree[path: ["metadata", "managedFields"]]?.arrayValue else { return self }
        let kept = entries.filter { $0["manager"]?.stringValue == manager }
        tree.set(kept.isEmpty ? nil : .array(kept), at: ["metadata", "managedFields"])
        var copy = self
        copy.json = tree
        copy.metadata.managedFields = metadata.managedFields.map { $0.filter { $0["manager"]?.stringValue == manager } }
        return copy
    }

    public static func == (lhs: DynamicObject, rhs: DynamicObject) -> Bool {
        lhs.json == rhs.json
    }
}
