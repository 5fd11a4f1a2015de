# Shared by the deployment checks (sourced).

# compare_outputs CHECK LOCAL OTHER: compares every output of the local run (folder LOCAL) with
# the same file of the other run (folder OTHER), leaving aside run.json, scheduler logs and the
# parts; names each file that differs on stderr and prints "FILES DIFFERING". Fails, naming
# them, when the two runs wrote different sets of files.
compare_outputs() {
  local check=$1 local_dir=$2 other=$3 n=0 differ=0 f
  list() { (cd "$1" && find . -type f ! -name run.json ! -name 'slurm-*' ! -path './staged/parts/*' | sort); }
  if ! diff <(list "$local_dir") <(list "$other") > /dev/null; then
    echo "$check: the run wrote other files than the local run" >&2
    diff <(list "$local_dir") <(list "$other") >&2 || true
    return 1
  fi
  for f in $(list "$local_dir"); do
    n=$((n + 1))
    cmp -s "$local_dir/$f" "$other/$f" || { echo "differs: $f" >&2; differ=$((differ + 1)); }
  done
  echo "$n $differ"
}
