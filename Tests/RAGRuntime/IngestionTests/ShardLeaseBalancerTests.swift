import Testing
import RAGRuntimeTesting
@testable import Ingestion

/// The lease balancer as a pure state machine, with explicit time.
struct ShardLeaseBalancerTests {
    let start = ContinuousClock.now
    let shards = ["s0", "s1", "s2", "s3"]

    func leases(_ owners: [String?], counters: [Int]? = nil) -> [ShardLease] {
        owners.enumerated().map { ShardLease(shard: shards[$0.offset], owner: $0.element, counter: counters?[$0.offset] ?? 1) }
    }

    func claims(_ actions: [ShardLeaseBalancer.Action]) -> [String] {
        actions.compactMap { if case .claim(let lease) = $0 { lease.shard } else { nil } }
    }

    func steals(_ actions: [ShardLeaseBalancer.Action]) -> [String] {
        actions.compactMap { if case .steal(let lease) = $0 { lease.shard } else { nil } }
    }

    func renewals(_ actions: [ShardLeaseBalancer.Action]) -> [String] {
        actions.compactMap { if case .renew(let lease) = $0 { lease.shard } else { nil } }
    }

    @Test func aLoneWorkerClaimsEveryFreeLease() {
        var balancer = ShardLeaseBalancer(worker: "a", leaseDuration: .seconds(10))
        let actions = balancer.plan(leases([nil, nil, nil, nil]), active: nil, now: start)
        #expect(claims(actions) == shards)
        #expect(steals(actions).isEmpty)
    }

    @Test func aWorkerRenewsWhatItHoldsAndLeavesLiveLeasesAlone() {
        var balancer = ShardLeaseBalancer(worker: "a", leaseDuration: .seconds(10))
        let actions = balancer.plan(leases(["a", "a", "b", "b"]), active: nil, now: start)
        #expect(renewals(actions) == ["s0", "s1"])
        #expect(claims(actions).isEmpty && steals(actions).isEmpty)
    }

    @Test func aDeadOwnersLeasesExpireOnlyAfterTheLeaseDurationOfNoChange() {
        var balancer = ShardLeaseBalancer(worker: "a", leaseDuration: .seconds(10))
        let rows = leases(["a", "a", "b", "b"], counters: [1, 1, 5, 5])
        #expect(claims(balancer.plan(rows, active: nil, now: start)).isEmpty)
        #expect(claims(balancer.plan(rows, active: nil, now: start + .seconds(10))).isEmpty, "exactly the duration is not past it")
        #expect(claims(balancer.plan(rows, active: nil, now: start + .seconds(11))) == ["s2", "s3"])
    }

    @Test func renewalsKeepALeaseAliveHoweverLongItIsHeld() {
        var balancer = ShardLeaseBalancer(worker: "a", leaseDuration: .seconds(10))
        for round in 0..<10 {
            let rows = leases(["a", "a", "b", "b"], counters: [1, 1, 5 + round, 5 + round])
            #expect(claims(balancer.plan(rows, active: nil, now: start + .seconds(4 * round))).isEmpty)
        }
    }

    @Test func aNewWorkerStealsOneLeasePerRoundUpToItsShareAndThenStops() {
        var newcomer = ShardLeaseBalancer(worker: "b", leaseDuration: .seconds(10))
        var owners: [String?] = ["a", "a", "a", "a"]
        var stolen: [String] = []
        for round in 0..<4 {
            let actions = newcomer.plan(leases(owners, counters: [round, round, round, round]), active: nil, now: start + .seconds(round))
            #expect(steals(actions).count <= 1)
            for shard in steals(actions) {
                stolen.append(shard)
                owners[shards.firstIndex(of: shard)!] = "b"
            }
        }
        #expect(stolen.count == 2, "4 shards over 2 live workers: 2 each")
        var incumbent = ShardLeaseBalancer(worker: "a", leaseDuration: .seconds(10))
        #expect(steals(incumbent.plan(leases(owners), active: nil, now: start)).isEmpty, "the balanced split is stable")
    }

    @Test func anUnevenButFairSplitIsLeftAlone() {
        // 4 shards, 3 workers: target 2; the worker with one lease is only one below it.
        var balancer = ShardLeaseBalancer(worker: "c", leaseDuration: .seconds(10))
        #expect(steals(balancer.plan(leases(["a", "a", "b", "c"]), active: nil, now: start)).isEmpty)
        var idle = ShardLeaseBalancer(worker: "d", leaseDuration: .seconds(10))
        #expect(steals(idle.plan(leases(["a", "a", "b", "c"]), active: nil, now: start)) == ["s1"], "a fourth worker: target 1, a is above it")
    }

    @Test func finishedAndUnlistedShardsAreNotBalanced() {
        var balancer = ShardLeaseBalancer(worker: "a", leaseDuration: .seconds(10))
        var rows = leases([nil, nil, nil, nil])
        rows[0].checkpoint = KinesisShardPlan.shardEnd
        let actions = balancer.plan(rows, active: ["s0", "s1", "s2"], now: start)
        #expect(claims(actions) == ["s1", "s2"])
    }

    @Test func expiredLeasesAreClaimedBeforeAnythingIsStolen() {
        var balancer = ShardLeaseBalancer(worker: "c", leaseDuration: .seconds(10))
        let rows = leases(["a", "a", "a", nil])
        let actions = balancer.plan(rows, active: nil, now: start)
        // Live workers a and c: target 2. The free lease first, then one steal from a (3 > 2).
        #expect(claims(actions) == ["s3"])
        #expect(steals(actions) == ["s2"])
    }
}
