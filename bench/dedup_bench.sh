#!/usr/bin/env bash
# Dedup at scale, beside the reference design.
#
#   bench/dedup_bench.sh path/to/hg
#
# 1. Generates COUNT labelled postings (bench/gen_dups.py: ~2 postings per job, hard
#    negatives) and three batches of ADD more, once, into BENCH_DIR, and imports the COUNT
#    into a store with --no-dedup (once; the store is reused by later runs).
# 2. From scratch: `hg dedup --rebuild` RUNS times: median wall time, CPU time, peak RSS.
#    Then the clusters are scored against the labels (score_dups.py).
# 3. Incremental: for each batch, `hg import jobs --no-dedup BATCH` then a timed `hg dedup`
#    (the batch compared against the store). The batches are deleted afterwards so the store
#    is back at COUNT postings.
# 4. The reference design (bench/dedup_reference.py): blocked by company on REF_BLOCKED
#    records of the same data, naive pairwise on REF_NAIVE records; time and accuracy.
#
# Environment: COUNT=1000000 ADD=10000 RUNS=3 SEED=7 REF_BLOCKED=100000 REF_NAIVE=5000
#              BENCH_DIR=${TMPDIR:-/tmp}/hg-dedup-bench  (needs ~12 GB at 1M)
set -euo pipefail
if [[ $# -ne 1 || ! -x "$1" ]]; then
  echo "usage: $0 path/to/hg" >&2
  exit 2
fi
HG="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SCORER="$HERE/../../shared/data/jobs/score_dups.py"
COUNT="${COUNT:-1000000}" ADD="${ADD:-10000}" RUNS="${RUNS:-3}" SEED="${SEED:-7}"
REF_BLOCKED="${REF_BLOCKED:-100000}" REF_NAIVE="${REF_NAIVE:-5000}"
DIR="${BENCH_DIR:-${TMPDIR:-/tmp}/hg-dedup-bench}"
source "$(dirname "${BASH_SOURCE[0]}")/gnu_time.sh"
mkdir -p "$DIR"
cd "$DIR"
export HG_CONFIG="$DIR/config.toml"

strip_gold() {  # labelled file -> input for hg
  python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        r = json.loads(line); r.pop("gold", None); out.write(json.dumps(r) + "\n")' "$1" "$2"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

data="dups-$COUNT-$SEED.jsonl"
if [[ ! -s $data ]]; then
  python3 "$HERE/gen_dups.py" --count "$COUNT" --seed "$SEED" -o "$data"
  strip_gold "$data" "in-$data"
fi
for batch in 1 2 3; do
  add="add-$ADD-$batch.jsonl"
  if [[ ! -s $add ]]; then
    python3 "$HERE/gen_dups.py" --count "$ADD" --seed $((SEED * 100 + batch)) --id-prefix "add$batch-" -o "$add"
    python3 -c '
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        r = json.loads(line); r.pop("gold", None); r["source"] = "bench-add"; out.write(json.dumps(r) + "\n")' "$add" "in-$add"
  fi
done
store="store-$COUNT-$SEED.db"
if [[ ! -s $store.done ]]; then
  rm -f "$store" "$store"-*
  echo "importing $COUNT postings (once)..."
  "$HG" --db "$store" import jobs --no-dedup -q "in-$data"
  echo ok > "$store.done"
fi
export HG_DB="$DIR/$store"
# Deletes the incremental batches (source bench-add): the store is back at COUNT postings.
drop_added() {
  python3 - "$store" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = ON")
added = "(SELECT id FROM jobs WHERE source = 'bench-add')"
db.execute(f"DELETE FROM dedup_decisions WHERE job_a IN {added} OR job_b IN {added}")
db.execute(f"DELETE FROM job_clusters WHERE job_id IN {added} OR cluster_id IN {added}")
db.execute("DELETE FROM jobs WHERE source = 'bench-add'")
db.commit()
PY
}
drop_added  # in case an earlier run was interrupted

echo "== hg dedup --rebuild over $COUNT stored postings ($RUNS runs)"
: > scratch.tsv
for run in $(seq "$RUNS"); do
  $TIME -f "%e %U %S %M" -o time.txt "$HG" dedup --rebuild --json > summary.json
  read -r wall user sys rss < time.txt
  echo "$wall $(python3 -c "print(f'{$user + $sys:.2f}')") $rss" >> scratch.tsv
  python3 -c '
import json, sys
s = json.load(open("summary.json"))
print("  run {}: {} s wall, {} pairs scored, {} merges, {} kept apart".format(
    sys.argv[1], sys.argv[2], s["compared"], s["merges"], s["kept_apart"]))' "$run" "$wall"
done
echo "  median wall $(cut -d' ' -f1 scratch.tsv | median) s, median CPU $(cut -d' ' -f2 scratch.tsv | median) s," \
     "peak RSS $(cut -d' ' -f3 scratch.tsv | sort -n | tail -1 | awk '{printf "%.0f", $1/1024}') MB"

echo "== accuracy of those clusters on the $COUNT labelled postings"
"$HG" export jobs --jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"id": r["external_id"], "cluster": r["cluster_id"] or ("own%d" % r["id"])}))' > pred.jsonl
python3 "$SCORER" "$data" pred.jsonl | sed 's/^/  /'

echo "== incremental: $ADD new postings into the $COUNT-posting store"
: > incremental.tsv
for batch in 1 2 3; do
  "$HG" import jobs --no-dedup -q "in-add-$ADD-$batch.jsonl"
  $TIME -f "%e %U %S %M" -o time.txt "$HG" dedup --json > summary.json
  read -r wall user sys rss < time.txt
  echo "$wall $rss" >> incremental.tsv
  python3 -c '
import json, sys
s = json.load(open("summary.json"))
print("  batch {}: {} s wall, {} new compared with {} stored, {} merges".format(
    sys.argv[1], sys.argv[2], s["read"], s["loaded"], s["merges"]))' "$batch" "$wall"
done
echo "  median wall $(cut -d' ' -f1 incremental.tsv | median) s," \
     "peak RSS $(cut -d' ' -f2 incremental.tsv | sort -n | tail -1 | awk '{printf "%.0f", $1/1024}') MB"
drop_added
"$HG" dedup -q  # clusters whose members were deleted settle again

echo "== reference design (bench/dedup_reference.py) on the same generated data"
for variant in blocked naive; do
  limit=$REF_BLOCKED
  [[ $variant == naive ]] && limit=$REF_NAIVE
  $TIME -f "%e %M" -o time.txt python3 "$HERE/dedup_reference.py" "$variant" "$data" ref.jsonl --limit "$limit" | sed 's/^/  /'
  read -r wall rss < time.txt
  head -n "$limit" "$data" > ref-gold.jsonl
  echo "  ($wall s wall with reading, peak RSS $((rss / 1024)) MB)"
  python3 "$SCORER" ref-gold.jsonl ref.jsonl | sed -n '2,3p' | sed 's/^/  /'
done
