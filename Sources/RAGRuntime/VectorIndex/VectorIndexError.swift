/// Errors the vector index reports. Every case names the operation that failed and keeps its cause.
public enum VectorIndexError: Error, Sendable, Equatable {
    /// A vector (or a flat batch) does not have the index's dimension count.
    case dimensionMismatch(expected: Int, actual: Int)
    /// A vector holds a NaN or an infinity, or (for the angular metric) has zero length.
    case invalidVector(position: Int, reason: String)
    /// A configuration value is out of its documented range.
    case invalidConfiguration(String)
    /// `k` was below 1.
    case invalidResultCount(Int)
    /// A filter was built for another number of vectors.
    case filterCapacityMismatch(expected: Int, actual: Int)
    /// Writing an index file failed.
    case writeFailed(path: String, reason: String)
    /// Opening an index file failed: it is missing, truncated, of another format or inconsistent.
    case openFailed(path: String, reason: String)
}
