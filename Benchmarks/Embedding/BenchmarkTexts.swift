/// The benchmark's texts: telemetry lines and questions as the runtime embeds them, the same on every run.
enum BenchmarkTexts {
    static let vehicles = ["VH-0042", "VH-0007", "VH-1337", "TRUCK-12", "EV-9000"]
    static let events = [
        "engine temperature 121.5C above threshold", "battery voltage 11.2V dropping", "tire pressure 180kPa front left",
        "charging session completed at 82%", "routine telemetry report, all systems nominal", "brake pad wear 3mm, service soon",
        "GPS fix lost in tunnel", "coolant temperature critical, overheating detected", "fuel level 7%, refuel required",
    ]
    static let codes = ["P0217", "P0300", "U0100", "B1234", "ENG-001"]

    static func telemetry(count: Int) -> [String] {
        (0..<count).map { index in
            let hour = (index * 7) % 24, minute = (index * 13) % 60
            return "\(vehicles[index % vehicles.count]) \(events[(index * 5) % events.count]) code \(codes[(index * 3) % codes.count]) "
                + "level \(index % 4 == 0 ? "critical" : "info") at 2026-12-02T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute):00Z"
        }
    }

    /// Texts of several telemetry lines each, 150 to 256 tokens (some truncated).
    static func long(count: Int) -> [String] {
        let lines = telemetry(count: count * 12)
        return (0..<count).map { index in lines[(index * 12)..<(index * 12 + 6 + index % 7)].joined(separator: ". ") }
    }

    static func questions(count: Int) -> [String] {
        let templates = [
            "Which vehicles overheated since 21:00?", "How many vehicles had a critical engine temperature in the last 2 hours?",
            "What is wrong with VH-0042 today?", "Show me P0217 errors from yesterday.", "Any battery warnings this morning?",
        ]
        return (0..<count).map { templates[$0 % templates.count] }
    }
}
