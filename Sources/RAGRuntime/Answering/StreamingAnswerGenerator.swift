/// An ``AnswerGenerator`` that can deliver its answer in fragments as they are produced.
///
/// The query API streams `token` server-sent events from ``streamAnswer(_:onToken:)``; generators
/// that cannot stream (or are instantaneous) deliver the whole text as one fragment.
public protocol StreamingAnswerGenerator: AnswerGenerator {
    /// Produces the answer, calling `onToken` with each fragment in order.
    ///
    /// - Returns: The whole answer, equal to the concatenated fragments.
    /// - Throws: The generator's error, or whatever `onToken` throws.
    func streamAnswer(_ request: AnswerRequest, onToken: (String) async throws -> Void) async throws -> GeneratedAnswer
}

extension ExtractiveAnswerGenerator: StreamingAnswerGenerator {
    /// The summary, delivered one line at a time.
    public func streamAnswer(_ request: AnswerRequest, onToken: (String) async throws -> Void) async throws -> GeneratedAnswer {
        let answer = summary(of: request)
        let lines = answer.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            try await onToken(index == lines.count - 1 ? String(line) : line + "\n")
        }
        return answer
    }
}
