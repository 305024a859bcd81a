#!/usr/bin/env bash
# A/B import timing: two hg binaries, run alternately on the same file, so that a machine whose
# speed drifts over minutes (shared hosts do) moves both alike.
#
#   bench/import_ab.sh OLD_HG NEW_HG FILE [extra import options ...]
#
# Each run imports FILE into a fresh store under /usr/bin/time; prints one line per run
# ("old 15.83 s  user 18.98  sys 4.56") and the median wall time of each binary.
# Environment: RUNS (pairs of runs, default 3), BENCH_DIR (stores; default ${TMPDIR:-/tmp}/hg-ab).
set -euo pipefail

if [[ $# -lt 3 || ! -x "$1" || ! -x "$2" || ! -r "$3" ]]; then
  echo "usage: $0 OLD_HG NEW_HG FILE [import options ...]" >&2
  exit 2
fi
OLD="$1" NEW="$2" FILE="$3"
shift 3
EXTRA=("$@")
RUNS="${RUNS:-3}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hg-ab}"
source "$(dirname "${BASH_SOURCE[0]}")/gnu_time.sh"
mkdir -p "$BENCH_DIR"
export HG_DB="$BENCH_DIR/store/hg.db"
export HG_CONFIG="$BENCH_DIR/no-config.toml"  # defaults only
export HG_NOW="2026-01-01T00:00:00Z"

declare -a old_times new_times
run_one() {  # label binary
  rm -rf "$BENCH_DIR/store"
  mkdir -p "$BENCH_DIR/store"
  "$2" --quiet init
  "$TIME" -f '%e %U %S' -o "$BENCH_DIR/time.out" "$2" --quiet import jobs ${EXTRA[@]+"${EXTRA[@]}"} "$FILE" >/dev/null
  read -r wall user sys <"$BENCH_DIR/time.out"
  echo "$1 ${wall} s  user ${user}  sys ${sys}"
  if [[ "$1" == old ]]; then old_times+=("$wall"); else new_times+=("$wall"); fi
}
for ((run = 1; run <= RUNS; run++)); do
  run_one old "$OLD"
  run_one new "$NEW"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
echo "median wall: old $(median "${old_times[@]}") s, new $(median "${new_times[@]}") s"
rm -rf "$BENCH_DIR/store"
