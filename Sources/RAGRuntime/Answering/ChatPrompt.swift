import Foundation
import Retrieval
import TelemetryModel

/// Builds the chat messages for an answer: a system prompt with the current UTC time and the
/// citation rules, and a user message with the question, the filter and the records.
///
/// Records go in as structured context, one compact JSON object per line (the record's own
/// snake_case JSON plus its `score`), so the model sees exact timestamps, vehicle ids and
/// readings instead of prose it could misread.
///
/// ```swift
/// let messages = ChatPrompt.messages(for: request)
/// // [system: "You are a vehicle telemetry analyst. The current time is 2025-06-15T12:00:00Z. …",
/// //  user:   "Question: …\nSearched: between … and …\nRecords (JSON lines, best match first):\n{…}"]
/// ```
public enum ChatPrompt {
    /// The system prompt for a request made at `now`.
    public static func systemPrompt(now: Date) -> String {
        """
        You are a vehicle fleet telemetry analyst. The current time is \(UTCTimestamp.string(from: now)) (UTC).
        Answer the question using only the data provided: the totals, counted over every record matching the \
        searched time range and filters, and the best-matching records, which are examples of them. For counts \
        ("how many") use the totals, never the number of example records. Cite every record you rely on by its timestamp (ISO-8601 UTC) and vehicle_id, \
        for example "VH-0042 at 2025-06-15T12:30:00Z". Quote readings with their units. If the records do not \
        answer the question, say so plainly instead of guessing. Be concise: a short summary first, then bullet points.
        """
    }

    /// The system and user messages for `request`.
    public static func messages(for request: AnswerRequest) -> [ChatMessage] {
        var user = "Question: \(request.question)\n"
        user += "Searched: \(ExtractiveAnswerGenerator.describe(request.timeRange))"
        if !request.fields.isEmpty {
            user += " where " + request.fields.map(ExtractiveAnswerGenerator.describe).joined(separator: " and ")
        }
        if let matches = request.matches {
            user += "\nTotals over every matching record: " + ExtractiveAnswerGenerator.totals(matches, range: request.timeRange).joined(separator: " ")
            user += "\nExample records, the \(request.hits.count) best matches of \(matches.count) (JSON lines, best match first):\n"
        } else {
            user += "\nRecords (JSON lines, best match first):\n"
        }
        user += request.hits.map(contextLine).joined(separator: "\n")
        return [.system(systemPrompt(now: request.now)), .user(user)]
    }

    /// One record as a compact JSON line with its score, keys sorted so prompts are reproducible.
    static func contextLine(_ hit: SearchHit) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var record = hit.record
        record.metadata = [:]
        do {
            let data = try encoder.encode(ContextRecord(record: record, score: (hit.score * 1000).rounded() / 1000))
            return String(decoding: data, as: UTF8.self)
        } catch {
            // Encoding a record cannot fail for finite scores; keep the citation facts if it does.
            return "{\"event_id\":\"\(record.eventID)\",\"vehicle_id\":\"\(record.vehicleID)\",\"message\":\"(unencodable)\"}"
        }
    }

    /// A record's JSON with `score` added at the top level.
    private struct ContextRecord: Encodable {
        var record: TelemetryRecord
        var score: Float

        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(score, forKey: Key(stringValue: "score"))
        }

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }
}
