import Foundation
import KubernetesCore

extension FakeAPIServer {
    /// The `scale` subresource of Deployments (`autoscaling/v1` Scale), as `kubectl scale` and an HPA use
    /// it: GET reads `spec.replicas`, PUT and PATCH change it, recorded in managedFields under the
    /// writer's manager with subresource `scale`.
    func scale(_ target: RequestTarget, name: String, request: KubernetesRequest) throws -> FakeResponse {
        let key = target.storageKey(name)
        guard let deployment = objects[target.resource.key]?[key] else { throw APIError.notFound(target.resource, name) }
        let current = Self.scaleObject(of: deployment)
        let wanted: JSONValue
        switch request.method {
        case .GET: return .json(current)
        case .PUT: wanted = try Self.decodeBody(request.body)
        case .PATCH:
            let contentType = request.headers.first { $0.key.lowercased() == "content-type" }?.value ?? ""
            let patch = try Self.decodeBody(request.body)
            if contentType.contains("json-patch") {
                do {
                    wanted = try patch.decode(JSONPatch.self).apply(to: current)
                } catch {
                    throw APIError(422, "Invalid", "the server rejected our request due to an error in our request: \(error)")
                }
            } else {
                wanted = JSONMergePatch.apply(patch, to: current)
            }
        default: throw APIError(405, "MethodNotAllowed", "\(request.method) is not supported on the scale subresource")
        }
        guard let replicas = wanted[path: ["spec", "replicas"]]?.int64Value, replicas >= 0 else {
            throw APIError(422, "Invalid", "Scale.autoscaling \"\(name)\" is invalid: spec.replicas: Invalid value: must be a non-negative integer")
        }
        var updated = deployment
        updated.set(.integer(replicas), at: ["spec", "replicas"])
        var scaleTarget = target
        scaleTarget.subresource = "scale"
        let manager = request.query["fieldManager"] ?? "unknown"
        guard case .body(_, _, let data) = try write(updated, over: deployment, target: scaleTarget, key: key, manager: manager, query: request.query) else {
            return .json(current)
        }
        return .json(Self.scaleObject(of: try JSONDecoder().decode(JSONValue.self, from: data)))
    }

    static func scaleObject(of deployment: JSONValue) -> JSONValue {
        var metadata: [String: JSONValue] = [:]
        for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] { metadata[field] = deployment[path: ["metadata", field]] }
        let labels = deployment[path: ["spec", "selector", "matchLabels"]]?.objectValue ?? [:]
        let selector = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.stringValue ?? "")" }.joined(separator: ",")
        return [
            "apiVersion": "autoscaling/v1", "kind": "Scale", "metadata": .object(metadata),
            "spec": ["replicas": deployment[path: ["spec", "replicas"]] ?? .integer(1)],
            "status": ["replicas": deployment[path: ["status", "replicas"]] ?? .integer(0), "selector": .string(selector)],
        ]
    }

    static func decodeBody(_ body: Data?) throws -> JSONValue {
        guard let body else { throw APIError.badRequest("the request has no body") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw APIError.badRequest("the body is not JSON: \(error)")
        }
    }
}
