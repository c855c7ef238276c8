"""faiss-cpu HNSW on the vectors `vector-search-benchmark --dump FILE` wrote: the baseline.

    pip install faiss-cpu numpy
    python3 Benchmarks/VectorSearch/faiss_baseline.py FILE --count 100000 --dimensions 384
"""
import argparse
import time

import faiss
import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--count", type=int, default=100_000)
parser.add_argument("--dimensions", type=int, default=384)
parser.add_argument("--ef-construction", type=int, default=128)
parser.add_argument("--ef-search", type=int, default=100)
args = parser.parse_args()

data = np.fromfile(args.file, dtype=np.float32).reshape(-1, args.dimensions)
corpus, queries = data[: args.count], data[args.count :]
faiss.omp_set_num_threads(1)
index = faiss.IndexHNSWFlat(args.dimensions, 16, faiss.METRIC_INNER_PRODUCT)
index.hnsw.efConstruction = args.ef_construction
started = time.perf_counter()
index.add(corpus)
print(f"faiss build: {time.perf_counter() - started:.1f} s (M=16, efConstruction={args.ef_construction})")
index.hnsw.efSearch = args.ef_search
exact = faiss.IndexFlatIP(args.dimensions)
exact.add(corpus)
_, truth = exact.search(queries, 10)
started = time.perf_counter()
found = [index.search(query.reshape(1, -1), 10)[1][0] for query in queries]
elapsed = time.perf_counter() - started
recall = np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth)])
print(f"faiss unfiltered: {len(queries) / elapsed:.0f} q/s, recall@10 {recall:.4f} (efSearch={args.ef_search})")
