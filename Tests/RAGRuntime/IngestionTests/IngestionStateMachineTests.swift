import Foundation
import Testing
import RAGRuntimeTesting
@testable import Ingestion

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

    @Test func aTransientFailureIsRetriedWithBackoffThenDeadLettered() throws {
        var machine = Machine(records: try sourceRecords(3), now: now, maxAttempts: 3)
        #expect(machine.nextAction() != .wait(attempt: 1))
        machine.embedFailed(.transient("throttled"))
        #expect(machine.nextAction() == .wait(attempt: 1))
        guard case .embed = machine.nextAction() else { Issue.record("expected a retry"); return }
        machine.embedFailed(.transient("throttled"))
        #expect(machine.nextAction() == .wait(attempt: 2))
        guard case .embed = machine.nextAction() else { Issue.record("expected a retry"); return }
        machine.embedFailed(.transient("throttled"))
        guard case .deadLetter(let letters) = machine.nextAction() else { Issue.record("expected dead letters"); return }
        #expect(letters.count == 3 && letters.allSatisfy { $0.reason == "embedding failed after 3 attempts: throttled" })
    }

    @Test func aRedeliveredEventInOneBatchIsIndexedOnce() throws {
        let records = try sourceRecords(2)
        var machine = Machine(records: records + [SourceRecord(shard: "local", position: "3", data: records[0].data)], now: now)
        guard case .embed(let indices, _) = machine.nextAction() else { Issue.record("expected embed"); return }
        #expect(indices == [1, 2])
    }
}
