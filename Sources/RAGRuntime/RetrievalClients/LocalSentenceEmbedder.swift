import Dispatch
import Foundation
import Retrieval
import TextEmbedding

/// The `local` embedder: all-MiniLM-L6-v2 in process (``SentenceEmbedder``), 384 dimensions, no network.
///
/// The model's forward pass is synchronous and already uses every core, so it runs on one serial
/// dispatch queue of its own, never on Swift concurrency's cooperative threads: a backfill
/// embedding thousands of records leaves the query API's threads free, and two batches never
/// compete for the same cores. Documents and questions are embedded alike (the model has no
/// query prefix).
///
/// ```swift
/// let embedder = try LocalSentenceEmbedder(modelFolder: LocalSentenceEmbedder.defaultModelFolder())
/// let vectors = try await embedder.embed(["Engine temperature critical on VH-0042"], purpose: .document)
/// ```
public final class LocalSentenceEmbedder: Embedder {
    /// The model this embedder runs, as stores record it.
    public static let modelName = "sentence-transformers/all-MiniLM-L6-v2"
    /// Where the runtime image carries the model.
    public static let imageModelFolder = "/opt/rag/models/all-MiniLM-L6-v2"

    private let model: SentenceEmbedder
    private let queue = DispatchQueue(label: "rag.local-embedder", qos: .userInitiated)
    /// Texts per forward pass.
    public let batchSize: Int

    /// 384.
    public var dimensions: Int { model.dimensions }

    /// `local (sentence-transformers/all-MiniLM-L6-v2, 384 dimensions)`.
    public var identity: EmbedderIdentity { EmbedderIdentity(kind: "local", model: Self.modelName, dimensions: dimensions) }

    /// Loads the model in `modelFolder` (as scripts/fetch-minilm.sh lays it out).
    ///
    /// - Throws: `TextEmbeddingError` (one line naming the missing file and scripts/fetch-minilm.sh).
    public init(modelFolder: URL, batchSize: Int = 32) throws {
        model = try SentenceEmbedder(modelFolder: modelFolder)
        self.batchSize = max(1, batchSize)
    }

    /// The model folder: `EMBEDDING_MODEL_DIR` when set; else the image's folder when it exists;
    /// else the cache folder scripts/fetch-minilm.sh fills (`RAG_MINILM_DIR`, or
    /// `~/.cache/rag-operator/models/all-MiniLM-L6-v2`).
    public static func defaultModelFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let folder = environment["EMBEDDING_MODEL_DIR"], !folder.isEmpty { return URL(filePath: folder, directoryHint: .isDirectory) }
        if FileManager.default.fileExists(atPath: imageModelFolder) { return URL(filePath: imageModelFolder, directoryHint: .isDirectory) }
        if let folder = environment["RAG_MINILM_DIR"], !folder.isEmpty { return URL(filePath: folder, directoryHint: .isDirectory) }
        let home = environment["HOME"].map { URL(filePath: $0, directoryHint: .isDirectory) } ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appending(path: ".cache/rag-operator/models/all-MiniLM-L6-v2", directoryHint: .isDirectory)
    }

    /// One unit vector per text, in order, computed on the embedder's own queue.
    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let model = model, batchSize = batchSize
        return await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: model.embed(texts, batchSize: batchSize)) }
        }
    }
}
