/// The alert thresholds the telemetry generator respects, in the units of ``SensorReadings``.
///
/// Normal readings stay on the safe side of every threshold; an alert's reading is on the other
/// side of its threshold (an `ENG-001` has `engine_temp` above ``engineTempCritical``), so
/// a question such as "engine temperature above 110" finds exactly the engine alerts.
public enum TelemetryThresholds {
    /// °C above which an engine-temperature warning (`ENG-002`) is raised.
    public static let engineTempHigh = 100.0
    /// °C above which the engine-temperature alert is critical (`ENG-001`, DTC P0217).
    public static let engineTempCritical = 110.0
    /// V below which the battery is low (`BAT-002`, DTC P0562).
    public static let batteryVoltageLow = 11.8
    /// V below which the battery is critically low (`BAT-001`, DTC P0562).
    public static let batteryVoltageCritical = 11.0
    /// psi below which oil pressure is low (`ENG-003`, DTC P0524).
    public static let oilPressureLow = 15.0
    /// psi below which tyre pressure is low (`TIRE-001`, DTC C0750).
    public static let tirePressureLow = 28.0
    /// psi below which fuel rail pressure is low (`FUEL-001`, DTC P0087).
    public static let fuelPressureLow = 35.0
    /// % below which the fuel level is low (`FUEL-002`).
    public static let fuelLevelLow = 10.0
    /// % below which the battery charge is low (`BAT-003`).
    public static let batteryLevelLow = 20.0
}
