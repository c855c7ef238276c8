import KubernetesCore

/// A namespaced custom resource the tests define with a CRD: `widgets.example.com`, version `v1`.
///
/// `spec` and `status` stay JSON so that tests can send values the schema rejects.
struct Widget: NamespacedResource, Equatable {
    static let apiVersion = "example.com/v1", kind = "Widget", plural = "widgets"
    var metadata: ObjectMeta
    var spec: JSONValue?
    var status: JSONValue?

    init(name: String, namespace: String = "default", spec: JSONValue? = ["size": 3], status: JSONValue? = nil) {
        metadata = ObjectMeta(name: name, namespace: namespace)
        self.spec = spec
        self.status = status
    }

    func encode(to encoder: any Encoder) throws {
        try encodeTypeMeta(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metadata, forKey: .metadata)
        try container.encodeIfPresent(spec, forKey: .spec)
        try container.encodeIfPresent(status, forKey: .status)
    }

    /// The CRD serving widgets, with a schema that exercises every validation keyword the fake checks.
    static func definition(statusSubresource: Bool = true) -> CustomResourceDefinition {
        CustomResourceDefinition(
            metadata: ObjectMeta(name: "widgets.example.com"),
            spec: .init(
                group: "example.com",
                names: .init(plural: "widgets", singular: "widget", kind: "Widget", shortNames: ["wd"], categories: ["all", "gadgets"]),
                scope: "Namespaced",
                versions: [.init(
                    name: "v1",
                    schema: .init(openAPIV3Schema: schema),
                    subresources: statusSubresource ? .init(status: [:]) : nil)]))
    }

    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "spec": [
                "type": "object",
                "required": ["size"],
                "properties": [
                    "size": ["type": "integer", "minimum": 1, "maximum": 10],
                    "color": ["type": "string", "enum": ["red", "green", "blue"], "default": "red"],
                    "label": ["type": "string", "pattern": "^[a-z]+$", "maxLength": 8],
                    "tags": ["type": "array", "minItems": 1, "items": ["type": "string"]],
                    "parts": [
                        "type": "array",
                        "x-kubernetes-list-type": "map",
                        "x-kubernetes-list-map-keys": ["name"],
                        "items": ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"], "count": ["type": "integer"]]],
                    ],
                ],
            ],
            "status": [
                "type": "object",
                "properties": ["phase": ["type": "string"], "observedGeneration": ["type": "integer"]],
            ],
        ],
    ]
}
