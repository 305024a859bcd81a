#!/usr/bin/env bash
# Dedup accuracy on a labelled duplicate set, scored by the set's own scorer.
#
#   bench/dedup_eval.sh path/to/hg [LABELLED.jsonl]
#
# The labelled file (default ../shared/data/jobs/dedup-dev.jsonl) is imported with its `gold`
# labels stripped (hg never sees them), `hg dedup` runs, each record's cluster is exported
# (external id -> cluster id, or its own id when alone) and score_dups.py (next to the
# labelled file) prints pairwise and B-cubed precision/recall/F1, recall per duplicate kind
# and the hard-negative false-merge rate. Extra arguments to score_dups.py: SCORE_ARGS.
# Standard library Python only.
set -euo pipefail
if [[ $# -lt 1 || ! -x "$1" ]]; then
  echo "usage: $0 path/to/hg [LABELLED.jsonl]" >&2
  exit 2
fi
HG="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
GOLD="${2:-$HERE/../../shared/data/jobs/dedup-dev.jsonl}"
SCORER="${SCORER:-$HERE/../../shared/data/jobs/score_dups.py}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

python3 - "$GOLD" "$WORK/input.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        record = json.loads(line)
        record.pop("gold", None)
        out.write(json.dumps(record) + "\n")
PY
export HG_DB="$WORK/store.db" HG_CONFIG="$WORK/config.toml"
"$HG" import jobs --no-dedup --quiet "$WORK/input.jsonl"
start=$(date +%s.%N)
"$HG" dedup
end=$(date +%s.%N)
echo "dedup took $(python3 -c "print(f'{$end - $start:.2f}')") s (wall, including start-up)"
"$HG" export jobs --jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    print(json.dumps({"id": r["external_id"], "cluster": r["cluster_id"] or ("own%d" % r["id"])}))
' > "$WORK/pred.jsonl"
python3 "$SCORER" "$GOLD" "$WORK/pred.jsonl" ${SCORE_ARGS:-}
