import Foundation
import Testing
@testable import Retrieval
@testable import RetrievalClients
import RAGRuntimeTesting

/// A way to make an empty ``VectorStore``; the contract suite runs once per factory.
struct VectorStoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (_ dimensions: Int) throws -> any VectorStore

    var testDescription: String { name }

    /// The embedded store with default settings: small candidate sets are scanned exactly.
    static let embedded = VectorStoreFactory(name: "embedded") { dimensions in
        try EmbeddedVectorStore(configuration: .init(dimensions: dimensions))
    }

    /// The embedded store forced through the HNSW graph for every search, filtered or not.
    static let embeddedGraphOnly = VectorStoreFactory(name: "embedded, graph only") { dimensions in
        try EmbeddedVectorStore(configuration: .init(dimensions: dimensions, exactSearchThreshold: 0, exactSearchFraction: 0))
    }

    /// Every store the contract suite checks, including OpenSearch against an in-test emulator.
    static let all: [VectorStoreFactory] = [.embedded, .embeddedGraphOnly, .openSearch]
}

extension VectorStoreFactory {
    /// ``OpenSearchVectorStore`` against a fresh ``OpenSearchEmulator`` (in memory, every request
    /// signed, encoded and parsed as it would be over the wire).
    static let openSearch = VectorStoreFactory(name: "opensearch (emulated)") { dimensions in
        OpenSearchEmulator().store(dimensions: dimensions)
    }
}
