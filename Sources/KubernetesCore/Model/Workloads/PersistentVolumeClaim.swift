/// `v1` PersistentVolumeClaim: a request for storage (the embedded vector store's data directory).
public struct PersistentVolumeClaim: NamespacedResource, Equatable {
    public static let apiVersion = "v1", kind = "PersistentVolumeClaim", plural = "persistentvolumeclaims"
    public var metadata: ObjectMeta
    public var spec: Spec?
    public var status: JSONValue?

    public init(metadata: ObjectMeta, spec: Spec? = nil) {
        self.metadata = metadata
        self.spec = spec
    }

    public struct Spec: Codable, Sendable, Equatable {
        /// `ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany` or `ReadWriteOncePod`.
        public var accessModes: [String]?
        public var resources: ResourceRequirements?
        /// Omitted means the cluster's default StorageClass.
        public var storageClassName: String?
        /// `Filesystem` (default) or `Block`.
        public var volumeMode: String?

        public init(accessModes: [String]? = nil, resources: ResourceRequirements? = nil, storageClassName: String? = nil) {
            self.accessModes = accessModes
            self.resources = resources
            self.storageClassName = storageClassName
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
