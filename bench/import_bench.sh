#!/usr/bin/env bash
# Import benchmark: how long `hg import jobs` takes for COUNT realistic postings.
#
#   bench/import_bench.sh path/to/hg
#
# Generates COUNT postings (bench/gen_postings.py, JSON Lines and CSV) once into BENCH_DIR and
# reuses them on later runs, then times with /usr/bin/time, RUNS times each:
#   1. jsonl    `hg import jobs FILE.jsonl` into a fresh, empty store
#   2. reimport the same file again into a store that already holds it (all unchanged)
#   3. csv      `hg import jobs FILE.csv` into a fresh, empty store
# and prints the median wall time, records per second, the median CPU time (user + system;
# steadier than wall time on a shared machine) and the peak RSS (largest of the runs).
#
# Environment (all optional):
#   COUNT=100000   postings to generate        SEED=1      generator seed
#   RUNS=5         timed runs per case          CASES="jsonl reimport csv"
#   BENCH_DIR=${TMPDIR:-/tmp}/hg-import-bench   where the data and the stores go
#   CORPUS=...     real postings for the generator (default: its own default)
#   FLAGS="..."    extra `hg import jobs` options, e.g. "--no-enrich --no-dedup"
set -euo pipefail

if [[ $# -ne 1 || ! -x "$1" ]]; then
  echo "usage: $0 path/to/hg" >&2
  exit 2
fi
HG="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COUNT="${COUNT:-100000}"
SEED="${SEED:-1}"
RUNS="${RUNS:-5}"
CASES="${CASES:-jsonl reimport csv}"
BENCH_DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hg-import-bench}"
source "$(dirname "${BASH_SOURCE[0]}")/gnu_time.sh"
mkdir -p "$BENCH_DIR"

generate() {  # format file
  if [[ -s "$2" ]]; then return; fi
  echo "generating $COUNT postings ($1, seed $SEED) into $2 ..." >&2
  local from=()
  if [[ -n "${CORPUS:-}" ]]; then from=(--from "$CORPUS"); fi
  python3 "$HERE/gen_postings.py" --count "$COUNT" --seed "$SEED" --format "$1" "${from[@]}" -o "$2"
}

JSONL="$BENCH_DIR/postings-$COUNT-seed$SEED.jsonl"
CSV="$BENCH_DIR/postings-$COUNT-seed$SEED.csv"
generate jsonl "$JSONL"
if [[ " $CASES " == *" csv "* ]]; then generate csv "$CSV"; fi

STORE_DIR="$BENCH_DIR/store"
export HG_DB="$STORE_DIR/hg.db"
export HG_CONFIG="$BENCH_DIR/no-config.toml"  # defaults only, whatever the user's config says
export HG_NOW="2026-01-01T00:00:00Z"

fresh_store() {
  rm -rf "$STORE_DIR"
  mkdir -p "$STORE_DIR"
  "$HG" --quiet init
}

# Runs one import under /usr/bin/time; appends "wall-seconds max-rss-KiB user-s system-s"
# to $RESULTS.
timed_import() {  # file expected-summary-word
  local log="$BENCH_DIR/last-run.log"
  if ! "$TIME" -f '%e %M %U %S' -o "$BENCH_DIR/time.out" "$HG" --json import jobs ${FLAGS:-} "$1" >"$log" 2>"$log.err"; then
    echo "$0: hg import failed:" >&2
    cat "$log" "$log.err" >&2
    exit 1
  fi
  # The --json summary must say every record went where we expect.
  if ! python3 - "$log" "$2" "$COUNT" <<'EOF'
import json, sys
report = json.load(open(sys.argv[1]))
want, count = sys.argv[2], int(sys.argv[3])
ok = report["read"] == count and report[want] == count and report["rejected"] == 0
if not ok:
    print(f"unexpected import report (wanted {count} {want}): {report}", file=sys.stderr)
sys.exit(0 if ok else 1)
EOF
  then
    exit 1
  fi
  cat "$BENCH_DIR/time.out" >>"$RESULTS"
}

# Median wall seconds, records/s at the median, median CPU seconds, largest peak RSS in MiB.
summarise() {  # case-name file
  python3 - "$1" "$2" "$COUNT" "$RESULTS" <<'EOF'
import os, statistics, sys
name, path, count, results = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
rows = [line.split() for line in open(results) if line.strip()]
seconds = [float(r[0]) for r in rows]
rss_mib = max(int(r[1]) for r in rows) / 1024
cpu = statistics.median(float(r[2]) + float(r[3]) for r in rows)
median = statistics.median(seconds)
size_mib = os.path.getsize(path) / 1024 / 1024
runs = " ".join(f"{s:.2f}" for s in seconds)
print(f"{name:9} {count} records ({size_mib:.0f} MiB): median {median:.2f} s "
      f"({count / median:,.0f} records/s, {size_mib / median:.1f} MiB/s), "
      f"CPU {cpu:.2f} s, peak RSS {rss_mib:.0f} MiB  [wall: {runs}]")
EOF
}

echo "hg: $("$HG" --version)  runs per case: $RUNS  data: $BENCH_DIR  flags: ${FLAGS:-none}" >&2
for case_name in $CASES; do
  RESULTS="$BENCH_DIR/$case_name.times"
  : >"$RESULTS"
  case "$case_name" in
    jsonl | csv)
      file="$JSONL"
      if [[ "$case_name" == csv ]]; then file="$CSV"; fi
      for ((run = 1; run <= RUNS; run++)); do
        fresh_store
        timed_import "$file" inserted
      done
      ;;
    reimport)
      file="$JSONL"
      fresh_store
      "$HG" --quiet import jobs ${FLAGS:-} "$file" >/dev/null
      for ((run = 1; run <= RUNS; run++)); do
        timed_import "$file" unchanged
      done
      ;;
    *)
      echo "$0: unknown case $case_name (jsonl, reimport, csv)" >&2
      exit 2
      ;;
  esac
  summarise "$case_name" "$file"
done
echo "store after the last run: $(du -sh "$STORE_DIR" | cut -f1)" >&2
rm -rf "$STORE_DIR"
