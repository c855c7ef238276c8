import QueryUnderstanding
import TelemetryModel

/// The labelled questions `rag-runtime eval` asks, about the generator's scenarios
/// (`TelemetryScenario.catalogue`), written as people ask: in other words than the records use,
/// abbreviated, misspelt, by exact code, and with time windows.
///
/// Where two scenarios answer the same question both are relevant ("overheating" is the engine
/// temperature warning and the critical alert); a question that names the severity narrows it.
public enum EvaluationSet {
    typealias Q = EvaluationQuestion
    static let hour: Double = 3_600

    static func code(_ value: String) -> FieldFilter {
        FieldFilter(field: TelemetryField.errorCode, op: .eq, value: .string(value))
    }

    static func level(_ value: String) -> FieldFilter {
        FieldFilter(field: TelemetryField.level, op: .eq, value: .string(value))
    }

    /// Every question.
    public static let questions: [EvaluationQuestion] = engine + fuel + battery + electrical + chassis

    static let engine: [Q] = [
        Q("which vehicles are running too hot", .paraphrase, codes: ["ENG-001", "ENG-002"]),
        Q("coolant overheating, engine at risk of damage", .paraphrase, codes: ["ENG-001"]),
        Q("eng temp crit", .abbreviation, codes: ["ENG-001"]),
        Q("engnie temprature too hihg", .misspelling, codes: ["ENG-001", "ENG-002"]),
        Q("P0217", .exactCode, codes: ["ENG-001"]),
        Q("cars overheating in the last 30 minutes", .timeWindow, codes: ["ENG-001", "ENG-002"], window: 0.5 * hour),

        Q("not enough lubrication pressure in the motor", .paraphrase, codes: ["ENG-003"]),
        Q("oil psi low", .abbreviation, codes: ["ENG-003"]),
        Q("engine oil presure to low", .misspelling, codes: ["ENG-003"]),
        Q("P0524", .exactCode, codes: ["ENG-003"]),
        Q("engines losing oil pressure in the past hour", .timeWindow, codes: ["ENG-003"], window: hour),

        Q("engine running rough, cylinders not firing", .paraphrase, codes: ["ENG-004"]),
        Q("cyl misfire", .abbreviation, codes: ["ENG-004"]),
        Q("cylindr misfires detectd", .misspelling, codes: ["ENG-004"]),
        Q("ENG-004", .exactCode, codes: ["ENG-004"], fields: [code("ENG-004")]),
        Q("misfiring engines in the last 45 minutes", .timeWindow, codes: ["ENG-004"], window: 0.75 * hour),
    ]

    static let fuel: [Q] = [
        Q("fuel not reaching the injectors with enough pressure", .paraphrase, codes: ["FUEL-001"]),
        Q("fuel rail psi low", .abbreviation, codes: ["FUEL-001"]),
        Q("fual rail presure too low", .misspelling, codes: ["FUEL-001"]),
        Q("P0087", .exactCode, codes: ["FUEL-001"]),
        Q("fuel pressure problems in the last hour", .timeWindow, codes: ["FUEL-001"], window: hour),

        Q("which cars are almost out of gas", .paraphrase, codes: ["FUEL-002"]),
        Q("low fuel lvl", .abbreviation, codes: ["FUEL-002"]),
        Q("fuell levle low", .misspelling, codes: ["FUEL-002"]),
        Q("FUEL-002", .exactCode, codes: ["FUEL-002"], fields: [code("FUEL-002")]),
        Q("vehicles running out of fuel in the last 30 minutes", .timeWindow, codes: ["FUEL-002"], window: 0.5 * hour),
    ]

    static let battery: [Q] = [
        Q("12 volt system dropping too far", .paraphrase, codes: ["BAT-001", "BAT-002"]),
        Q("battery nearly dead, voltage dangerously low", .paraphrase, codes: ["BAT-001"]),
        Q("batt volts low", .abbreviation, codes: ["BAT-001", "BAT-002"]),
        Q("battrey voltge low", .misspelling, codes: ["BAT-001", "BAT-002"]),
        Q("P0562", .exactCode, codes: ["BAT-001", "BAT-002"]),
        Q("critical battery alerts in the last hour", .timeWindow, codes: ["BAT-001"], window: hour, fields: [level("CRITICAL")]),

        Q("EVs that need to be plugged in soon, state of charge low", .paraphrase, codes: ["BAT-003"]),
        Q("low SoC", .abbreviation, codes: ["BAT-003"]),
        Q("batery charge lw", .misspelling, codes: ["BAT-003"]),
        Q("BAT-003", .exactCode, codes: ["BAT-003"], fields: [code("BAT-003")]),
        Q("battery charge running low in the past hour", .timeWindow, codes: ["BAT-003"], window: hour),
    ]

    static let electrical: [Q] = [
        Q("air intake measurement sensor broken", .paraphrase, codes: ["SEN-001"]),
        Q("MAF sensor fault", .abbreviation, codes: ["SEN-001"]),
        Q("mass air flow sensr malfuntion", .misspelling, codes: ["SEN-001"]),
        Q("P0100", .exactCode, codes: ["SEN-001"]),
        Q("airflow sensor failures in the last 45 minutes", .timeWindow, codes: ["SEN-001"], window: 0.75 * hour),

        Q("the ECU stopped talking to the rest of the car", .paraphrase, codes: ["COM-001"]),
        Q("ECM comms lost", .abbreviation, codes: ["COM-001"]),
        Q("lost comunication with engin control modul", .misspelling, codes: ["COM-001"]),
        Q("U0100", .exactCode, codes: ["COM-001"]),
        Q("engine control module communication lost in the past hour", .timeWindow, codes: ["COM-001"], window: hour),

        Q("satellite positioning unavailable", .paraphrase, codes: ["NAV-001"]),
        Q("no GPS fix", .abbreviation, codes: ["NAV-001"]),
        Q("gps signl lost", .misspelling, codes: ["NAV-001"]),
        Q("NAV-001", .exactCode, codes: ["NAV-001"], fields: [code("NAV-001")]),
        Q("GPS dropouts in the last 30 minutes", .timeWindow, codes: ["NAV-001"], window: 0.5 * hour),
    ]

    static let chassis: [Q] = [
        Q("which vehicles have underinflated tyres", .paraphrase, codes: ["TIRE-001"]),
        Q("low tire psi", .abbreviation, codes: ["TIRE-001"]),
        Q("tyre presure low", .misspelling, codes: ["TIRE-001"]),
        Q("C0750", .exactCode, codes: ["TIRE-001"]),
        Q("flat tires in the past hour", .timeWindow, codes: ["TIRE-001"], window: hour),

        Q("anti-lock braking wheel sensor problem", .paraphrase, codes: ["BRK-001"]),
        Q("ABS whl spd sensor fault", .abbreviation, codes: ["BRK-001"]),
        Q("abs wheel speed sensr circut fault", .misspelling, codes: ["BRK-001"]),
        Q("C0035", .exactCode, codes: ["BRK-001"]),
        Q("brake sensor faults in the last hour", .timeWindow, codes: ["BRK-001"], window: hour),
    ]
}
