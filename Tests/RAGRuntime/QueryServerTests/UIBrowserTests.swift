import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import QueryServer
@testable import Retrieval
@testable import TelemetryModel
import RAGRuntimeTesting

/// Loads the web UI in headless Chromium (Selenium), asks a question and checks that the answer
/// and the sources table appear. Needs Debian's `chromium` and `chromium-driver` and Python's
/// `selenium`; fails with the install command when they are missing.
@Suite(.timeLimit(.minutes(2))) struct UIBrowserTests {
    /// The first of `names` found on `PATH`.
    static func executable(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in names {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs a process to completion and returns its exit status, stdout and stderr.
    static func run(_ executable: String, _ arguments: [String]) async throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (status, output, errors)
    }

    /// Python, chromedriver and a fresh folder holding the browser script, or a failed `#require`
    /// that says what to install.
    static func browserTools() async throws -> (python: String, driver: String, script: URL, screenshot: URL) {
        let install = "apt-get install -y chromium chromium-driver && pip install selenium"
        let python = try #require(Self.executable(["python3"]), "python3 is missing; install it, then: \(install)")
        let chromium = Self.executable(["chromium", "chromium-browser"])
        let driver = Self.executable(["chromedriver"]) ?? ["/usr/lib/chromium/chromedriver"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(chromium != nil, "chromium is not installed: \(install)")
        let driverPath = try #require(driver, "chromedriver is not installed: \(install)")
        let selenium = try await Self.run(python, ["-c", "import selenium"])
        try #require(selenium.status == 0, "Python selenium is not installed: \(install)")

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rag-ui-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("check_ui.py")
        try Data(UIBrowserScript.source.utf8).write(to: script)
        return (python, driverPath, script, directory.appendingPathComponent("ui.png"))
    }

    @Test func askingAQuestionInChromiumShowsTheAnswerAndTheSourcesTable() async throws {
        let (python, driverPath, script, screenshot) = try await Self.browserTools()

        let harness = try await APIHarness(generator: RecordingGenerator())
        try await Application(router: harness.router).test(.live) { client in
            let port = try #require(client.port)
            let result = try await Self.run(python, [script.path, "http://127.0.0.1:\(port)/", screenshot.path, "critical alerts about engine temperature today", driverPath])
            try #require(result.status == 0, "browser check failed (screenshot \(screenshot.path)): \(result.err)")
            let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            #expect(seen["answer"] as? String == "VH-0042 at 2025-06-15T11:30:00Z reported 118.5 °C.")
            #expect((seen["answerSource"] as? String)?.contains("language model") == true)
            let rows = try #require(seen["rows"] as? [[String]])
            #expect(rows.count == 2)
            #expect(rows.allSatisfy { $0.count == 6 && $0[2] == "CRITICAL" })
            #expect((seen["chips"] as? [String])?.contains("level = CRITICAL") == true)
            #expect((seen["corpus"] as? String)?.hasPrefix("4 records indexed") == true)
        }
        #expect(FileManager.default.fileExists(atPath: screenshot.path))
        print("UI screenshot: \(screenshot.path)")
    }

    /// The page sends `k` only when the person picks a number, so the backend's default (from the
    /// pipeline's spec) applies otherwise. It used to send 10 whatever the backend said.
    @Test func thePageLeavesTheRecordCountToTheBackendUnlessOneIsChosen() async throws {
        let (python, driverPath, script, screenshot) = try await Self.browserTools()
        let harness = try await APIHarness(generator: RecordingGenerator(), configuration: QueryAPIConfiguration(defaultTopK: 1))
        try await Application(router: harness.router).test(.live) { client in
            let port = try #require(client.port)
            let result = try await Self.run(python, [script.path, "http://127.0.0.1:\(port)/", screenshot.path, "critical alerts about engine temperature today", driverPath])
            try #require(result.status == 0, "browser check failed (screenshot \(screenshot.path)): \(result.err)")
            let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            #expect((seen["rows"] as? [[String]])?.count == 1)
        }
    }

    /// A record whose message is markup shows as text: no script from it runs, and the page's own
    /// inline script and style pass its Content-Security-Policy (no violation in the console).
    @Test func aRecordThatCarriesMarkupShowsAsTextAndNothingBreaksThePolicy() async throws {
        let (python, driverPath, script, screenshot) = try await Self.browserTools()
        let hostile = #"<img src=x onerror="window.__xss=true"><script>window.__xss=true</script>"#
        let store = try EmbeddedVectorStore(configuration: .init(dimensions: 128))
        let record = RetrievalFixtures.record(
            "evt-hostile", at: APIHarness.now.addingTimeInterval(-600), level: .critical, vehicle: "VH-0666", code: "ENG-001",
            message: "Engine temperature critical " + hostile, readings: .init(engineTemp: 130))
        let vector = try await HashingEmbedder(dimensions: 128).embed([record.embeddingText], purpose: .document)[0]
        try await store.upsert([IndexedDocument(record: record, vector: vector)])
        let harness = try await APIHarness(generator: RecordingGenerator(), store: store)
        try await Application(router: harness.router).test(.live) { client in
            let port = try #require(client.port)
            let result = try await Self.run(python, [script.path, "http://127.0.0.1:\(port)/", screenshot.path, "critical alerts about engine temperature today", driverPath])
            try #require(result.status == 0, "browser check failed (screenshot \(screenshot.path)): \(result.err)")
            let seen = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
            let rows = try #require(seen["rows"] as? [[String]])
            #expect(rows.contains { $0.contains("Engine temperature critical " + hostile) }, "the markup is shown as text")
            #expect(seen["xss"] as? Bool == false, "no injected script ran")
            #expect((seen["consoleErrors"] as? [String]) == [], "no CSP violation or script error")
        }
    }
}
