import CRDs
import KubernetesClient
import KubernetesController
import KubernetesCore

extension RAGPipelineReconciler {
    /// Applies each desired child whose live object is not up to date (``ChildApplyDecision``), and
    /// records one Event per verb naming them all: at fleet scale an Event per child would double
    /// what a pipeline costs the API server.
    func applyChildren(_ desired: [DesiredObject], of pipeline: RAGPipeline, context: ReconcileContext) async throws {
        var applied: [String: [String]] = [:]
        do {
            try await apply(desired, of: pipeline, context: context, applied: &applied)
        } catch {
            await report(applied, of: pipeline)   // what was applied before the failure is reported too
            throw error
        }
        await report(applied, of: pipeline)
    }

    private func report(_ applied: [String: [String]], of pipeline: RAGPipeline) async {
        for verb in ["Created", "Updated"] where !(applied[verb] ?? []).isEmpty {
            await record(pipeline, "Normal", verb, Self.summary(verb, applied[verb] ?? []), action: "Apply")
        }
    }

    private func apply(_ desired: [DesiredObject], of pipeline: RAGPipeline, context: ReconcileContext, applied: inout [String: [String]]) async throws {
        for object in desired {
            let current = live(object)
            // A Job's Pod template cannot change; one named after its artifact key is created once.
            if current != nil, ChildApplyDecision.createOnly.contains(object.descriptor) { continue }
            guard ChildApplyDecision.needsApply(live: current, desired: object.body, fieldManager: configuration.fieldManager) else { continue }
            do {
                try await handOverReplicas(object, of: pipeline)
                _ = try await client.apply(object.descriptor, body: object.body, namespace: object.namespace, fieldManager: configuration.fieldManager, force: true)
            } catch {
                await record(pipeline, "Warning", "ApplyFailed", "\(object.descriptor.kind) \(object.name): \(error.message)", action: "Apply")
                // The API server rejected the object itself: the same body fails the same way every time.
                if error.isInvalid || error.code == 400 {
                    throw TerminalError("the API server rejected \(object.descriptor.kind) \(object.name): \(error.message)")
                }
                throw error
            }
            let verb = current == nil ? "Created" : "Updated"
            context.logger.info("\(verb.lowercased()) \(object.descriptor.kind) \(object.name)")
            applied[verb, default: []].append("\(object.descriptor.kind) \(object.name)")
        }
    }

    /// "Created 3 objects: Deployment a, Service a, …", within the 1 KiB an Event's note may hold.
    static func summary(_ verb: String, _ objects: [String]) -> String {
        let head = objects.count == 1 ? "\(verb) " : "\(verb) \(objects.count) objects: "
        var note = head
        for (index, object) in objects.enumerated() {
            let separator = index == 0 ? "" : ", "
            let rest = objects.count - index
            if note.utf8.count + separator.utf8.count + object.utf8.count + (rest > 1 ? 16 : 0) > 1024 {
                return note + separator + "and \(rest) more"
            }
            note += separator + object
        }
        return note
    }

    /// Deletes children this pipeline controls that the spec no longer asks for.
    func pruneChildren(keeping desired: [DesiredObject], of pipeline: RAGPipeline, context: ReconcileContext) async throws {
        guard let uid = pipeline.metadata.uid else { return }
        let wanted = Set(desired.map { "\($0.descriptor.plural).\($0.descriptor.group)/\($0.name)" })
        for resource in Self.ownedResources {
            for child in caches[resource]?.objects(ownedBy: uid) ?? [] where !wanted.contains("\(resource.plural).\(resource.group)/\(child.metadata.name ?? "")") {
                let isController = child.metadata.ownerReferences?.contains { $0.uid == uid && $0.controller == true } ?? false
                guard isController, let name = child.metadata.name else { continue }
                do {
                    try await client.delete(resource, name: name, namespace: child.metadata.namespace, options: .background)
                } catch {
                    if !error.isNotFound { throw error }
                }
                context.logger.info("deleted \(resource.kind) \(name): no longer in the spec")
                await record(pipeline, "Normal", "Deleted", "Deleted \(resource.kind) \(name): no longer in the spec", action: "Delete")
            }
        }
    }

    func live(_ object: DesiredObject) -> JSONValue? {
        caches[object.descriptor]?.object(for: ObjectKey(namespace: object.descriptor.namespaced ? object.namespace : nil, name: object.name))?.json
    }
}
