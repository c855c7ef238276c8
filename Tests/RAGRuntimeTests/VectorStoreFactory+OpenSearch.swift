@testable import RAGRuntime

extension VectorStoreFactory {
    /// ``OpenSearchVectorStore`` against a fresh ``OpenSearchEmulator`` (in memory, every request
    /// signed, encoded and parsed as it would be over the wire).
    static let openSearch = VectorStoreFactory(name: "opensearch (emulated)") { dimensions in
        OpenSearchEmulator().store(dimensions: dimensions)
    }
}
