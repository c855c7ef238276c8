import Foundation
import Hummingbird
import NIOCore
import Answering
import Retrieval
import TelemetryModel

/// `GET /healthz`, `/readyz` and `/api/stats`: the public listener's operational routes.
struct OperationalRoutes: Sendable {
    let embedder: any Embedder
    let store: any VectorStore
    let generator: any AnswerGenerator
    let meter: IngestRateMeter
    let clock: WallClock
    let checks: ReadinessChecks

    func register(on router: Router<BasicRequestContext>) {
        router.get("healthz") { _, _ in try JSONResponse.make(["status": "ok"]) }
        router.get("readyz") { _, _ in try await readiness() }
        router.get("api/stats") { _, _ in try await stats() }
    }

    /// `{"documents", "oldest", "newest", "ingestRatePerMinute", "freshnessSeconds", "consumerLagSeconds"}`;
    /// timestamps ISO-8601 UTC or `null`; `freshnessSeconds` is the median time from a record's
    /// timestamp to searchable over the last minute's ingests; `consumerLagSeconds` how far behind
    /// the stream a consumer indexing through this backend last said it was (`null` for none in 2 minutes).
    func stats() async throws -> Response {
        let stats: VectorStoreStats
        do {
            stats = try await store.stats()
        } catch {
            throw QueryAPIError.unavailable("vector_store_unavailable", "the vector store did not report statistics", detail: "\(error)")
        }
        return try JSONResponse.make(StatsBody(
            documents: stats.documents, oldest: stats.oldest.map(UTCTimestamp.string(from:)),
            newest: stats.newest.map(UTCTimestamp.string(from:)), ingestRatePerMinute: meter.ratePerMinute(at: clock.now()),
            freshnessSeconds: meter.freshness(at: clock.now()), consumerLagSeconds: meter.consumerLag(at: clock.now())))
    }

    /// 200 when the store and the embedder work; the LLM is reported but not required. Each check is
    /// cached and time-bounded (``ReadinessChecks``); liveness (`/healthz`) depends on none of them.
    func readiness() async throws -> Response {
        let store = store, embedder = embedder, generator = generator
        let storeCheck = await checks.result(of: "vectorStore") {
            _ = try await store.count()
            return "ok"
        }
        let embedderCheck = await checks.result(of: "embedder") {
            _ = try await embedder.embed(["readiness probe"], purpose: .query)
            return "ok"
        }
        var results = ["vectorStore": storeCheck.detail, "embedder": embedderCheck.detail]
        if let llm = generator as? LLMAnswerGenerator {
            results["llm"] = await checks.result(of: "llm") { await llm.isReachable() ? "reachable" : "unreachable" }.detail
        } else {
            results["llm"] = "not configured"
        }
        let ready = storeCheck.passed && embedderCheck.passed
        return try JSONResponse.make(
            ReadinessBody(status: ready ? "ready" : "not ready", checks: results), status: ready ? .ok : .serviceUnavailable)
    }

    struct StatsBody: Encodable {
        var documents: Int
        var oldest: String?
        var newest: String?
        var ingestRatePerMinute: Int
        var freshnessSeconds: Double?
        var consumerLagSeconds: Double?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(documents, forKey: .documents)
            try container.encode(oldest, forKey: .oldest)
            try container.encode(newest, forKey: .newest)
            try container.encode(ingestRatePerMinute, forKey: .ingestRatePerMinute)
            try container.encode(freshnessSeconds.map { ($0 * 10).rounded() / 10 }, forKey: .freshnessSeconds)
            try container.encode(consumerLagSeconds, forKey: .consumerLagSeconds)
        }

        private enum CodingKeys: String, CodingKey { case documents, oldest, newest, ingestRatePerMinute, freshnessSeconds, consumerLagSeconds }
    }

    struct ReadinessBody: Encodable {
        var status: String
        var checks: [String: String]
    }
}
