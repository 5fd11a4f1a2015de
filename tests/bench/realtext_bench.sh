#!/usr/bin/env bash
# Ingest + extract on real report text, beside ripgrep scanning the same files for the catalog's
# phrases, one thread each. The text is the shared real reports (seeds, extra and dev of
# ../shared/corpus: bulletins, work reports, bureau pages), copied until the corpus holds about
# MB megabytes; each copy ends with a line naming its copy, so that no two files have the same
# bytes (ingest reads a repeated file once). Prints a markdown table.
#
#   tests/bench/realtext_bench.sh BINARY [MB]        (default 100 MB)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$1
MB=${2:-100}
SHARED=${COUNTYPANEL_SHARED:-../shared}
CACHE=${COUNTYPANEL_BENCH_DIR:-$HOME/.cache/countypanel-bench}
CORPUS=$CACHE/realtext-$MB
. tests/bench/common.sh
command -v rg > /dev/null || { apt-get install -y -q ripgrep > /dev/null 2>&1 || true; }
command -v rg > /dev/null || { echo "$0: ripgrep (rg) is needed" >&2; exit 2; }
[ -d "$SHARED/corpus/seeds" ] || { echo "$0: $SHARED holds no shared corpora" >&2; exit 2; }

if [ ! -f "$CORPUS/.complete" ]; then
  rm -rf "$CORPUS"
  mkdir -p "$CORPUS"
  python3 - "$SHARED/corpus" "$CORPUS" "$MB" <<'PY'
import pathlib, sys
src, out, mb = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), float(sys.argv[3])
files = sorted(p for d in ("seeds", "extra", "dev") for p in (src / d).iterdir()
               if p.suffix in (".txt", ".html") and p.name != "README.md")
texts = [(p, p.read_bytes()) for p in files]
total, k = 0, 0
while total < mb * 1e6:
    k += 1
    for p, b in texts:
        tail = f"\n（副本{k}）\n".encode("utf-8") if not b.lstrip().lower().startswith(b"<") else f"\n<!-- copy {k} -->\n".encode()
        (out / f"{p.stem}_{k:04d}{p.suffix}").write_bytes(b + tail)
        total += len(b) + len(tail)
PY
  touch "$CORPUS/.complete"
fi
bytes=$(find "$CORPUS" -type f ! -name .complete -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$CORPUS" -type f ! -name .complete | wc -l)
catalog_phrases > "$WORK/phrases.txt"
find "$CORPUS" -type f -exec cat {} + > /dev/null
read -r rg_s rg_kib < <(measure ripgrep rg -c -j1 -F -f "$WORK/phrases.txt" "$CORPUS")
read -r one_s one_kib < <(measure ingest-1 env RAYON_NUM_THREADS=1 "$BIN" --quiet \
  --pipeline pipelines/county-health.toml ingest --raw "$CORPUS" --documents "$WORK/d.parquet" \
  --facts "$WORK/f.parquet" --rejects "$WORK/r.parquet" --max-reject-share 1)
rate() { python3 -c "print(f'{$bytes/1e6/max($1, 1e-9):.1f}')"; }
echo "Real report text: $(python3 -c "print(f'{$bytes/1e6:.1f}')") MB in $files files (the shared seeds, extra and dev reports, copied); one thread each; page cache warm."
echo
echo "| run | seconds | MB/s | peak RSS MiB | vs ripgrep |"
echo "|---|---:|---:|---:|---:|"
echo "| ripgrep, \`rg -c -j1 -F -f phrases\` ($(wc -l < "$WORK/phrases.txt") phrases) | $rg_s | $(rate "$rg_s") | $((rg_kib / 1024)) | 1.00 |"
echo "| countypanel ingest + extract, 1 thread | $one_s | $(rate "$one_s") | $((one_kib / 1024)) | $(python3 -c "print(f'{$rg_s/max($one_s, 1e-9):.3f}')") |"
