import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// A `moto_server` subprocess on 127.0.0.1 at a free port, for one test (as `AWSTests/MotoServer`).
enum IngestionMotoServer {
    /// Starts moto_server, waits until it answers, runs `body`, and kills it.
    static func withRunning<T>(_ body: (URL) async throws -> T) async throws -> T {
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)   // werkzeug does not always stop on SIGTERM
            process.waitUntilExit()
        }
        let endpoint = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            guard process.isRunning else { throw MotoFailure(message: "moto_server exited with \(process.terminationStatus); pip install 'moto[server]'") }
            guard ContinuousClock.now < deadline else { throw MotoFailure(message: "moto_server did not answer within 60 s") }
            var request = HTTPClientRequest(url: endpoint.appendingPathComponent("moto-api").absoluteString)
            request.method = .GET
            do {
                if try await HTTPClient.shared.execute(request, timeout: .seconds(2)).status.code < 500 { break }
            } catch {
                // Not listening yet: poll again.
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try await body(endpoint)
    }

    static func freePort() throws -> Int {
        let pipe = Pipe()
        let finder = Process()
        finder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        finder.arguments = ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"]
        finder.standardOutput = pipe
        try finder.run()
        finder.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return try #require(Int(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
}

struct MotoFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
