import Foundation

/// One variable of a container's environment: a literal value, or a key of a Secret.
public struct RuntimeEnvironmentEntry: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case literal(String)
        case secretKeyRef(name: String, key: String)
    }

    public var variable: RuntimeVariable
    public var value: Value

    public init(_ variable: RuntimeVariable, _ value: Value) {
        self.variable = variable
        self.value = value
    }
}

extension RuntimeSettings {
    /// The environment that carries these settings, in a stable order (so rendered manifests and
    /// their config hashes do not change from one render to the next).
    public func environment() -> [RuntimeEnvironmentEntry] {
        var entries = [RuntimeEnvironmentEntry(.port, .literal(String(port)))]
        func add(_ variable: RuntimeVariable, _ value: String?) {
            if let value { entries.append(RuntimeEnvironmentEntry(variable, .literal(value))) }
        }
        add(.internalPort, internalPort.map(String.init))
        add(.ingestTokenDirectory, ingestTokenDirectory)
        if let region {
            add(.awsRegion, region)
            add(.awsDefaultRegion, region)
        }
        if let kinesis {
            add(.kinesisStreamName, kinesis.streamName)
            add(.kinesisStartingPosition, kinesis.startingPosition)
            add(.kinesisStartingTimestamp, kinesis.startingTimestamp)
            add(.kinesisBatchSize, kinesis.batchSize.map(String.init))
            add(.leaseTable, kinesis.leaseTable)
        }
        if let embedder {
            add(.embedder, embedder.kind.rawValue)
            switch embedder {
            case .hashing(let dimensions), .local(let dimensions):
                add(.embeddingDimensions, dimensions.map(String.init))
            case .bedrock(let modelID, let dimensions):
                add(.bedrockModelID, modelID)
                add(.embeddingDimensions, dimensions.map(String.init))
            case .openAI(let url, let model, let dimensions, let apiKey):
                add(.embeddingURL, url)
                add(.embeddingModel, model)
                add(.embeddingDimensions, dimensions.map(String.init))
                switch apiKey {
                case .secretKeyRef(let name, let key)?: entries.append(RuntimeEnvironmentEntry(.embeddingAPIKey, .secretKeyRef(name: name, key: key)))
                case .provided?, nil: break
                }
            }
        }
        if let vectorStore {
            add(.vectorStore, vectorStore.kind.rawValue)
            switch vectorStore {
            case .embedded(let directory):
                add(.dataDirectory, directory)
            case .openSearch(let endpoint, let index, let serverless):
                add(.openSearchEndpoint, endpoint)
                add(.openSearchIndex, index)
                add(.openSearchServerless, serverless ? "true" : "false")
            }
        }
        if let llm {
            add(.llmURL, llm.url)
            add(.llmModel, llm.model)
        }
        add(.backendURL, backendURL)
        add(.recordsPerMinute, recordsPerMinute.map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) })
        add(.topK, retrieval?.topK.map(String.init))
        add(.maxTopK, retrieval?.maxTopK.map(String.init))
        return entries
    }

    /// Reads and checks the settings from a process's environment; empty values count as unset.
    ///
    /// - Throws: ``RuntimeContractError`` naming the variable and what is wrong with its value.
    public init(environment: [String: String]) throws(RuntimeContractError) {
        let reader = EnvironmentReader(environment: environment)
        port = try reader.integer(.port, range: 1...65_535) ?? Self.defaultPort
        internalPort = try reader.integer(.internalPort, range: 1...65_535)
        if let internalPort, internalPort == port {
            throw RuntimeContractError(.internalPort, value: String(internalPort), reason: "must differ from PORT")
        }
        ingestTokenDirectory = reader.string(.ingestTokenDirectory)
        region = reader.string(.awsRegion) ?? reader.string(.awsDefaultRegion)
        embedder = try Self.embedder(reader)
        vectorStore = try Self.vectorStore(reader)
        if let url = reader.string(.llmURL) {
            llm = LLM(url: url, model: try reader.required(.llmModel, because: "LLM_URL is set"))
        } else {
            llm = nil
        }
        backendURL = reader.string(.backendURL)
        if let stream = reader.string(.kinesisStreamName) {
            kinesis = Kinesis(
                streamName: stream, startingPosition: reader.string(.kinesisStartingPosition), startingTimestamp: reader.string(.kinesisStartingTimestamp),
                batchSize: try reader.integer(.kinesisBatchSize, range: 1...10_000), leaseTable: reader.string(.leaseTable))
        } else {
            kinesis = nil
        }
        if let text = reader.string(.recordsPerMinute) {
            guard let rate = Double(text), rate > 0, rate.isFinite else {
                throw RuntimeContractError(.recordsPerMinute, value: text, reason: "must be a positive number")
            }
            recordsPerMinute = rate
        } else {
            recordsPerMinute = nil
        }
        let topK = try reader.integer(.topK, range: 1...Retrieval.limit), maxTopK = try reader.integer(.maxTopK, range: 1...Retrieval.limit)
        if let topK, let maxTopK, topK > maxTopK {
            throw RuntimeContractError(.topK, value: String(topK), reason: "must not exceed MAX_TOP_K (\(maxTopK))")
        }
        retrieval = topK == nil && maxTopK == nil ? nil : Retrieval(topK: topK, maxTopK: maxTopK)
    }

    private static func embedder(_ reader: EnvironmentReader) throws(RuntimeContractError) -> Embedder? {
        let dimensions = try reader.integer(.embeddingDimensions, range: 16...8192)
        guard let text = reader.string(.embedder) else { return nil }
        switch EmbedderKind(rawValue: text) {
        case .hashing?: return .hashing(dimensions: dimensions)
        case .local?: return .local(dimensions: dimensions)
        case .bedrock?: return .bedrock(modelID: try reader.required(.bedrockModelID, because: "EMBEDDER=bedrock"), dimensions: dimensions)
        case .openai?:
            return .openAI(
                url: try reader.required(.embeddingURL, because: "EMBEDDER=openai"),
                model: try reader.required(.embeddingModel, because: "EMBEDDER=openai"),
                dimensions: dimensions, apiKey: reader.string(.embeddingAPIKey) == nil ? nil : .provided)
        case nil:
            throw RuntimeContractError(.embedder, value: text, reason: "must be \(EmbedderKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    private static func vectorStore(_ reader: EnvironmentReader) throws(RuntimeContractError) -> VectorStore? {
        guard let text = reader.string(.vectorStore) else { return nil }
        switch VectorStoreKind(rawValue: text) {
        case .embedded?: return .embedded(dataDirectory: reader.string(.dataDirectory))
        case .opensearch?:
            let serverless = reader.string(.openSearchServerless)?.lowercased() ?? "false"
            guard serverless == "true" || serverless == "false" else {
                throw RuntimeContractError(.openSearchServerless, value: serverless, reason: "must be true or false")
            }
            return .openSearch(
                endpoint: try reader.required(.openSearchEndpoint, because: "VECTOR_STORE=opensearch"),
                index: try reader.required(.openSearchIndex, because: "VECTOR_STORE=opensearch"), serverless: serverless == "true")
        case nil:
            throw RuntimeContractError(.vectorStore, value: text, reason: "must be \(VectorStoreKind.allCases.map(\.rawValue).joined(separator: " or "))")
        }
    }
}

/// Typed reads of environment variables; empty values count as unset.
public struct EnvironmentReader: Sendable {
    public let environment: [String: String]

    public init(environment: [String: String]) { self.environment = environment }

    public func string(_ variable: RuntimeVariable) -> String? {
        guard let value = environment[variable.name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    public func required(_ variable: RuntimeVariable, because condition: String) throws(RuntimeContractError) -> String {
        guard let value = string(variable) else { throw RuntimeContractError(variable, value: nil, reason: "is required when \(condition)") }
        return value
    }

    public func integer(_ variable: RuntimeVariable, range: ClosedRange<Int>) throws(RuntimeContractError) -> Int? {
        guard let text = string(variable) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw RuntimeContractError(variable, value: text, reason: "must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }
}
