import Foundation

/// sentence-transformers' `1_Pooling/config.json`: only mean pooling over the hidden size is implemented.
enum PoolingConfiguration {
    struct File: Decodable {
        var wordEmbeddingDimension: Int
        var poolingModeMeanTokens: Bool
        var poolingModeClsToken: Bool?
        var poolingModeMaxTokens: Bool?
        var poolingModeMeanSqrtLenTokens: Bool?

        enum CodingKeys: String, CodingKey {
            case wordEmbeddingDimension = "word_embedding_dimension", poolingModeMeanTokens = "pooling_mode_mean_tokens"
            case poolingModeClsToken = "pooling_mode_cls_token", poolingModeMaxTokens = "pooling_mode_max_tokens"
            case poolingModeMeanSqrtLenTokens = "pooling_mode_mean_sqrt_len_tokens"
        }
    }

    /// Checks that the file asks for plain mean pooling of `dimensions` values.
    static func check(_ url: URL, dimensions: Int) throws {
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)) } catch {
            throw TextEmbeddingError.configurationInvalid(path: url.path, reason: "\(error)")
        }
        let others = [file.poolingModeClsToken, file.poolingModeMaxTokens, file.poolingModeMeanSqrtLenTokens].contains(true)
        guard file.poolingModeMeanTokens, !others, file.wordEmbeddingDimension == dimensions else {
            throw TextEmbeddingError.configurationInvalid(path: url.path, reason: "only mean pooling of \(dimensions) dimensions is implemented")
        }
    }
}
