import Foundation
import Testing
import RAGRuntimeTesting
@testable import Ingestion

@Suite struct IngestionLocalStreamTests {
    @Test func appendedEntriesAreReadBackInOrderFromAnyPosition() throws {
        let stream = try LocalStream(directory: try IngestionFixtures.temporaryDirectory())
        let payloads = (1...10).map { Data(#"{"n":\#($0)}"#.utf8) }
        #expect(try stream.append(payloads) == 1..<11)
        let first = try stream.read(from: .start, limit: 4)
        #expect(first.map(\.sequence) == [1, 2, 3, 4])
        let rest = try stream.read(from: try #require(first.last).next, limit: 100)
        #expect(rest.map(\.sequence) == Array(5...10))
        #expect(rest.map(\.data) == Array(payloads[4...]))
        #expect(try stream.read(from: stream.end, limit: 10).isEmpty)
    }

    @Test func aTornLastLineIsDroppedOnOpenAndAppendsContinueTheSequence() throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        do {
            let stream = try LocalStream(directory: directory)
            try stream.append((1...3).map { Data(#"{"n":\#($0)}"#.utf8) })
        }
        let url = directory.appendingPathComponent("stream.jsonl")
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"sequence":4,"data":"{\"n\":"#.utf8))   // a crash mid-append
        try handle.close()

        let reopened = try LocalStream(directory: directory)
        #expect(reopened.recoveredTornBytes > 0)
        #expect(reopened.count == 3)
        #expect(try reopened.append([Data(#"{"n":4}"#.utf8)]) == 4..<5)
        #expect(try reopened.read(from: .start, limit: 10).map(\.sequence) == [1, 2, 3, 4])
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 4)
    }

    @Test func aStreamWithOnlyATornLineStartsEmpty() throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        try Data(#"{"sequence":1,"da"#.utf8).write(to: directory.appendingPathComponent("stream.jsonl"))
        let stream = try LocalStream(directory: directory)
        #expect(stream.count == 0)
        #expect(try stream.append([Data("{}".utf8)]) == 1..<2)
    }

    @Test func aCorruptCompleteLineIsReportedNotSkipped() throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        try Data("{\"sequence\":1,\"data\":\"{}\"}\ngarbage\n".utf8).write(to: directory.appendingPathComponent("stream.jsonl"))
        #expect(throws: IngestionError.self) { try LocalStream(directory: directory) }
    }

    @Test func positionsRoundTripThroughCheckpointText() throws {
        let position = LocalStreamPosition(sequence: 42, offset: 18_000)
        #expect(try LocalStreamPosition(parsing: position.description) == position)
        #expect(throws: IngestionError.self) { try LocalStreamPosition(parsing: "42") }
    }

    @Test func checkpointsAreSavedPerShardAndReplacedAtomically() throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let store = try CheckpointStore(directory: directory)
        #expect(try store.position(for: "shardId-000000000001") == nil)
        try store.save("100", for: "shardId-000000000001")
        try store.save("200", for: "shardId-000000000001")
        try store.save("7", for: "shardId-000000000002")
        #expect(try store.position(for: "shardId-000000000001") == "200")
        #expect(try CheckpointStore(directory: directory).position(for: "shardId-000000000002") == "7")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
