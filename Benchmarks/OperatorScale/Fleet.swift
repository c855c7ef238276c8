import CRDs
import Foundation
import KubernetesClient
import KubernetesCore
import KubernetesTesting

/// The pipelines of a benchmark run: created in the fake API server, and watched for readiness.
///
/// Each pipeline is the production shape: Kinesis, Bedrock embeddings, OpenSearch Serverless, vLLM
/// on Inferentia2, the UI behind an internal ALB, NetworkPolicies; spread over ten namespaces.
struct Fleet: Sendable {
    let server: FakeAPIServer
    let count: Int
    static let namespaces = 10

    var client: KubernetesClient { server.client() }

    func name(_ index: Int) -> (namespace: String, name: String) {
        ("fleet-\(index % Self.namespaces)", String(format: "pipeline-%05d", index))
    }

    /// Installs the CRD and the namespaces, then creates every pipeline.
    func create() async throws {
        _ = try await client.create(RAGPipelineCRD.definition())
        for index in 0..<min(count, Self.namespaces) {
            _ = try await client.create(Namespace(metadata: ObjectMeta(name: name(index).namespace)))
        }
        let decoder = JSONDecoder()
        for index in 0..<count {
            let (namespace, name) = name(index)
            let spec = try decoder.decode(RAGPipelineSpec.self, from: Data(Self.spec(index).utf8))
            _ = try await client.create(RAGPipeline(metadata: ObjectMeta(name: name, namespace: namespace), spec: spec))
        }
    }

    static func spec(_ index: Int) -> String {
        """
        {
          "aws": {"region": "eu-west-1"},
          "source": {"kinesis": {"streamName": "vehicle-logs-\(index)"}},
          "embedding": {"bedrock": {"modelId": "cohere.embed-english-v3", "dimensions": 1024}},
          "vectorStore": {"opensearch": {"endpoint": "https://abc\(index).eu-west-1.aoss.amazonaws.com", "index": "logs", "serverless": true}},
          "llm": {"vllm": {"model": "meta-llama/Llama-3.2-1B-Instruct"}},
          "ui": {"ingress": {"enabled": true, "className": "alb"}}
        }
        """
    }

    /// Changes every pipeline's backend Pod template, which rolls its backend Deployment.
    func rollOut(_ round: Int) async throws {
        for index in 0..<count {
            let (namespace, name) = name(index)
            let patch: JSONValue = ["spec": ["backend": ["podTemplate": ["annotations": ["benchmark/rollout": .string(String(round))]]]]]
            _ = try await client.patch(RAGPipeline.self, name: name, namespace: namespace, patch: patch)
        }
    }

    /// Pipelines whose `Ready` condition is True for their current generation, by `namespace/name`.
    func ready() async -> Set<String> {
        var ready = Set<String>()
        for object in await server.storedObjects(RAGPipeline.resource) {
            guard let generation = object[path: ["metadata", "generation"]]?.int64Value,
                  object[path: ["status", "observedGeneration"]]?.int64Value == generation,
                  let conditions = object[path: ["status", "conditions"]]?.arrayValue,
                  conditions.contains(where: { $0["type"]?.stringValue == "Ready" && $0["status"]?.stringValue == "True" && $0["observedGeneration"]?.int64Value == generation }),
                  let namespace = object[path: ["metadata", "namespace"]]?.stringValue, let name = object[path: ["metadata", "name"]]?.stringValue
            else { continue }
            ready.insert("\(namespace)/\(name)")
        }
        return ready
    }

    /// Waits until every pipeline is Ready, returning seconds from `start` to each one's first Ready.
    func waitUntilReady(since start: ContinuousClock.Instant, timeout: Duration) async throws -> [Double] {
        var firstReady: [String: Double] = [:]
        while firstReady.count < count {
            guard start.duration(to: .now) < timeout else {
                throw BenchmarkError("only \(firstReady.count) of \(count) pipelines were Ready after \(timeout)")
            }
            let elapsed = Self.seconds(start.duration(to: .now))
            for key in await ready() where firstReady[key] == nil { firstReady[key] = elapsed }
            if firstReady.count < count { try await Task.sleep(for: .milliseconds(100)) }
        }
        return firstReady.values.sorted()
    }

    /// Children the operator created (objects with an owner reference to a pipeline), and the bytes
    /// of their JSON as the API server serves them: what the operator's caches hold.
    func children() async throws -> (count: Int, jsonBytes: Int, managedFieldsBytes: Int) {
        var total = 0, bytes = 0, managed = 0
        for resource in [ServiceAccount.resource, Secret.resource, PersistentVolumeClaim.resource, Deployment.resource, Service.resource,
                         Ingress.resource, NetworkPolicy.resource, PodDisruptionBudget.resource] {
            for object in await server.storedObjects(resource)
            where object[path: ["metadata", "ownerReferences"]]?.arrayValue?.contains(where: { $0["kind"]?.stringValue == RAGPipeline.kind }) ?? false {
                total += 1
                bytes += try object.data().count
                managed += try (object[path: ["metadata", "managedFields"]] ?? .null).data().count
            }
        }
        return (total, bytes, managed)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
