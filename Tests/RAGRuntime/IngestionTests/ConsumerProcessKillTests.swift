import AWS
import AWSTesting
import Foundation
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import TelemetrySimulator
#if canImport(Glibc)
import Glibc
#endif

/// The real `rag-runtime consumer` binary, two replicas against moto_server (Kinesis with 4
/// shards, leases in DynamoDB) and an OpenSearch emulator: one replica is SIGKILLed while a
/// `_bulk` is in flight, records keep arriving while it is down, and it is restarted.
@Suite(.serialized) struct ConsumerProcessKillTests {
    static func executable() throws -> URL { try RuntimeProcess.executable() }

    /// A running consumer process with its log.
    struct Replica {
        let process: Process
        let log: URL

        static func start(name: String, kinesis: URL, openSearch: URL, directory: URL) throws -> Replica {
            let process = Process()
            process.executableURL = try ConsumerProcessKillTests.executable()
            process.arguments = ["consumer", "--commit-interval", "0"]
            process.environment = [
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "HOSTNAME": name, "PORT": String(try MotoServer.freePort()), "LOG_FORMAT": "text", "LOG_LEVEL": "info",
                "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                "AWS_ENDPOINT_URL_KINESIS": kinesis.absoluteString, "AWS_ENDPOINT_URL_DYNAMODB": kinesis.absoluteString,
                "KINESIS_STREAM_NAME": "vehicle-logs", "KINESIS_BATCH_SIZE": "100",
                "LEASE_TABLE": "vehicle-logs-leases", "LEASE_DURATION_SECONDS": "3",
                "EMBEDDER": "hashing", "EMBEDDING_DIMENSIONS": "64",
                "VECTOR_STORE": "opensearch", "OPENSEARCH_ENDPOINT": openSearch.absoluteString, "OPENSEARCH_INDEX": "telemetry",
                "DATA_DIR": directory.appendingPathComponent(name).path,
            ]
            let log = directory.appendingPathComponent("\(name).log")
            FileManager.default.createFile(atPath: log.path, contents: nil)
            let output = try FileHandle(forWritingTo: log)
            process.standardOutput = output
            process.standardError = output
            try process.run()
            return Replica(process: process, log: log)
        }

        var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
    }

    /// Counts `_bulk` requests in flight; each is held for a while so a kill lands mid-batch.
    final class SlowBulk: Sendable {
        let inFlight = Mutex(0)
        let emulator: OpenSearchEmulator
        init(_ emulator: OpenSearchEmulator) { self.emulator = emulator }

        var handle: @Sendable (AWSRequest) async -> AWSHTTPResponse {
            { request in
                guard request.percentEncodedPath == "/_bulk" else { return self.emulator.respond(to: request) }
                self.inFlight.withLock { $0 += 1 }
                defer { self.inFlight.withLock { $0 -= 1 } }
                try? await Task.sleep(for: .milliseconds(150))   // a test double's latency; cancellation just answers sooner
                return self.emulator.respond(to: request)
            }
        }
    }

