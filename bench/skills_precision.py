#!/usr/bin/env python3
"""Skill extraction over the real postings: coverage, speed, and a fixed-seed sample for
hand-checking precision.

    python3 bench/skills_precision.py [--hg build/apps/hg/hg] [--postings PATH]
                                      [--sample 100] [--seed 20261121] [--write-sample]

Runs `hg -v skills extract --field description --jsonl -` once over every posting (the
timing line comes from hg itself and covers extraction only, one thread), prints the share
of postings with >= 3 skills, and samples (posting, skill) pairs uniformly with a fixed
seed. --write-sample writes them to bench/labels/skills_precision_sample.tsv with empty
verdict columns; once a person has filled `correct` (1/0) there, running without
--write-sample reports the precision of the labelled sample.
"""

import argparse
import collections
import csv
import gzip
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = os.path.join(ROOT, "bench", "labels", "skills_precision_sample.tsv")


def snippet(data, offset, length, width=70):
    """`data` is UTF-8 bytes; the mention is marked [[like this]]."""
    start, end = max(0, offset - width), min(len(data), offset + length + width)
    part = lambda a, b: data[a:b].decode("utf-8", "replace")
    s = part(start, offset) + "[[" + part(offset, offset + length) + "]]" + part(offset + length, end)
    return " ".join(s.split())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hg", default=os.path.join(ROOT, "build", "apps", "hg", "hg"))
    parser.add_argument("--postings", default=os.path.join(ROOT, "..", "shared", "data", "jobs",
                                                           "postings.jsonl.gz"))
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20261121)
    parser.add_argument("--write-sample", action="store_true")
    args = parser.parse_args()

    with gzip.open(args.postings, "rb") as f:
        raw = f.read()
    postings = {}
    for line in raw.splitlines():
        record = json.loads(line)
        postings[record["id"]] = record["description"]
    run = subprocess.run([args.hg, "-v", "skills", "extract", "--field", "description", "--jsonl",
                          "-"], input=raw, capture_output=True, check=True)
    sys.stderr.write(run.stderr.decode())
    found = [json.loads(line) for line in run.stdout.splitlines()]
    per_posting = collections.Counter(r["record"] for r in found)
    with3 = sum(1 for pid in postings if per_posting[pid] >= 3)
    print(f"postings: {len(postings)}; with >= 3 skills: {with3} ({100 * with3 / len(postings):.1f} %); "
          f"skills found: {len(found)} ({len(found) / len(postings):.1f} per posting)")
    top = collections.Counter(r["name"] for r in found).most_common(40)
    print("most frequent: " + ", ".join(f"{n} {c}" for n, c in top))

    # Byte offsets from hg; the descriptions are UTF-8, so slice the bytes.
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(range(len(found)), args.sample))
    rows = []
    for i in sample:
        r = found[i]
        data = postings[r["record"]].encode("utf-8")
        rows.append([r["record"], r["name"], snippet(data, r["offset"], r["length"])])
    if args.write_sample:
        with open(LABELS, "w", encoding="utf-8", newline="") as out:
            out.write("posting_id\tskill\tsnippet\tcorrect\tnote\n")
            for row in rows:
                out.write("\t".join([row[0], row[1], row[2].replace("\t", " "), "", ""]) + "\n")
        print(f"wrote {len(rows)} rows to {os.path.relpath(LABELS)}; fill in `correct`")
        return
    if os.path.exists(LABELS):
        with open(LABELS, encoding="utf-8") as f:
            labelled = [row for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
        verdicts = [row["correct"] for row in labelled if row["correct"] in ("0", "1")]
        if verdicts:
            ok = sum(v == "1" for v in verdicts)
            print(f"precision on the labelled sample: {ok}/{len(verdicts)} = {100 * ok / len(verdicts):.0f} %")


if __name__ == "__main__":
    main()
