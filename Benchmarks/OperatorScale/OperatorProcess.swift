import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `rag-operator run` as a child process, as a cluster runs it: its own address space, so what it
/// costs (peak RSS, CPU seconds) is read from `/proc` and is the operator's alone.
final class OperatorProcess {
    let process = Process()
    let log: URL
    let metricsPort: Int

    init(executable: URL, kubeconfig: URL, workers: Int, syncPeriod: Int, log: URL) throws {
        self.log = log
        metricsPort = try Self.freePort()
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        process.executableURL = executable
        process.arguments = [
            "run", "--kubeconfig", kubeconfig.path, "--no-leader-elect", "--metrics-address", "127.0.0.1:\(metricsPort)",
            "--concurrency", String(workers), "--sync-period", String(syncPeriod), "--log-format", "text", "--log-level", "warning",
        ]
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }

    /// Peak resident set size in bytes (`VmHWM`).
    func peakRSS() throws -> Int {
        try Self.statusField("VmHWM", pid: pid) * 1024
    }

    /// Resident set size now, in bytes (`VmRSS`).
    func rss() throws -> Int {
        try Self.statusField("VmRSS", pid: pid) * 1024
    }

    /// User plus system CPU seconds so far.
    func cpuSeconds() throws -> Double {
        try Self.cpuSeconds(of: "\(pid)")
    }

    /// User plus system CPU seconds of a process (`self` for this one).
    static func cpuSeconds(of pid: String) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields overall.
        guard let close = stat.lastIndex(of: ")") else { throw BenchmarkError("cannot read /proc/\(pid)/stat") }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { throw BenchmarkError("cannot read /proc/\(pid)/stat") }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func stop() async {
        if process.isRunning { process.terminate() }
        let deadline = ContinuousClock.now + .seconds(15)
        while process.isRunning && ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(pid, SIGKILL) }
    }

    static func statusField(_ name: String, pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        for line in status.split(separator: "\n") where line.hasPrefix("\(name):") {
            if let kilobytes = Int(line.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") { return kilobytes }
        }
        throw BenchmarkError("no \(name) in /proc/\(pid)/status")
    }

    /// A port on 127.0.0.1 nobody listens on now (bound, read, released).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw BenchmarkError("socket() failed") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        guard bound == 0 else { throw BenchmarkError("bind() failed") }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) } }
        guard named == 0 else { throw BenchmarkError("getsockname() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A benchmark failure: one readable line.
struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
