import Foundation
import KubernetesCore

/// What the ingest-token Secret should hold, from what it holds now: pure, with the clock and the
/// random source passed in.
///
/// - No Secret yet, or no token in it: a new random token.
/// - The pipeline's `rag.dev/rotate-ingest-token` annotation differs from the one the Secret
///   recorded: a new token, and the old one kept as `previous` for ``overlap`` so that pods still
///   holding it (the Secret reaches mounts within about a minute) keep working.
/// - `previous` older than ``overlap``: dropped.
/// - Otherwise: the live data, unchanged (no write).
struct IngestTokenPlan: Equatable {
    /// How long the previous token stays valid after a rotation.
    static let overlap: TimeInterval = 600
    /// The Secret annotation recording the rotation request it answered.
    static let rotationAnnotation = "rag.dev/ingest-token-rotation"
    /// The Secret annotation recording when the token last changed (RFC 3339).
    static let rotatedAtAnnotation = "rag.dev/ingest-token-rotated-at"

    /// `token` and, during a rotation, `previous` (base64, as Secret data).
    var data: [String: String]
    var annotations: [String: String]
    /// When to look again (the end of the overlap), or `nil`.
    var recheckAfter: TimeInterval?

    /// The plan for a Secret whose live data and annotations are given (`nil` when it does not exist).
    static func plan(
        live: (data: [String: String], annotations: [String: String])?, rotationRequest: String?, now: Date,
        newToken: () -> String
    ) -> IngestTokenPlan {
        let request = rotationRequest ?? ""
        guard let live, let current = live.data["token"], !current.isEmpty else {
            return IngestTokenPlan(
                data: ["token": encode(newToken())],
                annotations: [rotationAnnotation: request, rotatedAtAnnotation: Timestamp(now).description], recheckAfter: nil)
        }
        let answered = live.annotations[rotationAnnotation] ?? ""
        if answered != request {
            return IngestTokenPlan(
                data: ["token": encode(newToken()), "previous": current],
                annotations: [rotationAnnotation: request, rotatedAtAnnotation: Timestamp(now).description], recheckAfter: overlap)
        }
        var kept = IngestTokenPlan(data: ["token": current], annotations: [rotationAnnotation: answered], recheckAfter: nil)
        if let rotatedAt = live.annotations[rotatedAtAnnotation] { kept.annotations[rotatedAtAnnotation] = rotatedAt }
        if let previous = live.data["previous"] {
            let rotatedAt = live.annotations[rotatedAtAnnotation].flatMap(Timestamp.parse) ?? .distantPast
            let remaining = rotatedAt.addingTimeInterval(overlap).timeIntervalSince(now)
            if remaining > 0 {
                kept.data["previous"] = previous
                kept.recheckAfter = remaining
            }
        }
        return kept
    }

    /// 32 random bytes, base64url without padding: 43 characters.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func encode(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