    static func waitFor(_ what: String, timeout: Duration = .seconds(90), logs: [Replica], _ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        let alive = logs.filter(\.process.isRunning)
        while try await !condition() {
            guard ContinuousClock.now < deadline, alive.allSatisfy(\.process.isRunning) else {
                let tails = logs.map { String($0.output.suffix(4_000)) }.joined(separator: "\n----\n")
                Issue.record("timed out (or a replica exited) waiting for \(what)\n\(tails)")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    @Test func aReplicaKilledMidBatchLosesAndDuplicatesNothing() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        try await MotoServer.withRunning { moto in
            let kinesis = MotoClients.kinesis(moto)
            try await MotoClients.createStream(kinesis, shards: 4)
            let writer = KinesisTelemetryWriter(kinesis: kinesis, streamName: "vehicle-logs")
            let before = try IngestionFixtures.records(count: 3_000, seed: 21)
            let during = try IngestionFixtures.records(count: 2_000, seed: 22, start: 3_000)
            for start in stride(from: 0, to: before.count, by: 500) { try await writer.write(Array(before[start..<start + 500])) }

            let emulator = OpenSearchEmulator()
            let slow = SlowBulk(emulator)
            try await AWSLoopbackServer.withRunning(handler: slow.handle) { openSearch in
                let a = try Replica.start(name: "consumer-a", kinesis: moto, openSearch: openSearch, directory: directory)
                var b = try Replica.start(name: "consumer-b", kinesis: moto, openSearch: openSearch, directory: directory)
                var replicas = [a, b]
                defer { for replica in replicas where replica.process.isRunning { kill(replica.process.processIdentifier, SIGKILL) } }
                let table = MotoClients.leaseTable(moto, name: "vehicle-logs-leases")

                // Both replicas hold shards and about a quarter is indexed; then b dies mid-batch.
                try await Self.waitFor("both replicas holding shards", logs: replicas) {
                    let owners = Set((try? await table.leases())?.compactMap(\.owner) ?? [])
                    return owners.count == 2 && emulator.documents(in: "telemetry").count >= 800
                }
                try await Self.waitFor("a _bulk in flight", logs: replicas) { slow.inFlight.withLock { $0 } > 0 }
                kill(b.process.processIdentifier, SIGKILL)
                b.process.waitUntilExit()
                let indexedAtKill = emulator.documents(in: "telemetry").count
                #expect(b.process.terminationReason == .uncaughtSignal)

                // Records arrive during the downtime, two of them poison.
                for start in stride(from: 0, to: during.count, by: 500) { try await writer.write(Array(during[start..<start + 500])) }
                let poison = [Data("{\"event_id\": \"truncated".utf8), Data("not json at all".utf8)]
                let results = try await kinesis.putRecords(
                    streamName: "vehicle-logs", records: poison.map { KinesisPutRecordsEntry(data: $0, partitionKey: "poison") })
                #expect(results.allSatisfy { $0.isSuccess })
                b = try Replica.start(name: "consumer-b", kinesis: moto, openSearch: openSearch, directory: directory)
                replicas.append(b)

                let produced = Set((before + during).map(\.eventID))
                try await Self.waitFor("every record indexed", logs: replicas) {
                    emulator.documents(in: "telemetry").count >= produced.count
                        && emulator.documents(in: "telemetry-dead-letters").count >= poison.count
                }
                try await Task.sleep(for: .seconds(2))   // nothing more arrives: no duplicates trickle in late
                let documents = emulator.documents(in: "telemetry")
                #expect(documents.count == produced.count, "exactly once: one document per event")
                #expect(Set(documents.values.compactMap { $0["event_id"]?.stringValue }) == produced)
                let letters = emulator.documents(in: "telemetry-dead-letters").values
                #expect(letters.count == poison.count && letters.allSatisfy { $0["reason"]?.stringValue?.hasPrefix("unparseable") == true })

                // A graceful stop (SIGTERM) exits 0 and hands the leases back at once.
                for replica in [a, b] { replica.process.terminate() }
                for replica in [a, b] { replica.process.waitUntilExit() }
                #expect(a.process.terminationStatus == 0 && b.process.terminationStatus == 0, "\(a.output.suffix(2_000))\n\(b.output.suffix(2_000))")
                let leases = try await table.leases()
                #expect(leases.count == 4 && leases.allSatisfy { $0.owner == nil && $0.checkpoint != nil })
                let bulkItems = emulator.requests.filter { $0.percentEncodedPath == "/_bulk" }
                    .map { $0.body.split(separator: UInt8(ascii: "\n")).count / 2 }.reduce(0, +)
                #expect(bulkItems < produced.count + poison.count + 1_000, "replays stay bounded (interrupted and handed-over batches only)")
                print("consumer processes: killed consumer-b with \(indexedAtKill) of \(produced.count) indexed and a _bulk in flight; "
                    + "after restart \(documents.count) documents, \(letters.count) dead letters, \(bulkItems) bulk items sent in all")
            }
        }
    }
}
