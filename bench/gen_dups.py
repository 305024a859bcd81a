#!/usr/bin/env python3
"""Generate a labelled duplicate set at any size, from the real postings.

Each cluster starts from an original made like bench/gen_postings.py makes its records (title,
company, place, description and salary recombined from different real postings, so a million
records are a million plausible jobs), then gets 0-6 more postings of the same job, perturbed
the way boards and scrapers change them:

  rescrape   same board a few days later: tracking parameters, scheme, location format,
             description cut short or with a footer
  crosspost  another board within ten days: its own URL, title case / abbreviations / remote
             tag / reference number / gender tag / place suffix, company legal suffix or "The",
             description in HTML, with a header, cut or with a footer
  repost     31-75 days later, with any of the above

and some clusters get a hard negative: the same title and company in another city, the same
posting one level up ("Senior ..."), or the same title at another company. Every record carries
`gold` ({cluster, kind}) in the shape ../shared/data/jobs/score_dups.py reads; strip it before
giving the records to the system under test (bench/dedup_bench.sh does).

    bench/gen_dups.py --count 1000000 --seed 7 -o dups-1m.jsonl

Deterministic for a given --seed, --count and corpus. Standard library only.
"""

import argparse
import datetime
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_postings  # noqa: E402  (same folder)

ABBREVIATIONS = [("Senior", "Sr."), ("Engineer", "Eng."), ("Manager", "Mgr"), (" and ", " & "),
                 ("Junior", "Jr."), ("Associate", "Assoc."), ("Representative", "Rep"),
                 ("Vice President", "VP"), ("Development", "Dev")]
SUFFIXES = [", Inc.", " Inc", " LLC", ", LLC", " Ltd", " Ltd.", " Corp.", " GmbH", " Co."]
LEVELS = ["Senior", "Lead", "Principal", "Staff", "Junior"]
HEADERS = ["About the job\n", "Job description\n", "Description:\n", "Position Overview\n"]
FOOTERS = ["\n\nEqual Opportunity Employer. All qualified applicants will receive consideration.",
           "\n\nApply today! We review applications on a rolling basis.",
           "\n\nBenefits: medical, dental, vision, 401(k) with match, paid time off."]


def perturb_title(rng, title, city):
    if rng.random() < 0.2:
        title = title.lower() if rng.random() < 0.5 else title.upper()
    if rng.random() < 0.25:
        for long, short in rng.sample(ABBREVIATIONS, len(ABBREVIATIONS)):
            if long in title:
                title = title.replace(long, short, 1)
                break
    if rng.random() < 0.15:
        title += rng.choice([" (Remote)", " - Hybrid", " - Remote", " (Hybrid)"])
    if rng.random() < 0.15:
        title += rng.choice([f" Req #{rng.randrange(100000, 999999)}", f" (R{rng.randrange(100000, 999999)})",
                             f" - Job ID {rng.randrange(100000, 999999)}"])
    if rng.random() < 0.05:
        title += rng.choice([" (m/w/d)", " (m/f/d)", " (all genders)"])
    if city and rng.random() < 0.12:
        title += rng.choice([" - ", ", ", " | "]) + city
    return title


def perturb_company(rng, company):
    if rng.random() < 0.3:
        company += rng.choice(SUFFIXES)
    if rng.random() < 0.1:
        company = "The " + company
    if rng.random() < 0.1:
        company = company.upper()
    return company


def perturb_location(rng, location):
    if not location or rng.random() < 0.6:
        return location
    if rng.random() < 0.5 and "," in location and not location.endswith(("US", "USA")):
        return location + rng.choice([", US", ", USA", ", United States"])
    return location.replace(", ", ",  ", 1).strip() if rng.random() < 0.3 else location


def perturb_description(rng, text):
    if rng.random() < 0.3:
        text = text[: max(200, int(len(text) * rng.uniform(0.2, 0.8)))]
    if rng.random() < 0.3:
        text += rng.choice(FOOTERS)
    if rng.random() < 0.3:
        text = rng.choice(HEADERS) + text
    return text


