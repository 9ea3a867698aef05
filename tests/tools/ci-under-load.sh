#!/usr/bin/env bash
# Runs CI (.ci/run) from fresh clones of this repository's HEAD, several times
# in a row, with CPU hogs busy beside it, as on a shared CI machine. A test
# that only passes on a quiet machine fails here.
#
#   tests/tools/ci-under-load.sh [runs] [hogs]     (default: 3 runs, 2 hogs)
#
# Clones go to $CI_UNDER_LOAD_DIR (default: a folder in the system temporary
# directory); each run's full output is kept there as run-N.log. Exit status
# 0 only if every run passed.
set -uo pipefail
repo=$(git -C "$(dirname "$0")/../.." rev-parse --show-toplevel)
runs=${1:-3}
hogs=${2:-2}
work=${CI_UNDER_LOAD_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/lc-ci-under-load.XXXXXX")}
mkdir -p "$work"
commit=$(git -C "$repo" rev-parse --short HEAD)

hog_pids=()
stop_hogs() { for pid in "${hog_pids[@]}"; do kill "$pid" 2>/dev/null; done; }
trap stop_hogs EXIT
for _ in $(seq 1 "$hogs"); do
  # A busy loop in its own process: one core's worth of load each.
  ( while :; do :; done ) &
  hog_pids+=($!)
done
echo "[ci-under-load] $hogs CPU hogs running (pids ${hog_pids[*]}) on $(nproc) cores; $runs runs of .ci/run from fresh clones of $commit in $work"

failed=0
results=()
for run in $(seq 1 "$runs"); do
  clone="$work/clone-$run"
  rm -rf "$clone"
  git clone --quiet "$repo" "$clone"
  git -C "$clone" checkout --quiet "$commit"
  started=$(date +%s)
  (cd "$clone" && CI=true bash .ci/run) >"$work/run-$run.log" 2>&1 </dev/null
  status=$?
  seconds=$(( $(date +%s) - started ))
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  verdict=$([ "$status" = 0 ] && echo passed || echo "FAILED (exit $status)")
  [ "$status" = 0 ] || failed=1
  results+=("run $run: $verdict in ${seconds} s, load average at the end $load")
  echo "[ci-under-load] ${results[-1]}; last lines of $work/run-$run.log:"
  tail -n 4 "$work/run-$run.log" | sed 's/^/    /'
  rm -rf "$clone/node_modules" "$clone/.next" "$clone"/.next-*
done

echo "[ci-under-load] summary ($hogs hogs, commit $commit):"
printf '  %s\n' "${results[@]}"
exit "$failed"
