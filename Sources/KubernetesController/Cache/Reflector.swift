import KubernetesClient
import KubernetesCore
import Logging

/// What a reflector tells its listener.
public enum WatcherEvent<Object: Sendable>: Sendable {
    case applied(Object)
    case deleted(Object)
    /// A (re)list replaced the whole cache with these objects.
    case restarted([Object])
}

/// Keeps a ``Store`` in step with the API server: list, then watch, forever (``WatcherStateMachine``).
///
/// - Defaults: server-side watch timeout 290 s (the client's idle timeout is set a little above it),
///   bookmarks on, pages of 500 when listing.
public struct Reflector<Object: MetadataCarrying>: Sendable {
    public let resource: ResourceDescriptor
    public let client: KubernetesClient
    public let namespace: String?
    public let labelSelector: String?
    public let writer: StoreWriter<Object>
    public let onEvent: @Sendable (WatcherEvent<Object>) async -> Void
    /// Applied to every object before it is stored or reported (a cache transform).
    public let transform: @Sendable (Object) -> Object
    public var timeoutSeconds = 290
    public var pageSize = 500
    /// Whether a `404` on list means "not served (yet)": the cache is then empty and synced, and the
    /// list is retried with backoff. For optional CRDs (``SecondaryWatch/mayBeAbsent``). Defaults: `false`.
    public var absentIsEmpty = false
    var logger: Logger

    public init(
        resource: ResourceDescriptor, client: KubernetesClient, namespace: String? = nil, labelSelector: String? = nil,
        writer: StoreWriter<Object>, logger: Logger, transform: @escaping @Sendable (Object) -> Object = { $0 },
        onEvent: @escaping @Sendable (WatcherEvent<Object>) async -> Void = { _ in }
    ) {
        self.transform = transform
        self.resource = resource
        self.client = client
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.writer = writer
        self.logger = logger
        self.onEvent = onEvent
    }

    /// Runs until the task is cancelled.
    public func run() async {
        var machine = WatcherStateMachine()
        while !Task.isCancelled {
            switch machine.nextAction() {
            case .wait(let delay):
                do { try await Task.sleep(for: delay) } catch { return }
            case .list:
                do {
                    let list = try await client.listAll(resource, as: Object.self, namespace: namespace, options: ListOptions(labelSelector: labelSelector, limit: pageSize))
                    let items = list.items.map(transform)
                    writer.replace(items)
                    await onEvent(.restarted(items))
                    machine.listSucceeded(resourceVersion: list.metadata.resourceVersion ?? "")
                } catch {
                    if absentIsEmpty, error.isNotFound {
                        // Not served: nothing of this kind exists, which is a complete (empty) answer.
                        if !writer.isEmptyAndSynced {
                            writer.replace([])
                            await onEvent(.restarted([]))
                        }
                        logger.debug("\(resource) is not served; listing again later")
                    } else {
                        log(error, during: "list")
                    }
                    machine.requestFailed(error, random: Double.random(in: 0...1))
                }
            case .watch(let version):
                await watch(from: version, machine: &machine)
            }
        }
    }

    private func watch(from version: String, machine: inout WatcherStateMachine) async {
        let options = ListOptions(labelSelector: labelSelector, resourceVersion: version, allowWatchBookmarks: true, timeoutSeconds: timeoutSeconds)
        do {
            let stream = try await client.watch(resource, as: Object.self, namespace: namespace, options: options)
            for try await event in stream {
                switch machine.eventReceived(event) {
                case .applied(let object):
                    let kept = transform(object)
                    writer.apply(kept)
                    await onEvent(.applied(kept))
                case .deleted(let object):
                    let kept = transform(object)
                    writer.delete(kept)
                    await onEvent(.deleted(kept))
                case .bookmark:
                    continue
                case .relist(let reason):
                    logger.debug("watch of \(resource) restarts: \(reason)")
                    return
                }
            }
            machine.watchEnded()
        } catch let error as KubernetesClientError {
            log(error, during: "watch")
            machine.requestFailed(error, random: Double.random(in: 0...1))
        } catch {
            if Task.isCancelled { return }
            machine.requestFailed(KubernetesClientError.wrapping(error), random: Double.random(in: 0...1))
        }
    }

    private func log(_ error: KubernetesClientError, during step: String) {
        if Task.isCancelled { return }
        if error.isForbidden || error.isUnauthorized {
            logger.warning("\(step) of \(resource) is not permitted: \(error)")
        } else {
            logger.debug("\(step) of \(resource) failed, retrying: \(error)")
        }
    }
}
