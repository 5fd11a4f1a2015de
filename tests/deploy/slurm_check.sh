#!/usr/bin/env bash
# Runs countypanel as a Slurm array job on a one-node cluster started on this machine, and
# compares every output with a local run over the same files: they must be the same bytes.
#
#   tests/deploy/slurm_check.sh BINARY SYNTH [SHARDS] [MB]   (default 4 shards, a 5 MB corpus)
#
# Needs root and Debian's slurmctld, slurmd, slurm-client and munge (`make slurm-check` installs
# them). The corpus is the bundled sample plus a synthetic corpus of MB megabytes.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/deploy/common.sh
BIN=$(realpath "$1")
SYNTH=$(realpath "$2")
SHARDS=${3:-4}
MB=${4:-5}
WORK=$(mktemp -d)
trap 'deploy/slurm/local-cluster.sh stop "$WORK/cluster" || true; rm -rf "$WORK"' EXIT

mkdir -p "$WORK/raw" "$WORK/run"
cp -r data/raw/sample "$WORK/raw/sample"
"$SYNTH" --quiet --out "$WORK/synth" --mb "$MB" --seed 1
mv "$WORK/synth/reports" "$WORK/raw/synthetic"
files=$(find "$WORK/raw" -type f | wc -l)

# The local run, from a folder without a pipeline file (the built-in one), as the jobs run.
start=$(date +%s.%N)
(cd "$WORK/run" && "$BIN" --quiet --out "$WORK/out" run --raw "$WORK/raw")
local_s=$(echo "$(date +%s.%N) - $start" | bc)
mv "$WORK/out" "$WORK/local"

eval "$(deploy/slurm/local-cluster.sh start "$WORK/cluster")"
start=$(date +%s.%N)
job=$(deploy/slurm/submit.sh "$WORK/raw" "$WORK/out" "$SHARDS" "$BIN")
for _ in $(seq 600); do
  squeue -h | grep -q . || break
  sleep 1
done
slurm_s=$(echo "$(date +%s.%N) - $start" | bc)
if ! grep -q . "$WORK"/out/summary/headline.txt 2> /dev/null; then
  echo "slurm-check: the jobs did not finish; their logs:" >&2
  tail -n 20 "$WORK"/out/slurm-*.out >&2 || true
  exit 1
fi

compared=$(compare_outputs slurm-check "$WORK/local" "$WORK/out")
read -r n differ <<< "$compared"
echo "slurm-check: $files files, $SHARDS array tasks (job $job and its ingest array): $n outputs, $differ differ from the local run; local run $(printf '%.1f' "$local_s")s, Slurm run $(printf '%.1f' "$slurm_s")s (submission to the last job's end)"
[ "$differ" -eq 0 ]
