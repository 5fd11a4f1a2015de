#!/usr/bin/env bash
# Checks deploy/k8s without a cluster: the manifests against the Kubernetes API schemas (strict:
# no unknown field), then every pod of the two Jobs run here as Kubernetes would start it
# (tests/deploy/k8s_replay.py), and every output compared with a local run over the same files:
# they must be the same bytes.
#
#   tests/deploy/k8s_check.sh BINARY SYNTH PYTHON [MB]   (default a 5 MB corpus)
#
# PYTHON must have kubernetes-validate and PyYAML (`make k8s-check` installs them into the
# project's virtual environment). The corpus is the bundled sample plus a synthetic corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/deploy/common.sh
BIN=$(realpath "$1")
SYNTH=$(realpath "$2")
PYTHON=$3
MB=${4:-5}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$(dirname "$PYTHON")/kubernetes-validate" --strict --quiet deploy/k8s/ingest-job.yaml deploy/k8s/finish-job.yaml
echo "k8s-check: both Jobs pass the Kubernetes API schemas (strict)"

# The volume: the reports under raw/, the outputs written to out/; the image's binary on PATH.
mkdir -p "$WORK/data/raw" "$WORK/run" "$WORK/bin"
cp -r data/raw/sample "$WORK/data/raw/sample"
"$SYNTH" --quiet --out "$WORK/synth" --mb "$MB" --seed 1
mv "$WORK/synth/reports" "$WORK/data/raw/synthetic"
files=$(find "$WORK/data/raw" -type f | wc -l)
ln -s "$BIN" "$WORK/bin/countypanel"

# The local run over the same folder into the same output folder (the outputs record both),
# from a folder without a pipeline file (the built-in one), as the pods run; then moved aside.
(cd "$WORK/run" && "$BIN" --quiet --out "$WORK/data/out" run --raw "$WORK/data/raw")
mv "$WORK/data/out" "$WORK/local"

replayed=$("$PYTHON" tests/deploy/k8s_replay.py deploy/k8s "$WORK/data" "$WORK/bin")
read -r completions parallelism secs <<< "$replayed"

compared=$(compare_outputs k8s-check "$WORK/local" "$WORK/data/out")
read -r n differ <<< "$compared"
echo "k8s-check: $files files, $completions ingest pods ($parallelism at a time) and the finishing pod: $n outputs, $differ differ from the local run; ${secs}s"
[ "$differ" -eq 0 ]
