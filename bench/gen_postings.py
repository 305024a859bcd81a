#!/usr/bin/env python3
"""Generate realistic job postings for benchmarks by recombining real ones.

Reads the corpus of real postings (JSON Lines, gzip) and writes COUNT new records, each
built from the fields of several real postings: a title from one, the company from another,
the location, the full description, the salary and the employment details from others.
Every record gets a unique id and a source (job board), a URL in that board's style with
tracking parameters, and a posting date. The output is deterministic for a given --seed,
--count and corpus.

    bench/gen_postings.py --count 100000 --seed 1 -o postings.jsonl
    bench/gen_postings.py --count 1000 --format csv > postings.csv

Standard library only. The corpus path defaults to ../shared/data/jobs/postings.jsonl.gz
relative to the repository root.
"""

import argparse
import csv
import datetime
import gzip
import io
import json
import os
import random
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join("..", "shared", "data", "jobs", "postings.jsonl.gz")

# Sources the generated records claim to come from, with relative weights.
SOURCES = [("indeed", 45), ("linkedin", 20), ("glassdoor", 10), ("greenhouse", 15), ("lever", 10)]

CSV_COLUMNS = [
    "id", "source", "title", "company", "location", "remote", "employment_type", "seniority",
    "date_posted", "url", "salary_raw", "salary_min", "salary_max", "salary_currency",
    "salary_period", "description", "description_html",
]

TRACKING = [
    ("utm_source", ["indeed", "linkedin", "newsletter", "google_jobs", "twitter"]),
    ("utm_medium", ["cpc", "organic", "email", "social", "feed"]),
    ("utm_campaign", ["spring_hiring", "eng_2026", "brand", "retarget", "jobs_digest"]),
    ("gclid", None),
    ("fbclid", None),
    ("trk", ["public_jobs_topcard", "guest_job_search", "jobs_home"]),
    ("ref", ["homepage", "search", "alert"]),
]


def load_corpus(path):
    """The real postings, in file order (so a seed always means the same output)."""
    postings = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line:
                postings.append(json.loads(line))
    if not postings:
        sys.exit(f"gen_postings: {path}: no postings")
    return postings


class Pools:
    """Real field values, grouped so that related fields stay together."""

    def __init__(self, postings):
        def distinct(values):
            seen, out = set(), []
            for value in values:
                key = json.dumps(value, sort_keys=True)
                if value and key not in seen:
                    seen.add(key)
                    out.append(value)
            return out

        self.titles = distinct(p.get("title") for p in postings)
        self.companies = distinct(p.get("company") for p in postings)
        self.locations = distinct(p.get("location") for p in postings)
        # A description keeps its HTML original when the posting had one.
        self.descriptions = distinct(
            (p["description"], p.get("description_html")) for p in postings if p.get("description")
        )
        self.salaries = distinct(
            (p.get("salary_raw"), p.get("salary_min"), p.get("salary_max"), p.get("salary_period"))
            for p in postings
            if p.get("salary_min") is not None or p.get("salary_raw")
        )
        self.employment_types = distinct(p.get("employment_type") for p in postings)
        self.seniorities = distinct(p.get("seniority") for p in postings)
        self.remotes = [p.get("remote") for p in postings if p.get("remote")]
        salary_share = sum(1 for p in postings if p.get("salary_min") is not None or p.get("salary_raw"))
        self.salary_share = salary_share / len(postings)
        self.employment_share = sum(1 for p in postings if p.get("employment_type")) / len(postings)
        self.seniority_share = sum(1 for p in postings if p.get("seniority")) / len(postings)
        self.location_share = sum(1 for p in postings if p.get("location")) / len(postings)


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "company"


