// swift-tools-version:6.2
// The RAGPipeline operator and the RAG runtime: one package, layered without cycles (shared/DESIGN.md §2).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

/// The vector index's target CPU (see the VectorIndex target).
#if arch(x86_64)
let vectorIndexCPUFlags: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let vectorIndexCPUFlags: [SwiftSetting] = []
#endif

let package = Package(
    name: "rag-operator",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rag-operator", targets: ["OperatorCommand"]),
        .executable(name: "rag-operator-dev", targets: ["OperatorDevCommand"]),
        .executable(name: "rag-runtime", targets: ["RAGRuntimeCommand"]),
        .executable(name: "vector-search-benchmark", targets: ["VectorSearchBenchmark"]),
        .executable(name: "ingestion-benchmark", targets: ["IngestionBenchmark"]),
        .executable(name: "operator-scale-benchmark", targets: ["OperatorScaleBenchmark"]),
        .executable(name: "embedding-benchmark", targets: ["EmbeddingBenchmark"]),
        .library(name: "KubernetesCore", targets: ["KubernetesCore"]),
        .library(name: "KubernetesClient", targets: ["KubernetesClient"]),
        .library(name: "KubernetesTesting", targets: ["KubernetesTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-collections.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.4"),
    ],
    targets: [
        // layer 0: core
        .target(name: "KubernetesCore", swiftSettings: swiftSettings),
        // layer 1: clients
        .target(
            name: "KubernetesClient",
            dependencies: [
                "KubernetesCore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "CRDs", dependencies: ["KubernetesCore"], swiftSettings: swiftSettings),
        // The one contract between the operator's builders and the runtime's configuration (Foundation only).
        .target(name: "RuntimeContract", swiftSettings: swiftSettings),
        .target(
            name: "AWS",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // layer 2: runtime
        .target(
            name: "KubernetesController",
            dependencies: [
                "KubernetesCore", "KubernetesClient",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Observability",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        // layer 3: domain (the operator; the data plane's layers are below)
        .target(
            name: "Operator",
            dependencies: ["CRDs", "KubernetesCore", "KubernetesClient", "KubernetesController", "RuntimeContract"],
            swiftSettings: swiftSettings
        ),
        .target(name: "OperatorAWS", dependencies: ["Operator", "AWS"], swiftSettings: swiftSettings),
        // The data plane (rag-runtime), in layers under Sources/RAGRuntime/; no target imports one
        // above it, and none imports a Kubernetes or operator target.
        //   runtime 0  TelemetryModel (records, timestamps)   RuntimeHTTP (the fail-fast HTTP client)
        //              TextEmbedding (the all-MiniLM-L6-v2 sentence encoder; COpenBLAS below it, the system BLAS)
        //   runtime 1  QueryUnderstanding (temporal and field phrases, pure)   TelemetrySimulator (generator, producer)
        //   runtime 2  Retrieval (Embedder and VectorStore protocols, filters, embedded HNSW store)
        //   runtime 3  RetrievalClients (Bedrock, OpenAI-compatible, OpenSearch)   Answering (LLM client, answers)
        //              Ingestion (consumer, leases, checkpoints, local stream, dead letters)
        //   runtime 4  QueryServer (query API and web UI)
        .target(name: "TelemetryModel", path: "Sources/RAGRuntime/TelemetryModel", swiftSettings: swiftSettings),
        // all-MiniLM-L6-v2 in Swift: safetensors, the WordPiece tokenizer, the BERT encoder; matrix
        // products through OpenBLAS (Debian's libopenblas-dev), measured faster than SIMD Swift.
        .systemLibrary(
            name: "COpenBLAS", path: "Sources/RAGRuntime/COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        // One static inline C function: the prefetch instruction Swift has no intrinsic for.
        .systemLibrary(name: "CPrefetch", path: "Sources/RAGRuntime/CPrefetch"),
        // Optimised in debug builds too: its vector code runs 10-50 times slower unoptimised, and the
        // golden-vector test embeds 203 texts.
        .target(
            name: "TextEmbedding", dependencies: ["COpenBLAS"], path: "Sources/RAGRuntime/TextEmbedding",
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .target(
            name: "RuntimeHTTP",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Sources/RAGRuntime/RuntimeHTTP",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QueryUnderstanding", dependencies: ["TelemetryModel"], path: "Sources/RAGRuntime/QueryUnderstanding",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TelemetrySimulator",
            dependencies: ["TelemetryModel", "AWS", .product(name: "Logging", package: "swift-log")],
            path: "Sources/RAGRuntime/TelemetrySimulator",
            swiftSettings: swiftSettings
        ),
        // A leaf: HNSW, exact scan, int8 quantisation, filters. Benchmarked, tested and reused alone.
        // Optimised in debug builds too, so the recall tests build real graphs in seconds. On x86-64
        // it is compiled for Haswell (AVX2 + FMA, every x86 EC2 instance type): without it each
        // SIMD fused multiply-add becomes 16 calls to libm's fmaf, 20 times slower (measured).
        .target(
            name: "VectorIndex", dependencies: ["CPrefetch"], path: "Sources/RAGRuntime/VectorIndex",
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))] + vectorIndexCPUFlags
        ),
        .target(
            name: "Retrieval", dependencies: ["TelemetryModel", "QueryUnderstanding", "VectorIndex"], path: "Sources/RAGRuntime/Retrieval",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "RetrievalClients",
            dependencies: [
                "TelemetryModel", "QueryUnderstanding", "Retrieval", "RuntimeHTTP", "AWS", "TextEmbedding",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "Sources/RAGRuntime/RetrievalClients",
            swiftSettings: swiftSettings
        ),
        // `rag-runtime eval`: labelled questions over generated telemetry, precision/recall/nDCG per embedder.
        .target(
            name: "RetrievalEvaluation", dependencies: ["TelemetryModel", "QueryUnderstanding", "Retrieval", "TelemetrySimulator"],
            path: "Sources/RAGRuntime/RetrievalEvaluation", swiftSettings: swiftSettings
        ),
        .target(
            name: "Answering",
            dependencies: [
                "TelemetryModel", "QueryUnderstanding", "Retrieval", "RuntimeHTTP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/RAGRuntime/Answering",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Ingestion",
            dependencies: [
                "TelemetryModel", "Retrieval", "TelemetrySimulator", "AWS", "RuntimeContract",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Sources/RAGRuntime/Ingestion",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "QueryServer",
            dependencies: [
                "TelemetryModel", "QueryUnderstanding", "Retrieval", "Answering", "Ingestion", "RuntimeHTTP", "RuntimeContract",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ],
            path: "Sources/RAGRuntime/QueryServer",
            swiftSettings: swiftSettings
        ),
        // test support: the operator's fakes (in-memory EKS Pod Identity)
        .target(name: "OperatorTesting", dependencies: ["Operator"], swiftSettings: swiftSettings),
        // test support
        .target(
            name: "KubernetesTesting",
            dependencies: [
                "KubernetesCore", "KubernetesClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "AWSTesting",
            dependencies: [
                "AWS",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // test support: the data plane's fixtures and emulators (OpenSearch, moto clients, fake embedders and sinks)
        .target(
            name: "RAGRuntimeTesting",
            dependencies: [
                "TelemetryModel", "TelemetrySimulator", "Retrieval", "RetrievalClients", "Ingestion", "AWS", "AWSTesting",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Sources/RAGRuntime/RAGRuntimeTesting",
            swiftSettings: swiftSettings
        ),
        // layer 4: executables
        .executableTarget(
            name: "OperatorCommand",
            dependencies: [
                "Operator", "OperatorAWS", "CRDs", "KubernetesCore", "KubernetesClient", "KubernetesController", "Observability", "AWS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // Development only: `dev` and `fake-apiserver`, with the fakes; not in the operator image.
        .executableTarget(
            name: "OperatorDevCommand",
            dependencies: [
                "Operator", "OperatorTesting", "CRDs", "KubernetesCore", "KubernetesClient", "KubernetesTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "RAGRuntimeCommand",
            dependencies: [
                "TelemetryModel", "QueryUnderstanding", "Retrieval", "RetrievalClients", "Answering", "TelemetrySimulator", "Ingestion", "QueryServer", "RuntimeHTTP",
                "RetrievalEvaluation",
                "Observability", "AWS", "RuntimeContract",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // benchmarks (performance figures come from here, never from timed test assertions)
        .executableTarget(
            name: "VectorSearchBenchmark",
            dependencies: [
                "TelemetryModel", "QueryUnderstanding", "Retrieval", "VectorIndex", "TextEmbedding",
                .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/VectorSearch",
            exclude: ["faiss_baseline.py", "compare_baselines.py", "README.md"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "IngestionBenchmark",
            dependencies: [
                "TelemetryModel", "Retrieval", "Ingestion", "TelemetrySimulator", "AWS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/Ingestion",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "OperatorScaleBenchmark",
            dependencies: [
                "CRDs", "KubernetesCore", "KubernetesClient", "KubernetesTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/OperatorScale",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "EmbeddingBenchmark",
            dependencies: ["TextEmbedding", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/Embedding",
            exclude: ["sentence_transformers_baseline.py"],
            swiftSettings: swiftSettings
        ),
        // tests
        .testTarget(name: "KubernetesCoreTests", dependencies: ["KubernetesCore"], swiftSettings: swiftSettings),
        // The layers above, checked: every import in Sources/ against the ranks in TargetLayers.swift.
        .testTarget(name: "PackageStructureTests", swiftSettings: swiftSettings),
        .testTarget(name: "RuntimeContractTests", dependencies: ["RuntimeContract"], swiftSettings: swiftSettings),
        .testTarget(
            name: "KubernetesClientTests",
            dependencies: ["KubernetesClient", "KubernetesCore", "KubernetesTesting"],
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KubernetesControllerTests",
            dependencies: [
                "KubernetesController", "KubernetesClient", "KubernetesCore", "KubernetesTesting",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CRDsTests",
            dependencies: ["CRDs", "KubernetesCore", "KubernetesTesting", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "OperatorTests",
            dependencies: [
                "Operator", "OperatorAWS", "CRDs", "KubernetesCore", "KubernetesClient", "KubernetesController", "KubernetesTesting",
                "AWS", "AWSTesting", "RuntimeContract", "OperatorTesting", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "AWSTests", dependencies: ["AWS", "AWSTesting"], resources: [.copy("Fixtures")], swiftSettings: swiftSettings),
        .testTarget(
            name: "TelemetryModelTests",
            dependencies: ["TelemetryModel"],
            path: "Tests/RAGRuntime/TelemetryModelTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TextEmbeddingTests",
            dependencies: ["TextEmbedding"],
            path: "Tests/RAGRuntime/TextEmbeddingTests",
            resources: [.copy("Fixtures")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QueryUnderstandingTests",
            dependencies: ["QueryUnderstanding", "TelemetryModel"],
            path: "Tests/RAGRuntime/QueryUnderstandingTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VectorIndexTests",
            dependencies: ["VectorIndex"],
            path: "Tests/RAGRuntime/VectorIndexTests",
            swiftSettings: swiftSettings + [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),
        .testTarget(
            name: "RetrievalTests",
            dependencies: ["Retrieval", "QueryUnderstanding", "TelemetryModel", "RAGRuntimeTesting"],
            path: "Tests/RAGRuntime/RetrievalTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "RetrievalClientsTests",
            dependencies: [
                "RetrievalClients", "Retrieval", "RetrievalEvaluation", "QueryUnderstanding", "TelemetryModel", "RAGRuntimeTesting", "AWS", "AWSTesting",
            ],
            path: "Tests/RAGRuntime/RetrievalClientsTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnsweringTests",
            dependencies: ["Answering", "Retrieval", "QueryUnderstanding", "TelemetryModel", "RAGRuntimeTesting"],
            path: "Tests/RAGRuntime/AnsweringTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IngestionTests",
            dependencies: ["Ingestion", "TelemetrySimulator", "Retrieval", "RetrievalClients", "TelemetryModel", "RAGRuntimeTesting", "AWS", "AWSTesting"],
            path: "Tests/RAGRuntime/IngestionTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "QueryServerTests",
            dependencies: [
                "QueryServer", "Answering", "Ingestion", "Retrieval", "QueryUnderstanding", "TelemetryModel", "RuntimeHTTP", "RAGRuntimeTesting",
                "AWS", "AWSTesting", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            path: "Tests/RAGRuntime/QueryServerTests",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "KubernetesTestingTests",
            dependencies: ["KubernetesTesting", "KubernetesClient", "KubernetesCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
