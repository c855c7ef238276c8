/// `apiextensions.k8s.io/v1` CustomResourceDefinition.
///
/// The schema is kept as JSON (``JSONValue``) because OpenAPI v3 schemas are recursive and open-ended.
public struct CustomResourceDefinition: ClusterScopedResource, Equatable {
    public static let apiVersion = "apiextensions.k8s.io/v1", kind = "CustomResourceDefinition", plural = "customresourcedefinitions"
    public var metadata: ObjectMeta
    public var spec: Spec
    public var status: JSONValue?

    public init(metadata: ObjectMeta, spec: Spec) {
        self.metadata = metadata
        self.spec = spec
    }

    public struct Spec: Codable, Sendable, Equatable {
        public var group: String
        public var names: Names
        /// `Namespaced` or `Cluster`.
        public var scope: String
        public var versions: [Version]

        public init(group: String, names: Names, scope: String, versions: [Version]) {
            self.group = group
            self.names = names
            self.scope = scope
            self.versions = versions
        }
    }

    public struct Names: Codable, Sendable, Equatable {
        public var plural: String
        public var singular: String?
        public var kind: String
        public var listKind: String?
        public var shortNames: [String]?
        public var categories: [String]?

        public init(plural: String, singular: String? = nil, kind: String, listKind: String? = nil, shortNames: [String]? = nil, categories: [String]? = nil) {
            self.plural = plural
            self.singular = singular
            self.kind = kind
            self.listKind = listKind
            self.shortNames = shortNames
            self.categories = categories
        }
    }

    public struct Version: Codable, Sendable, Equatable {
        public var name: String
        public var served: Bool
        public var storage: Bool
        public var schema: Schema?
        public var subresources: Subresources?
        public var additionalPrinterColumns: [PrinterColumn]?

        public init(name: String, served: Bool = true, storage: Bool = true, schema: Schema? = nil, subresources: Subresources? = nil, additionalPrinterColumns: [PrinterColumn]? = nil) {
            self.name = name
            self.served = served
            self.storage = storage
            self.schema = schema
            self.subresources = subresources
            self.additionalPrinterColumns = additionalPrinterColumns
        }
    }

    public struct Schema: Codable, Sendable, Equatable {
        public var openAPIV3Schema: JSONValue
        public init(openAPIV3Schema: JSONValue) { self.openAPIV3Schema = openAPIV3Schema }
    }

    public struct Subresources: Codable, Sendable, Equatable {
        /// Present (as `{}`) when the status subresource is enabled.
        public var status: JSONValue?
        public var scale: JSONValue?
        public init(status: JSONValue? = nil, scale: JSONValue? = nil) {
            self.status = status
            self.scale = scale
        }
    }

    public struct PrinterColumn: Codable, Sendable, Equatable {
        public var name: String
        public var type: String
        public var jsonPath: String
        public var description: String?
        public var format: String?
        public var priority: Int?

        public init(name: String, type: String, jsonPath: String, description: String? = nil, priority: Int? = nil) {
            self.name = name
            self.type = type
            self.jsonPath = jsonPath
            self.description = description
            self.priority = priority
        }
    }

    public func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }
}
