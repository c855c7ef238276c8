import Foundation
import KubernetesCore
@testable import Operator
import Testing

/// The ingest token's life: made once, kept, rotated on request with an overlap, the old one dropped.
@Suite struct IngestTokenPlanTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    @Test func aNewSecretGetsARandomTokenAndKeepsIt() {
        let made = IngestTokenPlan.plan(live: nil, rotationRequest: nil, now: start) { "first-token" }
        #expect(made.data == ["token": Self.base64("first-token")])
        let kept = IngestTokenPlan.plan(live: (made.data, made.annotations), rotationRequest: nil, now: start.addingTimeInterval(3_600)) {
            Issue.record("no new token without a rotation request")
            return "unexpected"
        }
        #expect(kept == IngestTokenPlan(data: made.data, annotations: made.annotations, recheckAfter: nil), "no change, so no write")
    }

    @Test func aRotationKeepsThePreviousTokenForTheOverlapThenDropsIt() {
        let made = IngestTokenPlan.plan(live: nil, rotationRequest: nil, now: start) { "first-token" }
        let rotated = IngestTokenPlan.plan(live: (made.data, made.annotations), rotationRequest: "2026-12-01", now: start.addingTimeInterval(60)) { "second-token" }
        #expect(rotated.data == ["token": Self.base64("second-token"), "previous": Self.base64("first-token")])
        #expect(rotated.recheckAfter == IngestTokenPlan.overlap)
        let during = IngestTokenPlan.plan(live: (rotated.data, rotated.annotations), rotationRequest: "2026-12-01", now: start.addingTimeInterval(60 + 300)) { "x" }
        #expect(during.data == rotated.data)
        #expect(during.recheckAfter == IngestTokenPlan.overlap - 300)
        let after = IngestTokenPlan.plan(live: (rotated.data, rotated.annotations), rotationRequest: "2026-12-01", now: start.addingTimeInterval(60 + 601)) { "x" }
        #expect(after.data == ["token": Self.base64("second-token")])
        #expect(after.recheckAfter == nil)
    }

    @Test func randomTokensAreLongAndDistinct() {
        let tokens = Set((0..<100).map { _ in IngestTokenPlan.randomToken() })
        #expect(tokens.count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && !$0.contains("/") && !$0.contains("+") && !$0.contains("=") })
    }
}
