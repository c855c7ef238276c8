import Foundation

/// Parses the ISO 8601 timestamps of credential responses (`2024-05-01T12:00:00Z`, with or
/// without fractional seconds), as the container endpoint and STS write them.
enum AWSTimestampParsing {
    static func iso8601(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
