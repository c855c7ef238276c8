import Foundation
import Synchronization

/// The bearer tokens that may write through the backend's internal listener, read from a folder
/// (the operator mounts the pipeline's ingest-token Secret there): `token`, and during a rotation
/// `previous` as well, so consumers holding either keep working while the new one rolls out.
///
/// Files are read again when they change (a Secret update reaches the mount within a minute), at
/// most once a second. Tokens are compared in constant time.
///
/// ```swift
/// let tokens = IngestTokens(directory: URL(filePath: "/var/run/rag/ingest-token"))
/// tokens.accepts("Bearer 3q2-7w...")   // true or false
/// ```
public final class IngestTokens: Sendable {
    /// The files read, in the folder.
    public static let fileNames = ["token", "previous"]
    /// The shortest token accepted from a file: shorter ones are ignored (and logged by ``validate()``).
    public static let minimumLength = 16

    let directory: URL
    let recheckInterval: Duration
    private let cache = Mutex<(checked: ContinuousClock.Instant, stamp: [Date?], tokens: [[UInt8]])?>(nil)

    /// Tokens from `directory`, whose files are looked at again after `recheckInterval` (default 1 s).
    public init(directory: URL, recheckInterval: Duration = .seconds(1)) {
        self.directory = directory
        self.recheckInterval = recheckInterval
    }

    /// Whether an `Authorization` header value carries an accepted token.
    public func accepts(_ authorization: String?) -> Bool {
        guard let authorization, authorization.count > 7, authorization.prefix(7).lowercased() == "bearer " else { return false }
        let offered = Array(authorization.dropFirst(7).trimmingCharacters(in: .whitespaces).utf8)
        var matched = false
        for token in current() where Self.constantTimeEqual(offered, token) { matched = true }
        return matched
    }

    /// The token a client sends (`token`), or `nil` when the folder has none.
    public func clientToken() -> String? {
        current().first.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Fails with a readable reason when the folder holds no usable token.
    public func validate() throws {
        guard !current().isEmpty else {
            throw QueryAPIError(
                status: .internalServerError, code: "no_ingest_token",
                message: "\(directory.path) has no token file of at least \(Self.minimumLength) characters")
        }
    }

    /// The accepted tokens, re-read when a file's modification date changed (checked at most once a second).
    func current() -> [[UInt8]] {
        let now = ContinuousClock.now
        if let cached = cache.withLock({ $0 }), cached.checked.duration(to: now) < recheckInterval { return cached.tokens }
        let files = Self.fileNames.map { directory.appending(path: $0) }
        let stamp = files.map { try? FileManager.default.attributesOfItem(atPath: $0.path)[.modificationDate] as? Date }
        if let cached = cache.withLock({ $0 }), cached.stamp == stamp, recheckInterval > .zero {
            cache.withLock { $0?.checked = now }
            return cached.tokens
        }
        let tokens = files.compactMap { file -> [UInt8]? in
            guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            return text.utf8.count >= Self.minimumLength ? Array(text.utf8) : nil
        }
        cache.withLock { $0 = (now, stamp, tokens) }
        return tokens
    }

    /// Equal bytes, in time that depends only on the lengths.
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference: UInt8 = a.count == b.count ? 0 : 1
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
