import Foundation
import Testing
@testable import TelemetryModel

@Suite struct FastTimestampTests {
    @Test(arguments: [
        "2025-06-15T12:34:56Z", "2025-06-15T12:34:56.250Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.5Z", "2000-03-01T00:00:00.000001Z", "2100-12-31t08:00:00z", "1600-03-01T00:00:00Z",
    ])
    func parsesLikeTheGeneralParser(text: String) throws {
        let fast = try #require(FastTimestamp.date(from: text))
        let general = try #require(UTCTimestamp.date(from: text))
        #expect(abs(fast.timeIntervalSince(general)) < 1e-6)
    }

    @Test(arguments: ["0001-01-01T00:00:00Z", "2025-02-29T00:00:00Z", "2025-06-15T24:00:00Z", "2025-06-15T12:34:56+02:00", "2025-06-15", "2025-06-15T12:34:56.Z", "garbage"])
    func leavesOtherShapesAndInvalidDatesToTheGeneralParser(text: String) {
        #expect(FastTimestamp.date(from: text) == nil)
    }

    @Test func formatsLikeTheGeneralFormatter() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<2_000 {
            let seconds = Double(random.next() % 8_000_000_000_000) / 1000 - 2_000_000_000
            let date = Date(timeIntervalSince1970: seconds)
            #expect(FastTimestamp.string(from: date) == UTCTimestamp.string(from: date))
        }
    }
}
