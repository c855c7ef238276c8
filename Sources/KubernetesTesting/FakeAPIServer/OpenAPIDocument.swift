import KubernetesCore

/// The OpenAPI v3 document of one group-version, as `kubectl` reads it: each kind's schema tagged
/// with `x-kubernetes-group-version-kind`, and resource paths whose PATCH accepts `fieldValidation`
/// (which tells kubectl to let the server validate).
enum OpenAPIDocument {
    static func document(for resources: [ServedResource]) -> JSONValue {
        var schemas: [String: JSONValue] = [:]
        var paths: [String: JSONValue] = [:]
        for resource in resources {
            let descriptor = resource.descriptor
            let name = schemaName(descriptor)
            var schema = resource.schema ?? ["type": "object", "x-kubernetes-preserve-unknown-fields": true]
            var properties = schema["properties"]?.objectValue ?? [:]
            properties["apiVersion"] = ["type": "string", "description": "APIVersion defines the versioned schema of this representation of an object."]
            properties["kind"] = ["type": "string", "description": "Kind is a string value representing the REST resource this object represents."]
            properties["metadata"] = ["type": "object", "description": "Standard object's metadata.", "x-kubernetes-preserve-unknown-fields": true]
            schema["properties"] = .object(properties)
            schema["x-kubernetes-group-version-kind"] = [["group": .string(descriptor.group), "version": .string(descriptor.version), "kind": .string(descriptor.kind)]]
            schemas[name] = schema
            let reference: JSONValue = ["$ref": .string("#/components/schemas/\(name)")]
            let body: JSONValue = ["content": ["application/json": ["schema": reference]]]
            let parameters: JSONValue = [
                ["name": "fieldValidation", "in": "query", "schema": ["type": "string"], "description": "Strict, Warn or Ignore"],
                ["name": "fieldManager", "in": "query", "schema": ["type": "string"]],
                ["name": "dryRun", "in": "query", "schema": ["type": "string"]],
            ]
            let gvk: JSONValue = ["group": .string(descriptor.group), "version": .string(descriptor.version), "kind": .string(descriptor.kind)]
            let operation: JSONValue = ["parameters": parameters, "requestBody": body, "responses": ["200": body], "x-kubernetes-group-version-kind": gvk]
            let collection = descriptor.path(namespace: descriptor.namespaced ? "{namespace}" : nil)
            paths[collection] = ["get": ["responses": ["200": body]], "post": operation]
            paths[collection + "/{name}"] = ["get": ["responses": ["200": body]], "put": operation, "patch": operation, "delete": ["responses": ["200": body]]]
        }
        return ["openapi": "3.0.0", "info": ["title": "Kubernetes (fake)", "version": "v1.37.0"], "paths": .object(paths), "components": ["schemas": .object(schemas)]]
    }

    /// `io.k8s.api.apps.v1.Deployment` style for built-ins, reverse-DNS group for custom resources.
    static func schemaName(_ descriptor: ResourceDescriptor) -> String {
        let group = descriptor.group.isEmpty ? "core" : descriptor.group
        let reversed = group.split(separator: ".").reversed().joined(separator: ".")
        return "\(reversed).\(descriptor.version).\(descriptor.kind)"
    }
}
