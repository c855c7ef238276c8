import Testing
import TextEmbedding

/// The tokenizer's steps on a small vocabulary (the oracle test covers the real one).
@Suite struct WordPieceTokenizerTests {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "engine", "temp", "##er", "##ature", "un", "##aff", "##able", "!", "-", "cafe", "東", "京"]

    static func tokenizer(maximumLength: Int = 256, maximumCharactersPerWord: Int = 100) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabulary: vocabulary, maximumCharactersPerWord: maximumCharactersPerWord, maximumLength: maximumLength)
    }

    @Test func splitsWordsIntoTheLongestPiecesWithContinuationPrefixes() throws {
        #expect(try Self.tokenizer().encode("Engine temperature unaffable!") == [2, 5, 6, 7, 8, 9, 10, 11, 12, 3])
    }

    @Test func aWordWithNoSplitOrTooManyCharactersIsUnknown() throws {
        #expect(try Self.tokenizer().encode("enginex temp") == [2, 1, 6, 3])
        #expect(try Self.tokenizer(maximumCharactersPerWord: 5).encode("engine temp") == [2, 1, 6, 3])
    }

    @Test func normalizesCaseAccentsControlsAndIdeographs() throws {
        #expect(try Self.tokenizer().encode("CAFÉ\u{200B}\u{7}東京") == [2, 14, 15, 16, 3])
        #expect(BertPreTokenizer.words(in: BertNormalizer().normalize("Ça-va?\tOK")) == ["ca", "-", "va", "?", "ok"])
    }

    @Test func specialTokensWrittenInTheTextStayWhole() throws {
        #expect(try Self.tokenizer().encode("engine[MASK]temp [sep]") == [2, 5, 4, 6, 1, 1, 1, 3])
    }

    @Test func truncatesToTheMaximumLengthKeepingTheSeparator() throws {
        let ids = try Self.tokenizer(maximumLength: 4).encode("engine temp engine temp")
        #expect(ids == [2, 5, 6, 3])
    }

    @Test func aBatchPadsToItsLongestTextAndMasksThePadding() throws {
        let batch = try Self.tokenizer().encode(batch: ["engine temp", "engine"])
        #expect(batch.length == 4)
        #expect(batch.lengths == [4, 3])
        #expect(batch.ids == [2, 5, 6, 3, 2, 5, 3, 0])
        #expect(batch.attentionMask == [1, 1, 1, 1, 1, 1, 1, 0])
    }
}
