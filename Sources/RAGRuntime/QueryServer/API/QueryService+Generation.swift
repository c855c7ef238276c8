import Foundation
import Metrics
import Answering

extension QueryService {
    /// Writes the answer for a retrieval.
    ///
    /// Never throws for generator failures: a failing generator is replaced by the extractive
    /// summary and a warning. If the generator failed after streaming part of its answer, the
    /// extractive summary follows the partial text in the stream; the response's `answer` is the
    /// extractive summary alone.
    ///
    public func generate(_ retrieval: Retrieval) async -> QueryResponse {
        await generate(retrieval, streaming: false) { _ in }
    }

    /// Writes the answer for a retrieval, passing it to `onToken` fragment by fragment as it is
    /// generated; see ``generate(_:)``.
    public func streamAnswer(_ retrieval: Retrieval, onToken: (String) async throws -> Void) async -> QueryResponse {
        await generate(retrieval, streaming: true, onToken: onToken)
    }

    private func generate(_ retrieval: Retrieval, streaming: Bool, onToken: (String) async throws -> Void) async -> QueryResponse {
        let clock = ContinuousClock()
        let start = clock.now
        let request = AnswerRequest(
            question: retrieval.parsed.originalText, timeRange: retrieval.parsed.timeRange,
            fields: retrieval.parsed.fields, hits: retrieval.hits, now: retrieval.now, matches: retrieval.matches)
        var warnings = retrieval.parsed.warnings
        let answer: GeneratedAnswer
        if retrieval.hits.isEmpty {
            answer = ExtractiveAnswerGenerator.noRecordsAnswer(for: request)
            await deliver(answer.text, to: onToken)
        } else {
            do {
                answer = try await produce(request, streaming: streaming, onToken: onToken)
            } catch {
                let reason = (error as? LLMError)?.reason ?? "generator_failed"
                Counter(label: "rag_query_generation_failures_total", dimensions: [("reason", reason)]).increment()
                logger.warning("answer generation failed; answering extractively", metadata: ["error": "\(error)"])
                let summary = (error as? LLMError)?.summary ?? "it failed"
                warnings.append("The language model could not answer (\(summary); the detail is in the server log); this is an extractive summary of the records.")
                answer = fallback.summary(of: request)
                await deliver(answer.text, to: onToken)
            }
        }
        Counter(label: "rag_query_answers_total", dimensions: [("source", answer.source.rawValue)]).increment()
        var timings = retrieval.timings
        timings.generateMs = Self.record(stage: "generate", clock.now - start)
        timings.totalMs = QueryTimings.milliseconds(clock.now - retrieval.started)
        return QueryResponse(
            query: retrieval.parsed.originalText, answer: answer.text, answerSource: answer.source,
            filter: retrieval.filter, sources: retrieval.sources, warnings: warnings, timings: timings,
            matches: retrieval.matches.map(QueryMatches.init))
    }

    private func produce(
        _ request: AnswerRequest, streaming: Bool, onToken: (String) async throws -> Void
    ) async throws -> GeneratedAnswer {
        guard streaming else { return try await generator.answer(request) }
        if let streamer = generator as? any StreamingAnswerGenerator {
            return try await streamer.streamAnswer(request, onToken: onToken)
        }
        let answer = try await generator.answer(request)
        try await onToken(answer.text)
        return answer
    }

    /// Sends a whole text as one fragment; a client that went away is only logged.
    private func deliver(_ text: String, to onToken: (String) async throws -> Void) async {
        do {
            try await onToken(text)
        } catch {
            logger.debug("client stopped reading the answer stream", metadata: ["error": "\(error)"])
        }
    }
}
