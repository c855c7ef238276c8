import AsyncHTTPClient
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A `moto_server` subprocess on 127.0.0.1 at a free port, started for one test and killed after it.
/// Shared by the AWS client tests and the ingestion tests.
public struct MotoServer {
    let endpoint: URL
    let process: Process

    /// Starts moto_server, waits until it answers, runs `body`, and terminates it.
    public static func withRunning<T>(_ body: (URL) async throws -> T) async throws -> T {
        try requireMoto()
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["moto_server", "-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // moto_server (werkzeug) does not always stop on SIGTERM; SIGKILL cannot be ignored.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        guard let endpoint = URL(string: "http://127.0.0.1:\(port)") else { throw MotoUnavailable(message: "bad port \(port)") }
        try await waitUntilAnswering(endpoint, process: process)
        return try await body(endpoint)
    }

    static func requireMoto() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import moto.server"]
        check.standardError = FileHandle.nullDevice
        try check.run()
        check.waitUntilExit()
        guard check.terminationStatus == 0 else {
            throw MotoUnavailable(message: "moto is not installed: run `pip install 'moto[server]'` (python3 -c 'import moto.server' failed)")
        }
    }

    /// A TCP port on 127.0.0.1 that nothing listens on right now (asked of the kernel).
    public static func freePort() throws -> Int {
        let pipe = Pipe()
        let finder = Process()
        finder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        finder.arguments = ["python3", "-c", "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1])"]
        finder.standardOutput = pipe
        try finder.run()
        finder.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw MotoUnavailable(message: "could not find a free port: \(text)")
        }
        return port
    }

    /// Polls the real subprocess until it accepts HTTP (it takes about a second to import moto).
    static func waitUntilAnswering(_ endpoint: URL, process: Process) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw MotoUnavailable(message: "moto_server exited with \(process.terminationStatus)") }
            var request = HTTPClientRequest(url: endpoint.appendingPathComponent("moto-api").absoluteString)
            request.method = .GET
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)), response.status.code < 500 {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw MotoUnavailable(message: "moto_server did not answer on \(endpoint) within 60 seconds")
    }
}

/// moto_server could not be started or did not answer.
public struct MotoUnavailable: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
