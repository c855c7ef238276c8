/// A WGS-84 position (`location` in a ``TelemetryRecord``): `{"latitude": 47.6, "longitude": -122.3}`.
public struct GeoLocation: Sendable, Hashable, Codable {
    /// Degrees north, -90...90.
    public var latitude: Double
    /// Degrees east, -180...180.
    public var longitude: Double

    /// Creates a position.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
