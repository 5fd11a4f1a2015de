#!/usr/bin/env bash
# The whole pipeline (ingest, clean, aggregate) on a synthetic corpus on all cores: wall time
# and peak memory of each stage. Prints a markdown table.
#
#   tests/bench/e2e_bench.sh BINARY [MB]        (default 1000 MB)
#
# The corpus is generated once per size (seed 1) under ~/.cache/countypanel-bench and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$1
MB=${2:-1000}
CACHE=${COUNTYPANEL_BENCH_DIR:-$HOME/.cache/countypanel-bench}
CORPUS=$CACHE/corpus-$MB
. tests/bench/common.sh
# The generator is the developer tool built beside the binary (`cargo build -p countypanel-synth`).
SYNTH=${COUNTYPANEL_SYNTH:-$(dirname "$BIN")/countypanel-synth}
[ -x "$SYNTH" ] || { echo "$0: $SYNTH is not built (cargo build --release -p countypanel-synth)" >&2; exit 2; }

if [ ! -f "$CORPUS/gold.csv" ]; then
  rm -rf "$CORPUS"
  "$SYNTH" --quiet --out "$CORPUS" --mb "$MB" --seed 1
fi
bytes=$(du -sb "$CORPUS/reports" | cut -f1)
files=$(find "$CORPUS/reports" -type f | wc -l)
find "$CORPUS/reports" -type f -exec cat {} + > /dev/null


RUN=("$BIN" --pipeline pipelines/county-health.toml)
O=$WORK/out
read -r in_s in_kib < <(measure ingest "${RUN[@]}" ingest --raw "$CORPUS/reports" \
  --documents "$O/staged/documents.parquet" --facts "$O/staged/facts.parquet" \
  --rejects "$O/qa/ingest_rejects.parquet" --max-reject-share 1)
read -r cl_s cl_kib < <(measure clean "${RUN[@]}" clean --facts "$O/staged/facts.parquet" \
  --documents "$O/staged/documents.parquet" --observations "$O/clean/observations.parquet" \
  --quarantine "$O/qa/quarantine.parquet" --conflicts "$O/qa/conflicts.parquet" \
  --uncatalogued "$O/qa/uncatalogued_facts.parquet" --todo "$O/qa/catalog_todo.parquet" --suspect "$O/qa/suspect.parquet" --suggestions "$O/qa/region_suggestions.parquet")
read -r ag_s ag_kib < <(measure aggregate "${RUN[@]}" aggregate \
  --observations "$O/clean/observations.parquet" --summary "$O/summary")

python3 - "$bytes" "$files" "$(nproc)" "$in_s" "$in_kib" "$cl_s" "$cl_kib" "$ag_s" "$ag_kib" \
  "$(tail -n 1 "$WORK/ingest.err")" "$(tail -n 1 "$WORK/clean.err")" <<'PY'
import sys
b, files, cores = int(sys.argv[1]), sys.argv[2], sys.argv[3]
st = [("ingest + extract", *sys.argv[4:6]), ("clean", *sys.argv[6:8]), ("aggregate", *sys.argv[8:10])]
print(f"End to end on a synthetic corpus: {b / 1e6:.0f} MB of reports in {int(files):,} files "
      f"(`countypanel-synth --mb {round(b / 1e6, -2):.0f} --seed 1`), {cores} cores, page cache warm.")
print()
print("| stage | seconds | peak RSS MiB |")
print("|---|---:|---:|")
for name, s, k in st:
    print(f"| {name} | {float(s):.1f} | {int(k) // 1024} |")
total = sum(float(s) for _, s, _ in st)
peak = max(int(k) for _, _, k in st) // 1024
print(f"| **all three** | **{total:.1f}** ({b / 1e6 / total:.1f} MB/s) | **{peak}** (largest stage) |")
print()
print(f"    {sys.argv[10]}")
print(f"    {sys.argv[11]}")
PY
