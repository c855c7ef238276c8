import Foundation
import Testing
@testable import Retrieval
@testable import RetrievalClients
import RetrievalEvaluation

/// Ranking metrics, and retrieval-quality floors on a fixed generated corpus (seed 7, 800 records
/// over 2 hours): the real all-MiniLM-L6-v2 model through the local embedder, against the hashing
/// embedder. Floors, not figures: the figures are `rag-runtime eval`'s (README).
@Suite struct RetrievalQualityTests {
    @Test func precisionRecallAndNDCGAtTen() {
        let relevant: Set<String> = ["a", "b", "c"]
        let perfect = RankingMetrics(ranking: ["a", "b", "c", "x"], relevant: relevant)
        #expect(perfect == RankingMetrics(precision: 1, recall: 1, ndcg: 1))
        let late = RankingMetrics(ranking: ["x", "y", "a"], relevant: relevant)
        #expect(abs(late.precision - 1.0 / 3) < 1e-9)
        #expect(abs(late.recall - 1.0 / 3) < 1e-9)
        let idealDCG = 1 + 1 / log2(3.0) + 1 / log2(4.0)
        #expect(abs(late.ndcg - (1 / log2(4.0)) / idealDCG) < 1e-9)
        let many = Set((0..<40).map { "r\($0)" })
        let tenOfForty = RankingMetrics(ranking: (0..<10).map { "r\($0)" }, relevant: many)
        #expect(tenOfForty.precision == 1)
        #expect(tenOfForty.recall == 0.25)
        #expect(RankingMetrics(ranking: [], relevant: []).precision == 1)
        #expect(RankingMetrics(ranking: ["x"], relevant: []).precision == 0)
    }

    static let now = Date(timeIntervalSince1970: 1_749_988_800)

    @Test func hybridMiniLMFindsParaphrasesAndExactCodesAboveTheHashingFloor() async throws {
        let corpus = RetrievalEvaluation.corpus(seed: 7, count: 800, span: 7_200, now: Self.now)
        let evaluation = RetrievalEvaluation(records: corpus, now: Self.now)
        let model = try LocalSentenceEmbedder(modelFolder: LocalSentenceEmbedder.defaultModelFolder())
        let minilm = try await evaluation.index(with: model)
        let hashing = try await evaluation.index(with: try HashingEmbedder())
        func mean(_ outcomes: [RetrievalEvaluation.Outcome], _ style: EvaluationQuestion.Style? = nil) -> Double {
            RankingMetrics.mean(outcomes.filter { $0.relevant > 0 && (style == nil || $0.question.style == style) }.map(\.metrics)).precision
        }
        let hybrid = try await evaluation.run(index: minilm, mode: .hybrid)
        let lexical = try await evaluation.run(index: hashing, mode: .hybrid)
        #expect(mean(hybrid) >= 0.85, "MiniLM hybrid P@10 \(mean(hybrid))")
        #expect(mean(hybrid, .paraphrase) >= 0.85, "paraphrases \(mean(hybrid, .paraphrase))")
        #expect(mean(hybrid, .exactCode) >= 0.95, "exact codes \(mean(hybrid, .exactCode))")
        for style in [EvaluationQuestion.Style.paraphrase, .abbreviation, .misspelling, .timeWindow] {
            #expect(mean(hybrid, style) > mean(lexical, style), "\(style): MiniLM hybrid \(mean(hybrid, style)), hashing \(mean(lexical, style))")
        }
        let exact = hybrid.filter(\.timeRangeExact).count
        #expect(exact == hybrid.count)
    }
}
