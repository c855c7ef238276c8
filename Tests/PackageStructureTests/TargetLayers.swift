/// The package's layers, as Package.swift and the README draw them: a target may import only
/// targets of a lower rank (and, for test support and executables, anything below them).
///
/// Ranks run from the core (0) up to the executables. The data plane's targets sit in their own
/// column: none of them may import a Kubernetes or operator target.
enum TargetLayers {
    /// A target's place: its rank, and whether it belongs to the data plane.
    struct Place: Sendable {
        var rank: Int
        var dataPlane: Bool = false
    }

    static let places: [String: Place] = [
        // operator side and shared clients
        "KubernetesCore": Place(rank: 0),
        "KubernetesClient": Place(rank: 1), "CRDs": Place(rank: 1), "RuntimeContract": Place(rank: 1), "AWS": Place(rank: 1),
        "KubernetesController": Place(rank: 2), "Observability": Place(rank: 2),
        "Operator": Place(rank: 3), "OperatorAWS": Place(rank: 4),
        // the data plane, Sources/RAGRuntime/
        "TelemetryModel": Place(rank: 2, dataPlane: true), "RuntimeHTTP": Place(rank: 2, dataPlane: true),
        "COpenBLAS": Place(rank: 0, dataPlane: true), "CPrefetch": Place(rank: 0, dataPlane: true), "VectorIndex": Place(rank: 1, dataPlane: true), "TextEmbedding": Place(rank: 2, dataPlane: true),
        "QueryUnderstanding": Place(rank: 3, dataPlane: true), "TelemetrySimulator": Place(rank: 3, dataPlane: true),
        "Retrieval": Place(rank: 4, dataPlane: true),
        "RetrievalClients": Place(rank: 5, dataPlane: true), "Answering": Place(rank: 5, dataPlane: true),
        "Ingestion": Place(rank: 5, dataPlane: true), "RetrievalEvaluation": Place(rank: 5, dataPlane: true),
        "QueryServer": Place(rank: 6, dataPlane: true),
        // test support
        "KubernetesTesting": Place(rank: 6), "AWSTesting": Place(rank: 6), "OperatorTesting": Place(rank: 7),
        "RAGRuntimeTesting": Place(rank: 7, dataPlane: true),
        // executables and benchmarks
        "OperatorCommand": Place(rank: 8), "OperatorDevCommand": Place(rank: 8),
        "RAGRuntimeCommand": Place(rank: 8, dataPlane: true),
        "VectorSearchBenchmark": Place(rank: 8, dataPlane: true), "IngestionBenchmark": Place(rank: 8, dataPlane: true),
        "OperatorScaleBenchmark": Place(rank: 8), "EmbeddingBenchmark": Place(rank: 8, dataPlane: true),
    ]

    /// Targets a data-plane target must never import, whatever their rank.
    static let operatorSide: Set<String> = [
        "KubernetesCore", "KubernetesClient", "KubernetesController", "CRDs", "Operator", "OperatorAWS",
        "KubernetesTesting", "OperatorTesting", "OperatorCommand", "OperatorDevCommand",
    ]
}
