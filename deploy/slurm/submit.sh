#!/usr/bin/env bash
# Runs countypanel on a Slurm cluster: N array tasks read the parts of the raw folder, then one
# job merges them and runs clean and aggregate. The outputs are those of one run over the whole
# folder (`make slurm-check` compares them byte for byte).
#
#   deploy/slurm/submit.sh RAW OUT N [COUNTYPANEL]     prints the finishing job's id
#
# RAW and OUT must be on a file system every node sees.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export RAW=$(cd "$1" && pwd)
mkdir -p "$2"
export OUT=$(cd "$2" && pwd)
export SHARDS=$3
export COUNTYPANEL=${4:-$(command -v countypanel)}
cd "$OUT"
array=$(sbatch --parsable --array="1-$SHARDS" "$here/ingest-array.sbatch")
sbatch --parsable --dependency="afterok:$array" "$here/finish.sbatch"
