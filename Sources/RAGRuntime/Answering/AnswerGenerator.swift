import Foundation
import QueryUnderstanding
import Retrieval

/// Where an answer's text came from; the query API reports it as `answerSource`.
public enum AnswerSource: String, Sendable, Hashable, Codable {
    /// A language model wrote it from the retrieved records.
    case llm
    /// ``ExtractiveAnswerGenerator`` summarised the retrieved records.
    case extractive
    /// No records matched, so nothing was generated.
    case none
}

/// What an answer is generated from: the question, the filter it was searched with, the hits.
public struct AnswerRequest: Sendable {
    /// The question as asked.
    public var question: String
    /// The time window that was searched, or `nil` for all time.
    public var timeRange: TimeRange?
    /// The field conditions that were applied.
    public var fields: [FieldFilter]
    /// The retrieved records, best first.
    public var hits: [SearchHit]
    /// The current time, for the system prompt of an LLM.
    public var now: Date
    /// What every record matching the filter adds up to, counted by the store (the hits are the
    /// top k of them); `nil` when only the hits are known.
    public var matches: MatchSummary?

    /// Creates a request.
    public init(question: String, timeRange: TimeRange?, fields: [FieldFilter] = [], hits: [SearchHit], now: Date, matches: MatchSummary? = nil) {
        self.matches = matches
        self.question = question
        self.timeRange = timeRange
        self.fields = fields
        self.hits = hits
        self.now = now
    }
}

/// An answer and where it came from.
public struct GeneratedAnswer: Sendable, Equatable {
    /// The answer text.
    public var text: String
    /// Who produced it.
    public var source: AnswerSource

    /// Creates an answer.
    public init(text: String, source: AnswerSource) {
        self.text = text
        self.source = source
    }
}

/// Writes the answer to a question from the records retrieved for it.
///
/// Implementations: the OpenAI-compatible (vLLM) chat client, and ``ExtractiveAnswerGenerator``,
/// which needs no model and is the fallback when the LLM is unreachable.
///
/// Callers do not call a generator when there are no hits; they answer with
/// ``ExtractiveAnswerGenerator/noRecordsAnswer(for:)`` instead, so no LLM call is made.
public protocol AnswerGenerator: Sendable {
    /// The answer to `request.question` from `request.hits`.
    ///
    /// - Throws: The transport's error for remote generators; the caller falls back to
    ///   ``ExtractiveAnswerGenerator``.
    func answer(_ request: AnswerRequest) async throws -> GeneratedAnswer
}
