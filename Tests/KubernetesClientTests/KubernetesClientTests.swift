import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting
import Testing

@Suite struct KubernetesClientTests {
    @Test func aStatusAnswerBecomesAnErrorThatKeepsReasonAndCode() async throws {
        let transport = ScriptedTransport([.status(404, reason: "NotFound", message: "deployments.apps \"x\" not found")])
        let client = KubernetesClient(transport: transport)
        do {
            _ = try await client.get(Deployment.self, name: "x", namespace: "rag")
            Issue.record("expected NotFound")
        } catch {
            #expect(error.isNotFound)
            #expect(error.status?.reason == "NotFound")
            #expect(!error.isRetryable)
        }
        #expect(transport.requests.first?.path == "/apis/apps/v1/namespaces/rag/deployments/x")
    }

    @Test(arguments: [(409, "Conflict"), (410, "Expired"), (422, "Invalid"), (429, "TooManyRequests"), (503, "ServiceUnavailable")])
    func errorHelpersClassifyCodes(code: Int, reason: String) async throws {
        let client = KubernetesClient(transport: ScriptedTransport([.status(code, reason: reason)]))
        do {
            _ = try await client.get(ConfigMap.self, name: "x", namespace: "rag")
            Issue.record("expected a failure")
        } catch {
            #expect(error.isConflict == (code == 409))
            #expect(error.isGone == (code == 410))
            #expect(error.isInvalid == (code == 422))
            #expect(error.isRetryable == (code == 429 || code >= 500))
        }
    }

    @Test func aNonStatusErrorBodyKeepsTheCodeAndText() async throws {
        let client = KubernetesClient(transport: ScriptedTransport([.response(KubernetesResponse(statusCode: 502, body: Data("<html>bad gateway</html>".utf8)))]))
        do {
            _ = try await client.get(ConfigMap.self, name: "x", namespace: "rag")
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == 502)
            #expect(error.message.contains("bad gateway"))
        }
    }

    @Test func getIfPresentTurnsNotFoundIntoNil() async throws {
        let client = KubernetesClient(transport: ScriptedTransport([.status(404, reason: "NotFound")]))
        #expect(try await client.getIfPresent(ConfigMap.self, name: "x", namespace: "rag") == nil)
    }

    @Test func listAllFollowsContinueTokensAndKeepsTheFirstPagesVersion() async throws {
        let transport = ScriptedTransport([
            .json(["metadata": ["resourceVersion": "10", "continue": "t1"], "items": [["metadata": ["name": "a"]]]]),
            .json(["metadata": ["resourceVersion": "10", "continue": ""], "items": [["metadata": ["name": "b"]]]]),
        ])
        let list = try await KubernetesClient(transport: transport).listAll(ConfigMap.self, namespace: "rag", options: .init(limit: 1))
        #expect(list.items.map(\.metadata.name) == ["a", "b"])
        #expect(list.metadata.resourceVersion == "10")
        #expect(transport.requests.map { $0.query["continue"] } == [nil, "t1"])
    }

    @Test func aWatchDecodesEventsSplitAcrossChunks() async throws {
        let lines = #"{"type":"ADDED","object":{"metadata":{"name":"a","resourceVersion":"1"}}}"# + "\n" +
            #"{"type":"DELETED","object":{"metadata":{"name":"a","resourceVersion":"2"}}}"# + "\n"
        let bytes = Array(lines.utf8)
        let chunks = stride(from: 0, to: bytes.count, by: 5).map { Array(bytes[$0..<min($0 + 5, bytes.count)]) }
        let client = KubernetesClient(transport: ScriptedTransport([.stream(statusCode: 200, chunks: chunks)]))
        var types: [String] = []
        for try await event in try await client.watch(ConfigMap.self, namespace: "rag") { types.append(event.typeName) }
        #expect(types == ["ADDED", "DELETED"])
    }

    @Test func aMalformedWatchLineIsAnInvalidWatchStreamError() async throws {
        let client = KubernetesClient(transport: ScriptedTransport([.stream(statusCode: 200, chunks: [Array("not json\n".utf8)])]))
        await #expect(throws: KubernetesClientError.self) {
            for try await _ in try await client.watch(ConfigMap.self) {}
        }
    }

    @Test func applyRequiresAName() async throws {
        let client = KubernetesClient(transport: ScriptedTransport([]))
        await #expect(throws: KubernetesClientError.self) {
            _ = try await client.apply(ConfigMap(metadata: ObjectMeta()), fieldManager: "t")
        }
    }
}
