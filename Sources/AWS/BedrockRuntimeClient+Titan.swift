import Foundation

extension BedrockRuntimeClient {
    /// The Amazon Titan Text Embeddings V2 model ID.
    public static let titanEmbedTextV2 = "amazon.titan-embed-text-v2:0"

    /// The body of one Titan Text Embeddings V2 call.
    struct TitanEmbedInput: Encodable, Equatable {
        var inputText: String
        var dimensions: Int
        var normalize: Bool
    }

    /// The response of Titan Text Embeddings V2 (`inputTextTokenCount` is ignored).
    struct TitanEmbedOutput: Decodable {
        var embedding: [Float]
    }

    /// Embeds one text with Amazon Titan Text Embeddings V2 (one text per call, as the model takes).
    ///
    /// ```swift
    /// let vector = try await bedrock.titanEmbed(text: "engine overheating", dimensions: 512)
    /// ```
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - dimensions: 256, 512 or 1024. Defaults to 1024, the model's default.
    ///   - normalize: Whether the model returns a unit vector. Defaults to `true`, which makes the
    ///     inner product equal the cosine similarity.
    ///   - modelId: The model. Defaults to ``titanEmbedTextV2``.
    /// - Returns: The embedding.
    /// - Throws: ``AWSError``; ``AWSError/Code/invalidResponse`` when the length is not `dimensions`.
    public func titanEmbed(
        text: String, dimensions: Int = 1024, normalize: Bool = true,
        modelId: String = BedrockRuntimeClient.titanEmbedTextV2
    ) async throws(AWSError) -> [Float] {
        let input = TitanEmbedInput(inputText: text, dimensions: dimensions, normalize: normalize)
        let output = try await invokeModel(modelId: modelId, input: input, output: TitanEmbedOutput.self)
        guard output.embedding.count == dimensions else {
            throw AWSError(
                code: .invalidResponse, message: "Titan returned \(output.embedding.count) dimensions, not \(dimensions)")
        }
        return output.embedding
    }

    /// Embeds several texts with Titan Text Embeddings V2, one call each, in order.
    ///
    /// - Parameters:
    ///   - texts: The texts.
    ///   - dimensions: 256, 512 or 1024. Defaults to 1024.
    ///   - normalize: Whether to normalise. Defaults to `true`.
    /// - Returns: One vector per text, in order.
    /// - Throws: The first call's ``AWSError``.
    public func titanEmbed(
        texts: [String], dimensions: Int = 1024, normalize: Bool = true
    ) async throws(AWSError) -> [[Float]] {
        var vectors: [[Float]] = []
        for text in texts {
            vectors.append(try await titanEmbed(text: text, dimensions: dimensions, normalize: normalize))
        }
        return vectors
    }
}
