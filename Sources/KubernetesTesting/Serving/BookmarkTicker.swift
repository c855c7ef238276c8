import ServiceLifecycle

/// Sends BOOKMARK events to the watches that asked for them, once a `period` (a minute, as
/// kube-apiserver does), so a quiet watch's resourceVersion stays inside the compaction window and
/// it resumes instead of getting 410 Gone and relisting.
public struct BookmarkTicker: Service {
    public let server: FakeAPIServer
    public let period: Duration

    public init(server: FakeAPIServer, period: Duration = .seconds(60)) {
        self.server = server
        self.period = period
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do { try await Task.sleep(for: period) } catch { return }
                await server.sendBookmarks()
            }
        }
    }
}
