import RuntimeContract
import Testing

@Suite struct RuntimeSettingsTests {
    static func decode(_ entries: [RuntimeEnvironmentEntry]) throws -> RuntimeSettings {
        var environment: [String: String] = [:]
        for entry in entries {
            switch entry.value {
            case .literal(let value): environment[entry.variable.name] = value
            case .secretKeyRef: environment[entry.variable.name] = "sk-test"
            }
        }
        return try RuntimeSettings(environment: environment)
    }

    static let samples: [RuntimeSettings] = [
        RuntimeSettings(),
        RuntimeSettings(port: 9000, region: "eu-west-1", embedder: .bedrock(modelID: "cohere.embed-english-v3", dimensions: 1024),
                        vectorStore: .openSearch(endpoint: "https://x.aoss.amazonaws.com", index: "logs", serverless: true),
                        llm: .init(url: "http://vllm:8000", model: "llama"),
                        kinesis: .init(streamName: "s", startingPosition: "AT_TIMESTAMP", startingTimestamp: "2026-01-01T00:00:00Z", batchSize: 200, leaseTable: "t")),
        RuntimeSettings(embedder: .openAI(url: "http://e", model: "m", dimensions: 768, apiKey: nil), vectorStore: .embedded(dataDirectory: nil),
                        backendURL: "http://backend"),
        RuntimeSettings(embedder: .local(dimensions: 128), vectorStore: .embedded(dataDirectory: "/data"), kinesis: .init(streamName: "s"), recordsPerMinute: 2.5),
        RuntimeSettings(retrieval: .init(topK: 8, maxTopK: 200)),
        RuntimeSettings(embedder: .hashing(dimensions: 64)),
        RuntimeSettings(retrieval: .init(maxTopK: 3)),
        RuntimeSettings(backendURL: "http://backend:8081", internalPort: 9000, ingestTokenDirectory: "/var/run/rag/ingest-token"),
    ]

    @Test(arguments: samples)
    func whatIsEncodedDecodesToTheSameSettings(_ settings: RuntimeSettings) throws {
        #expect(try Self.decode(settings.environment()) == settings)
    }

    @Test func aSecretIsWrittenAsAReferenceAndReadAsProvided() throws {
        let settings = RuntimeSettings(embedder: .openAI(url: "http://e", model: "m", dimensions: 8 * 96, apiKey: .secretKeyRef(name: "openai", key: "token")))
        #expect(settings.environment().contains(RuntimeEnvironmentEntry(.embeddingAPIKey, .secretKeyRef(name: "openai", key: "token"))))
        guard case .openAI(_, _, _, let key)? = try Self.decode(settings.environment()).embedder else {
            Issue.record("not an OpenAI embedder")
            return
        }
        #expect(key == .provided)
    }

    @Test(arguments: [
        (["EMBEDDER": "cohere"], "EMBEDDER=cohere: must be hashing, local, bedrock, openai"),
        (["LLM_URL": "http://llm"], "LLM_MODEL is required when LLM_URL is set"),
        (["PORT": "70000"], "PORT=70000: must be an integer in 1...65535"),
        (["EMBEDDER": "bedrock"], "BEDROCK_MODEL_ID is required when EMBEDDER=bedrock"),
        (["VECTOR_STORE": "opensearch", "OPENSEARCH_ENDPOINT": "https://x", "OPENSEARCH_INDEX": "i", "OPENSEARCH_SERVERLESS": "maybe"], "OPENSEARCH_SERVERLESS=maybe: must be true or false"),
        (["VECTOR_STORE": "faiss"], "VECTOR_STORE=faiss: must be embedded or opensearch"),
        (["RECORDS_PER_MINUTE": "fast"], "RECORDS_PER_MINUTE=fast: must be a positive number"),
        (["TOP_K": "0"], "TOP_K=0: must be an integer in 1...1000"),
        (["INTERNAL_PORT": "8080"], "INTERNAL_PORT=8080: must differ from PORT"),
        (["TOP_K": "20", "MAX_TOP_K": "10"], "TOP_K=20: must not exceed MAX_TOP_K (10)"),
    ])
    func badValuesAreRefusedWithOneLineNamingTheVariable(_ environment: [String: String], _ message: String) {
        #expect(throws: RuntimeContractError.self) { try RuntimeSettings(environment: environment) }
        do {
            _ = try RuntimeSettings(environment: environment)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func emptyValuesCountAsUnset() throws {
        #expect(try RuntimeSettings(environment: ["EMBEDDER": "", "LLM_URL": " ", "PORT": ""]) == RuntimeSettings())
    }
}
