import Foundation

/// How Cohere Embed v3 should treat the input texts (`input_type`).
public enum CohereEmbedInputType: String, Sendable, Hashable, Codable {
    /// Texts stored in a vector index (`search_document`).
    case searchDocument = "search_document"
    /// A query searched against stored documents (`search_query`).
    case searchQuery = "search_query"
    /// Texts passed to a classifier (`classification`).
    case classification
    /// Texts clustered together (`clustering`).
    case clustering
}

/// How Cohere Embed v3 handles texts longer than the model's input limit (`truncate`).
public enum CohereTruncation: String, Sendable, Hashable, Codable {
    /// Fail with a `ValidationException` (`NONE`).
    case none = "NONE"
    /// Drop the start of the text (`START`).
    case start = "START"
    /// Drop the end of the text (`END`), the model's default.
    case end = "END"
}

extension BedrockRuntimeClient {
    /// The Cohere Embed v3 English model ID.
    public static let cohereEmbedEnglishV3 = "cohere.embed-english-v3"
    /// The most texts one Cohere Embed v3 call takes.
    public static let maximumCohereTextsPerCall = 96

    /// The body of one Cohere Embed v3 call.
    struct CohereEmbedInput: Encodable, Equatable {
        var texts: [String]
        var input_type: CohereEmbedInputType
        var truncate: CohereTruncation
        var embedding_types: [String]
    }

    /// The response of Cohere Embed v3: `embeddings` is a list of vectors (`embeddings_floats`) or,
    /// when `embedding_types` was sent, an object keyed by type (`embeddings_by_type`).
    struct CohereEmbedOutput: Decodable {
        var embeddings: [[Float]]

        private enum CodingKeys: String, CodingKey { case embeddings }
        private struct ByType: Decodable { var float: [[Float]] }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let list = try? container.decode([[Float]].self, forKey: .embeddings) {
                embeddings = list
            } else {
                embeddings = try container.decode(ByType.self, forKey: .embeddings).float
            }
        }
    }

    /// Embeds texts with Cohere Embed v3, in calls of at most 96 texts, and returns one vector per
    /// text in the order given.
    ///
    /// ```swift
    /// let vectors = try await bedrock.cohereEmbed(texts: chunks, inputType: .searchDocument)
    /// let query = try await bedrock.cohereEmbed(texts: [question], inputType: .searchQuery)[0]
    /// ```
    ///
    /// - Parameters:
    ///   - texts: The texts; any number, split into calls of ``maximumCohereTextsPerCall``.
    ///   - inputType: `search_document` for indexed texts, `search_query` for queries.
    ///   - truncate: What to do with over-long texts. Defaults to ``CohereTruncation/end``.
    ///   - modelId: The model. Defaults to ``cohereEmbedEnglishV3``.
    /// - Returns: One float vector per text, in order.
    /// - Throws: ``AWSError``; ``AWSError/Code/invalidResponse`` when a call returns a different
    ///   number of vectors than texts.
    public func cohereEmbed(
        texts: [String], inputType: CohereEmbedInputType, truncate: CohereTruncation = .end,
        modelId: String = BedrockRuntimeClient.cohereEmbedEnglishV3
    ) async throws(AWSError) -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for batch in Self.cohereBatches(texts, inputType: inputType, truncate: truncate) {
            let output = try await invokeModel(modelId: modelId, input: batch, output: CohereEmbedOutput.self)
            guard output.embeddings.count == batch.texts.count else {
                throw AWSError(
                    code: .invalidResponse,
                    message: "Cohere returned \(output.embeddings.count) embeddings for \(batch.texts.count) texts")
            }
            vectors += output.embeddings
        }
        return vectors
    }

    /// The bodies of the calls that embed `texts`: consecutive slices of at most 96 texts.
    static func cohereBatches(
        _ texts: [String], inputType: CohereEmbedInputType, truncate: CohereTruncation
    ) -> [CohereEmbedInput] {
        stride(from: 0, to: texts.count, by: maximumCohereTextsPerCall).map { start in
            let end = min(start + maximumCohereTextsPerCall, texts.count)
            return CohereEmbedInput(
                texts: Array(texts[start..<end]), input_type: inputType, truncate: truncate, embedding_types: ["float"])
        }
    }
}