def with_tracking(rng, url):
    params = [f"utm_source={rng.choice(['google', 'linkedin', 'newsletter'])}",
              f"utm_campaign={rng.getrandbits(24):06x}", f"gclid={rng.getrandbits(40):010x}"]
    url = url.replace("https://", "http://") if rng.random() < 0.3 else url
    return url + ("&" if "?" in url else "?") + "&".join(rng.sample(params, rng.randint(1, 2)))


def city_of(location):
    return (location or "").split(",")[0].strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", default=os.path.join(gen_postings.REPO_ROOT, gen_postings.DEFAULT_CORPUS))
    ap.add_argument("--id-prefix", default="d")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    pools = gen_postings.Pools(gen_postings.load_corpus(a.corpus))
    start = datetime.date(2024, 1, 1)
    written = 0
    cluster = 0
    with open(a.output, "w", encoding="utf-8") as out:
        import json

        def emit(record, kind, sibling=None):
            nonlocal written
            record["id"] = f"{a.id_prefix}{a.seed}-{written:07d}"
            record["gold"] = {"cluster": f"c{a.seed}-{cluster}", "kind": kind}
            if sibling:
                record["gold"]["sibling"] = sibling
            out.write(json.dumps(record) + "\n")
            written += 1

        while written < a.count:
            cluster += 1
            original = gen_postings.make_record(rng, pools, written, a.seed, start)
            original.pop("description_html", None)
            city = city_of(original.get("location"))
            emit(dict(original), "original")
            size = rng.choices([0, 1, 2, 3, 4, 6], weights=[45, 25, 15, 8, 5, 2])[0]
            posted = datetime.date.fromisoformat(original["date_posted"])
            for _ in range(size):
                if written >= a.count:
                    break
                kind = rng.choices(["dup-rescrape", "dup-crosspost", "dup-repost"], weights=[35, 55, 10])[0]
                dup = dict(original)
                if kind == "dup-rescrape":
                    dup["url"] = with_tracking(rng, original["url"])
                    shift = rng.randint(1, 14)
                else:
                    source = rng.choice([s for s, _ in gen_postings.SOURCES if s != original["source"]])
                    dup["source"] = source
                    dup["url"] = gen_postings.job_url(rng, source, original["company"], rng.getrandbits(30))
                    dup["title"] = perturb_title(rng, original["title"], city)
                    dup["company"] = perturb_company(rng, original["company"])
                    shift = rng.randint(-10, 10) if kind == "dup-crosspost" else rng.randint(31, 75)
                dup["location"] = perturb_location(rng, original.get("location"))
                if dup["location"] is None:
                    dup.pop("location")
                dup["description"] = perturb_description(rng, original["description"])
                dup["date_posted"] = (posted + datetime.timedelta(days=shift)).isoformat()
                emit(dup, kind)
            if written < a.count and rng.random() < 0.08:
                twin = dict(original)
                twin["url"] = gen_postings.job_url(rng, original["source"], original["company"], rng.getrandbits(30))
                how = rng.choice(["city", "level", "company"])
                if how == "level" and any(w in original["title"].split() for w in LEVELS + ["Sr.", "Jr.", "Lead"]):
                    how = "city"
                if how == "city":
                    other = rng.choice(pools.locations)
                    if not other or city_of(other).lower() == city.lower():
                        continue
                    twin["location"] = other
                elif how == "level":
                    twin["title"] = rng.choice(LEVELS) + " " + original["title"]
                else:
                    twin["company"] = rng.choice(pools.companies)
                    twin["description"] = rng.choice(pools.descriptions)[0]
                twin["date_posted"] = (posted + datetime.timedelta(days=rng.randint(0, 10))).isoformat()
                cluster += 1
                emit(twin, "hardneg-" + how, f"c{a.seed}-{cluster - 1}")
    print(f"gen_dups: {written} records in {cluster} clusters -> {a.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
