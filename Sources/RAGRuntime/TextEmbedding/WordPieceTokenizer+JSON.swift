import Foundation

extension WordPieceTokenizer {
    /// Loads a BERT tokenizer from a Hugging Face `tokenizer.json` (WordPiece model, BertNormalizer,
    /// BertPreTokenizer), truncating at `maximumLength` ids. The file's own padding and truncation
    /// settings are ignored (see the type's caveats).
    ///
    /// - Throws: ``TextEmbeddingError/fileUnreadable(path:reason:)``, or
    ///   ``TextEmbeddingError/tokenizerInvalid(path:reason:)`` for another model, normalizer or
    ///   pre-tokenizer type, or added tokens that would need stripping or single-word matching.
    public init(contentsOf url: URL, maximumLength: Int = 256) throws {
        let path = url.path
        func invalid(_ reason: String) -> TextEmbeddingError { .tokenizerInvalid(path: path, reason: reason) }
        let bytes: Data
        do { bytes = try Data(contentsOf: url) } catch {
            throw TextEmbeddingError.fileUnreadable(path: path, reason: error.localizedDescription)
        }
        let file: TokenizerFile
        do { file = try JSONDecoder().decode(TokenizerFile.self, from: bytes) } catch {
            throw invalid("not a tokenizer.json this tokenizer reads (\(error))")
        }
        guard file.model.type == "WordPiece" else { throw invalid("model type \(file.model.type), expected WordPiece") }
        guard let normalizer = file.normalizer, normalizer.type == "BertNormalizer" else {
            throw invalid("normalizer \(file.normalizer?.type ?? "none"), expected BertNormalizer")
        }
        guard file.preTokenizer?.type == "BertPreTokenizer" else {
            throw invalid("pre-tokenizer \(file.preTokenizer?.type ?? "none"), expected BertPreTokenizer")
        }
        let unusual = file.addedTokens.filter { $0.singleWord || $0.lstrip || $0.rstrip || $0.normalized }
        guard unusual.isEmpty else { throw invalid("added tokens \(unusual.map(\.content)) need matching this tokenizer does not do") }
        var vocabulary: [[UInt8]: Int32] = [:]
        vocabulary.reserveCapacity(file.model.vocab.count)
        for (piece, id) in file.model.vocab { vocabulary[Array(piece.utf8)] = id }
        let lowercase = normalizer.lowercase ?? true
        try self.init(
            vocabulary: vocabulary,
            normalizer: BertNormalizer(
                cleanText: normalizer.cleanText ?? true, handleChineseCharacters: normalizer.handleChineseChars ?? true,
                stripAccents: normalizer.stripAccents ?? lowercase, lowercase: lowercase
            ),
            continuingPrefix: file.model.continuingSubwordPrefix ?? "##",
            maximumCharactersPerWord: file.model.maxInputCharsPerWord ?? 100,
            maximumLength: maximumLength,
            specialTokens: file.addedTokens.map(\.content),
            source: path
        )
    }
}

/// The parts of `tokenizer.json` a BERT WordPiece tokenizer needs.
struct TokenizerFile: Decodable {
    struct Model: Decodable {
        var type: String
        var vocab: [String: Int32]
        var continuingSubwordPrefix: String?
        var maxInputCharsPerWord: Int?
    }
    struct Normalizer: Decodable {
        var type: String
        var cleanText: Bool?
        var handleChineseChars: Bool?
        var stripAccents: Bool?
        var lowercase: Bool?
    }
    struct PreTokenizer: Decodable { var type: String }
    struct AddedToken: Decodable {
        var content: String
        var singleWord: Bool
        var lstrip: Bool
        var rstrip: Bool
        var normalized: Bool
    }

    var model: Model
    var normalizer: Normalizer?
    var preTokenizer: PreTokenizer?
    var addedTokens: [AddedToken]

    enum CodingKeys: String, CodingKey {
        case model, normalizer
        case preTokenizer = "pre_tokenizer"
        case addedTokens = "added_tokens"
    }
}

extension TokenizerFile.Model {
    enum CodingKeys: String, CodingKey {
        case type, vocab
        case continuingSubwordPrefix = "continuing_subword_prefix"
        case maxInputCharsPerWord = "max_input_chars_per_word"
    }
}

extension TokenizerFile.Normalizer {
    enum CodingKeys: String, CodingKey {
        case type, lowercase
        case cleanText = "clean_text"
        case handleChineseChars = "handle_chinese_chars"
        case stripAccents = "strip_accents"
    }
}

extension TokenizerFile.AddedToken {
    enum CodingKeys: String, CodingKey {
        case content, lstrip, rstrip, normalized
        case singleWord = "single_word"
    }
}
