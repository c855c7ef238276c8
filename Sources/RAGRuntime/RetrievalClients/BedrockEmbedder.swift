import AWS
import Foundation
import Retrieval

/// An ``Embedder`` over Amazon Bedrock: Cohere embed v3 (1,024 dimensions) or Titan text v2.
///
/// Cohere embeds documents with `input_type` `search_document` and questions with `search_query`,
/// 96 texts per call. A model id starting with `amazon.titan-embed` uses Titan, one text per call,
/// asking for ``dimensions`` floats. Vectors are L2-normalised before they are returned.
///
/// ```swift
/// let bedrock = BedrockRuntimeClient(http: http)
/// let embedder = BedrockEmbedder(client: bedrock, modelID: "cohere.embed-english-v3")
/// let vectors = try await embedder.embed(texts, purpose: .document)
/// ```
///
/// ## Errors
/// Transport and service failures surface as ``AWS/AWSError`` (retryable ones already retried);
/// a vector of the wrong length is ``RetrievalError/embeddingFailed(model:reason:)``.
public struct BedrockEmbedder: Embedder {
    /// The Bedrock runtime client.
    public let client: BedrockRuntimeClient
    /// The model id, such as `cohere.embed-english-v3` or `amazon.titan-embed-text-v2:0`.
    public let modelID: String
    /// The vector length. Defaults to 1,024, the size of both Cohere embed v3 and Titan v2.
    public let dimensions: Int

    /// Creates an embedder.
    ///
    /// - Parameters:
    ///   - client: The Bedrock runtime client.
    ///   - modelID: The model id. Defaults to Cohere embed-english-v3.
    ///   - dimensions: The vector length. Defaults to 1,024.
    public init(client: BedrockRuntimeClient, modelID: String = BedrockRuntimeClient.cohereEmbedEnglishV3, dimensions: Int = 1024) {
        self.client = client
        self.modelID = modelID
        self.dimensions = dimensions
    }

    /// `bedrock (model id, N dimensions)`.
    public var identity: EmbedderIdentity { EmbedderIdentity(kind: "bedrock", model: modelID, dimensions: dimensions) }

    /// `true` when ``modelID`` is a Titan embedding model.
    public var usesTitan: Bool { modelID.hasPrefix("amazon.titan-embed") }

    /// Embeds `texts` in order; see the type's documentation for the calls made.
    public func embed(_ texts: [String], purpose: EmbeddingPurpose) async throws -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let vectors: [[Float]]
        if usesTitan {
            var titan: [[Float]] = []
            for text in texts {
                titan.append(try await client.titanEmbed(text: text, dimensions: dimensions, modelId: modelID))
            }
            vectors = titan
        } else {
            let inputType: CohereEmbedInputType = purpose == .query ? .searchQuery : .searchDocument
            vectors = try await client.cohereEmbed(texts: texts, inputType: inputType, modelId: modelID)
        }
        return try EmbeddingVectors.checked(vectors, count: texts.count, dimensions: dimensions, model: modelID)
    }
}
