import Foundation
import KubernetesClient
import KubernetesCore
import Logging
import ServiceLifecycle
import Synchronization

/// A controller: caches of the primary kind and of secondary kinds, a rate-limited work queue of
/// keys, and N workers calling a ``Reconciler``. A `Service`: graceful shutdown stops taking work,
/// lets in-flight reconciles finish, then stops the watches.
///
/// ```swift
/// let controller = Controller(name: "ragpipeline", client: client, reconciler: RAGPipelineReconciler(...),
///                             secondaries: [.owned(Deployment.resource, by: RAGPipeline.self)])
/// try await ServiceGroup(services: [elector, controller, metrics], logger: logger).run()
/// ```
///
/// - Guarantees: one key is never reconciled by two workers at once; a key changed during its
///   reconcile is reconciled again afterwards; reconciles read objects from the cache.
public final class Controller<R: Reconciler>: ServiceLifecycle.Service {
    public typealias Resource = R.Resource
    public let name: String
    public let store: Store<Resource>
    /// Caches of the secondary watches, by resource.
    public let secondaryStores: [ResourceDescriptor: Store<DynamicObject>]
    let writer: StoreWriter<Resource>
    let secondaryWriters: [(SecondaryWatch, StoreWriter<DynamicObject>)]
    let client: KubernetesClient
    let reconciler: R
    let namespace: String?
    let labelSelector: String?
    let concurrency: Int
    let queue: WorkQueue<ObjectKey>
    let logger: Logger
    let leadership: LeadershipGate?
    let metrics: ControllerMetrics
    let counter = Mutex(0)
    /// When set, a primary object's change is queued only if its generation or the metadata a
    /// reconciler acts on (labels, annotations, finalizers, deletion) changed: the reconciler's own
    /// status writes (and anyone else's) do not come back as work. Periodic requeues and the
    /// secondary watches still bring it round. controller-runtime's `GenerationChangedPredicate`,
    /// widened to metadata.
    let ignoresStatusOnlyChanges: Bool
    let signatures = Mutex<[ObjectKey: String]>([:])

    /// Builds the reconciler from the secondary caches, so that it can compare desired with cached state.
    public convenience init(
        name: String, client: KubernetesClient, namespace: String? = nil, labelSelector: String? = nil,
        secondaries: [SecondaryWatch] = [], concurrency: Int = 2, leadership: LeadershipGate? = nil,
        logger: Logger = Logger(label: "controller"), backoff: ExponentialBackoff = .workQueue, ignoresStatusOnlyChanges: Bool = false,
        makeReconciler: ([ResourceDescriptor: Store<DynamicObject>]) -> R
    ) {
        var stores: [(SecondaryWatch, Store<DynamicObject>, StoreWriter<DynamicObject>)] = []
        for watch in secondaries {
            let (store, writer) = Store<DynamicObject>.make()
            stores.append((watch, store, writer))
        }
        let byResource = Dictionary(stores.map { ($0.0.resource, $0.1) }, uniquingKeysWith: { first, _ in first })
        self.init(
            name: name, client: client, reconciler: makeReconciler(byResource), namespace: namespace, labelSelector: labelSelector,
            secondaryCaches: stores.map { ($0.0, $0.1, $0.2) }, concurrency: concurrency, leadership: leadership, logger: logger, backoff: backoff,
            ignoresStatusOnlyChanges: ignoresStatusOnlyChanges)
    }

    public convenience init(
        name: String, client: KubernetesClient, reconciler: R, namespace: String? = nil, labelSelector: String? = nil,
        secondaries: [SecondaryWatch] = [], concurrency: Int = 2, leadership: LeadershipGate? = nil,
        logger: Logger = Logger(label: "controller"), backoff: ExponentialBackoff = .workQueue
    ) {
        let caches = secondaries.map { watch -> (SecondaryWatch, Store<DynamicObject>, StoreWriter<DynamicObject>) in
            let (store, writer) = Store<DynamicObject>.make()
            return (watch, store, writer)
        }
        self.init(
            name: name, client: client, reconciler: reconciler, namespace: namespace, labelSelector: labelSelector,
            secondaryCaches: caches, concurrency: concurrency, leadership: leadership, logger: logger, backoff: backoff)
    }

    init(
        name: String, client: KubernetesClient, reconciler: R, namespace: String? = nil, labelSelector: String? = nil,
        secondaryCaches: [(SecondaryWatch, Store<DynamicObject>, StoreWriter<DynamicObject>)], concurrency: Int, leadership: LeadershipGate?,
        logger: Logger, backoff: ExponentialBackoff, ignoresStatusOnlyChanges: Bool = false
    ) {
        self.ignoresStatusOnlyChanges = ignoresStatusOnlyChanges
        self.name = name
        self.client = client
        self.reconciler = reconciler
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.concurrency = max(1, concurrency)
        self.leadership = leadership
        self.logger = logger
        self.metrics = ControllerMetrics(controller: name)
        (store, writer) = Store<Resource>.make()
        secondaryStores = Dictionary(secondaryCaches.map { ($0.0.resource, $0.1) }, uniquingKeysWith: { first, _ in first })
        secondaryWriters = secondaryCaches.map { ($0.0, $0.2) }
        queue = WorkQueue(name: name, backoff: backoff)
    }

