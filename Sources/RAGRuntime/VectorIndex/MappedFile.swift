import Foundation

/// A read-only memory mapping of a whole file, unmapped when the last copy goes away.
///
/// The mapping is held as `Data` with a deallocator that calls `munmap`, so it is a `Sendable`
/// value and pages are read lazily by the kernel: opening costs a header check, not a copy.
struct MappedFile: Sendable {
    let data: Data
    let path: String

    /// Maps `path` read-only.
    ///
    /// - Throws: ``VectorIndexError/openFailed(path:reason:)`` when the file cannot be opened or mapped.
    init(path: String) throws(VectorIndexError) {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw .openFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .openFailed(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(status.st_size)
        guard size > 0 else { throw .openFailed(path: path, reason: "the file is empty") }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw .openFailed(path: path, reason: "mmap failed: \(String(cString: strerror(errno)))")
        }
        data = Data(bytesNoCopy: address, count: size, deallocator: .custom { pointer, count in munmap(pointer, count) })
    }

    var count: Int { data.count }

    @inline(__always)
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try data.withUnsafeBytes(body)
    }
}
