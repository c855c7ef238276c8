/// BERT's WordPiece tokenizer, loaded from a Hugging Face `tokenizer.json`: text to token ids.
///
/// Encoding runs the steps `tokenizers` runs for a BERT model: special tokens written literally in
/// the text (`[SEP]`, `[MASK]`, ...) are kept whole; the rest is normalized (``BertNormalizer``),
/// split into words (``BertPreTokenizer``) and each word into the longest vocabulary pieces from the
/// left, later pieces carrying the `##` prefix; a word longer than ``maximumCharactersPerWord`` or
/// with no split into known pieces becomes `[UNK]`. The ids are wrapped in `[CLS]` … `[SEP]` and
/// truncated at ``maximumLength`` in all.
///
/// ## Caveats
/// The ids are never padded: all-MiniLM-L6-v2's `tokenizer.json` turns fixed padding to 128 (and
/// truncation at 128) on, which this tokenizer ignores in favour of the model's `max_seq_length`
/// (256). A ``TokenBatch`` pads to its longest text and masks the padding.
///
/// ```swift
/// let tokenizer = try WordPieceTokenizer(contentsOf: folder.appending(path: "tokenizer.json"))
/// tokenizer.encode("VH-0042 engine temp")  // [101, ..., 102]
/// ```
public struct WordPieceTokenizer: Sendable {
    /// The id of every vocabulary piece, keyed by its UTF-8 bytes (compared byte for byte, as `tokenizers` does).
    let vocabulary: [[UInt8]: Int32]
    /// Special tokens matched literally in the raw text, longest first.
    let specialTokens: [(text: [Unicode.Scalar], id: Int32)]
    /// The normalizer applied to text between special tokens.
    public let normalizer: BertNormalizer
    /// The prefix of a piece that continues a word. Default `##`.
    public let continuingPrefix: String
    /// Words with more scalars than this become `[UNK]`. Default 100.
    public let maximumCharactersPerWord: Int
    /// The most ids a text encodes to, `[CLS]` and `[SEP]` included. Default 256, all-MiniLM-L6-v2's `max_seq_length`.
    public let maximumLength: Int
    /// The ids of `[UNK]`, `[CLS]`, `[SEP]` and `[PAD]`.
    public let unknownID: Int32, classifierID: Int32, separatorID: Int32, paddingID: Int32

    /// A tokenizer over `vocabulary` (a piece's id is its position), with BERT's special tokens.
    ///
    /// - Throws: ``TextEmbeddingError/tokenizerInvalid(path:reason:)`` when a special token is not in the vocabulary.
    public init(
        vocabulary pieces: [String], normalizer: BertNormalizer = BertNormalizer(), continuingPrefix: String = "##",
        maximumCharactersPerWord: Int = 100, maximumLength: Int = 256, specialTokens: [String] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    ) throws {
        var vocabulary: [[UInt8]: Int32] = [:]
        for (index, piece) in pieces.enumerated() { vocabulary[Array(piece.utf8)] = Int32(index) }
        try self.init(
            vocabulary: vocabulary, normalizer: normalizer, continuingPrefix: continuingPrefix,
            maximumCharactersPerWord: maximumCharactersPerWord, maximumLength: maximumLength, specialTokens: specialTokens, source: "<vocabulary>"
        )
    }

    init(
        vocabulary: [[UInt8]: Int32], normalizer: BertNormalizer, continuingPrefix: String, maximumCharactersPerWord: Int,
        maximumLength: Int, specialTokens: [String], source: String
    ) throws {
        func id(_ token: String) throws -> Int32 {
            guard let id = vocabulary[Array(token.utf8)] else {
                throw TextEmbeddingError.tokenizerInvalid(path: source, reason: "the vocabulary has no \(token)")
            }
            return id
        }
        guard maximumLength >= 2 else {
            throw TextEmbeddingError.tokenizerInvalid(path: source, reason: "maximum length \(maximumLength) leaves no room for [CLS] and [SEP]")
        }
        self.vocabulary = vocabulary
        self.normalizer = normalizer
        self.continuingPrefix = continuingPrefix
        self.maximumCharactersPerWord = maximumCharactersPerWord
        self.maximumLength = maximumLength
        self.unknownID = try id("[UNK]")
        self.classifierID = try id("[CLS]")
        self.separatorID = try id("[SEP]")
        self.paddingID = try id("[PAD]")
        self.specialTokens = try specialTokens.map { (Array($0.unicodeScalars), try id($0)) }.sorted { $0.text.count > $1.text.count }
    }

    /// The ids of `text`: `[CLS]`, its pieces (truncated), `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = [classifierID]
        let limit = maximumLength - 1
        for segment in segments(of: text) {
            switch segment {
            case .special(let id): ids.append(id)
            case .text(let substring):
                let scalars = normalizer.normalize(substring)
                for word in BertPreTokenizer.wordRanges(in: scalars) {
                    appendPieces(of: scalars[word], to: &ids)
                    if ids.count >= limit { break }
                }
            }
            if ids.count >= limit { break }
        }
        if ids.count > limit { ids.removeLast(ids.count - limit) }
        ids.append(separatorID)
        return ids
    }

    /// The ids of `texts`, padded to the longest with `[PAD]` and a mask that hides the padding.
    public func encode(batch texts: [String]) -> TokenBatch {
        TokenBatch(sequences: texts.map { encode($0) }, paddingID: paddingID)
    }

    /// Appends the WordPiece split of one word, or `[UNK]`.
    func appendPieces(of word: ArraySlice<Unicode.Scalar>, to ids: inout [Int32]) {
        guard word.count <= maximumCharactersPerWord else {
            ids.append(unknownID)
            return
        }
        let characters = word.map { Array(String($0).utf8) }
        let prefix = Array(continuingPrefix.utf8)
        var pieces: [Int32] = []
        var start = 0
        while start < characters.count {
            var end = characters.count
            var found: Int32? = nil
            while start < end {
                var key = start > 0 ? prefix : []
                for character in characters[start..<end] { key.append(contentsOf: character) }
                if let id = vocabulary[key] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                ids.append(unknownID)
                return
            }
            pieces.append(id)
            start = end
        }
        ids.append(contentsOf: pieces)
    }
}
