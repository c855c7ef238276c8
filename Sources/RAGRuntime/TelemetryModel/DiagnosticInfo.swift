/// Diagnostic details of a ``TelemetryRecord`` (`diagnostic_info`).
///
/// `{"dtc_codes": ["P0217"], "check_engine_light": true, "odometer_km": 48210}`; only `dtc_codes`
/// is always present (possibly empty).
public struct DiagnosticInfo: Sendable, Hashable, Codable {
    /// OBD-II diagnostic trouble codes (`P0217`, `P0562`).
    public var dtcCodes: [String]
    /// Whether the malfunction indicator ("check engine") lamp is on, when reported.
    public var checkEngineLight: Bool?
    /// The odometer in km, when reported.
    public var odometerKm: Double?

    /// Creates diagnostic details.
    public init(dtcCodes: [String] = [], checkEngineLight: Bool? = nil, odometerKm: Double? = nil) {
        self.dtcCodes = dtcCodes
        self.checkEngineLight = checkEngineLight
        self.odometerKm = odometerKm
    }

    private enum CodingKeys: String, CodingKey {
        case dtcCodes = "dtc_codes", checkEngineLight = "check_engine_light", odometerKm = "odometer_km"
    }

    /// Decodes the details; a missing `dtc_codes` reads as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        dtcCodes = try container.decodeIfPresent([String].self, forKey: .dtcCodes) ?? []
        checkEngineLight = try container.decodeIfPresent(Bool.self, forKey: .checkEngineLight)
        odometerKm = try container.decodeIfPresent(Double.self, forKey: .odometerKm)
    }

    /// Encodes the details, leaving out absent values.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(dtcCodes, forKey: .dtcCodes)
        try container.encodeIfPresent(checkEngineLight, forKey: .checkEngineLight)
        try container.encodeIfPresent(odometerKm, forKey: .odometerKm)
    }
}
