import Foundation

/// Runs `python3` from PATH (scripts/test puts the project's virtualenv first) with the given
/// arguments, without blocking a thread of the cooperative pool.
enum PythonScript {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func run(_ arguments: [String]) async throws {
        let errors = FileManager.default.temporaryDirectory.appending(path: "python-stderr-\(UUID().uuidString)")
        try Data().write(to: errors)
        defer { try? FileManager.default.removeItem(at: errors) }
        let handle = try FileHandle(forWritingTo: errors)
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.standardError = handle
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        try handle.close()
        guard status == 0 else {
            let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let hint = stderr.contains("No module named") ? " (the Python test tools are missing: run scripts/test, which installs them)" : ""
            throw Failure(description: "python3 \(arguments.first ?? "") exited \(status)\(hint): \(stderr.suffix(600))")
        }
    }
}
