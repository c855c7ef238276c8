import AsyncHTTPClient
import AWS
import AWSTesting
import Foundation
import NIOCore
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import TelemetrySimulator
#if canImport(Glibc)
import Glibc
#endif

/// The cluster topology with the embedded store: `rag-runtime consumer` reading Kinesis (moto) and
/// indexing through `rag-runtime query`'s internal listener. The backend is SIGKILLed three times
/// while records flow and started again on its volume: every acknowledged record must survive
/// (the store's write-ahead log), the consumer must wait the outages out, and nothing may be
/// dead-lettered for them.
@Suite(.serialized, .timeLimit(.minutes(5))) struct BackendKillTests {
    struct Backend {
        let process: RuntimeProcess
        let publicPort: Int

        static func start(directory: URL, tokens: URL, publicPort: Int, internalPort: Int, run: Int) async throws -> Backend {
            let process = try RuntimeProcess(
                ["query", "--host", "127.0.0.1"],
                environment: [
                    "PORT": String(publicPort), "INTERNAL_PORT": String(internalPort), "INGEST_TOKEN_DIR": tokens.path,
                    "EMBEDDER": "hashing", "EMBEDDING_DIMENSIONS": "64", "VECTOR_STORE": "embedded",
                    "DATA_DIR": directory.appending(path: "backend").path, "LOG_LEVEL": "warning",
                ],
                log: directory.appending(path: "backend-\(run).log"))
            try await process.waitUntilServing("http://127.0.0.1:\(publicPort)/healthz")
            return Backend(process: process, publicPort: publicPort)
        }

        func documents() async throws -> Int {
            var request = HTTPClientRequest(url: "http://127.0.0.1:\(publicPort)/api/stats")
            request.method = .GET
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(5))
            let body = try await response.body.collect(upTo: 1 << 16)
            return (try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])?["documents"] as? Int ?? -1
        }
    }

    static func eventually(_ what: String, timeout: Duration = .seconds(120), logs: [RuntimeProcess], _ condition: () async -> Bool) async throws {
        let deadline = ContinuousClock.now + timeout
        while await !condition() {
            guard ContinuousClock.now < deadline else {
                let tails = logs.map { String($0.output.suffix(3_000)) }.joined(separator: "\n----\n")
                throw RuntimeProcessError(message: "timed out waiting for \(what):\n\(tails)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    @Test func everyAcknowledgedRecordSurvivesThreeBackendKills() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let tokens = try IngestionFixtures.temporaryDirectory()
        try Data("kill-test-ingest-token-0123456789".utf8).write(to: tokens.appending(path: "token"))
        let (publicPort, internalPort, consumerPort) = (try RuntimeProcess.freePort(), try RuntimeProcess.freePort(), try RuntimeProcess.freePort())
        try await MotoServer.withRunning { moto in
            let kinesis = MotoClients.kinesis(moto)
            try await MotoClients.createStream(kinesis, shards: 2)
            let writer = KinesisTelemetryWriter(kinesis: kinesis, streamName: "vehicle-logs")
            let records = try IngestionFixtures.records(count: 20_000, seed: 31)
            for start in stride(from: 0, to: records.count, by: 500) { try await writer.write(Array(records[start..<start + 500])) }

            var backend = try await Backend.start(directory: directory, tokens: tokens, publicPort: publicPort, internalPort: internalPort, run: 0)
            let consumer = try RuntimeProcess(
                ["consumer", "--commit-interval", "0"],
                environment: [
                    "PORT": String(consumerPort), "LOG_LEVEL": "warning",
                    "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                    "AWS_ENDPOINT_URL_KINESIS": moto.absoluteString, "KINESIS_STREAM_NAME": "vehicle-logs", "KINESIS_BATCH_SIZE": "250",
                    "VECTOR_STORE": "embedded", "BACKEND_URL": "http://127.0.0.1:\(internalPort)", "INGEST_TOKEN_DIR": tokens.path,
                    "DATA_DIR": directory.appending(path: "consumer").path,
                ],
                log: directory.appending(path: "consumer.log"))
            var processes = [backend.process, consumer]
            defer { for process in processes { process.stop() } }

            for (run, threshold) in [2_000, 7_000, 12_000].enumerated() {
                try await Self.eventually("\(threshold) records indexed", logs: processes) { ((try? await backend.documents()) ?? 0) >= threshold }
                let acknowledged = try await backend.documents()
                kill(backend.process.process.processIdentifier, SIGKILL)
                backend.process.process.waitUntilExit()
                try await Task.sleep(for: .milliseconds(500))   // the consumer meets the outage
                backend = try await Backend.start(directory: directory, tokens: tokens, publicPort: publicPort, internalPort: internalPort, run: run + 1)
                processes.append(backend.process)
                let recovered = try await backend.documents()
                #expect(recovered >= acknowledged, "kill \(run + 1): \(acknowledged) indexed before SIGKILL, \(recovered) after restart")
                #expect(consumer.process.isRunning, "the consumer waits the outage out")
            }
            try await Self.eventually("every record indexed", logs: processes) { ((try? await backend.documents()) ?? 0) >= records.count }
            try await Task.sleep(for: .seconds(1))
            #expect(try await backend.documents() == records.count, "one document per event: nothing lost, nothing twice")
            let letters = directory.appending(path: "backend/dead-letters.jsonl")
            let dead = FileManager.default.contents(atPath: letters.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
            #expect(dead.isEmpty, "no dead letters for an outage: \(dead.prefix(500))")
            #expect(consumer.process.isRunning)
            #expect(consumer.output.contains("backing off") || consumer.output.contains("failed"), "the consumer saw the outages")
        }
    }
}
