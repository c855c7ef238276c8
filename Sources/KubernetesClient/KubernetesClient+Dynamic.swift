import Foundation
import KubernetesCore

/// Operations by ``ResourceDescriptor`` on any decodable object type, for caches of kinds chosen at run time.
extension KubernetesClient {
    /// One list page of any kind, decoded as `T` (``DynamicObject`` keeps every field).
    public func list<T: Decodable & Sendable>(_ resource: ResourceDescriptor, as type: T.Type, namespace: String? = nil, options: ListOptions = .init()) async throws(KubernetesClientError) -> DynamicList<T> {
        try await send(.list(resource, namespace: namespace, options: options))
    }

    /// Every page of a list; the resourceVersion is the first page's.
    public func listAll<T: Decodable & Sendable>(_ resource: ResourceDescriptor, as type: T.Type, namespace: String? = nil, options: ListOptions = .init()) async throws(KubernetesClientError) -> DynamicList<T> {
        var options = options
        var page = try await list(resource, as: type, namespace: namespace, options: options)
        var items = page.items
        let resourceVersion = page.metadata.resourceVersion
        while let token = page.metadata.continue, !token.isEmpty {
            options.continue = token
            page = try await list(resource, as: type, namespace: namespace, options: options)
            items += page.items
        }
        return DynamicList(metadata: ListMeta(resourceVersion: resourceVersion), items: items)
    }

    /// A watch of any kind.
    public func watch<T: Decodable & Sendable>(_ resource: ResourceDescriptor, as type: T.Type, namespace: String? = nil, options: ListOptions = .init()) async throws(KubernetesClientError) -> WatchStream<T> {
        let request = KubernetesRequest.watch(resource, namespace: namespace, options: options)
        let response = try await transport.stream(request)
        if !(200..<300).contains(response.statusCode) {
            var collected: [UInt8] = []
            do {
                for try await chunk in response.body {
                    collected += chunk
                    if collected.count > 65536 { break }
                }
            } catch {
                throw KubernetesClientError(.transportFailed, message: "reading the error of \(request.path) failed", underlying: error)
            }
            try Self.check(response.statusCode, body: Data(collected), request: request)
        }
        return WatchStream(body: response.body)
    }

    /// Server-side apply of a JSON apply configuration (which must carry apiVersion, kind and metadata.name).
    public func apply(_ resource: ResourceDescriptor, body: JSONValue, namespace: String?, fieldManager: String, force: Bool = false) async throws(KubernetesClientError) -> DynamicObject {
        guard let name = body[path: ["metadata", "name"]]?.stringValue, !name.isEmpty else {
            throw KubernetesClientError(.encodingFailed, message: "apply configuration for \(resource) has no metadata.name")
        }
        let options = ApplyOptions(fieldManager: fieldManager, force: force)
        return try await send(.apply(resource, name: name, namespace: namespace, body: Self.encode(body), options: options))
    }

    /// Deletes an object of any kind.
    public func delete(_ resource: ResourceDescriptor, name: String, namespace: String?, options: DeleteOptions? = nil) async throws(KubernetesClientError) {
        let request: KubernetesRequest
        do { request = try .delete(resource, name: name, namespace: namespace, options: options) } catch {
            throw KubernetesClientError(.encodingFailed, message: "cannot encode DeleteOptions", underlying: error)
        }
        let response = try await transport.send(bounded(request))
        try Self.check(response.statusCode, body: response.body, request: request)
    }
}

/// A list of objects of any decodable type.
public struct DynamicList<Item: Decodable & Sendable>: Decodable, Sendable {
    public var metadata: ListMeta
    public var items: [Item]

    public init(metadata: ListMeta, items: [Item]) {
        self.metadata = metadata
        self.items = items
    }

    enum CodingKeys: String, CodingKey { case metadata, items }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decodeIfPresent(ListMeta.self, forKey: .metadata) ?? ListMeta()
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
    }
}
