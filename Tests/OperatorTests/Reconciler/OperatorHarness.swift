import CRDs
import Foundation
import KubernetesClient
import KubernetesController
import KubernetesCore
import KubernetesTesting
import Logging
import Operator

/// A fake API server with the CRD installed, the real controller, in-memory Pod Identity and a simulated kubelet.
struct OperatorHarness {
    let server = FakeAPIServer()
    let podIdentity = InMemoryPodIdentityAssociations()
    let controller: Controller<RAGPipelineReconciler>
    var client: KubernetesClient { server.client() }

    init(podIdentity associations: (any PodIdentityAssociations)? = nil) {
        var logger = Logger(label: "operator-test")
        logger.logLevel = .critical
        var options = OperatorAssembly.Options()
        options.buildOptions = BuildOptions(runtimeImage: "ghcr.io/rag-dev/rag-runtime:test")
        controller = OperatorAssembly.controller(client: server.client(), podIdentity: associations ?? podIdentity, options: options, logger: logger)
    }

    /// Installs the CRD and the sample's namespace, runs the controller (and optionally the kubelet) around `body`.
    func run(kubelet: Bool = true, _ body: @Sendable (OperatorHarness) async throws -> Void) async throws {
        _ = try await client.create(RAGPipelineCRD.definition())
        for namespace in ["rag"] { _ = try await client.create(Namespace(metadata: ObjectMeta(name: namespace))) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await controller.run() }
            if kubelet { group.addTask { await SimulatedKubelet(client: server.client(), delay: .milliseconds(100), interval: .milliseconds(50)).run() } }
            defer { group.cancelAll() }
            try await body(self)
        }
    }

    /// Creates a sample pipeline in namespace `rag`.
    func create(_ sample: String) async throws -> RAGPipeline {
        var pipeline = try SamplePipelines.pipeline(sample)
        pipeline.metadata.uid = nil
        pipeline.metadata.namespace = "rag"
        return try await client.create(pipeline)
    }

    /// Creates pipeline `broken` in `rag`: the full sample with a role ARN whose account is too short.
    func createInvalid() async throws {
        var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
        pipeline.metadata.uid = nil
        pipeline.metadata.namespace = "rag"
        pipeline.metadata.name = "broken"
        pipeline.spec.aws?.podIdentity?.roleArn = "arn:aws:iam::12345:role/too-short-account"
        _ = try await client.create(pipeline)
    }

    func pipeline(_ name: String) async throws -> RAGPipeline {
        try await client.get(RAGPipeline.self, name: name, namespace: "rag")
    }

    func condition(_ name: String, _ type: String) async throws -> Condition? {
        try await pipeline(name).status?.conditions?[type: type]
    }

    /// Children of the pipeline of one kind, straight from the server's store.
    func children(_ resource: ResourceDescriptor) async -> [String] {
        await server.storedObjects(resource, namespace: "rag")
            .filter { $0[path: ["metadata", "labels", "app.kubernetes.io/managed-by"]] == "rag-operator" }
            .compactMap { $0[path: ["metadata", "name"]]?.stringValue }.sorted()
    }
}

struct Timeout: Error, CustomStringConvertible {
    var description: String
}

/// Polls until `condition` holds; throws after `timeout`.
func eventually(_ what: String, timeout: Duration = .seconds(20), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if (try? await condition()) == true { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw Timeout(description: "timed out waiting for \(what)")
}
