#!/usr/bin/env python3
"""The reference dedup design, for comparison with `hg dedup` (bench/dedup_bench.sh).

    bench/dedup_reference.py naive|blocked RECORDS.jsonl PRED.jsonl [--limit N]

1. Strip tracking parameters from URLs (utm_*, gclid, fbclid, ref, source, trk, lever-origin
   ...); records with the same stripped URL are one job.
2. MD5 of lower-cased title + company + location: equal hashes within 30 days are one job.
3. Pairwise fuzzy match: title similarity >= 85% and company similarity >= 80%
   (difflib.SequenceMatcher ratio, the usual fuzzy ratio) merge two records.
   naive:   every pair of records (quadratic)
   blocked: only pairs with the same lower-cased company

Reads the records' input fields only (never `gold`); writes {"id", "cluster"} lines for
../shared/data/jobs/score_dups.py and prints the time taken. Standard library only.
"""

import argparse
import datetime
import difflib
import hashlib
import json
import sys
import time
import urllib.parse
from collections import defaultdict

TRACKING = ("utm_", "gclid", "fbclid", "ref", "source", "trk", "lever-origin", "lever-source",
            "gh_src", "mc_", "from")


def strip_url(url):
    if not url:
        return ""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query)
             if not any(k.lower().startswith(t) for t in TRACKING)]
    host = parts.netloc.lower().removeprefix("www.")
    return urllib.parse.urlunsplit(("https", host, parts.path.rstrip("/"), urllib.parse.urlencode(query), ""))


def day(record):
    text = record.get("posted_date") or record.get("date_posted") or ""
    try:
        return datetime.date.fromisoformat(text[:10]).toordinal()
    except ValueError:
        return 0


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[b] = a


def ratio(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("variant", choices=["naive", "blocked"])
    ap.add_argument("records")
    ap.add_argument("pred")
    ap.add_argument("--limit", type=int, default=0, help="read only the first N records")
    a = ap.parse_args()

    records = []
    with open(a.records, encoding="utf-8") as f:
        for line in f:
            if a.limit and len(records) >= a.limit:
                break
            r = json.loads(line)
            records.append({"id": r["id"], "url": r.get("url", ""), "title": (r.get("title") or "").lower(),
                            "company": (r.get("company") or "").lower(),
                            "location": (r.get("location") or "").lower(), "day": day(r)})
    started = time.perf_counter()
    uf = UnionFind(len(records))
    by_url = {}
    by_hash = defaultdict(list)
    for i, r in enumerate(records):
        url = strip_url(r["url"])
        if url:
            if url in by_url:
                uf.union(by_url[url], i)
            else:
                by_url[url] = i
        key = hashlib.md5((r["title"] + "|" + r["company"] + "|" + r["location"]).encode()).hexdigest()
        for j in by_hash[key]:
            if abs(records[j]["day"] - r["day"]) <= 30:
                uf.union(j, i)
                break
        by_hash[key].append(i)

    def compare(i, j):
        x, y = records[i], records[j]
        if ratio(x["title"], y["title"]) >= 0.85 and ratio(x["company"], y["company"]) >= 0.80:
            uf.union(i, j)

    if a.variant == "naive":
        for i in range(len(records)):
            for j in range(i + 1, len(records)):
                compare(i, j)
    else:
        blocks = defaultdict(list)
        for i, r in enumerate(records):
            blocks[r["company"]].append(i)
        for members in blocks.values():
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    compare(members[x], members[y])
    elapsed = time.perf_counter() - started
    with open(a.pred, "w", encoding="utf-8") as out:
        for i, r in enumerate(records):
            out.write(json.dumps({"id": r["id"], "cluster": uf.find(i)}) + "\n")
    print(f"reference {a.variant}: {len(records)} records in {elapsed:.2f} s")


if __name__ == "__main__":
    sys.exit(main())
