#!/usr/bin/env bash
# hg match at scale, against the reference design's matcher, in one run:
#
#   bench/match_bench.sh BUILD_DIR STORE
#
# BUILD_DIR is a Release build with -DHG_BUILD_BENCH=ON (apps/hg/hg, bench/match_bench).
# STORE is an hg store holding the postings (1M for docs/BENCHMARKS.md; make it once with
#   bench/gen_postings.py --count 1000000 --seed 7 -o p1m.jsonl && HG_DB=STORE hg import jobs p1m.jsonl).
# The script saves 100 candidate profiles into STORE (JSON Resumes made from
# bench/match_profiles/, once), then prints:
#   1. match_bench hg: index build or load, in-process cold and warm top-20 medians, 100
#      profiles ranked for one job, peak RSS;
#   2. `hg match --resume PROFILE -n 20 --json` as a new process, RUNS times: median wall time
#      and peak RSS (cold process, warm OS page cache);
#   3. match_bench baseline: the reference matcher's fit and query times and peak RSS.
# Environment: PROFILE (default bench/match_profiles/de-seattle.json), RUNS (default 11),
# BASELINE=0 to skip step 3 (it takes about half an hour on 1M postings).
set -euo pipefail
if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR STORE" >&2
  exit 2
fi
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="$(cd "$1" && pwd)"
STORE="$2"
HG="$BUILD/apps/hg/hg"
BENCH="$BUILD/bench/match_bench"
PROFILE="${PROFILE:-$HERE/match_profiles/de-seattle.json}"
RUNS="${RUNS:-11}"
export HG_DB="$STORE" HG_NOW="2026-11-21T12:00:00Z"

count="$("$HG" export profiles --jsonl | wc -l)"
if [[ "$count" -lt 100 ]]; then
  dir="$(mktemp -d)"
  trap 'rm -rf "$dir"' EXIT
  python3 - "$HERE/match_profiles" "$dir" <<'PY'
import json, os, sys
src, out = sys.argv[1], sys.argv[2]
names = sorted(f for f in os.listdir(src) if f.endswith(".json"))
for i in range(100):
    doc = json.load(open(os.path.join(src, names[i % len(names)])))
    doc["basics"]["name"] = f"Bench Candidate {i:03d}"
    doc["basics"]["email"] = f"candidate{i:03d}@example.org"
    json.dump(doc, open(os.path.join(out, f"c{i:03d}.json"), "w"))
PY
  "$HG" -q import profiles "$dir"/c*.json
fi
echo "== $("$HG" export profiles --jsonl | wc -l) profiles; profile for forward queries: $(basename "$PROFILE")"

echo "== match_bench hg"
"$BENCH" hg "$STORE" "$PROFILE" "$RUNS"

echo "== hg match --resume $(basename "$PROFILE") -n 20 --json (new process each run)"
times=()
peak=0
for ((i = 0; i < RUNS; i++)); do
  out="$( { /usr/bin/time -f '%e %M' "$HG" match --resume "$PROFILE" -n 20 --json >/dev/null; } 2>&1 | tail -n 1)"
  times+=("${out% *}")
  rss="${out#* }"
  (( rss > peak )) && peak=$rss
done
median="$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')"
echo "median wall ${median} s over $RUNS runs, peak RSS $((peak / 1024)) MiB"

echo "== hg match --job (100 profiles, new process)"
job="$("$HG" match --resume "$PROFILE" -n 1 --jsonl | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')"
/usr/bin/time -f 'wall %e s, peak RSS %M KiB' "$HG" match --job "$job" --json >/dev/null

if [[ "${BASELINE:-1}" != 0 ]]; then
  echo "== match_bench baseline"
  "$BENCH" baseline "$STORE" "$PROFILE" 5
fi
