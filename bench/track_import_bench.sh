#!/usr/bin/env bash
# Bulk application import: how long `hg track import` takes for COUNT applications, each to a
# job the store does not have yet (so each row also creates a job).
#
#   bench/track_import_bench.sh path/to/hg
#
# Environment (optional): COUNT=10000  RUNS=5  SEED=1  BENCH_DIR=${TMPDIR:-/tmp}/hg-track-bench
set -euo pipefail
if [[ $# -ne 1 || ! -x "$1" ]]; then
  echo "usage: $0 path/to/hg" >&2
  exit 2
fi
HG="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COUNT="${COUNT:-10000}"
RUNS="${RUNS:-5}"
SEED="${SEED:-1}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hg-track-bench}"
mkdir -p "$BENCH_DIR"
CSV="$BENCH_DIR/applications-$COUNT-seed$SEED.csv"
[[ -s "$CSV" ]] || python3 "$HERE/gen_applications.py" --count "$COUNT" --seed "$SEED" -o "$CSV"
export HG_DB="$BENCH_DIR/store/hg.db" HG_CONFIG="$BENCH_DIR/no-config.toml"
export HG_NOW="2026-11-21T00:00:00Z" TZ=UTC
RESUME="$HERE/../data/demo/candidate.resume.json"
times=()
for ((run = 1; run <= RUNS; run++)); do
  rm -rf "$BENCH_DIR/store" && mkdir -p "$BENCH_DIR/store"
  "$HG" -q init && "$HG" -q import profiles "$RESUME"
  /usr/bin/time -f '%e %U %S %M' -o "$BENCH_DIR/time.out" "$HG" --json track import "$CSV" \
    >"$BENCH_DIR/report.json"
  python3 - "$BENCH_DIR/report.json" "$COUNT" <<'PY'
import json, sys
report, count = json.load(open(sys.argv[1])), int(sys.argv[2])
if report["created"] != count or report["rejected"] != 0:
    sys.exit(f"unexpected report: {report}")
PY
  times+=("$(cat "$BENCH_DIR/time.out")")
done
printf '%s\n' "${times[@]}" | python3 -c "
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall = [r[0] for r in rows]
print(f'track import $COUNT applications: median {statistics.median(wall):.2f} s '
      f'({$COUNT / statistics.median(wall):,.0f}/s), CPU {statistics.median(r[1] + r[2] for r in rows):.2f} s, '
      f'peak RSS {max(r[3] for r in rows) / 1024:.0f} MiB  [wall: ' + ' '.join(f'{w:.2f}' for w in wall) + ']')
"
rm -rf "$BENCH_DIR/store"
