import Foundation
import KubernetesCore

/// Runs an exec credential plugin (`client.authentication.k8s.io/v1` or `v1beta1`) and parses its `ExecCredential`.
///
/// The plugin gets `KUBERNETES_EXEC_INFO` (non-interactive) and the kubeconfig's `env` entries on top
/// of this process's environment. A non-zero exit, or output without a token, throws with the
/// plugin's stderr in the message (never silently falls back to anonymous access).
public enum ExecCredentialPlugin {
    /// What a plugin returned.
    public struct Credential: Sendable, Equatable {
        public var token: Redacted<String>
        /// When the token expires; `nil` means it is valid until a 401.
        public var expiration: Date?
    }

    struct Output: Decodable {
        struct Status: Decodable {
            var token: String?
            var expirationTimestamp: String?
            var clientCertificateData: String?
        }
        var apiVersion: String?
        var kind: String?
        var status: Status?
    }

    /// Runs the plugin and waits for it.
    public static func run(_ config: ExecConfig) async throws(KubernetesClientError) -> Credential {
        let apiVersion = config.apiVersion ?? "client.authentication.k8s.io/v1"
        var environment = ProcessInfo.processInfo.environment
        for entry in config.env ?? [] { environment[entry.name] = entry.value }
        environment["KUBERNETES_EXEC_INFO"] = #"{"apiVersion":"\#(apiVersion)","kind":"ExecCredential","spec":{"interactive":false}}"#

        let result: ProcessResult
        do {
            result = try await ProcessResult.run(command: config.command, arguments: config.args ?? [], environment: environment)
        } catch {
            let hint = config.installHint.map { " (\($0))" } ?? ""
            throw KubernetesClientError(.authenticationFailed, message: "exec plugin \(config.command) could not start\(hint)", underlying: error)
        }
        guard result.exitCode == 0 else {
            let stderr = String(decoding: result.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw KubernetesClientError(.authenticationFailed, message: "exec plugin \(config.command) exited with \(result.exitCode): \(stderr)")
        }
        let output: Output
        do {
            output = try JSONDecoder().decode(Output.self, from: result.stdout)
        } catch {
            throw KubernetesClientError(.authenticationFailed, message: "exec plugin \(config.command) printed no ExecCredential", underlying: error)
        }
        guard output.kind == "ExecCredential" else {
            throw KubernetesClientError(.authenticationFailed, message: "exec plugin \(config.command) printed kind \(output.kind ?? "nil"), want ExecCredential")
        }
        guard let token = output.status?.token, !token.isEmpty else {
            let reason = output.status?.clientCertificateData != nil ? "client-certificate credentials from exec plugins are not supported" : "no status.token"
            throw KubernetesClientError(.authenticationFailed, message: "exec plugin \(config.command): \(reason)")
        }
        var expiration: Date?
        if let text = output.status?.expirationTimestamp {
            guard let date = Timestamp.parse(text) else {
                throw KubernetesClientError(.authenticationFailed, message: "exec plugin \(config.command): invalid expirationTimestamp \(text)")
            }
            expiration = date
        }
        return Credential(token: Redacted(token), expiration: expiration)
    }
}

/// The outcome of a finished child process.
struct ProcessResult: Sendable {
    var exitCode: Int32
    var stdout: Data
    var stderr: Data

    /// Runs a command (looked up on PATH unless it contains a slash) to completion off the cooperative pool.
    static func run(command: String, arguments: [String], environment: [String: String]) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                let process = Process()
                if command.contains("/") {
                    process.executableURL = URL(fileURLWithPath: command)
                    process.arguments = arguments
                } else {
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = [command] + arguments
                }
                process.environment = environment
                let stdout = Pipe()
                let stderr = Pipe()
                process.standardOutput = stdout
                process.standardError = stderr
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                // Read stderr concurrently so a chatty plugin cannot block on a full pipe.
                let errorData = Mutexed(Data())
                let group = DispatchGroup()
                group.enter()
                DispatchQueue.global().async {
                    errorData.set(stderr.fileHandleForReading.readDataToEndOfFile())
                    group.leave()
                }
                let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
                group.wait()
                process.waitUntilExit()
                continuation.resume(returning: ProcessResult(exitCode: process.terminationStatus, stdout: outputData, stderr: errorData.get()))
            }
        }
    }
}
