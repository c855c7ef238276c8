import KubernetesCore
import Synchronization

/// A thread-safe cache of objects, indexed by namespace/name and by owner uid.
///
/// Readers get a ``Store``; the reflector that fills it holds the ``StoreWriter`` (the kube-rs
/// `Store`/`Writer` split): `let (store, writer) = Store<Deployment>.make()`.
public final class Store<Object: MetadataCarrying>: Sendable {
    struct State {
        var objects: [ObjectKey: Object] = [:]
        var byOwner: [String: Set<ObjectKey>] = [:]
        var synced = false
    }

    let state = Mutex(State())

    init() {}

    /// A store and the writer that fills it.
    public static func make() -> (Store<Object>, StoreWriter<Object>) {
        let store = Store<Object>()
        return (store, StoreWriter(store: store))
    }

    public func object(for key: ObjectKey) -> Object? { state.withLock { $0.objects[key] } }

    public func objects() -> [Object] { state.withLock { Array($0.objects.values) } }

    public func objects(in namespace: String) -> [Object] {
        state.withLock { $0.objects.values.filter { $0.metadata.namespace == namespace } }
    }

    /// Objects whose ownerReferences name `uid`.
    public func objects(ownedBy uid: String) -> [Object] {
        state.withLock { state in (state.byOwner[uid] ?? []).compactMap { state.objects[$0] } }
    }

    public var count: Int { state.withLock { $0.objects.count } }

    /// Whether the first complete list has been stored (readiness waits for this).
    public var hasSynced: Bool { state.withLock { $0.synced } }
}

/// The writing side of a ``Store``, owned by one reflector.
public struct StoreWriter<Object: MetadataCarrying>: Sendable {
    public let store: Store<Object>

    public func apply(_ object: Object) {
        store.state.withLock { state in
            let key = object.objectKey
            Self.unindex(key, state: &state)
            state.objects[key] = object
            for owner in object.metadata.ownerReferences ?? [] { state.byOwner[owner.uid, default: []].insert(key) }
        }
    }

    public func delete(_ object: Object) {
        store.state.withLock { state in
            Self.unindex(object.objectKey, state: &state)
            state.objects[object.objectKey] = nil
        }
    }

    /// Whether the store is synced and holds nothing (so an empty relist would change nothing).
    public var isEmptyAndSynced: Bool { store.state.withLock { $0.synced && $0.objects.isEmpty } }

    /// Replaces everything after a (re)list, and marks the store synced.
    public func replace(_ objects: [Object]) {
        store.state.withLock { state in
            state.objects = [:]
            state.byOwner = [:]
            for object in objects {
                state.objects[object.objectKey] = object
                for owner in object.metadata.ownerReferences ?? [] { state.byOwner[owner.uid, default: []].insert(object.objectKey) }
            }
            state.synced = true
        }
    }

    private static func unindex(_ key: ObjectKey, state: inout Store<Object>.State) {
        guard let old = state.objects[key] else { return }
        for owner in old.metadata.ownerReferences ?? [] { state.byOwner[owner.uid]?.remove(key) }
    }
}
