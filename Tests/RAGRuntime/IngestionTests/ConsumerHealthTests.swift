import Testing
import RAGRuntimeTesting
@testable import Ingestion

/// `/readyz` of the consumer follows its refreshes, not a constant.
struct ConsumerHealthTests {
    struct Unreachable: Error, CustomStringConvertible { var description: String { "lease table unreachable" } }

    @Test func readyOnlyAfterARefreshAndUntilRefreshesFailForTooLong() {
        let start = ContinuousClock.now
        let health = ConsumerHealth(staleAfter: .seconds(30))
        #expect(health.status(now: start).ready == false)
        health.recordFailure(Unreachable(), at: start)
        #expect(health.status(now: start).detail.contains("lease table unreachable"))

        health.recordRefresh(held: 2, at: start + .seconds(1))
        #expect(health.status(now: start + .seconds(2)) == (true, "consuming: 2 shards held"))
        health.recordFailure(Unreachable(), at: start + .seconds(5))
        #expect(health.status(now: start + .seconds(30)).ready, "a few failed refreshes are retried, not reported")
        let stale = health.status(now: start + .seconds(32))
        #expect(stale.ready == false && stale.detail.contains("lease table unreachable"))

        health.recordRefresh(held: 0, at: start + .seconds(33))
        #expect(health.status(now: start + .seconds(33)) == (true, "consuming: 0 shards held"), "an idle standby replica is ready")
    }
}
