import Foundation
import KubernetesClient
import KubernetesCore
import Testing
@testable import KubernetesTesting

/// A failure of the test's own plumbing (an answer of the wrong shape), not of an expectation.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One non-streaming answer of the fake server, parsed as JSON.
struct Answer: Sendable {
    var code: Int
    var body: JSONValue

    /// The fields named by the causes of a failure `Status`.
    var causeFields: [String] {
        (body[path: ["details", "causes"]]?.arrayValue ?? []).compactMap { $0["field"]?.stringValue }
    }
}

extension FakeAPIServer {
    /// Sends a raw request and parses the answer; use it where the typed client cannot express the request.
    nonisolated func answer(_ request: KubernetesRequest) async throws -> Answer {
        guard case .body(let code, _, let data) = await handle(request) else {
            throw TestFailure("\(request.method) \(request.pathAndQuery) answered a watch stream, not a body")
        }
        return Answer(code: code, body: try JSONValue(data: data))
    }

    /// `GET path` as raw JSON.
    nonisolated func get(_ path: String, query: QueryItems = []) async throws -> Answer {
        try await answer(KubernetesRequest(method: .GET, path: path, query: query, headers: ["Accept": "application/json"]))
    }

    /// A client with the `Widget` CRD installed.
    nonisolated func clientServingWidgets(statusSubresource: Bool = true) async throws -> KubernetesClient {
        let client = client()
        _ = try await client.create(Widget.definition(statusSubresource: statusSubresource))
        return client
    }
}

extension ConfigMap {
    /// A ConfigMap in `default` (unless told otherwise).
    static func named(_ name: String, namespace: String = "default", labels: [String: String]? = nil, data: [String: String]? = nil) -> ConfigMap {
        ConfigMap(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), data: data)
    }
}

extension Deployment {
    /// A Deployment in `default` whose pod template has the given containers (name and image).
    static func named(_ name: String, replicas: Int? = nil, containers: [(String, String)]) -> Deployment {
        let labels = ["app": name]
        let spec = DeploymentSpec(
            replicas: replicas, selector: LabelSelector(matchLabels: labels),
            template: PodTemplateSpec(metadata: ObjectMeta(labels: labels), spec: PodSpec(containers: containers.map { Container(name: $0.0, image: $0.1) })))
        return Deployment(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec)
    }

    /// `name=image` for every container of the pod template, in order.
    var containerImages: [String] {
        (spec?.template.spec?.containers ?? []).map { "\($0.name)=\($0.image ?? "")" }
    }
}

extension ObjectMeta {
    /// The managers in `managedFields`, as `manager/operation` (with `/subresource` when there is one).
    var managers: [String] {
        (managedFields ?? []).map { entry in
            let base = "\(entry["manager"]?.stringValue ?? "?")/\(entry["operation"]?.stringValue ?? "?")"
            return entry["subresource"]?.stringValue.map { "\(base)/\($0)" } ?? base
        }.sorted()
    }

    /// The `fieldsV1` of one manager's entry, or `nil` when it owns nothing.
    func fields(of manager: String, operation: String = "Apply") -> JSONValue? {
        managedFields?.first { $0["manager"]?.stringValue == manager && $0["operation"]?.stringValue == operation }?["fieldsV1"]
    }
}

extension WatchEvent where Object: KubernetesResource {
    /// `ADDED name`, `MODIFIED name`, `BOOKMARK 42`, `ERROR 410`: enough to compare event sequences.
    var summary: String {
        switch self {
        case .added(let object): "ADDED \(object.metadata.name ?? "")"
        case .modified(let object): "MODIFIED \(object.metadata.name ?? "")"
        case .deleted(let object): "DELETED \(object.metadata.name ?? "")"
        case .bookmark(let resourceVersion): "BOOKMARK \(resourceVersion)"
        case .error(let status): "ERROR \(status.code.map(String.init) ?? "?")"
        }
    }
}

extension WatchStream where R: KubernetesResource {
    /// The summaries of every event until the stream ends (call after the server closed it).
    func summaries() async throws -> [String] {
        try await reduce(into: []) { $0.append($1.summary) }
    }
}

extension Int64 {
    /// Parses a resourceVersion, failing the test when it is not a number.
    init(resourceVersion: String?) throws {
        self = try #require(resourceVersion.flatMap(Int64.init), "resourceVersion \(resourceVersion ?? "nil") is not a number")
    }
}
