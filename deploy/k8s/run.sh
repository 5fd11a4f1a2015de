#!/usr/bin/env bash
# Applies the ingest Indexed Job, waits for every part, then applies the finishing Job and
# waits for it. IMAGE is the container image holding countypanel.
#
#   IMAGE=registry.example/countypanel:0.1 deploy/k8s/run.sh [NAMESPACE]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ns=${1:-default}
: "${IMAGE:?set IMAGE to the container image holding countypanel}"
sed "s|IMAGE|$IMAGE|" "$here/ingest-job.yaml" | kubectl -n "$ns" apply -f -
kubectl -n "$ns" wait --for=condition=complete --timeout=24h job/countypanel-ingest
sed "s|IMAGE|$IMAGE|" "$here/finish-job.yaml" | kubectl -n "$ns" apply -f -
kubectl -n "$ns" wait --for=condition=complete --timeout=24h job/countypanel-finish
