import Foundation
import KubernetesCore

/// One open watch: its filter and the stream its events go to.
struct WatchSubscription: Sendable {
    /// Events buffered for a slow consumer before the watch is closed (as the real server does).
    static let bufferLimit = 10_000

    var resource: ResourceKey
    var filter: ObjectFilter
    var bookmarks: Bool
    /// Objects are sent as one-row `Table`s (what `kubectl get -w` asks for).
    var asTable: Bool
    var continuation: AsyncStream<[UInt8]>.Continuation

    /// One newline-terminated watch event.
    static func line(type: String, object: JSONValue) -> [UInt8] {
        let event: JSONValue = ["type": .string(type), "object": object]
        return Array((try? event.data()) ?? Data()) + [UInt8(ascii: "\n")]
    }
}

/// A change as recorded for watch resumption.
struct HistoryEntry: Sendable {
    var revision: Int64
    var resource: ResourceKey
    var type: String
    var object: JSONValue
    /// The object before the change, to tell when it left or entered a selector.
    var previous: JSONValue?
    /// When the change happened, for time-based compaction.
    var time: Date
}

/// The namespace, label selector and field selector of a list or watch.
struct ObjectFilter: Sendable {
    var namespace: String?
    var labels: LabelSelectorExpression?
    var fields: FieldSelectorExpression?

    init(query: QueryItems, namespace: String?) throws {
        self.namespace = namespace
        do {
            if let text = query["labelSelector"], !text.isEmpty { labels = try LabelSelectorExpression(parsing: text) }
            if let text = query["fieldSelector"], !text.isEmpty { fields = try FieldSelectorExpression(parsing: text) }
        } catch {
            throw APIError.badRequest(error.description)
        }
    }

    func matches(_ object: JSONValue) -> Bool {
        if let namespace, object[path: ["metadata", "namespace"]]?.stringValue != namespace { return false }
        if let labels {
            let values = (object[path: ["metadata", "labels"]]?.objectValue ?? [:]).compactMapValues(\.stringValue)
            if !labels.matches(values) { return false }
        }
        if let fields, !fields.matches(object) { return false }
        return true
    }

    /// The event a watcher with this filter sees for a change: objects entering the selector are
    /// ADDED, objects leaving it are DELETED, and changes outside it are not seen.
    func event(for entry: HistoryEntry) -> (type: String, object: JSONValue)? {
        let now = matches(entry.object)
        let before = entry.previous.map(matches) ?? false
        switch entry.type {
        case "MODIFIED":
            if now && before { return ("MODIFIED", entry.object) }
            if now { return ("ADDED", entry.object) }
            if before { return ("DELETED", entry.object) }
            return nil
        default:
            return now ? (entry.type, entry.object) : nil
        }
    }
}
