import Foundation

extension AWSRequest {
    /// The values of every header named `name`, compared case-insensitively, in order.
    ///
    /// - Parameter name: The header name, in any case.
    /// - Returns: The values, empty when the header is absent.
    public func headerValues(named name: String) -> [String] {
        let lowercasedName = name.lowercased()
        return headers.filter { $0.name.lowercased() == lowercasedName }.map(\.value)
    }

    /// The first value of the header named `name` (case-insensitive), or `nil`.
    ///
    /// - Parameter name: The header name, in any case.
    public func headerValue(named name: String) -> String? {
        headerValues(named: name).first
    }

    /// Replaces every header named `name` (case-insensitive) with one field appended at the end.
    ///
    /// - Parameters:
    ///   - name: The header name, kept as given.
    ///   - value: The new value.
    public mutating func setHeader(_ name: String, _ value: String) {
        removeHeaders(named: name)
        headers.append((name: name, value: value))
    }

    /// Removes every header named `name`, compared case-insensitively.
    ///
    /// - Parameter name: The header name, in any case.
    public mutating func removeHeaders(named name: String) {
        let lowercasedName = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowercasedName }
    }
}
