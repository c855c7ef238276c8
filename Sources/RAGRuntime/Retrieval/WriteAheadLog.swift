import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only log of the embedded store's changes, in numbered segment files
/// (`wal-00000001.log`, ...), each a sequence of frames `[length u32][crc32 u32][payload]`.
///
/// ## Guarantees
/// - ``waitUntilDurable(_:)`` returns only after the entry's bytes are written and `fsync`ed.
/// - Group commit: entries queued while a flush runs are written and synced together by the next
///   one, by whichever waiting caller takes the lead, so concurrent writers share an `fsync`.
/// - ``rotate()`` starts a new segment; a snapshot taken at that moment contains everything in the
///   older segments, which ``removeSegments(before:)`` deletes once the snapshot is committed.
/// - Reading back (``replay(in:from:_:)``) stops at a torn or corrupt last frame and cuts it off:
///   it was never acknowledged, because acknowledgement waits for the `fsync`.
final class WriteAheadLog: Sendable {
    struct Segment: Sendable {
        let number: Int
        let descriptor: Int32
    }

    private struct State {
        var segment: Segment
        var pending: [(segment: Segment, bytes: [UInt8])] = []
        var lastQueued: UInt64 = 0
        var durable: UInt64 = 0
        var flushing = false
        var waiters: [(sequence: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
        var failure: String?
        var retired: [Segment] = []
        var flushes = 0
    }

    let directory: URL
    private let state: Mutex<State>
    /// Called by the flushing writer after taking a batch and before writing it (tests).
    private let syncObserver = Mutex<(@Sendable () -> Void)?>(nil)

    /// Opens a new segment after `lastSegment` in `directory`.
    init(directory: URL, after lastSegment: Int) throws {
        self.directory = directory
        state = Mutex(State(segment: try Self.create(segment: lastSegment + 1, in: directory)))
    }

    static func name(of segment: Int) -> String { String(format: "wal-%08d.log", segment) }

    /// The segment numbers in `directory`, ascending.
    static func segments(in directory: URL) throws -> [Int] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).compactMap { name -> Int? in
            guard name.hasPrefix("wal-"), name.hasSuffix(".log") else { return nil }
            return Int(name.dropFirst(4).dropLast(4))
        }.sorted()
    }

