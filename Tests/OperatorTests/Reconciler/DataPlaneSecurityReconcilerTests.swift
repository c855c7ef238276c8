import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Operator
import Testing

/// The reconciler's part of issue 12, over the network as `run` does it: the ingest token's Secret
/// and its rotation, and an internet-facing UI without sign-in reported, never silent.
@Suite(.serialized) struct DataPlaneSecurityReconcilerTests {
    static func token(_ harness: OperatorHarness, _ name: String) async throws -> (token: String?, previous: String?) {
        let secret = try await harness.client.get(Secret.self, name: name, namespace: "rag")
        func decoded(_ key: String) -> String? {
            secret.data?[key].flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
        }
        return (decoded("token"), decoded("previous"))
    }

    @Test func eachPipelineGetsARandomIngestTokenThatARotationReplacesWithAnOverlap() async throws {
        try await OperatorHarness().run { harness in
            _ = try await harness.create(SamplePipelines.producer)
            try await eventually("Ready") { try await harness.condition("demo", "Ready")?.status == "True" }
            let first = try await Self.token(harness, "demo-ingest-token")
            let token = try #require(first.token)
            #expect(token.count == 43 && first.previous == nil)
            let owners = try await harness.client.get(Secret.self, name: "demo-ingest-token", namespace: "rag").metadata.ownerReferences ?? []
            #expect(owners.contains { $0.kind == "RAGPipeline" && $0.name == "demo" && $0.controller == true }, "deleted with its pipeline")

            _ = try await harness.client.patch(
                RAGPipeline.self, name: "demo", namespace: "rag",
                patch: .object(["metadata": .object(["annotations": .object([IngestTokenBuilder.rotateAnnotation: "1"])])]))
            try await eventually("rotated") { try await Self.token(harness, "demo-ingest-token").token != token }
            let rotated = try await Self.token(harness, "demo-ingest-token")
            #expect(rotated.previous == token, "the old token stays valid while pods pick up the new one")
            #expect(rotated.token?.count == 43)
        }
    }

    @Test func anInternetFacingUIWithoutSignInIsReportedAndAnInternalOneIsNot() async throws {
        try await OperatorHarness().run { harness in
            var pipeline = try SamplePipelines.pipeline(SamplePipelines.full)
            pipeline.metadata.uid = nil
            pipeline.metadata.namespace = "rag"
            pipeline.spec.ui?.ingress?.auth = nil
            _ = try await harness.client.create(pipeline)
            let name = pipeline.metadata.name ?? ""
            try await eventually("PubliclyExposed") { try await harness.condition(name, "PubliclyExposed")?.status == "True" }
            #expect(try await harness.condition(name, "PubliclyExposed")?.reason == "InternetFacingWithoutAuth")
            try await eventually("Ready") { try await harness.condition(name, "Ready")?.status == "True" }
            let events = try await harness.client.list(Event.self, namespace: "rag").items
            #expect(events.contains { $0.reason == "InternetFacingWithoutAuth" && $0.type == "Warning" }, "\(events.map(\.reason))")

            _ = try await harness.create(SamplePipelines.minimal)
            try await eventually("minimal reconciled") { try await harness.condition("quickstart", "PubliclyExposed") != nil }
            #expect(try await harness.condition("quickstart", "PubliclyExposed")?.status == "False")
            #expect(try await harness.condition("quickstart", "PubliclyExposed")?.reason == "NoIngress")
        }
    }
}
