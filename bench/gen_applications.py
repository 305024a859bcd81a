#!/usr/bin/env python3
"""Generates a CSV of job applications for `hg track import` benchmarks.

Each row is one application to a distinct job (company + title, half of them with a posting
URL), with a status drawn from a realistic funnel, a date in the last 180 days and, for some,
a note. Titles and companies come from ../shared/data/jobs when it is there (real names),
else from small built-in lists.

  gen_applications.py --count 10000 --seed 1 -o apps.csv
"""
import argparse
import csv
import datetime
import gzip
import json
import pathlib
import random
import sys

FUNNEL = [("applied", 50), ("screening", 12), ("interviewing", 10), ("offer", 3),
          ("accepted", 1), ("rejected", 15), ("withdrawn", 3), ("ghosted", 5), ("saved", 1)]
NOTES = ["", "", "", "referred by a friend", "recruiter reached out", "applied via portal",
         "follow up next week", "salary range discussed"]


def real_names(limit):
    here = pathlib.Path(__file__).resolve().parent
    jobs = here.parent.parent / "shared" / "data" / "jobs"
    titles, companies = set(), set()
    for path in [jobs / "postings.jsonl.gz"]:
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                title, company = record.get("title"), record.get("company")
                if isinstance(title, str) and title.strip():
                    titles.add(title.strip()[:80])
                if isinstance(company, str) and company.strip():
                    companies.add(company.strip()[:60])
                if len(titles) >= limit and len(companies) >= limit:
                    return sorted(titles), sorted(companies)
    return sorted(titles), sorted(companies)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", default="-")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    titles, companies = real_names(2000)
    if len(titles) < 50 or len(companies) < 50:
        titles = [f"{level} {role}" for level in ("Junior", "", "Senior", "Staff", "Lead")
                  for role in ("Data Engineer", "Backend Developer", "Product Manager",
                               "Designer", "SRE", "Analyst", "QA Engineer", "Accountant")]
        companies = [f"Company {n}" for n in range(1, 500)]
    statuses = [s for s, weight in FUNNEL for _ in range(weight)]
    today = datetime.date(2026, 11, 20)
    out = sys.stdout if args.output == "-" else open(args.output, "w", newline="", encoding="utf-8")
    writer = csv.writer(out)
    writer.writerow(["company", "title", "url", "status", "applied_at", "note"])
    seen = set()
    while len(seen) < args.count:
        company, title = rng.choice(companies), rng.choice(titles)
        if (company.lower(), title.lower()) in seen:
            continue
        seen.add((company.lower(), title.lower()))
        url = f"https://jobs.example.org/{len(seen)}" if rng.random() < 0.5 else ""
        day = today - datetime.timedelta(days=rng.randrange(180))
        writer.writerow([company, title, url, rng.choice(statuses), day.isoformat(),
                         rng.choice(NOTES)])
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