    private static func create(segment: Int, in directory: URL) throws -> Segment {
        let path = directory.appendingPathComponent(name(of: segment)).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RetrievalError.saveFailed(path: path, reason: "open: \(String(cString: strerror(errno)))") }
        // The new file's name must survive a crash too: sync the directory.
        let directoryDescriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return Segment(number: segment, descriptor: descriptor)
    }

    /// Frames `payload` and queues it on the current segment; returns its sequence number.
    ///
    /// Call it in the same critical section that applies the change in memory, so that a
    /// snapshot (taken under that section, at a ``rotate()``) and the log agree on what is where.
    func enqueue(_ payload: [UInt8]) -> UInt64 {
        var frame = [UInt8]()
        frame.reserveCapacity(payload.count + 8)
        Self.append(UInt32(payload.count), to: &frame)
        Self.append(CRC32.checksum(payload), to: &frame)
        frame += payload
        return state.withLock { state in
            state.pending.append((state.segment, frame))
            state.lastQueued += 1
            return state.lastQueued
        }
    }

    /// Waits until entry `sequence` is on disk, flushing (and taking others' entries along) when
    /// no flush is running.
    ///
    /// - Throws: ``RetrievalError/saveFailed(path:reason:)`` when a write or `fsync` failed; the
    ///   log refuses further entries then (the store must be reopened).
    func waitUntilDurable(_ sequence: UInt64) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let lead: Bool = state.withLock { state in
                if let failure = state.failure {
                    continuation.resume(throwing: RetrievalError.saveFailed(path: directory.path, reason: failure))
                    return false
                }
                if state.durable >= sequence {
                    continuation.resume()
                    return false
                }
                state.waiters.append((sequence, continuation))
                guard !state.flushing else { return false }
                state.flushing = true
                return true
            }
            if lead { flushWhilePending() }
        }
    }

    /// Writes and syncs batches until nothing is pending, resuming the waiters each batch covers.
    private func flushWhilePending() {
        while true {
            let batch: (frames: [(segment: Segment, bytes: [UInt8])], upTo: UInt64)? = state.withLock { state in
                guard !state.pending.isEmpty else {
                    state.flushing = false
                    return nil
                }
                defer { state.pending = [] }
                return (state.pending, state.lastQueued)
            }
            guard let batch else { return }
            syncObserver.withLock { $0 }?()
            let failure = Self.write(batch.frames)
            let resumed: [(UInt64, CheckedContinuation<Void, any Error>)] = state.withLock { state in
                if let failure { state.failure = failure } else { state.durable = batch.upTo }
                state.flushes += 1
                let done = state.failure != nil ? state.waiters : state.waiters.filter { $0.sequence <= state.durable }
                state.waiters.removeAll { waiter in done.contains { $0.sequence == waiter.sequence } }
                return done.map { ($0.sequence, $0.continuation) }
            }
            for (_, continuation) in resumed {
                if let failure { continuation.resume(throwing: RetrievalError.saveFailed(path: directory.path, reason: failure)) } else { continuation.resume() }
            }
            if failure != nil {
                state.withLock { $0.flushing = false }
                return
            }
        }
    }

    /// Writes the frames to their segments and syncs each segment touched; the error text, or `nil`.
    private static func write(_ frames: [(segment: Segment, bytes: [UInt8])]) -> String? {
        var touched: [Int32] = []
        for frame in frames {
            var offset = 0
            while offset < frame.bytes.count {
                let written = frame.bytes.withUnsafeBytes { bytes in
                    Glibc.write(frame.segment.descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    return "write: \(String(cString: strerror(errno)))"
                }
                offset += written
            }
            if !touched.contains(frame.segment.descriptor) { touched.append(frame.segment.descriptor) }
        }
        for descriptor in touched where fsync(descriptor) != 0 {
            return "fsync: \(String(cString: strerror(errno)))"
        }
        return nil
    }

    /// Starts a new segment for the entries that follow; returns its number (the first segment a
    /// snapshot taken now does not contain).
    ///
    /// Call it in the critical section that applies changes, as for ``enqueue(_:)``.
    func rotate() throws -> Int {
        try state.withLock { state in
            let next = try Self.create(segment: state.segment.number + 1, in: directory)
            state.retired.append(state.segment)
            state.segment = next
            return next.number
        }
    }

    /// Deletes the segments before `segment` (a committed snapshot holds their entries). Their
    /// queued entries, if any are still being flushed, stay valid: the snapshot has them.
    func removeSegments(before segment: Int) throws {
        let closable = state.withLock { state in
            // A segment a running flush may still be writing to is closed at a later call.
            guard !state.flushing else { return [Segment]() }
            let pendingSegments = Set(state.pending.map(\.segment.number))
            let old = state.retired.filter { $0.number < segment && !pendingSegments.contains($0.number) }
            state.retired.removeAll { retired in old.contains { $0.number == retired.number } }
            return old
        }
        for old in closable { close(old.descriptor) }
        for number in try Self.segments(in: directory) where number < segment {
            do {
                try FileManager.default.removeItem(at: directory.appendingPathComponent(Self.name(of: number)))
            } catch {
                throw RetrievalError.saveFailed(path: directory.path, reason: "removing \(Self.name(of: number)): \(error)")
            }
        }
    }

    /// Runs `body` in every flush, between taking the queued entries and writing them: a point
    /// where they are queued but not durable (for tests of what is visible when).
    func observeSyncs(_ body: @escaping @Sendable () -> Void) {
        syncObserver.withLock { $0 = body }
    }

    /// The sequence number of the last entry known to be on disk.
    var durableSequence: UInt64 { state.withLock { $0.durable } }

    /// The current segment's number.
    var currentSegment: Int { state.withLock { $0.segment.number } }

    /// How many write-and-sync rounds ran (fewer than entries when writers share them).
    var flushes: Int { state.withLock { $0.flushes } }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
