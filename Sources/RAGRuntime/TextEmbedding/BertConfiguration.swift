import Foundation

/// The parts of a BERT `config.json` the encoder needs, checked against what it implements.
///
/// ```swift
/// let configuration = try BertConfiguration(contentsOf: folder.appending(path: "config.json"))
/// configuration.hiddenSize  // 384 for all-MiniLM-L6-v2
/// ```
public struct BertConfiguration: Sendable, Equatable, Decodable {
    /// Width of every token's hidden state. 384 for all-MiniLM-L6-v2.
    public var hiddenSize: Int
    /// Transformer layers. 6 for all-MiniLM-L6-v2.
    public var layerCount: Int
    /// Attention heads per layer; `hiddenSize` must divide by it. 12 for all-MiniLM-L6-v2.
    public var headCount: Int
    /// Width of the feed-forward layer. 1536 for all-MiniLM-L6-v2.
    public var intermediateSize: Int
    /// Vocabulary size (rows of the word embeddings).
    public var vocabularySize: Int
    /// Rows of the absolute position embeddings; no text may be longer. 512.
    public var maximumPositions: Int
    /// Rows of the token type embeddings (only type 0 is used).
    public var typeVocabularySize: Int
    /// LayerNorm's epsilon. 1e-12.
    public var layerNormEpsilon: Float
    /// The activation: only `gelu` (exact, with erf) is implemented.
    public var hiddenActivation: String
    /// Only `absolute` is implemented.
    public var positionEmbeddingType: String

    enum CodingKeys: String, CodingKey {
        case hiddenSize = "hidden_size", layerCount = "num_hidden_layers", headCount = "num_attention_heads"
        case intermediateSize = "intermediate_size", vocabularySize = "vocab_size", maximumPositions = "max_position_embeddings"
        case typeVocabularySize = "type_vocab_size", layerNormEpsilon = "layer_norm_eps", hiddenActivation = "hidden_act"
        case positionEmbeddingType = "position_embedding_type"
    }

    /// all-MiniLM-L6-v2's configuration.
    public static let miniLML6 = BertConfiguration(
        hiddenSize: 384, layerCount: 6, headCount: 12, intermediateSize: 1536, vocabularySize: 30522, maximumPositions: 512,
        typeVocabularySize: 2, layerNormEpsilon: 1e-12, hiddenActivation: "gelu", positionEmbeddingType: "absolute"
    )

    /// A configuration with the given sizes.
    public init(
        hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int, vocabularySize: Int, maximumPositions: Int,
        typeVocabularySize: Int, layerNormEpsilon: Float, hiddenActivation: String = "gelu", positionEmbeddingType: String = "absolute"
    ) {
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.vocabularySize = vocabularySize
        self.maximumPositions = maximumPositions
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
        self.hiddenActivation = hiddenActivation
        self.positionEmbeddingType = positionEmbeddingType
    }

    /// Reads and checks `config.json`.
    ///
    /// - Throws: ``TextEmbeddingError/configurationInvalid(path:reason:)`` for another activation,
    ///   position embedding or head split, or ``TextEmbeddingError/fileUnreadable(path:reason:)``.
    public init(contentsOf url: URL) throws {
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch {
            throw TextEmbeddingError.fileUnreadable(path: url.path, reason: error.localizedDescription)
        }
        do { self = try JSONDecoder().decode(Self.self, from: bytes) } catch {
            throw TextEmbeddingError.configurationInvalid(path: url.path, reason: "\(error)")
        }
        guard hiddenActivation == "gelu" else {
            throw TextEmbeddingError.configurationInvalid(path: url.path, reason: "hidden_act \(hiddenActivation), only gelu is implemented")
        }
        guard positionEmbeddingType == "absolute" else {
            throw TextEmbeddingError.configurationInvalid(path: url.path, reason: "position_embedding_type \(positionEmbeddingType), only absolute is implemented")
        }
        guard headCount > 0, hiddenSize % headCount == 0 else {
            throw TextEmbeddingError.configurationInvalid(path: url.path, reason: "hidden_size \(hiddenSize) does not split into \(headCount) heads")
        }
    }

    /// Width of one attention head.
    public var headSize: Int { hiddenSize / headCount }
}
