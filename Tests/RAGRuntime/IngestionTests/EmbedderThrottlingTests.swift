import AWS
import AWSTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import RAGRuntimeTesting
@testable import Ingestion
@testable import Retrieval
@testable import TelemetrySimulator

/// An OpenAI-compatible embeddings endpoint that answers 429 until `throttledUntil`, then embeds
/// with the hashing embedder; it counts the texts it embedded.
final class ThrottlingEmbedder: Sendable {
    let throttledUntil: ContinuousClock.Instant
    let embedder: HashingEmbedder
    let embedded = Mutex(0)
    let throttled = Mutex(0)

    init(throttleFor duration: Duration, dimensions: Int) throws {
        throttledUntil = .now + duration
        embedder = try HashingEmbedder(dimensions: dimensions)
    }

    var router: Router<BasicRequestContext> {
        let router = Router()
        router.post("v1/embeddings") { request, _ -> Response in
            guard ContinuousClock.now >= self.throttledUntil else {
                self.throttled.withLock { $0 += 1 }
                return Response(status: .tooManyRequests, headers: [.contentType: "application/json"],
                                body: .init(byteBuffer: ByteBuffer(string: #"{"error":{"message":"rate limited"}}"#)))
            }
            let body = try await request.body.collect(upTo: 1 << 24)
            let input = try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])["input"] as? [String] ?? []
            let vectors = try await self.embedder.embed(input, purpose: .document)
            self.embedded.withLock { $0 += input.count }
            let data = vectors.enumerated().map { ["index": $0.offset, "embedding": $0.element.map(Double.init)] as [String: Any] }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["data": data]))))
        }
        return router
    }
}

/// Issue 13: an embedder throttling for 30 seconds used to cost dead letters (3 + 3 attempts, then
/// the records were given up and the checkpoint moved past them). The real consumer process waits
/// it out: zero dead letters, every record indexed, and it never exits.
@Suite(.serialized, .timeLimit(.minutes(4))) struct EmbedderThrottlingTests {
    @Test func aConsumerWaitsOutAThrottlingEmbedderAndLosesNothing() async throws {
        let directory = try IngestionFixtures.temporaryDirectory()
        let embeddings = try ThrottlingEmbedder(throttleFor: .seconds(30), dimensions: 64)
        try await MotoServer.withRunning { moto in
            let kinesis = MotoClients.kinesis(moto)
            try await MotoClients.createStream(kinesis, shards: 1)
            let records = try IngestionFixtures.records(count: 1_000, seed: 41)
            let writer = KinesisTelemetryWriter(kinesis: kinesis, streamName: "vehicle-logs")
            for start in stride(from: 0, to: records.count, by: 500) { try await writer.write(Array(records[start..<start + 500])) }
            try await Application(router: embeddings.router).test(.live) { client in
                let consumer = try RuntimeProcess(
                    ["consumer", "--commit-interval", "0"],
                    environment: [
                        "PORT": String(try RuntimeProcess.freePort()), "LOG_LEVEL": "warning",
                        "AWS_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_ENDPOINT_URL_KINESIS": moto.absoluteString, "KINESIS_STREAM_NAME": "vehicle-logs",
                        "EMBEDDER": "openai", "EMBEDDING_URL": "http://127.0.0.1:\(try #require(client.port))", "EMBEDDING_MODEL": "m",
                        "EMBEDDING_DIMENSIONS": "64", "VECTOR_STORE": "embedded", "DATA_DIR": directory.appending(path: "data").path,
                    ],
                    log: directory.appending(path: "consumer.log"))
                defer { consumer.stop() }
                let deadline = ContinuousClock.now + .seconds(150)
                while embeddings.embedded.withLock({ $0 }) < records.count {
                    guard ContinuousClock.now < deadline, consumer.process.isRunning else {
                        Issue.record("not every record was embedded: \(consumer.output.suffix(3_000))")
                        return
                    }
                    try await Task.sleep(for: .milliseconds(200))
                }
                #expect(embeddings.throttled.withLock { $0 } > 1, "the consumer met the throttling")
                #expect(consumer.process.isRunning, "and never exited")
                try await Task.sleep(for: .seconds(1))
                consumer.process.terminate()   // a graceful stop: the last checkpoint and a store checkpoint
                consumer.process.waitUntilExit()
                #expect(consumer.process.terminationStatus == 0, "\(consumer.output.suffix(2_000))")
            }
            let store = try EmbeddedVectorStore.openDurable(in: directory.appending(path: "data"), configuration: .init(dimensions: 64)).store
            #expect(Set(store.storedEventIDs) == Set(records.map(\.eventID)), "every record indexed, once")
            let letters = FileManager.default.contents(atPath: directory.appending(path: "data/dead-letters.jsonl").path) ?? Data()
            #expect(letters.isEmpty, "no dead letters for throttling: \(String(decoding: letters.prefix(300), as: UTF8.self))")
        }
    }
}
