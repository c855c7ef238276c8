/// The texts the tokenizer oracle compares, generated the same way on every run (a seeded
/// SplitMix64): telemetry lines, questions, unicode of many scripts and categories, and long texts
/// that the 256-token limit truncates.
enum OracleTexts {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
    }

    static let vehicles = ["VH-0042", "VH-0007", "VH-1337", "TRUCK-12", "EV-9000", "vh-0042", "Vh_0100"]
    static let codes = ["P0217", "P0300", "U0100", "B1234", "C0035", "ENG-001", "BAT-LOW", "P0A80"]
    static let levels = ["critical", "CRITICAL", "warning", "info", "Error", "DEBUG", "fatal"]
    static let events = [
        "engine temp", "coolant temperature", "battery voltage", "tire pressure", "oil pressure", "charging session completed",
        "routine telemetry report", "brake pad wear", "GPS fix lost", "overheating detected", "door ajar", "fuel level",
    ]
    static let units = ["C", "°C", "°F", "V", "kPa", "psi", "%", "km/h", "mph", "rpm", ""]
    static let questions = [
        "Which vehicles overheated since 21:00?", "How many vehicles had a critical engine temperature in the last 2 hours?",
        "what's wrong with VH-0042 today", "Show me P0217 errors from yesterday.", "Any battery warnings between 8am and 10am?",
        "list all cars w/ low tire pressure!!", "Did EV-9000 finish charging?", "why is the coolant so hot??",
        "Give me the top 5 vehicles by error count (last week).", "is there anything unusual... in the fleet right now",
        "When did TRUCK-12 last report?", "How's the fleet doing?", "avg temp over the past 30 min?",
        "Were there U0100 codes on 2026-12-02?", "Qu'est-ce qui ne va pas avec le véhicule VH-0042 ?",
        "¿Cuántos vehículos tuvieron errores críticos?", "Welche Fahrzeuge hatten Überhitzung?",
        "車両VH-0042のエンジン温度は？", "哪些车辆在过去两小时内过热？", "어떤 차량이 과열되었나요?",
        "ما هي المركبات التي ارتفعت حرارتها؟", "Какие машины перегрелись за последний час?",
    ]
    static let unicodePieces = [
        "café", "naïve", "Ångström", "Straße", "İstanbul", "ıi", "ÀÉÎÕÜ", "crème brûlée", "façade", "Œuvre", "Ǆemal",
        "東京", "中文字符", "日本語のテキスト", "한국어 텍스트", "ｶﾀｶﾅ", "Ｈｅｌｌｏ　ｗｏｒｌｄ", "ﬁne ﬂow", "㎞", "①②③",
        "🚗", "🔥🔥", "👍🏽", "👨‍👩‍👧", "🥲", "🫠", "❤️", "🇩🇪", "✔︎", "☃",
        "مرحبا بالعالم", "שלום עולם", "हिन्दी पाठ", "ภาษาไทย", "ελληνικά ΣΟΦΙΑ ς", "Привет, МИР", "Ωμέγα", "ქართული", "Ꭰ",
        "e\u{301}", "a\u{308}\u{323}", "n\u{303}o", "Z\u{335}\u{32A}a\u{36B}l\u{357}g\u{314}o", "\u{301}leading mark",
        "zero\u{200B}width", "join\u{200D}er", "non\u{200C}joiner", "\u{FEFF}bom", "soft\u{AD}hyphen", "rtl\u{200F}mark", "word\u{2060}joiner",
        "nul\u{0}char", "bell\u{7}", "esc\u{1B}[0m", "next\u{85}line", "repl\u{FFFD}char", "del\u{7F}", "\u{E000}private", "un\u{378}assigned",
        "nbsp\u{A0}here", "em\u{2003}space", "ideo\u{3000}space", "tab\there", "line\nbreak", "cr\rlf", "\u{2028}sep", "\u{1680}ogham",
        "¿Qué?", "¡Hola!", "«quoted»", "em—dash", "en–dash", "ellipsis…", "“smart” ‘quotes’", "bullet•point", "mid·dot", "、。！？",
        "€100", "$5", "©2026", "Brand™", "90°", "±0.5", "3×4", "∑x", "√2", "≈", "¬", "§3", "¶", "@user", "#tag", "100%", "a&b",
        "^caret", "`tick`", "~tilde", "|pipe|", "<tag>", "a+b=c", "x_y", "back\\slash", "{brace}", "[bracket]", "foo/bar",
        "[SEP]", "[MASK] token", "before[CLS]after", "[cls] lower", "[UNK]", "[PAD][PAD]", "[SEP", "##hash", "###",
        "𠀀", "𪜀", "\u{2B820}", "\u{2B920}", "豈", "\u{2F800}", "〇", "ㄅ", "ヶ", "丶",
    ]

    /// At least 1,000 texts: telemetry, questions, unicode, long.
    static func all() -> [String] {
        var random = Generator(state: 2026_12_02)
        var texts: [String] = []
        for _ in 0..<350 { texts.append(telemetry(&random)) }
        for index in 0..<200 {
            let question = questions[index % questions.count]
            texts.append(index < questions.count ? question : "\(random.pick(questions)) \(random.pick(vehicles)) \(random.pick(codes))")
        }
        for piece in unicodePieces { texts.append(piece) }
        for _ in 0..<(330 - unicodePieces.count) {
            let words = (0..<random.int(1..<8)).map { _ in random.int(0..<3) == 0 ? telemetry(&random) : random.pick(unicodePieces) }
            texts.append(words.joined(separator: random.pick([" ", "", "  ", "\t", ", "])))
        }
        for index in 0..<150 { texts.append(long(&random, index: index)) }
        texts.append("")
        texts.append("   ")
        texts.append(String(repeating: "a", count: 100))
        texts.append(String(repeating: "a", count: 101))
        texts.append(String(repeating: "é", count: 101))
        texts.append("supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis")
        return texts
    }

    static func telemetry(_ random: inout Generator) -> String {
        let value = Double(random.int(-400..<15000)) / 10
        let timestamp = "2026-12-\(String(format2: random.int(1..<29)))T\(String(format2: random.int(0..<24))):\(String(format2: random.int(0..<60))):00Z"
        switch random.int(0..<4) {
        case 0: return "\(random.pick(vehicles)) \(random.pick(events)) \(value)\(random.pick(units)) \(random.pick(codes)) \(random.pick(levels)) at \(timestamp)"
        case 1: return "[\(random.pick(levels))] \(timestamp) vehicle=\(random.pick(vehicles)) code=\(random.pick(codes)) value=\(value)"
        case 2: return "{\"vehicle\": \"\(random.pick(vehicles))\", \"event\": \"\(random.pick(events))\", \"value\": \(value)}"
        default: return "\(timestamp)|\(random.pick(vehicles))|\(random.pick(codes))|\(random.pick(events).uppercased())|\(value)"
        }
    }

    static func long(_ random: inout Generator, index: Int) -> String {
        let count = 20 + random.int(0..<60)
        let parts = (0..<count).map { _ in
            index % 3 == 0 ? random.pick(unicodePieces) : telemetry(&random)
        }
        return parts.joined(separator: index % 2 == 0 ? ". " : " ")
    }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
