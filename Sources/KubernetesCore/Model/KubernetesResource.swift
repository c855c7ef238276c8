/// A Kubernetes object type whose identity (group, version, kind, plural, scope) is static.
///
/// Conforming types encode `apiVersion` and `kind` themselves (see ``KubernetesResource/encodeTypeMeta(to:)``),
/// and decode without requiring them, because list items from the API server omit both.
///
/// ```swift
/// let request = KubernetesRequest.get(Deployment.self, name: "backend", namespace: "rag")
/// #expect(request.path == "/apis/apps/v1/namespaces/rag/deployments/backend")
/// ```
public protocol KubernetesResource: MetadataCarrying {
    /// `group/version`, or just `version` for the core group (`"v1"`).
    static var apiVersion: String { get }
    static var kind: String { get }
    /// The lower-case plural used in URLs (`deployments`).
    static var plural: String { get }
    /// Whether objects live in a namespace.
    static var isNamespaced: Bool { get }
    var metadata: ObjectMeta { get set }
}

extension KubernetesResource {
    /// The resource's descriptor: everything needed to build its URLs.
    public static var resource: ResourceDescriptor {
        ResourceDescriptor(apiVersion: apiVersion, kind: kind, plural: plural, namespaced: isNamespaced)
    }

    /// Writes `apiVersion` and `kind`; call first from `encode(to:)`.
    public func encodeTypeMeta(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeMetaKeys.self)
        try container.encode(Self.apiVersion, forKey: .apiVersion)
        try container.encode(Self.kind, forKey: .kind)
    }

}

enum TypeMetaKeys: String, CodingKey { case apiVersion, kind }

/// Resources that live in a namespace.
public protocol NamespacedResource: KubernetesResource {}
extension NamespacedResource { public static var isNamespaced: Bool { true } }

/// Resources that live at cluster scope.
public protocol ClusterScopedResource: KubernetesResource {}
extension ClusterScopedResource { public static var isNamespaced: Bool { false } }

/// Identifies one object: `namespace/name`, or just `name` at cluster scope.
public struct ObjectKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var namespace: String?
    public var name: String

    public init(namespace: String?, name: String) {
        self.namespace = namespace
        self.name = name
    }

    public var description: String { namespace.map { "\($0)/\(name)" } ?? name }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool { lhs.description < rhs.description }
}
