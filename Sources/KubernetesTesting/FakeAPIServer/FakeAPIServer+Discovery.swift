import Foundation
import KubernetesCore

extension FakeAPIServer {
    /// Answers discovery, version and OpenAPI requests; `nil` for resource URLs.
    func discoveryResponse(path: String, request: KubernetesRequest) throws -> FakeResponse? {
        guard request.method == .GET else { return nil }
        let served = resources.values.sorted { $0.descriptor.plural < $1.descriptor.plural }
        switch path {
        case "/version":
            return .json(["major": "1", "minor": "37", "gitVersion": "v1.37.0-fake", "platform": "linux/amd64", "goVersion": "go1.25", "compiler": "gc"])
        case "/healthz", "/readyz", "/livez":
            return .body(statusCode: 200, contentType: "text/plain", data: Data("ok".utf8))
        case "/api":
            return .json(["kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [["clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"]]])
        case "/apis":
            return .json(["kind": "APIGroupList", "apiVersion": "v1", "groups": .array(groupList(served))])
        case "/openapi/v3":
            return .json(openAPIIndex(served))
        default:
            break
        }
        if path.hasPrefix("/openapi/v3/") {
            let groupVersion = String(path.dropFirst("/openapi/v3/".count))
            let matching = served.filter { Self.openAPIPath($0.descriptor) == groupVersion }
            guard !matching.isEmpty else { throw APIError(404, "NotFound", "no OpenAPI document for \(groupVersion)") }
            return .json(OpenAPIDocument.document(for: matching))
        }
        if path.hasPrefix("/openapi/") {
            throw APIError(404, "NotFound", "the fake API server serves only OpenAPI v3")
        }
        let segments = path.split(separator: "/").map(String.init)
        let groupVersion: (group: String, version: String)?
        if segments.count == 2, segments[0] == "api" {
            groupVersion = ("", segments[1])
        } else if segments.count == 3, segments[0] == "apis" {
            groupVersion = (segments[1], segments[2])
        } else if segments.count == 2, segments[0] == "apis" {
            let group = groupList(served).first { $0["name"]?.stringValue == segments[1] }
            guard let group else { throw APIError(404, "NotFound", "the server could not find the requested resource") }
            return .json(["kind": "APIGroup", "apiVersion": "v1", "name": group["name"] ?? .null, "versions": group["versions"] ?? .null, "preferredVersion": group["preferredVersion"] ?? .null])
        } else {
            groupVersion = nil
        }
        guard let groupVersion else { return nil }
        let matching = served.filter { $0.descriptor.group == groupVersion.group && $0.descriptor.version == groupVersion.version }
        guard !matching.isEmpty else { throw APIError(404, "NotFound", "the server could not find the requested resource") }
        var list: [JSONValue] = []
        for resource in matching {
            list.append([
                "name": .string(resource.descriptor.plural), "singularName": .string(resource.singular),
                "namespaced": .bool(resource.descriptor.namespaced), "kind": .string(resource.descriptor.kind),
                "verbs": .array(resource.verbs.map(JSONValue.string)),
                "shortNames": .array(resource.shortNames.map(JSONValue.string)),
                "categories": .array(resource.categories.map(JSONValue.string)),
            ])
            if resource.hasStatus {
                list.append(["name": .string(resource.descriptor.plural + "/status"), "singularName": "", "namespaced": .bool(resource.descriptor.namespaced),
                             "kind": .string(resource.descriptor.kind), "verbs": ["get", "patch", "update"]])
            }
        }
        let apiVersion = matching[0].descriptor.apiVersion
        return .json(["kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(apiVersion), "resources": .array(list)])
    }

    func groupList(_ served: [ServedResource]) -> [JSONValue] {
        var versions: [String: [String]] = [:]
        for resource in served where !resource.descriptor.group.isEmpty {
            if !(versions[resource.descriptor.group] ?? []).contains(resource.descriptor.version) {
                versions[resource.descriptor.group, default: []].append(resource.descriptor.version)
            }
        }
        return versions.keys.sorted().map { group in
            let list = versions[group]!.map { JSONValue.object(["groupVersion": .string("\(group)/\($0)"), "version": .string($0)]) }
            return ["name": .string(group), "versions": .array(list), "preferredVersion": list[0]]
        }
    }

    func openAPIIndex(_ served: [ServedResource]) -> JSONValue {
        var paths: [String: JSONValue] = [:]
        for resource in served {
            let path = Self.openAPIPath(resource.descriptor)
            let hash = String(format: "%08x", UInt32(truncatingIfNeeded: (try? OpenAPIDocument.document(for: served.filter { Self.openAPIPath($0.descriptor) == path }).data().hashValue) ?? 0))
            paths[path] = ["serverRelativeURL": .string("/openapi/v3/\(path)?hash=\(hash)")]
        }
        return ["paths": .object(paths)]
    }

    static func openAPIPath(_ descriptor: ResourceDescriptor) -> String {
        descriptor.group.isEmpty ? "api/\(descriptor.version)" : "apis/\(descriptor.group)/\(descriptor.version)"
    }
}
