import Foundation
import Testing

/// Re-runs the botocore generator and compares its output with the committed fixture, so that a
/// change to the generator's inputs, or a botocore that signs differently, shows up as a failure.
@Suite struct SigV4FixtureDriftTests {
    @Test func regeneratingTheBotocoreVectorsReproducesTheCommittedFixture() throws {
        let probe = try runPython(["-c", "import botocore"])
        guard probe.status == 0 else {
            Issue.record("""
                python3 with botocore is required to check Fixtures/sigv4-botocore.json against botocore \
                (pip install botocore). `python3 -c "import botocore"` exited \(probe.status): \(probe.output)
                """)
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sigv4-drift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { _ = try? FileManager.default.removeItem(at: directory) }  // cleanup only; a leftover temp dir is harmless
        let output = directory.appendingPathComponent("sigv4-botocore.json")
        let script = try SigV4Vectors.fixturesDirectory.appendingPathComponent("generate_sigv4_vectors.py")
        let run = try runPython([script.path, "--output", output.path])
        try #require(run.status == 0, "the generator failed (exit \(run.status)): \(run.output)")

        let regenerated = try String(contentsOf: output, encoding: .utf8)
        let committed = try String(contentsOf: SigV4Vectors.fixtureURL, encoding: .utf8)
        if regenerated != committed {  // not #expect(==): that would print both 80 KB texts
            Issue.record(Comment(rawValue: Self.firstDifference(committed, regenerated)))
        }
    }

    /// Runs `python3` with `arguments`, returning its exit status and combined output.
    private func runPython(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do {
            try process.run()
        } catch {
            return (-1, "could not start /usr/bin/env python3: \(error)")
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// A short description of where two texts first differ, for the failure message.
    static func firstDifference(_ committed: String, _ regenerated: String) -> String {
        let old = committed.split(separator: "\n", omittingEmptySubsequences: false)
        let new = regenerated.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        let committedLine = line < old.count ? String(old[line]) : "<end of file>"
        let regeneratedLine = line < new.count ? String(new[line]) : "<end of file>"
        return """
            Fixtures/sigv4-botocore.json drifted from botocore at line \(line + 1):
              committed:   \(committedLine)
              regenerated: \(regeneratedLine)
            Regenerate with `python3 Tests/AWSTests/Fixtures/generate_sigv4_vectors.py` and review the diff.
            """
    }
}
