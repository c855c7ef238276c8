import Foundation
import KubernetesClient
@testable import KubernetesController
import KubernetesCore
import KubernetesTesting
import Testing

/// Which changes of a primary object become work when the controller ignores status-only changes.
@Suite struct PrimaryEventFilterTests {
    func controller(ignoring: Bool) -> Controller<MarkingReconciler> {
        let client = FakeAPIServer().client()
        return Controller(name: "filter", client: client, ignoresStatusOnlyChanges: ignoring) { _ in MarkingReconciler(client: client) }
    }

    func object(generation: Int64, data: String = "a", annotations: [String: String]? = nil, finalizers: [String]? = nil) -> ConfigMap {
        var meta = ObjectMeta(name: "p", namespace: "rag", annotations: annotations, finalizers: finalizers)
        meta.generation = generation
        meta.resourceVersion = UUID().uuidString
        return ConfigMap(metadata: meta, data: ["status": data])
    }

    @Test func aStatusOnlyChangeIsNotWorkButGenerationAndMetadataChangesAre() {
        let controller = controller(ignoring: true)
        #expect(controller.isNewWork(object(generation: 1)), "the first sight of an object is work")
        #expect(!controller.isNewWork(object(generation: 1, data: "b")), "only the status (here: data, resourceVersion) changed")
        #expect(controller.isNewWork(object(generation: 2, data: "b")), "a spec change bumps the generation")
        #expect(controller.isNewWork(object(generation: 2, data: "b", annotations: ["rag.dev/skip-cleanup": "true"])))
        #expect(controller.isNewWork(object(generation: 2, data: "b", annotations: ["rag.dev/skip-cleanup": "true"], finalizers: ["rag.dev/pod-identity"])))
    }

    @Test func withoutTheFilterEveryChangeIsWork() {
        let controller = controller(ignoring: false)
        #expect(controller.isNewWork(object(generation: 1)))
        #expect(controller.isNewWork(object(generation: 1, data: "b")))
    }
}
