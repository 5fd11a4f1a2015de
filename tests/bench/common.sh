# Shared by the benchmark scripts (sourced): a scratch folder removed on exit, GNU time, and
# `measure LABEL COMMAND...`, which runs the command and prints "seconds peak_kib"; its stdout
# goes to $WORK/LABEL.out and its stderr to $WORK/LABEL.err, both printed when it fails.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/time > /dev/null || { apt-get install -y -q time > /dev/null 2>&1 || true; }
command -v /usr/bin/time > /dev/null || { echo "$0: GNU time (/usr/bin/time) is needed" >&2; exit 2; }

measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > "$WORK/$label.out" 2> "$WORK/$label.err" || {
    echo "$0: $label failed:" >&2; cat "$WORK/$label.err" "$WORK/$label.out" >&2; exit 1; }
  cat "$WORK/time.txt"
}

# The catalog's indicator names and phrases, one per line: what a keyword scan looks for.
catalog_phrases() {
  python3 - pipelines/indicators/health.toml <<'PY'
import sys, tomllib
cat = tomllib.load(open(sys.argv[1], "rb"))
seen = set()
for ind in cat["indicator"]:
    for p in [ind["name"], *ind.get("phrases", [])]:
        if p not in seen:
            seen.add(p)
            print(p)
PY
}
