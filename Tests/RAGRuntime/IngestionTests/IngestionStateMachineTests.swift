import AWS
import Foundation
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import Retrieval

@Suite struct IngestionStateMachineTests {
    typealias Machine = BatchProcessor.StateMachine
    let now = Date(timeIntervalSince1970: 1_750_000_000)

    func sourceRecords(_ count: Int) throws -> [SourceRecord] {
        try IngestionFixtures.payloads(IngestionFixtures.records(count: count)).enumerated().map { index, data in
            SourceRecord(shard: "local", position: "\(index + 1)", data: data)
        }
    }

    @Test func aBatchIsEmbeddedInGroupsOfAtMost96ThenUpsertedThenAcknowledged() throws {
        var machine = Machine(records: try sourceRecords(200), now: now)
        var sizes: [Int] = []
        while case .embed(let indices, let texts) = machine.nextAction() {
            sizes.append(texts.count)
            machine.embedSucceeded(indices.map { _ in [1, 0] })
        }
        #expect(sizes == [96, 96, 8])
        #expect(machine.nextAction() == .upsert(indices: Array(0..<200)))
        machine.upsertSucceeded()
        #expect(machine.nextAction() == .acknowledge(position: "200"))
        machine.acknowledgementStored()
        guard case .finished(let summary) = machine.nextAction() else { Issue.record("not finished"); return }
        #expect(summary.indexed == 200 && summary.deadLettered == 0 && summary.received == 200)
    }

    @Test func anUnparseableRecordIsDeadLetteredBeforeTheAcknowledgement() throws {
        var records = try sourceRecords(2)
        records.insert(SourceRecord(shard: "local", position: "x", data: Data("not json".utf8)), at: 1)
        var machine = Machine(records: records, now: now)
        guard case .embed(let indices, _) = machine.nextAction() else { Issue.record("expected embed"); return }
        #expect(indices == [0, 2])
        machine.embedSucceeded([[1], [1]])
        #expect(machine.nextAction() == .upsert(indices: [0, 2]))
        machine.upsertSucceeded()
        guard case .deadLetter(let letters) = machine.nextAction() else { Issue.record("expected dead letters"); return }
        #expect(letters.count == 1 && letters[0].reason.hasPrefix("unparseable") && letters[0].data == "not json")
        #expect(machine.nextAction() == .deadLetter(letters), "nothing is acknowledged before the letters are stored")
        machine.deadLettersStored()
        #expect(machine.nextAction() == .acknowledge(position: records[2].position))
    }

    @Test func aRejectedGroupIsSplitUntilTheRejectedRecordIsAlone() throws {
        var machine = Machine(records: try sourceRecords(8), now: now)
        var calls = 0
        while case .embed(let indices, _) = machine.nextAction() {
            calls += 1
            if indices.contains(5) { machine.embedFailed(.permanent("rejected")) } else { machine.embedSucceeded(indices.map { _ in [1] }) }
        }
        #expect(calls == 7)   // 8 → 4+4 → 2+2 (left half fine) → 1+1
        #expect(machine.nextAction() == .upsert(indices: [0, 1, 2, 3, 4, 6, 7]))
        machine.upsertSucceeded()
        guard case .deadLetter(let letters) = machine.nextAction() else { Issue.record("expected dead letters"); return }
        #expect(letters.map(\.position) == ["6"] && letters[0].reason.hasPrefix("embedding rejected"))
    }

    /// Issue 13: throttling used to be dead-lettered after three attempts, and the checkpoint moved
    /// past the records. A transient failure is backpressure: waited out, however long, never a dead letter.
    @Test func aTransientFailureIsWaitedOutWithGrowingWaitsAndNeverDeadLettered() throws {
        var machine = Machine(records: try sourceRecords(3), now: now)
        #expect(machine.nextAction() != .wait(attempt: 1))
        for attempt in 1...20 {
            machine.embedFailed(.transient("throttled"))
            #expect(machine.nextAction() == .wait(attempt: attempt))
            guard case .embed = machine.nextAction() else { Issue.record("expected a retry"); return }
        }
        #expect(machine.lastTransientFailure == "embedding: throttled")
        machine.embedSucceeded(Array(repeating: [1, 0], count: 3))
        #expect(machine.nextAction() == .upsert(indices: [0, 1, 2]))
        machine.upsertFailed(.transient("503"))
        #expect(machine.nextAction() == .wait(attempt: 1))
        #expect(machine.nextAction() == .upsert(indices: [0, 1, 2]), "the same records again, not split")
        machine.upsertSucceeded()
        guard case .acknowledge = machine.nextAction() else { Issue.record("expected the acknowledgement, no dead letters"); return }
    }

    @Test(arguments: [
        (AWSError(code: .serviceError, message: "ThrottlingException", statusCode: 429) as any Error, true),
        (AWSError(code: .serviceError, message: "AccessDeniedException", statusCode: 403), true),
        (AWSError(code: .serviceError, message: "ValidationException: text too long", statusCode: 400), false),
        (RetrievalError.indexingThrottled(ids: ["a"], reason: "429"), true),
        (RetrievalError.indexingFailed(ids: ["a"], reason: "mapper_parsing_exception"), false),
        (IngestionError.backendRejected(status: 503, body: ""), true),
        (IngestionError.backendRejected(status: 401, body: ""), true),
        (IngestionError.backendRejected(status: 422, body: "evt-1: bad level"), false),
    ] as [(any Error, Bool)])
    func onlyTheInputsOwnFaultsArePermanent(_ error: any Error, _ transient: Bool) throws {
        let failure = try BatchProcessor.classify(error)
        if transient {
            guard case .transient = failure else { Issue.record("\(error) should be waited out"); return }
        } else {
            guard case .permanent = failure else { Issue.record("\(error) is the record's fault"); return }
        }
    }

    @Test func theBackoffGrowsToThirtySecondsAndIsJittered() {
        #expect(BatchProcessor.backoffCeiling(1) == 200)
        #expect(BatchProcessor.backoffCeiling(2) == 400)
        #expect(BatchProcessor.backoffCeiling(9) == 30_000)
        #expect(BatchProcessor.backoffCeiling(50) == 30_000)
    }

    @Test func aRedeliveredEventInOneBatchIsIndexedOnce() throws {
        let records = try sourceRecords(2)
        var machine = Machine(records: records + [SourceRecord(shard: "local", position: "3", data: records[0].data)], now: now)
        guard case .embed(let indices, _) = machine.nextAction() else { Issue.record("expected embed"); return }
        #expect(indices == [1, 2])
    }
}
