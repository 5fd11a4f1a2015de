#!/usr/bin/env bash
# Ingest + extract throughput on a synthetic corpus, beside ripgrep scanning the same files for
# the catalog's phrases. Prints a markdown table (MB/s, peak memory, the ratio to ripgrep) and
# the synthetic corpus's extraction scores.
#
#   tests/bench/corpus_bench.sh BINARY [MB]        (default 200 MB)
#
# Installs ripgrep from the system packages when it is missing. The corpus is generated once per
# size and seed under ~/.cache/countypanel-bench and reused.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$1
MB=${2:-200}
CACHE=${COUNTYPANEL_BENCH_DIR:-$HOME/.cache/countypanel-bench}
CORPUS=$CACHE/corpus-$MB
. tests/bench/common.sh
# The generator is the developer tool built beside the binary (`cargo build -p countypanel-synth`).
SYNTH=${COUNTYPANEL_SYNTH:-$(dirname "$BIN")/countypanel-synth}
[ -x "$SYNTH" ] || { echo "$0: $SYNTH is not built (cargo build --release -p countypanel-synth)" >&2; exit 2; }

if ! command -v rg > /dev/null; then
  if command -v apt-get > /dev/null; then
    (apt-get install -y -q ripgrep || sudo apt-get install -y -q ripgrep) > /dev/null
  fi
fi
command -v rg > /dev/null || { echo "corpus_bench: ripgrep (rg) is needed and could not be installed" >&2; exit 2; }

if [ ! -f "$CORPUS/gold.csv" ]; then
  rm -rf "$CORPUS"
  "$SYNTH" --quiet --out "$CORPUS" --mb "$MB" --seed 1
fi
bytes=$(du -sb "$CORPUS/reports" | cut -f1)
mb=$(python3 -c "print(f'{$bytes/1e6:.1f}')")

catalog_phrases > "$WORK/phrases.txt"

# Warm the page cache so that every run reads from memory.
find "$CORPUS/reports" -type f -exec cat {} + > /dev/null


read -r rg_s rg_kib < <(measure ripgrep rg -c -j1 -F -f "$WORK/phrases.txt" "$CORPUS/reports")
INGEST=("$BIN" --quiet --pipeline pipelines/county-health.toml ingest --raw "$CORPUS/reports"
  --documents "$WORK/documents.parquet" --facts "$WORK/facts.parquet" --rejects "$WORK/rejects.parquet"
  --max-reject-share 1)
read -r one_s one_kib < <(measure ingest-1 env RAYON_NUM_THREADS=1 "${INGEST[@]}")
read -r all_s all_kib < <(measure ingest-all "${INGEST[@]}")

rate() { python3 -c "print(f'{$bytes/1e6/max($1, 1e-9):.1f}')"; }
echo "Synthetic corpus: $mb MB of reports ($(find "$CORPUS/reports" -type f | wc -l) files, seed 1), page cache warm; $(nproc) cores."
echo
echo "| run | seconds | MB/s | peak RSS MiB | vs ripgrep (1 thread) |"
echo "|---|---:|---:|---:|---:|"
echo "| ripgrep 13, \`rg -c -j1 -F -f phrases\` ($(wc -l < "$WORK/phrases.txt") phrases) | $rg_s | $(rate "$rg_s") | $((rg_kib / 1024)) | 1.00 |"
for row in "ingest + extract, 1 thread:$one_s:$one_kib" "ingest + extract, $(nproc) threads:$all_s:$all_kib"; do
  IFS=: read -r label s kib <<< "$row"
  ratio=$(python3 -c "print(f'{$rg_s/max($s, 1e-9):.3f}')")
  echo "| $label | $s | $(rate "$s") | $((kib / 1024)) | $ratio |"
done
echo
echo "Extraction scored against the planted facts (\`countypanel eval --gold gold.csv\`):"
echo
echo '```'
"$BIN" --quiet eval --gold "$CORPUS/gold.csv" --docs "$CORPUS/reports" | grep -E '^(document|ALL)'
echo '```'