    /// Whether every cache has completed its first list (readiness).
    public var hasSynced: Bool { store.hasSynced && secondaryStores.values.allSatisfy(\.hasSynced) }

    /// How many reconciles ran (for tests and the "no hot loop" checks).
    public var reconcileCount: Int { counter.withLock { $0 } }

    /// Queues a key from outside (a timer, an external event).
    public func enqueue(_ key: ObjectKey, after delay: Duration = .zero) async { await queue.add(key, after: delay) }

    public func run() async throws {
        let queue = queue
        try await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.primaryReflector().run() }
                for (watch, writer) in secondaryWriters {
                    group.addTask { await self.secondaryReflector(watch, writer).run() }
                }
                group.addTask { await queue.run() }
                if let leadership {
                    guard await leadership.waitUntilLeading() else {
                        group.cancelAll()
                        return
                    }
                    logger.info("controller \(name) starts: this instance leads")
                }
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<concurrency { workers.addTask { await self.work() } }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            Task { await queue.shutDown() }
        }
    }

    func primaryReflector() -> Reflector<Resource> {
        Reflector(resource: Resource.resource, client: client, namespace: namespace, labelSelector: labelSelector, writer: writer, logger: logger, onEvent: { [queue, self] event in
            switch event {
            case .applied(let object):
                if self.isNewWork(object) { await queue.add(object.objectKey) }
            case .deleted(let object):
                _ = signatures.withLock { $0.removeValue(forKey: object.objectKey) }
                await queue.add(object.objectKey)
            case .restarted(let objects):
                signatures.withLock { $0 = Dictionary(objects.map { ($0.objectKey, Self.signature(of: $0)) }, uniquingKeysWith: { _, last in last }) }
                for object in objects { await queue.add(object.objectKey) }
            }
        })
    }

    func secondaryReflector(_ watch: SecondaryWatch, _ writer: StoreWriter<DynamicObject>) -> Reflector<DynamicObject> {
        var reflector = Reflector(resource: watch.resource, client: client, namespace: watch.namespace, labelSelector: watch.labelSelector, writer: writer, logger: logger, transform: watch.transform, onEvent: { [queue] event in
            switch event {
            case .applied(let object), .deleted(let object): for key in watch.map(object) { await queue.add(key) }
            case .restarted(let objects): for object in objects { for key in watch.map(object) { await queue.add(key) } }
            }
        })
        reflector.absentIsEmpty = watch.mayBeAbsent
        return reflector
    }

    /// Whether a primary change is work: always, unless ``ignoresStatusOnlyChanges`` and nothing but
    /// status (or bookkeeping such as resourceVersion and managedFields) changed since the last one.
    func isNewWork(_ object: Resource) -> Bool {
        guard ignoresStatusOnlyChanges else { return true }
        let signature = Self.signature(of: object)
        return signatures.withLock { seen in
            defer { seen[object.objectKey] = signature }
            return seen[object.objectKey] != signature
        }
    }

    static func signature(of object: Resource) -> String {
        let meta = object.metadata
        let labels = (meta.labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let annotations = (meta.annotations ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(meta.generation ?? -1)|\(meta.deletionTimestamp?.description ?? "")|\((meta.finalizers ?? []).joined(separator: ","))|\(labels)|\(annotations)"
    }

    func work() async {
        while let key = await queue.next() {
            // A former leader stops taking work the moment its gate closes (at the renew deadline,
            // before the lease can expire for the others), not when the process gets round to exiting.
            if let leadership, !leadership.isLeading {
                await queue.done(key)
                return
            }
            await process(key)
            await queue.done(key)
        }
    }

    func process(_ key: ObjectKey) async {
        guard let object = store.object(for: key) else {
            // Deleted and gone: finalizers (if any) have already run.
            await queue.forget(key)
            return
        }
        counter.withLock { $0 += 1 }
        var logger = logger
        let reconcileID = UUID().uuidString.lowercased()
        logger[metadataKey: "controller"] = "\(name)"
        logger[metadataKey: "object"] = "\(key)"
        logger[metadataKey: "reconcile.id"] = "\(reconcileID)"
        let context = ReconcileContext(key: key, logger: logger, reconcileID: reconcileID, previousFailures: await queue.failureCount(key))
        let start = ContinuousClock.now
        defer {
            let elapsed = start.duration(to: .now)
            metrics.duration(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        }
        do {
            let action = try await reconciler.reconcile(object, context: context)
            await queue.forget(key)
            switch action {
            case .done:
                metrics.reconciled("success")
            case .requeue(let delay):
                metrics.reconciled("requeue_after")
                await queue.add(key, after: delay)
            }
        } catch let error as TerminalError {
            metrics.reconciled("error")
            metrics.failed(terminal: true)
            await queue.forget(key)
            logger.error("reconcile failed permanently, not retrying until the object changes: \(error)")
        } catch {
            metrics.reconciled("error")
            metrics.failed(terminal: false)
            if let error = error as? KubernetesClientError, error.isConflict {
                logger.debug("reconcile raced another write, retrying: \(error)")  // optimistic concurrency at work
            } else {
                logger.warning("reconcile failed, retrying with backoff: \(error)")
            }
            await queue.addRateLimited(key)
        }
    }
}
