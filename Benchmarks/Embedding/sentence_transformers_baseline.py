"""sentence-transformers on PyTorch CPU over the Swift benchmark's texts, same threads (run by embedding-benchmark).

    python3 sentence_transformers_baseline.py MODEL_FOLDER TEXTS_JSON THREADS
"""
import json
import statistics
import sys
import time

import torch
from sentence_transformers import SentenceTransformer

folder, texts_path, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
torch.set_num_threads(threads)
with open(texts_path, encoding="utf-8") as file:
    data = json.load(file)
texts, queries = data["texts"], data["queries"]
model = SentenceTransformer(folder, device="cpu")
model.encode(texts[:32], batch_size=32)
for batch_size in (1, 8, 32):
    start = time.perf_counter()
    model.encode(texts, batch_size=batch_size)
    rate = len(texts) / (time.perf_counter() - start)
    print(f"pytorch batch {batch_size}: {rate:.0f} texts/s (torch {torch.__version__}, {threads} threads)")
start = time.perf_counter()
model.encode(data["long"], batch_size=32)
print(f"pytorch long batch 32: {len(data['long']) / (time.perf_counter() - start):.0f} texts/s")
latencies = []
for query in queries:
    start = time.perf_counter()
    model.encode([query], batch_size=1)
    latencies.append((time.perf_counter() - start) * 1000)
latencies.sort()
print(f"pytorch query p50 {latencies[len(latencies) // 2]:.2f} ms, p90 {latencies[len(latencies) * 9 // 10]:.2f} ms")
