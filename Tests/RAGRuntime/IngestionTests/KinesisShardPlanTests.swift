import AWS
import Testing
import RAGRuntimeTesting
@testable import Ingestion

/// Resharding: a child shard is read only after its parents are finished, from its start.
struct KinesisShardPlanTests {
    let parent = KinesisShard(shardID: "shardId-000000000000", endingSequenceNumber: "900")
    let left = KinesisShard(shardID: "shardId-000000000001", parentShardID: "shardId-000000000000")
    let right = KinesisShard(shardID: "shardId-000000000002", parentShardID: "shardId-000000000000")
    var all: [KinesisShard] { [parent, left, right] }
    var everything: Set<String> { Set(all.map(\.shardID)) }

    @Test func childrenWaitUntilTheirParentIsReadToItsEnd() {
        #expect(KinesisShardPlan.ready(all, checkpoints: [:], held: everything).map(\.shardID) == [parent.shardID])
        #expect(KinesisShardPlan.ready(all, checkpoints: [parent.shardID: "450"], held: everything).map(\.shardID) == [parent.shardID])
        let finished = [parent.shardID: KinesisShardPlan.shardEnd]
        #expect(KinesisShardPlan.ready(all, checkpoints: finished, held: everything).map(\.shardID) == [left.shardID, right.shardID])
    }

    @Test func aParentThatExpiredFromTheStreamDoesNotBlockItsChildren() {
        #expect(KinesisShardPlan.ready([left, right], checkpoints: [:], held: everything).map(\.shardID) == [left.shardID, right.shardID])
    }

    @Test func aMergedChildWaitsForBothParents() {
        let a = KinesisShard(shardID: "shardId-000000000003")
        let b = KinesisShard(shardID: "shardId-000000000004")
        let merged = KinesisShard(shardID: "shardId-000000000005", parentShardID: a.shardID, adjacentParentShardID: b.shardID)
        let shards = [a, b, merged]
        let held = Set(shards.map(\.shardID))
        #expect(!KinesisShardPlan.ready(shards, checkpoints: [a.shardID: KinesisShardPlan.shardEnd], held: held).contains(merged))
        let both = [a.shardID: KinesisShardPlan.shardEnd, b.shardID: KinesisShardPlan.shardEnd]
        #expect(KinesisShardPlan.ready(shards, checkpoints: both, held: held) == [merged])
    }

    @Test func onlyHeldShardsAreReadAndFinishedOnesNever() {
        #expect(KinesisShardPlan.ready(all, checkpoints: [:], held: [left.shardID]).isEmpty)
        let finished = [parent.shardID: KinesisShardPlan.shardEnd, left.shardID: KinesisShardPlan.shardEnd]
        #expect(KinesisShardPlan.ready(all, checkpoints: finished, held: everything) == [right])
    }

    @Test func aChildStartsAtItsBeginningWhateverTheStartingPosition() {
        #expect(KinesisShardPlan.start(of: left, checkpoint: nil, initial: .latest) == .trimHorizon)
        #expect(KinesisShardPlan.start(of: parent, checkpoint: nil, initial: .latest) == .latest)
        #expect(KinesisShardPlan.start(of: left, checkpoint: "77", initial: .latest) == .afterSequenceNumber("77"))
    }
}
