import Foundation
import KubernetesClient
import KubernetesCore

/// An in-memory Kubernetes API server with the semantics controllers depend on.
///
/// Use it in-process as an ``HTTPTransport`` (``transport``) or serve it over loopback HTTP
/// (``serve(port:)``) so that `kubectl` and other real clients can talk to it.
///
/// ## What it does
/// - Discovery (`/api`, `/apis`, group-version resource lists with verbs, short names, categories),
///   `/version`, and OpenAPI v3 (`/openapi/v3`) with the `fieldValidation` parameter, so `kubectl apply`
///   uses server-side validation and `kubectl explain` reads CRD schemas.
/// - Built-in kinds (namespaces, pods, services, service accounts, config maps, secrets, events,
///   deployments, ingresses, network policies, PDBs, leases, CRDs) and custom resources served as
///   soon as a `CustomResourceDefinition` is created: status subresource, validation against the
///   `openAPIV3Schema` (types, required, enum, min/max, length, pattern, items), defaulting, pruning of
///   unknown fields (or rejecting them with `fieldValidation=Strict`), printer columns in `Table` answers.
/// - resourceVersion (one monotonic counter), 409 on a stale update, `generation` bumped on spec changes
///   only, uid, creationTimestamp; label and field selectors; pagination (`limit`/`continue`).
/// - Watches: resume from a resourceVersion, bookmarks when asked, `timeoutSeconds`, selector-aware
///   ADDED/DELETED when an object enters or leaves the selector, 410 Gone below the compaction point.
/// - Server-side apply with field managers (granular maps, keyed lists merged by key, atomic lists
///   replaced, `managedFields` recorded, conflicts unless `force`), JSON merge patch, JSON patch,
///   strategic merge patch for keyed lists.
/// - Finalizers and `deletionTimestamp`; owner-reference garbage collection (background, foreground,
///   orphan); namespace deletion removes its contents.
/// - Fault injection: fail the next N requests (optionally matching a method/path), a failure rate,
///   latency, closing every open watch.
///
/// ## What it does not emulate
/// Authentication and authorization (every request is allowed), admission webhooks, CEL
/// `x-kubernetes-validations` (not evaluated), conversion between versions (one served version per
/// CRD is assumed), protobuf, field selectors beyond `metadata.*` and simple paths, the controllers
/// of built-in kinds (no Pods behind Deployments: tests or the dev kubelet simulate status),
/// graceful deletion periods, and strategic-merge directives (`$patch`, `$retainKeys`).
public actor FakeAPIServer {
    var resources: [ResourceKey: ServedResource] = [:]
    var objects: [ResourceKey: [StorageKey: JSONValue]] = [:]
    /// The uids of stored objects, kept by ``commit(_:at:previous:)`` and ``remove(_:)``.
    var liveUIDs = Set<String>()
    /// Whether a change since the last full ``sweepDeletions()`` can have made one necessary: an
    /// object removed, one being deleted changed, or an owner reference to an object that does not
    /// exist. Without it a sweep scanned every object on every write, which made the fake quadratic.
    var sweepNeeded = false
    var revision: Int64 = 1
    var history: [HistoryEntry] = []
    /// Watches asking for a resourceVersion below this get 410 Gone.
    var compactedRevision: Int64 = 0
    var watches: [Int: WatchSubscription] = [:]
    var nextWatchID = 0
    var faults = FaultInjector()
    var log: [RequestRecord] = []
    let now: @Sendable () -> Date
    /// How many history entries are kept for watch resumption before automatic compaction.
    public var historyLimit: Int
    /// How long history is kept for watch resumption before it is compacted away.
    public var historyRetention: TimeInterval

    /// - Parameters:
    ///   - now: the clock for timestamps (creation, deletion, managedFields) and for compaction.
    ///   - historyLimit: events kept for watch resumption (default 10,000); older versions answer 410.
    ///   - historyRetention: seconds an event is kept for watch resumption (default 300, etcd's
    ///     compaction interval under kube-apiserver); a watch from an older version answers 410 Gone.
    public init(now: @escaping @Sendable () -> Date = Date.init, historyLimit: Int = 10_000, historyRetention: TimeInterval = 300) {
        self.now = now
        self.historyLimit = historyLimit
        self.historyRetention = historyRetention
        for resource in ServedResource.builtIns { resources[resource.key] = resource }
        for name in ["default", "kube-system", "kube-public"] {
            let key = StorageKey(resource: ResourceKey(group: "", plural: "namespaces"), namespace: nil, name: name)
            let uid = UUID().uuidString.lowercased()
            liveUIDs.insert(uid)
            objects[key.resource, default: [:]][key] = [
                "apiVersion": "v1", "kind": "Namespace",
                "metadata": ["name": .string(name), "uid": .string(uid), "resourceVersion": "1",
                             "creationTimestamp": .string(Timestamp(now()).description)],
                "status": ["phase": "Active"],
            ]
        }
    }

    /// Handles one request and returns the answer; never throws (failures are `Status` answers).
    public func handle(_ request: KubernetesRequest) async -> FakeResponse {
        if let delay = faults.latency { try? await Task.sleep(for: delay) }
        let record = RequestRecord(
            method: request.method, path: request.path, query: request.query, contentType: request.headers.first { $0.key.lowercased() == "content-type" }?.value,
            userAgent: request.headers.first { $0.key.lowercased() == "user-agent" }?.value)
        log.append(record)
        if let injected = faults.failure(for: request) { return .status(injected) }
        var request = request
        if let contentType = record.contentType, contentType.contains("protobuf") || contentType.contains("cbor") {
            // kubectl's imperative `create` commands send protobuf: decode the kinds they send, answer JSON.
            let unsupported = Status(message: "the body of the request was in an unknown format - accepted media types include: application/json, application/yaml", reason: "UnsupportedMediaType", code: 415)
            guard request.method == .POST, contentType.contains("protobuf"), let body = request.body else { return .status(unsupported) }
            do {
                request.body = try KubernetesProtobuf.decode(body).data()
            } catch is KubernetesProtobuf.Unsupported {
                return .status(unsupported)
            } catch {
                return .status(Status(message: "cannot decode the protobuf body: \(error)", reason: "BadRequest", code: 400))
            }
            request.headers = request.headers.filter { $0.key.lowercased() != "content-type" }
            request.headers["Content-Type"] = "application/json"
        }
        do {
            return try route(request)
        } catch let error as APIError {
            return .status(error.status)
        } catch {
            return .status(Status(message: "internal error: \(error)", reason: "InternalError", code: 500))
        }
    }

    /// The requests handled so far, oldest first.
    public var requests: [RequestRecord] { log }

    /// How many write requests (POST, PUT, PATCH, DELETE) were handled since the last ``resetRequestLog()``.
    public var writeCount: Int { log.filter(\.isWrite).count }

    public func resetRequestLog() { log.removeAll() }

    /// The current resourceVersion of the whole store.
    public var currentResourceVersion: String { String(revision) }

    /// Forgets watch history up to now: watches from any earlier resourceVersion get 410 Gone.
    public func compact() {
        compactedRevision = revision
        history.removeAll()
    }

    func route(_ request: KubernetesRequest) throws -> FakeResponse {
        let path = request.path.count > 1 && request.path.hasSuffix("/") ? String(request.path.dropLast()) : request.path
        if let discovery = try discoveryResponse(path: path, request: request) { return discovery }
        guard let target = try RequestTarget(path: path, server: self.resources) else {
            throw APIError(404, "NotFound", "the server could not find the requested resource (\(request.method) \(path))")
        }
        if target.subresource == "scale", let name = target.name { return try scale(target, name: name, request: request) }
        switch (request.method, target.name) {
        case (.GET, nil):
            if request.query["watch"] == "true" || request.query["watch"] == "1" { return try watch(target, query: request.query, accept: request.headers["Accept"] ?? request.headers["accept"]) }
            return try list(target, query: request.query, accept: request.headers["Accept"] ?? request.headers["accept"])
        case (.GET, let name?): return try get(target, name: name, accept: request.headers["Accept"] ?? request.headers["accept"])
        case (.POST, nil): return try create(target, body: request.body, query: request.query)
        case (.PUT, let name?): return try update(target, name: name, body: request.body, query: request.query)
        case (.PATCH, let name?):
            let contentType = request.headers.first { $0.key.lowercased() == "content-type" }?.value ?? ""
            return try patch(target, name: name, body: request.body, contentType: contentType, query: request.query)
        case (.DELETE, let name?): return try delete(target, name: name, body: request.body, query: request.query)
        case (.DELETE, nil): return try deleteCollection(target, query: request.query)
        default:
            throw APIError(405, "MethodNotAllowed", "\(request.method) is not supported on \(path)")
        }
    }

    func nextRevision() -> Int64 {
        revision += 1
        return revision
    }
}

/// One handled request, for assertions such as "the resync issued zero writes".
public struct RequestRecord: Sendable, Equatable {
    public var method: KubernetesRequest.Method
    public var path: String
    public var query: QueryItems
    public var contentType: String?
    /// The client's `User-Agent`; in-process clients send none.
    public var userAgent: String?

    public init(method: KubernetesRequest.Method, path: String, query: QueryItems, contentType: String? = nil, userAgent: String? = nil) {
        self.method = method
        self.path = path
        self.query = query
        self.contentType = contentType
        self.userAgent = userAgent
    }

    /// POST, PUT, PATCH and DELETE are writes.
    public var isWrite: Bool { method != .GET }
}
