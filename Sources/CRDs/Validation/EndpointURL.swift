import Foundation

/// The parts of an `http(s)://host[:port][/path]` URL the operator needs: to validate user URLs and
/// to open exactly the right egress port in NetworkPolicies.
public struct EndpointURL: Sendable, Equatable {
    /// `http` or `https`.
    public var scheme: String
    public var host: String
    /// The explicit port, or 80 for http and 443 for https.
    public var port: Int

    /// Parses `text`; `nil` unless it is an absolute http or https URL with a host.
    public static func parse(_ text: String) -> EndpointURL? {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty
        else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { return nil }
        return EndpointURL(scheme: scheme, host: host, port: port)
    }
}
