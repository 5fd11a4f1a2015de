#!/usr/bin/env bash
# The same inputs give the same bytes: the pipeline run by `make -j1` with one ingest thread and
# by `make -j4` with four, each from an empty output folder, must write identical files (sha256
# of every file of every layer). The same folder is used twice, since lineage metadata records
# the paths of each stage's inputs.
#
#   tests/reliability/determinism.sh [PROFILE]     (default: dev)
set -euo pipefail
cd "$(dirname "$0")/../.."
PROFILE=${1:-dev}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
digest() { (cd "$out" && find . -type f | LC_ALL=C sort | xargs sha256sum); }

RAYON_NUM_THREADS=1 make --no-print-directory -j1 PROFILE="$PROFILE" OUT="$out" all > /dev/null
one=$(digest)
rm -rf "${out:?}"/*
RAYON_NUM_THREADS=4 make --no-print-directory -j4 PROFILE="$PROFILE" OUT="$out" all > /dev/null
four=$(digest)
if ! diff <(echo "$one") <(echo "$four"); then
  echo "determinism: make -j1 and make -j4 wrote different bytes (diff above)" >&2
  exit 1
fi
echo "determinism: make -j1 (1 thread) and make -j4 (4 threads) wrote $(echo "$one" | wc -l) identical files"
