import Foundation
import TelemetryModel

/// The fixed attributes of one generated vehicle: id, model, firmware, region, home area and
/// odometer base, all derived from the generator seed and the vehicle number.
struct VehicleProfile: Sendable {
    var id: String
    var metadata: [String: String]
    var home: GeoLocation
    var baseOdometerKm: Double

    private static let models = ["Atlas E-Van", "Meridian 4x4", "Comet Hatch", "Vector Truck", "Nimbus Sedan"]
    private static let regions: [(name: String, latitude: Double, longitude: Double)] = [
        ("us-west", 47.61, -122.33), ("us-west", 37.77, -122.42), ("us-east", 40.71, -74.01),
        ("us-central", 41.88, -87.63), ("eu-central", 52.52, 13.40), ("eu-west", 48.86, 2.35),
    ]
    /// 2020-01-01T00:00:00Z: odometers count from here.
    private static let epoch = Date(timeIntervalSince1970: 1_577_836_800)

    init(seed: UInt64, number: Int) {
        var random = SplitMix64(seed: seed ^ 0x5EED_F1EE_7000_0000 ^ (UInt64(number) &* 0x9E37_79B9_7F4A_7C15))
        id = "VH-" + String(number).leftPadded(4)
        let region = Self.regions[Int(random.next() % UInt64(Self.regions.count))]
        home = GeoLocation(
            latitude: region.latitude + random.uniform(in: -0.2...0.2),
            longitude: region.longitude + random.uniform(in: -0.2...0.2))
        baseOdometerKm = (random.uniform(in: 1_000...60_000)).rounded()
        metadata = [
            "model": Self.models[Int(random.next() % UInt64(Self.models.count))],
            "firmware_version": "\(2 + random.next() % 2).\(random.next() % 10).\(random.next() % 20)",
            "region": region.name,
        ]
    }

    /// A position within about 5 km of home, rounded to 5 decimals.
    func location(jitter random: inout SplitMix64) -> GeoLocation {
        func round5(_ value: Double) -> Double { (value * 100_000).rounded() / 100_000 }
        return GeoLocation(
            latitude: round5(home.latitude + random.uniform(in: -0.05...0.05)),
            longitude: round5(home.longitude + random.uniform(in: -0.05...0.05)))
    }

    /// The odometer at `date`: 40 km a day since 2020, never below the base.
    func odometer(at date: Date) -> Double {
        (baseOdometerKm + max(0, date.timeIntervalSince(Self.epoch)) / 86_400 * 40).rounded()
    }
}
