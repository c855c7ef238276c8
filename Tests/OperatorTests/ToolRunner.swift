import Foundation
import KubernetesTesting

/// Runs the command-line tools the operator tests use as oracles (kubectl, kubernetes-validate,
/// Helm through helm-python-sdk, python-hcl2, checkov, Lua through lupa): output and errors to
/// files (no pipe can fill up), optional standard input.
enum ToolRunner {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
        /// Output then errors, for messages.
        var combined: String { output + errors }
    }

    static func run(_ arguments: [String], input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let directory = FileManager.default.temporaryDirectory
        let out = directory.appendingPathComponent("tool-out-\(UUID())"), err = directory.appendingPathComponent("tool-err-\(UUID())")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let stdin = Pipe()
        if input != nil { process.standardInput = stdin }
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(input)
            try stdin.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        defer {   // best-effort clean-up of temporary files; a leftover file is harmless
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return Result(
            status: process.terminationStatus, output: try String(contentsOf: out, encoding: .utf8),
            errors: try String(contentsOf: err, encoding: .utf8))
    }

    /// checkov, in the virtualenv `scripts/test` gives it.
    static func checkov() throws -> String {
        let path = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/rag-operator/checkov-venv/bin/checkov").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw Kubectl.Failure(description: "checkov is not installed at \(path): run ./scripts/test")
        }
        return path
    }
}
