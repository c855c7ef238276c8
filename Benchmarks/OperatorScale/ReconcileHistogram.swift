import AsyncHTTPClient
import Foundation

/// The operator's `controller_runtime_reconcile_time_seconds` histogram, read from its `/metrics`.
///
/// Quantiles are interpolated inside the bucket that holds them, as Prometheus's
/// `histogram_quantile` does, so they are as fine as the buckets (5 ms, 10 ms, 25 ms, …).
struct ReconcileHistogram: Sendable {
    /// Cumulative counts by upper bound (seconds), ascending; the last bound is +Inf.
    var buckets: [(bound: Double, count: Double)]

    static let metric = "controller_runtime_reconcile_time_seconds_bucket"

    static func scrape(port: Int) async throws -> ReconcileHistogram {
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/metrics")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 16 << 20)
        return parse(String(buffer: body))
    }

    static func parse(_ text: String) -> ReconcileHistogram {
        var counts: [Double: Double] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix(metric) {
            guard let le = line.range(of: "le=\""), let end = line[le.upperBound...].firstIndex(of: "\""),
                  let value = line.split(separator: " ").last.flatMap({ Double($0) }) else { continue }
            let label = line[le.upperBound..<end]
            let bound = label == "+Inf" ? Double.infinity : Double(label) ?? .nan
            if !bound.isNaN { counts[bound, default: 0] += value }
        }
        return ReconcileHistogram(buckets: counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// What was observed between `earlier` and this one.
    func since(_ earlier: ReconcileHistogram) -> ReconcileHistogram {
        let before = Dictionary(earlier.buckets.map { ($0.bound, $0.count) }, uniquingKeysWith: +)
        return ReconcileHistogram(buckets: buckets.map { ($0.bound, $0.count - (before[$0.bound] ?? 0)) })
    }

    var count: Double { buckets.last?.count ?? 0 }

    /// The `q` quantile in seconds, or `nil` with no observations.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = q * count
        var lowerBound = 0.0, lowerCount = 0.0
        for (bound, cumulative) in buckets {
            if cumulative >= rank {
                if bound.isInfinite { return lowerBound }   // beyond the last finite bucket: its bound is all we know
                let inBucket = cumulative - lowerCount
                return inBucket == 0 ? bound : lowerBound + (bound - lowerBound) * (rank - lowerCount) / inBucket
            }
            lowerBound = bound
            lowerCount = cumulative
        }
        return lowerBound
    }
}