def job_url(rng, source, company, number):
    """A URL in the style of the source, sometimes with tracking parameters."""
    if source == "indeed":
        url = f"https://www.indeed.com/viewjob?jk={rng.getrandbits(64):016x}"
    elif source == "linkedin":
        url = f"https://www.linkedin.com/jobs/view/{3000000000 + number}/"
    elif source == "glassdoor":
        url = (f"https://www.glassdoor.com/job-listing/{slug(company)}-JV_KO0,20_KE21,40.htm"
               f"?jl={1008000000000 + number}")
    elif source == "greenhouse":
        url = f"https://boards.greenhouse.io/{slug(company)}/jobs/{4000000 + number}"
    else:
        uuid = f"{rng.getrandbits(128):032x}"
        uuid = f"{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:]}"
        url = f"https://jobs.lever.co/{slug(company)}/{uuid}"
    if rng.random() < 0.6:
        params = []
        for name, values in rng.sample(TRACKING, rng.randint(1, 3)):
            value = rng.choice(values) if values else f"{rng.getrandbits(80):020x}"
            params.append(f"{name}={value}")
        if source == "greenhouse" and rng.random() < 0.5:
            params.append(f"gh_src={rng.getrandbits(32):08x}")
        if source == "lever" and rng.random() < 0.5:
            params.append("lever-source=LinkedIn")
        url += ("&" if "?" in url else "?") + "&".join(params)
    return url


def make_record(rng, pools, number, seed, start_date):
    source = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
    company = rng.choice(pools.companies)
    description, description_html = rng.choice(pools.descriptions)
    record = {
        "id": f"bench-{seed}-{number:07d}",
        "source": source,
        "title": rng.choice(pools.titles),
        "company": company,
    }
    if rng.random() < pools.location_share:
        record["location"] = rng.choice(pools.locations)
    record["remote"] = rng.choice(pools.remotes)
    if rng.random() < pools.employment_share:
        record["employment_type"] = rng.choice(pools.employment_types)
    if rng.random() < pools.seniority_share:
        record["seniority"] = rng.choice(pools.seniorities)
    posted = start_date + datetime.timedelta(days=rng.randrange(365))
    record["date_posted"] = posted.isoformat()
    record["url"] = job_url(rng, source, company, number)
    if rng.random() < pools.salary_share:
        raw, low, high, period = rng.choice(pools.salaries)
        if raw:
            record["salary_raw"] = raw
        if low is not None:
            record["salary_min"] = low
        if high is not None:
            record["salary_max"] = high
        record["salary_currency"] = "USD"
        if period:
            record["salary_period"] = period
    record["description"] = description
    if description_html:
        record["description_html"] = description_html
    return record


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="records to write (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--from", dest="corpus", default=None,
                        help=f"corpus of real postings (default {DEFAULT_CORPUS} from the repository root)")
    parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl",
                        help="JSON Lines (default) or RFC 4180 CSV with a header")
    parser.add_argument("-o", "--output", default="-", help="output file (default - for stdout)")
    args = parser.parse_args()
    if args.count < 0:
        parser.error("--count must be 0 or more")

    corpus = args.corpus or os.path.join(REPO_ROOT, DEFAULT_CORPUS)
    if not os.path.exists(corpus):
        sys.exit(f"gen_postings: {corpus}: no such file (use --from)")
    pools = Pools(load_corpus(corpus))
    rng = random.Random(args.seed)
    start_date = datetime.date(2025, 1, 1)

    if args.output == "-":
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    else:
        out = open(args.output + ".tmp", "w", encoding="utf-8", newline="")
    with out:
        if args.format == "csv":
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(CSV_COLUMNS)
            for number in range(1, args.count + 1):
                record = make_record(rng, pools, number, args.seed, start_date)
                writer.writerow([csv_value(record.get(column)) for column in CSV_COLUMNS])
        else:
            for number in range(1, args.count + 1):
                record = make_record(rng, pools, number, args.seed, start_date)
                out.write(json.dumps(record, ensure_ascii=False))
                out.write("\n")
    if args.output != "-":
        os.replace(args.output + ".tmp", args.output)


if __name__ == "__main__":
    main()
