#!/usr/bin/env bash
# Clean + aggregate on a synthetic facts table, beside DuckDB doing the same work in SQL on the
# same Parquet files; then both results compared on a sample of cells. Prints a markdown table.
#
#   tests/bench/table_bench.sh BINARY [ROWS] [PYTHON]     (default 20,000,000 rows, python3)
#
# PYTHON must have the duckdb package (the project's virtual environment does). The table is
# generated once per size under ~/.cache/countypanel-bench and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$1
ROWS=${2:-20000000}
PY=${3:-python3}
CACHE=${COUNTYPANEL_BENCH_DIR:-$HOME/.cache/countypanel-bench}
TABLE=$CACHE/facts-$ROWS
. tests/bench/common.sh
# The generator is the developer tool built beside the binary (`cargo build -p countypanel-synth`).
SYNTH=${COUNTYPANEL_SYNTH:-$(dirname "$BIN")/countypanel-synth}
[ -x "$SYNTH" ] || { echo "$0: $SYNTH is not built (cargo build --release -p countypanel-synth)" >&2; exit 2; }
"$PY" -c 'import duckdb' 2> /dev/null || { echo "table_bench: $PY has no duckdb package" >&2; exit 2; }

if [ ! -f "$TABLE/documents.parquet" ]; then
  rm -rf "$TABLE"
  "$SYNTH" --quiet --out "$TABLE" --facts-rows "$ROWS" --first-year 2000 --last-year 2023
fi
# Warm the page cache for both.
cat "$TABLE"/*.parquet > /dev/null


RUN=("$BIN" --quiet --pipeline pipelines/county-health.toml)
read -r clean_s clean_kib < <(measure clean "${RUN[@]}" clean --facts "$TABLE/facts.parquet" \
  --documents "$TABLE/documents.parquet" --observations "$WORK/cp/observations.parquet" \
  --quarantine "$WORK/cp/quarantine.parquet" --conflicts "$WORK/cp/conflicts.parquet" \
  --uncatalogued "$WORK/cp/uncatalogued.parquet" --todo "$WORK/cp/catalog_todo.parquet" \
  --suspect "$WORK/cp/suspect.parquet" --suggestions "$WORK/cp/region_suggestions.parquet")
read -r agg_s agg_kib < <(measure aggregate "${RUN[@]}" aggregate \
  --observations "$WORK/cp/observations.parquet" --summary "$WORK/cp/summary")
read -r duck_s duck_kib < <(measure duckdb "$PY" tests/bench/duckdb_bench.py "$TABLE/facts.parquet" \
  "$TABLE/documents.parquet" pipelines/county-health.toml "$WORK/duck")
duck_json=$(cat "$WORK/duckdb.out")
"$PY" tests/bench/duckdb_bench.py compare "$WORK/cp" "$WORK/duck" > "$WORK/compare.txt" || {
  echo "table_bench: countypanel and DuckDB differ:" >&2; cat "$WORK/compare.txt" >&2; exit 1; }

"$PY" - "$ROWS" "$clean_s" "$clean_kib" "$agg_s" "$agg_kib" "$duck_s" "$duck_kib" "$duck_json" "$(cat "$WORK/compare.txt")" "$(nproc)" <<'PY'
import json, sys
rows, cs, ck, ag, ak, ds, dk = sys.argv[1:8]
duck, cmp, cores = json.loads(sys.argv[8]), json.loads(sys.argv[9]), sys.argv[10]
cs, ag, ds = float(cs), float(ag), float(ds)
mib = lambda k: int(k) // 1024
print(f"Synthetic facts table: {int(rows):,} rows (`countypanel-synth --facts-rows {rows} --first-year 2000 "
      f"--last-year 2023`), {duck['observations']:,} cells; {cores} cores, page cache warm. DuckDB "
      f"{duck['duckdb']} (Python package, all threads) runs SQL doing the same checks, deduplication, "
      "choice of value, ranking, change from the previous year, pivot and targets, and writes its "
      "tables to Parquet; whole-process time and peak RSS for both.")
print()
print("| run | seconds | peak RSS MiB | vs DuckDB (time) |")
print("|---|---:|---:|---:|")
print(f"| countypanel clean | {cs:.1f} | {mib(ck)} | |")
print(f"| countypanel aggregate | {ag:.1f} | {mib(ak)} | |")
print(f"| countypanel clean + aggregate | {cs + ag:.1f} | {max(mib(ck), mib(ak))} | {(cs + ag) / ds:.2f} |")
print(f"| DuckDB, same work in SQL (its own split: checks {duck['load_check_s']} s, clean "
      f"{duck['clean_s']} s, aggregate {duck['aggregate_s']} s) | {ds:.1f} | {mib(dk)} | 1.00 |")
print()
print(f"Same results: observations {cmp['observations_countypanel']:,} vs {cmp['observations_duckdb']:,}, "
      f"comparison rows {cmp['comparison_countypanel']:,} vs {cmp['comparison_duckdb']:,}; sampled cells "
      f"with equal value, mentions, sources and conflict flag {cmp['cells_same']}/{cmp['cells_sampled']}; "
      f"sampled comparison rows with equal rank, regions compared and change "
      f"{cmp['comparison_same']}/{cmp['comparison_sampled']}.")
PY
