import Foundation

/// How much each ranking counts in hybrid search's reciprocal rank fusion, chosen from the question.
///
/// Measured with `rag-runtime eval` (README, "Retrieval quality"): with equal weights, BM25 pulled
/// paraphrases down (a sentence model already matches meaning, and shared words such as "engine"
/// or "low" span many scenarios), while for a bare code ("P0217", "ENG-001", "VH-0042") the
/// embedding is noise and the exact term is the answer. So:
///
/// - a question holding a code-like token (letters and digits together) weighs BM25 at 2 and the
///   vectors at 1: every exact match (within the fusion depth) outranks every vector-only hit;
/// - any other question weighs BM25 at 0.15: a tie-breaker. A lexical-only hit enters below the
///   vector ranking's top results, and lexical agreement reorders documents both rankings found
///   (at 0.5, abbreviations lost 0.12 P@10 in the eval; at equal weights, paraphrases 0.18).
///
/// ``fuse(vector:lexical:)`` is the fusion itself, shared by the embedded store and OpenSearch.
public struct FusionWeights: Sendable, Equatable {
    public var vector: Float
    public var lexical: Float

    public init(vector: Float, lexical: Float) {
        self.vector = vector
        self.lexical = lexical
    }

    /// How many hits of each ranking enter the fusion.
    public static let depth = 50
    /// Reciprocal rank fusion's constant (Cormack, Clarke and Büttcher 2009): an item at rank r
    /// (from 1) of a ranking adds `weight / (60 + r)`.
    public static let rankConstant: Float = 60

    /// Fuses two rankings (best first) by weighted reciprocal rank; an item listed twice in one
    /// ranking counts at its first rank. Best first, ties by id ascending.
    public func fuse<ID: Comparable & Hashable>(vector: [ID], lexical: [ID]) -> [(id: ID, score: Float)] {
        var scores: [ID: Float] = [:]
        func add(_ ranking: [ID], weight: Float) {
            var seen = Set<ID>()
            for (rank, id) in ranking.enumerated() where seen.insert(id).inserted {
                scores[id, default: 0] += weight / (Self.rankConstant + Float(rank + 1))
            }
        }
        add(vector, weight: self.vector)
        add(lexical, weight: self.lexical)
        return scores.map { (id: $0.key, score: $0.value) }.sorted { ($0.score, $1.id) > ($1.score, $0.id) }
    }

    /// The weights for a question's text.
    public static func `for`(_ text: String) -> FusionWeights {
        hasCode(text) ? FusionWeights(vector: 1, lexical: 2) : FusionWeights(vector: 1, lexical: 0.15)
    }

    /// Whether `text` holds a token with both letters and digits (`P0217`, `ENG-001`, `vh-0042`, `U0100`).
    public static func hasCode(_ text: String) -> Bool { !codes(in: text).isEmpty }

    /// The code-like tokens of `text` (letters and digits together, possibly joined by `-` or `_`), upper-cased.
    public static func codes(in text: String) -> [String] {
        text.split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-_")) }
            .filter { token in token.contains(where: \.isNumber) && token.contains(where: \.isLetter) }
            .map { $0.uppercased() }
    }
}
