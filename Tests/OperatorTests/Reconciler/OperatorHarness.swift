import CRDs
import Foundation
import KubernetesClient
import KubernetesController
import KubernetesCore
import KubernetesTesting
import Logging
import Operator
import OperatorTesting
import Testing

/// A fake API server with the CRD installed, the real controller, in-memory Pod Identity and a simulated kubelet.
///
/// The controller runs as `rag-operator run` deploys it: over the network, through the real client and
/// transport, to the fake served on loopback (HTTPS with HTTP/2 and a bearer token by default). The
/// test's own ``client`` talks to the server in-process, as kubectl beside the operator would.
struct OperatorHarness {
    /// How the controller reaches the API server.
    enum Wire: String, Sendable, CaseIterable, CustomTestStringConvertible {
        /// Plain HTTP/1.1 without authentication, as through `kubectl proxy`.
        case plainHTTP1
        /// HTTPS, HTTP/1.1 only, bearer token.
        case httpsHTTP1
        /// HTTPS, HTTP/2 negotiated by ALPN, bearer token: what a real API server speaks.
        case httpsHTTP2

        var testDescription: String { rawValue }
    }

    let server = FakeAPIServer()
    let podIdentity = InMemoryPodIdentityAssociations()
    let associations: (any PodIdentityAssociations)?
    let wire: Wire
    let options: OperatorAssembly.Options
    /// The controller under test; set while ``run(kubelet:_:)`` runs.
    private(set) var controller: Controller<RAGPipelineReconciler>!
    var client: KubernetesClient { server.client() }

    init(podIdentity associations: (any PodIdentityAssociations)? = nil, wire: Wire = .httpsHTTP2, configure: (inout OperatorAssembly.Options) -> Void = { _ in }) {
        self.associations = associations
        self.wire = wire
        var options = OperatorAssembly.Options()
        options.buildOptions = BuildOptions(runtimeImage: "ghcr.io/rag-dev/rag-runtime:test")
        configure(&options)
        self.options = options
    }

    /// Installs the CRD and the sample's namespace, serves the API, runs the controller over the network
    /// (and optionally the kubelet) around `body`.
    func run(kubelet: Bool = true, _ body: @Sendable @escaping (OperatorHarness) async throws -> Void) async throws {
        _ = try await client.create(RAGPipelineCRD.definition())
        for namespace in ["rag"] { _ = try await client.create(Namespace(metadata: ObjectMeta(name: namespace))) }
        let serving = wire == .plainHTTP1 ? FakeServing.plain : try FakeServing.https()
        let running = self
        try await server.serve(serving) { endpoint in
            let network = try endpoint.client(httpVersion: running.wire == .httpsHTTP2 ? .automatic : .http1Only)
            var logger = Logger(label: "operator-test")
            logger.logLevel = .critical
            var harness = running
            harness.controller = OperatorAssembly.controller(
                client: network, podIdentity: running.associations ?? running.podIdentity, options: running.options, logger: logger)
            let ready = harness
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await ready.controller.run() }
                    if kubelet {
                        group.addTask { await SimulatedKubelet(client: ready.server.client(), delay: .milliseconds(100), interval: .milliseconds(50)).run() }
                    }
                    defer { group.cancelAll() }
                    try await body(ready)
                }
            } catch {
                try await network.shutdown()
                throw error
            }
            try await network.shutdown()
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
