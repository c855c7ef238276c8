import Foundation
import KubernetesCore

extension FakeAPIServer {
    func get(_ target: RequestTarget, name: String, accept: String?) throws -> FakeResponse {
        guard let object = objects[target.resource.key]?[target.storageKey(name)] else { throw APIError.notFound(target.resource, name) }
        if wantsTable(accept) { return .json(table(for: [object], resource: target.resource, listRevision: nil)) }
        return .json(object)
    }

    func list(_ target: RequestTarget, query: QueryItems, accept: String?) throws -> FakeResponse {
        let filter = try ObjectFilter(query: query, namespace: target.resource.descriptor.namespaced ? target.namespace : nil)
        var matching = (objects[target.resource.key] ?? [:]).sorted { $0.key < $1.key }.map(\.value).filter(filter.matches)
        // Pagination: the continue token is `<first page's revision>:<last returned key>`, and every
        // page reports the first page's revision, as the real server does.
        var listRevision = revision
        if let token = query["continue"], !token.isEmpty {
            guard let decoded = Data(base64Encoded: token), let text = String(data: decoded, encoding: .utf8),
                  let colon = text.firstIndex(of: ":"), let tokenRevision = Int64(text[..<colon]) else {
                throw APIError.badRequest("invalid continue token")
            }
            let last = String(text[text.index(after: colon)...])
            listRevision = tokenRevision
            matching = matching.filter { Self.sortKey($0) > last }
        }
        var listMeta: [String: JSONValue] = ["resourceVersion": .string(String(listRevision))]
        if let limitText = query["limit"], let limit = Int(limitText), limit > 0, matching.count > limit {
            matching = Array(matching.prefix(limit))
            listMeta["continue"] = .string(Data("\(listRevision):\(Self.sortKey(matching[limit - 1]))".utf8).base64EncodedString())
        }
        if wantsTable(accept) {
            var answer = table(for: matching, resource: target.resource, listRevision: listRevision)
            answer.set(listMeta["continue"], at: ["metadata", "continue"])  // kubectl pages with limit=500
            return .json(answer)
        }
        let kind = target.resource.descriptor.kind + "List"
        return .json(["apiVersion": .string(target.resource.descriptor.apiVersion), "kind": .string(kind), "metadata": .object(listMeta), "items": .array(matching)])
    }

    static func sortKey(_ object: JSONValue) -> String {
        "\(object[path: ["metadata", "namespace"]]?.stringValue ?? "")/\(object[path: ["metadata", "name"]]?.stringValue ?? "")"
    }

    func watch(_ target: RequestTarget, query: QueryItems, accept: String?) throws -> FakeResponse {
        let asTable = wantsTable(accept)
        let filter = try ObjectFilter(query: query, namespace: target.resource.descriptor.namespaced ? target.namespace : nil)
        let bookmarks = query["allowWatchBookmarks"] == "true"
        var replay: [[UInt8]] = []
        if let text = query["resourceVersion"], !text.isEmpty, text != "0" {
            guard let from = Int64(text) else { throw APIError.badRequest("invalid resourceVersion \(text)") }
            if from < compactedRevision {
                // The real server answers 200 and then an ERROR event with 410 Expired.
                let status = Status(message: "too old resource version: \(from) (\(compactedRevision))", reason: "Expired", code: 410)
                let line = WatchSubscription.line(type: "ERROR", object: (try? JSONValue(encoding: status)) ?? .null)
                return .watch(AsyncStream { continuation in
                    continuation.yield(line)
                    continuation.finish()
                })
            }
            for entry in history where entry.revision > from && entry.resource == target.resource.key {
                if let event = filter.event(for: entry) { replay.append(watchLine(event.type, event.object, resource: target.resource, asTable: asTable)) }
            }
        } else {
            // No resourceVersion (or "0"): synthetic ADDED events for every current object, then changes.
            for object in (objects[target.resource.key] ?? [:]).sorted(by: { $0.key < $1.key }).map(\.value) where filter.matches(object) {
                replay.append(watchLine("ADDED", object, resource: target.resource, asTable: asTable))
            }
        }
        if query["sendInitialEvents"] == "true" {
            // Streaming list ("watch-list"): the initial state ends with a bookmark annotated
            // `k8s.io/initial-events-end`, which client-go's reflector waits for.
            let descriptor = target.resource.descriptor
            let bookmark: JSONValue = [
                "kind": .string(descriptor.kind), "apiVersion": .string(descriptor.apiVersion),
                "metadata": ["resourceVersion": .string(String(revision)), "annotations": ["k8s.io/initial-events-end": "true"]],
            ]
            replay.append(WatchSubscription.line(type: "BOOKMARK", object: bookmark))
        }
        let id = nextWatchID
        nextWatchID += 1
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingOldest(WatchSubscription.bufferLimit))
        for line in replay { continuation.yield(line) }
        watches[id] = WatchSubscription(resource: target.resource.key, filter: filter, bookmarks: bookmarks, asTable: asTable, continuation: continuation)
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            Task { await self.removeWatch(id) }
        }
        if let text = query["timeoutSeconds"], let seconds = Int(text), seconds > 0 {
            Task {
                try? await Task.sleep(for: .seconds(seconds))
                continuation.finish()
            }
        }
        return .watch(stream)
    }

    func removeWatch(_ id: Int) {
        watches[id] = nil
    }

    /// Records a change and delivers it to every matching watch.
    func record(_ type: String, resource: ResourceKey, object: JSONValue, previous: JSONValue?) {
        let time = now()
        let entry = HistoryEntry(revision: revision, resource: resource, type: type, object: object, previous: previous, time: time)
        history.append(entry)
        // Compaction as etcd under an API server does it: by count, and by age (every 5 minutes by default).
        var dropped = max(0, history.count - historyLimit)
        while dropped < history.count, time.timeIntervalSince(history[dropped].time) > historyRetention { dropped += 1 }
        if dropped > 0 {
            compactedRevision = history[dropped - 1].revision
            history.removeFirst(dropped)
        }
        for (id, watch) in watches where watch.resource == resource {
            guard let event = watch.filter.event(for: entry), let served = resources[resource] else { continue }
            if case .dropped = watch.continuation.yield(watchLine(event.type, event.object, resource: served, asTable: watch.asTable)) {
                // Like the real server with a slow watcher: close it; the client re-watches.
                watch.continuation.finish()
                watches[id] = nil
            }
        }
    }

    /// Sends a BOOKMARK with the current resourceVersion to every watch that asked for bookmarks.
    public func sendBookmarks() {
        for watch in watches.values where watch.bookmarks {
            let resource = resources[watch.resource]
            let object: JSONValue = [
                "kind": .string(resource?.descriptor.kind ?? ""), "apiVersion": .string(resource?.descriptor.apiVersion ?? ""),
                "metadata": ["resourceVersion": .string(String(revision))],
            ]
            watch.continuation.yield(WatchSubscription.line(type: "BOOKMARK", object: object))
        }
    }

    func watchLine(_ type: String, _ object: JSONValue, resource: ServedResource, asTable: Bool) -> [UInt8] {
        WatchSubscription.line(type: type, object: asTable ? table(for: [object], resource: resource, listRevision: nil) : object)
    }

    /// How many watches are open.
    public var openWatchCount: Int { watches.count }

    func wantsTable(_ accept: String?) -> Bool {
        accept?.contains("as=Table") ?? false
    }
}
