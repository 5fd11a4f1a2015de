#!/usr/bin/env bash
# A second `make` with nothing changed: its wall time and the number of stages it ran (zero is
# the goal). Prints one markdown line.
#
#   tests/bench/second_make.sh [PROFILE]     (default: release)
set -euo pipefail
cd "$(dirname "$0")/../.."
PROFILE=${1:-release}
make --no-print-directory PROFILE="$PROFILE" all > /dev/null 2>&1
start=$(date +%s.%N)
out=$(make --no-print-directory PROFILE="$PROFILE" all 2>&1)
end=$(date +%s.%N)
stages=$(grep -c -- '--pipeline' <<< "$out" || true)
echo "Second \`make\` with nothing changed: $(python3 -c "print(f'{$end - $start:.2f}')") s, $stages stages run."
