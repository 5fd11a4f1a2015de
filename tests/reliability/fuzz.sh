#!/usr/bin/env bash
# Runs each cargo-fuzz target for FUZZ_TIME seconds (default 600), seeded with the bundled
# sample's reports, and prints one summary line per target. Needs a nightly toolchain (rustup)
# and cargo-fuzz (installed here when missing). Crashes are left in fuzz/artifacts/<target>/.
#
#   tests/reliability/fuzz.sh                 every target, 10 minutes each
#   FUZZ_TIME=60 tests/reliability/fuzz.sh zhnum_scan
set -euo pipefail
cd "$(dirname "$0")/../.."
FUZZ_TIME=${FUZZ_TIME:-600}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(zhnum_scan extract_text html_reader docx_reader pdf_reader doc_reader ofd_reader)
TARGET_DIR=${FUZZ_TARGET_DIR:-$HOME/.cache/countypanel-fuzz-target}

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz > /dev/null || cargo install cargo-fuzz --locked

# Seeds: the sample's text and pages, and a DOCX made from one of them.
for t in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  case "$t" in
    zhnum_scan|extract_text) find data/raw/sample -name '*.txt' -exec cp {} "fuzz/corpus/$t/" \; ;;
    html_reader) find data/raw/sample -name '*.html' -exec cp {} "fuzz/corpus/$t/" \; ;;
    # The published PDFs of ../shared when it is there (read in place by the tests, copied only
    # into the fuzzer's own scratch corpus, which is not part of the project).
    pdf_reader) cp ../shared/corpus/files/*.pdf "fuzz/corpus/$t/" 2> /dev/null || true ;;
    # A Word 97-2003 file written by the project's test kit (no real .doc is at hand).
    doc_reader)
      CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$HOME/.cache/countypanel-target} cargo run -q \
        -p countypanel-ingest --features testkit --example word97_seed -- "fuzz/corpus/$t/seed.doc" ;;
    # A page's content with a table row and advances, as OFD writers put them.
    ofd_reader)
      printf '%s' '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer><ofd:TextObject ID="1" Boundary="20 30 170 6" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 5 4 30 4 4">床位数合计张 1830</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>' \
        > "fuzz/corpus/$t/seed.xml" ;;
    docx_reader)
      python3 - "fuzz/corpus/$t/seed.docx" <<'PY'
import sys, zipfile
body = "<w:p><w:r><w:t>2021年,全县家庭医生签约覆盖率61.5%。</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>建档率</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", f'<?xml version="1.0"?><w:document xmlns:w="w"><w:body>{body}</w:body></w:document>')
PY
      ;;
  esac
done

for t in "${TARGETS[@]}"; do
  log=$(mktemp)
  start=$(date +%s)
  status=0
  cargo +nightly fuzz run --fuzz-dir fuzz --target-dir "$TARGET_DIR" -O "$t" -- \
    -max_total_time="$FUZZ_TIME" -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 > "$log" 2>&1 || status=$?
  secs=$(( $(date +%s) - start ))
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo '?')
  if [ "$status" -eq 0 ]; then
    echo "fuzz $t: ${secs}s, $runs runs, coverage $cov edges, no crash"
  else
    echo "fuzz $t: ${secs}s, FAILED (exit $status); artifacts in fuzz/artifacts/$t"
    grep -E 'panicked|ERROR|SUMMARY' "$log" | head -5
  fi
  rm -f "$log"
done
