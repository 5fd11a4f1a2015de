#!/usr/bin/env bash
# PDF ingest beside pdftotext (poppler-utils) on the published PDFs of ../shared/corpus/files,
# each copied COPIES times (distinct bytes, so none is skipped as a duplicate), one thread each.
# Prints a markdown table: pages per second and MB per second for both.
#
#   tests/bench/pdf_bench.sh BINARY [COPIES]        (default 20 copies)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$1
COPIES=${2:-20}
SHARED=${COUNTYPANEL_SHARED:-../shared}
. tests/bench/common.sh
command -v pdftotext > /dev/null || { echo "$0: pdftotext is needed (apt-get install poppler-utils)" >&2; exit 2; }
mkdir -p "$WORK/raw"
pages=0
for f in "$SHARED"/corpus/files/*.pdf; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  for k in $(seq "$COPIES"); do
    # A comment line after %%EOF makes each copy's bytes unique; readers ignore it.
    { cat "$f"; printf '\n%% copy %s\n' "$k"; } > "$WORK/raw/$(basename "$f" .pdf)_$k.pdf"
    pages=$((pages + n))
  done
done
bytes=$(cat "$WORK"/raw/*.pdf | wc -c)
cat "$WORK"/raw/*.pdf > /dev/null
read -r cp_s cp_kib < <(measure ingest env RAYON_NUM_THREADS=1 "$BIN" --quiet ingest --raw "$WORK/raw" \
  --documents "$WORK/d.parquet" --facts "$WORK/f.parquet" --rejects "$WORK/r.parquet")
read -r pt_s pt_kib < <(measure pdftotext bash -c 'for f in "$1"/*.pdf; do pdftotext -layout "$f" - > /dev/null; done' _ "$WORK/raw")
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / (s > 0 ? s : 0.01) }'; }
echo "$(ls "$WORK"/raw | wc -l) PDF files, $pages pages, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB; one thread each; page cache warm."
echo
echo "| reader | seconds | pages/s | MB/s | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|"
echo "| countypanel ingest (read, normalise, extract facts, write) | $cp_s | $(rate $pages $cp_s) | $(rate $((bytes / 1000000)) $cp_s) | $((cp_kib / 1024)) |"
echo "| pdftotext -layout (text only) | $pt_s | $(rate $pages $pt_s) | $(rate $((bytes / 1000000)) $pt_s) | $((pt_kib / 1024)) |"
