import AsyncHTTPClient
import AWSTesting
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `rag-runtime` process started by a test, with its log, stopped (SIGKILL) by ``stop()``.
package final class RuntimeProcess: Sendable {
    package let process: Process
    package let log: URL

    /// The `rag-runtime` binary built next to the test bundle.
    package static func executable() throws -> URL {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("rag-runtime")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw RuntimeProcessError(message: "rag-runtime is not built next to \(directory.path); run `swift build` first")
    }

    /// Starts `rag-runtime <arguments>` with `environment` (plus `PATH` and text logs), its output in `log`.
    package init(_ arguments: [String], environment: [String: String], log: URL) throws {
        let process = Process()
        process.executableURL = try Self.executable()
        process.arguments = arguments
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LOG_FORMAT": "text"]
            .merging(environment) { _, given in given }
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        self.process = process
        self.log = log
    }

    /// What the process wrote so far.
    package var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Waits until `GET <url>` answers 200, or fails with the log's tail.
    package func waitUntilServing(_ url: String, timeout: Duration = .seconds(30)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { break }
            var request = HTTPClientRequest(url: url)
            request.method = .GET
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(1)), response.status.code == 200 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        // Say which: a process that died (and how) and one still starting need different fixes.
        let state = process.isRunning
            ? "still running after \(timeout)"
            : "exited (\(process.terminationReason == .uncaughtSignal ? "signal" : "status") \(process.terminationStatus))"
        throw RuntimeProcessError(message: "\(url) did not answer 200; the process \(state); its log: \(String(output.suffix(3_000)))")
    }

    /// Kills the process and waits for it.
    package func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A free loopback port.
    package static func freePort() throws -> Int { try MotoServer.freePort() }
}

/// A test process that could not be started or did not come up.
package struct RuntimeProcessError: Error, CustomStringConvertible {
    package var message: String
    package init(message: String) { self.message = message }
    package var description: String { message }
}
