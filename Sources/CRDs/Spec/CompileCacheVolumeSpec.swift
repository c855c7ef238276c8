import KubernetesCore

/// The compile cache on a PersistentVolumeClaim the operator creates and owns
/// (`<pipeline>-vllm-compile-cache`), mounted by every vLLM replica and the pre-compilation Job.
///
/// Defaults: `size` `100Gi`; `accessMode` `ReadWriteMany` when vLLM runs more than one replica (an
/// EFS or FSx for Lustre StorageClass), else `ReadWriteOnce`; the cluster's default StorageClass.
///
/// ## What can change
/// A claim's spec is fixed once it exists (Kubernetes allows only growing it, and only on some
/// StorageClasses), so these settings take effect when the claim is created. The operator never
/// changes an existing claim's spec: after a change it keeps the live claim and reports the
/// difference in the `CompileCacheReady` condition. Delete the claim to have it recreated with the
/// new settings; it is a cache, so that costs one compilation.
public struct CompileCacheVolumeSpec: Codable, Sendable, Equatable {
    /// Omitted means the cluster's default StorageClass.
    public var storageClassName: String?
    /// A quantity such as `100Gi`. Defaults: ``RAGPipelineDefaults/compileCacheSize``.
    public var size: String?
    /// `ReadWriteOnce` or `ReadWriteMany`. Defaults: by replica count (see the type).
    public var accessMode: String?

    public init(storageClassName: String? = nil, size: String? = nil, accessMode: String? = nil) {
        self.storageClassName = storageClassName
        self.size = size
        self.accessMode = accessMode
    }

    /// The access modes a compile cache may use.
    public static let accessModes = ["ReadWriteOnce", "ReadWriteMany"]

    /// The access mode when the spec gives none: `ReadWriteMany` for more than one replica.
    public static func defaultAccessMode(replicas: Int) -> String {
        replicas > 1 ? "ReadWriteMany" : "ReadWriteOnce"
    }

    static var schema: JSONSchemaProperty {
        .object("A PersistentVolumeClaim the operator creates and owns (<pipeline>-vllm-compile-cache), shared by every vLLM replica. Its settings apply when the claim is created: the operator never changes an existing claim (the CompileCacheReady condition reports a difference); delete the claim to recreate it.", properties: [
            "storageClassName": .string("StorageClass of the claim, such as efs-sc (ReadWriteMany) or gp3. Defaults to the cluster's default StorageClass.", minLength: 1, maxLength: 253),
            "size": .string("Size of the claim, such as 100Gi. Defaults to \(RAGPipelineDefaults.compileCacheSize).", pattern: JSONSchemaProperty.quantityPattern, default: RAGPipelineDefaults.compileCacheSize),
            "accessMode": .string("ReadWriteMany (EFS, FSx for Lustre) lets replicas on different nodes share the cache; ReadWriteOnce allows one replica. Defaults to ReadWriteMany when replicas > 1, else ReadWriteOnce.", allowed: accessModes),
        ])
    }
}
