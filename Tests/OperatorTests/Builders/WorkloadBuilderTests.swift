import CRDs
import KubernetesCore
import Operator
import Testing

@Suite struct WorkloadBuilderTests {
    @Test func theFullSampleYieldsEveryComponent() throws {
        let objects = try SamplePipelines.children(SamplePipelines.full)
        #expect(objects.names("ServiceAccount") == ["vehicle-logs-backend", "vehicle-logs-consumer", "vehicle-logs-ui", "vehicle-logs-vllm"])
        #expect(objects.names("Deployment") == ["vehicle-logs-backend", "vehicle-logs-consumer", "vehicle-logs-ui", "vehicle-logs-vllm"])
        #expect(objects.names("Service") == ["vehicle-logs-backend", "vehicle-logs-ui", "vehicle-logs-vllm"])
        #expect(objects.names("Ingress") == ["vehicle-logs-ui"])
        #expect(objects.names("PodDisruptionBudget") == ["vehicle-logs-backend", "vehicle-logs-consumer", "vehicle-logs-ui"])
        #expect(objects.names("PersistentVolumeClaim") == [])
        #expect(Set(objects.map(\.namespace)) == ["rag"])
    }

    @Test func theBackendRunsTheQueryAPIWithTheSpecsEnvironment() throws {
        let backend = try #require(try SamplePipelines.children(SamplePipelines.full).body("Deployment", "vehicle-logs-backend"))
        #expect(backend["spec"]?["replicas"] == 2)
        let container = try #require(backend.firstContainer)
        #expect(container["image"] == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/rag-runtime:0.1.0")
        #expect(container["args"] == ["query"])
        #expect(container.env("PORT") == "8080")
        #expect(container.env("AWS_REGION") == "eu-west-1")
        #expect(container.env("EMBEDDER") == "bedrock")
        #expect(container.env("BEDROCK_MODEL_ID") == "cohere.embed-english-v3")
        #expect(container.env("VECTOR_STORE") == "opensearch")
        #expect(container.env("OPENSEARCH_ENDPOINT") == "https://abc123example.eu-west-1.aoss.amazonaws.com")
        #expect(container.env("OPENSEARCH_INDEX") == "vehicle-logs")
        #expect(container.env("LLM_URL") == "http://vehicle-logs-vllm:8000")
        #expect(container.env("LLM_MODEL") == "meta-llama/Llama-3.2-1B-Instruct")
        #expect(container["resources"]?["requests"]?["cpu"] == "500m")
        #expect(backend[path: ["spec", "template", "spec", "serviceAccountName"]] == "vehicle-logs-backend")
    }

    @Test func theUIPointsAtTheBackendService() throws {
        let ui = try #require(try SamplePipelines.children(SamplePipelines.full).body("Deployment", "vehicle-logs-ui"))
        #expect(ui.firstContainer?["args"] == ["ui", "--backend-url", "http://vehicle-logs-backend:80"])
        #expect(ui["spec"]?["replicas"] == 2)
    }

    @Test func theConsumerReadsKinesisAndTheProducerWritesToIt() throws {
        let objects = try SamplePipelines.children(SamplePipelines.producer)
        let consumer = try #require(objects.body("Deployment", "demo-consumer")?.firstContainer)
        #expect(consumer["args"] == ["consumer"])
        #expect(consumer.env("KINESIS_STREAM_NAME") == "demo-telemetry")
        #expect(consumer.env("KINESIS_STARTING_POSITION") == "AT_TIMESTAMP")
        #expect(consumer.env("KINESIS_STARTING_TIMESTAMP") == "2025-01-04T00:00:00Z")
        #expect(consumer.env("EMBEDDER") == "hashing")
        #expect(consumer.env("BACKEND_URL") == "http://demo-backend:8081", "with the embedded store the consumer indexes through the backend's internal listener")
        let namespace = try #require(objects.body("Deployment", "demo-consumer")?["metadata"]?["namespace"]?.stringValue)
        #expect(consumer.env("LEASE_TABLE") == "rag-\(namespace)-demo-leases", "replicas share leases and checkpoints in DynamoDB")
        let producer = try #require(objects.body("Deployment", "demo-producer"))
        #expect(producer["spec"]?["replicas"] == 1)
        #expect(producer.firstContainer?["args"] == ["producer"])
        #expect(producer.firstContainer?.env("RECORDS_PER_MINUTE") == "600")
        #expect(producer.firstContainer?.env("KINESIS_STREAM_NAME") == "demo-telemetry")
    }

    @Test func theEmbeddedStoreGetsAVolumeAndRecreateStrategy() throws {
        let objects = try SamplePipelines.children(SamplePipelines.producer)
        let claim = try #require(objects.body("PersistentVolumeClaim", "demo-data"))
        #expect(claim["spec"]?["resources"]?["requests"]?["storage"] == "20Gi")
        #expect(claim["spec"]?["storageClassName"] == "gp3")
        #expect(claim["spec"]?["accessModes"] == ["ReadWriteOnce"])
        let backend = try #require(objects.body("Deployment", "demo-backend"))
        #expect(backend["spec"]?["replicas"] == 1)
        #expect(backend["spec"]?["strategy"]?["type"] == "Recreate")
        let volumes = backend[path: ["spec", "template", "spec", "volumes"]]?.arrayValue ?? []
        #expect(volumes.contains { $0["persistentVolumeClaim"]?["claimName"] == "demo-data" })
        #expect(backend.firstContainer?.env("DATA_DIR") == "/var/lib/rag")
    }

    @Test func servicesListenOnPort80AndForwardTo8080() throws {
        let service = try #require(try SamplePipelines.children(SamplePipelines.full).body("Service", "vehicle-logs-backend"))
        #expect(service["spec"]?["ports"] == [
            ["name": "http", "port": 80, "targetPort": "http", "protocol": "TCP"],
            ["name": "internal", "port": 8081, "targetPort": "internal", "protocol": "TCP"],
        ], "the query API, and the internal listener for the consumer")
        #expect(service["spec"]?["selector"]?["app.kubernetes.io/component"] == "backend")
    }
}
