import Foundation

/// One contiguous array of the index: owned in memory, or a range of a memory-mapped file.
///
/// Reading goes through ``withUnsafeBufferPointer(_:)`` either way. The first write to a mapped
/// section copies it into memory (copy on write), so a reopened index can still grow.
struct Section<Element: BitwiseCopyable & Sendable>: Sendable {
    private enum Backing: Sendable {
        case owned([Element])
        /// `count` elements at byte `offset` of a mapped file.
        case mapped(MappedFile, offset: Int, count: Int)
    }

    private var backing: Backing

    /// An owned section.
    init(_ elements: [Element] = []) { backing = .owned(elements) }

    /// `count` elements at byte `offset` of `file`; the caller has checked the range and alignment.
    init(file: MappedFile, offset: Int, count: Int) { backing = .mapped(file, offset: offset, count: count) }

    var count: Int {
        switch backing {
        case .owned(let elements): elements.count
        case .mapped(_, _, let count): count
        }
    }

    /// Whether the elements live in a mapped file.
    var isMapped: Bool {
        if case .mapped = backing { return true }
        return false
    }

    @inline(__always)
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        switch backing {
        case .owned(let elements):
            return try elements.withUnsafeBufferPointer(body)
        case .mapped(let file, let offset, let count):
            return try file.withUnsafeBytes { raw in
                let start = (raw.baseAddress! + offset).assumingMemoryBound(to: Element.self)
                return try body(UnsafeBufferPointer(start: start, count: count))
            }
        }
    }

    /// The elements as an owned array, copying a mapped section once.
    private mutating func makeOwned() -> [Element] {
        switch backing {
        case .owned(let elements):
            backing = .owned([])
            return elements
        case .mapped:
            return withUnsafeBufferPointer { Array($0) }
        }
    }

    mutating func withUnsafeMutableBufferPointer<Result>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> Result) rethrows -> Result {
        var elements = makeOwned()
        defer { backing = .owned(elements) }
        return try elements.withUnsafeMutableBufferPointer { try body($0) }
    }

    mutating func append(contentsOf elements: some Sequence<Element>) {
        var owned = makeOwned()
        owned.append(contentsOf: elements)
        backing = .owned(owned)
    }

    mutating func append(repeating element: Element, count: Int) {
        append(contentsOf: repeatElement(element, count: count))
    }

    subscript(index: Int) -> Element {
        withUnsafeBufferPointer { $0[index] }
    }
}
