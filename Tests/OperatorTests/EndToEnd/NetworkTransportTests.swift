import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Operator
import Testing

/// The controller over the network, as `rag-operator run` deploys it: every wire an API server (or a
/// proxy in front of one) can speak.
@Suite(.serialized) struct NetworkTransportTests {
    /// Over HTTP/1.1 the eight watches once held all eight connections AsyncHTTPClient allows per host,
    /// so no request ever got one and nothing was reconciled.
    @Test(arguments: OperatorHarness.Wire.allCases)
    func aPipelineBecomesReadyAndIsDeletedOverTheWire(_ wire: OperatorHarness.Wire) async throws {
        try await OperatorHarness(wire: wire).run { harness in
            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("Ready over \(wire)") { try await harness.condition("quickstart", "Ready")?.status == "True" }
            #expect(await harness.children(Deployment.resource).count >= 2)
            try await harness.client.delete(RAGPipeline.self, name: "quickstart", namespace: "rag")
            try await eventually("deleted over \(wire)") {
                try await harness.client.getIfPresent(RAGPipeline.self, name: "quickstart", namespace: "rag") == nil
            }
        }
    }

    @Test func theServedAPIRefusesRequestsWithoutTheBearerToken() async throws {
        let server = FakeAPIServer()
        try await server.serve(try FakeServing.https()) { endpoint in
            var configuration = endpoint.clientConfiguration()
            configuration.authentication = .bearerToken(Redacted("not-the-token"))
            let client = KubernetesClient(transport: try AsyncHTTPClientTransport(configuration: configuration))
            let error = await #expect(throws: KubernetesClientError.self) {
                _ = try await client.list(Namespace.self)
            }
            #expect(error?.status?.code == 401)
            try await client.shutdown()
            let authorized = try endpoint.client()
            _ = try await authorized.list(Namespace.self)
            try await authorized.shutdown()
        }
    }

    @Test func aClientThatDoesNotTrustTheGeneratedCAIsRefusedTheConnection() async throws {
        let server = FakeAPIServer()
        try await server.serve(try FakeServing.https()) { endpoint in
            var configuration = endpoint.clientConfiguration()
            configuration.certificateAuthorityPEM = nil  // the system trust store knows nothing of the fake's CA
            let client = KubernetesClient(transport: try AsyncHTTPClientTransport(configuration: configuration))
            await #expect(throws: KubernetesClientError.self) { _ = try await client.list(Namespace.self) }
            try await client.shutdown()
        }
    }
}
