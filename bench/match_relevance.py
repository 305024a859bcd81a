#!/usr/bin/env python3
"""Graded relevance benchmark for `hg match`: NDCG@10 of hg and of the reference baseline.

    bench/match_relevance.py --hg BUILD/apps/hg/hg --bench BUILD/bench/match_bench

1. Writes the 24 profiles below as JSON Resume files (bench/match_profiles/ is a copy).
2. Grades every posting of the real corpus (../shared/data/jobs/postings.jsonl.gz) for every
   profile with the rules in bench/match_relevance.md, from the raw posting text only (title,
   description, location, remote): nothing of hg's scorer, normaliser or skills extractor.
3. Imports the corpus into a fresh store (`hg import jobs`), asks `match_bench rank` for the
   top 10 of hg and of the baseline per profile, and prints NDCG@10 per profile and the mean.

Standard library only.
"""

import argparse
import gzip
import json
import math
import os
import re
import subprocess
import sys
import tempfile

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.join(REPO_ROOT, "..", "shared", "data", "jobs", "postings.jsonl.gz")

# name, label, years, (city, region, state code), remote wanted,
# target title phrases, related title phrases, key skills (searched in the text)
PROFILES = [
    ("ds-sf", "Data Scientist", 5, ("San Francisco", "California", "CA"), False,
     ["data scientist"], ["machine learning", "data analyst", "research scientist", "data science"],
     ["Python", "Machine Learning", "SQL", "Statistics", "TensorFlow", "Pandas"]),
    ("ds-nyc-senior", "Senior Data Scientist", 9, ("New York", "New York", "NY"), False,
     ["data scientist"], ["machine learning", "data science", "research scientist"],
     ["Python", "R", "Machine Learning", "Deep Learning", "Spark", "SQL"]),
    ("da-chicago-junior", "Junior Data Analyst", 1, ("Chicago", "Illinois", "IL"), False,
     ["data analyst"], ["business analyst", "reporting analyst", "analytics", "business intelligence"],
     ["SQL", "Excel", "Tableau", "Python"]),
    ("da-boston", "Data Analyst", 4, ("Boston", "Massachusetts", "MA"), False,
     ["data analyst"], ["business intelligence", "analytics", "business analyst", "reporting analyst"],
     ["SQL", "Tableau", "Power BI", "Excel", "Statistics"]),
    ("de-seattle", "Data Engineer", 6, ("Seattle", "Washington", "WA"), False,
     ["data engineer"], ["big data", "etl", "data architect", "analytics engineer", "software engineer"],
     ["Python", "Spark", "SQL", "Airflow", "AWS", "Kafka"]),
    ("mle-remote", "Machine Learning Engineer", 5, ("Austin", "Texas", "TX"), True,
     ["machine learning engineer", "ml engineer"], ["machine learning", "data scientist", "ai engineer"],
     ["Python", "PyTorch", "TensorFlow", "Kubernetes", "Docker"]),
    ("backend-sanjose", "Backend Software Engineer", 7, ("San Jose", "California", "CA"), False,
     ["software engineer", "backend", "software developer", "java developer"], ["developer", "programmer", "full stack"],
     ["Java", "Spring", "SQL", "Microservices", "AWS"]),
    ("embedded-sandiego", "Embedded Software Engineer", 6, ("San Diego", "California", "CA"), False,
     ["embedded"], ["firmware", "software engineer", "systems engineer"],
     ["C", "C++", "RTOS", "Linux", "Microcontrollers"]),
    ("structural-la", "Structural Engineer", 8, ("Los Angeles", "California", "CA"), False,
     ["structural engineer"], ["civil engineer", "bridge engineer", "structural"],
     ["SAP2000", "ETABS", "AutoCAD", "Revit", "steel"]),
    ("transport-dallas", "Transportation Engineer", 5, ("Dallas", "Texas", "TX"), False,
     ["transportation engineer", "traffic engineer"], ["civil engineer", "transportation", "traffic", "roadway"],
     ["AutoCAD", "MicroStation", "traffic", "Synchro", "Civil 3D"]),
    ("civil-houston-junior", "Civil Engineer", 2, ("Houston", "Texas", "TX"), False,
     ["civil engineer"], ["engineer in training", "eit", "drainage", "transportation engineer", "structural engineer"],
     ["AutoCAD", "Civil 3D", "stormwater", "drainage"]),
    ("env-sacramento", "Environmental Specialist", 4, ("Sacramento", "California", "CA"), False,
     ["environmental specialist", "environmental scientist", "environmental engineer"], ["environmental"],
     ["environmental compliance", "GIS", "permitting", "sampling"]),
    ("geotech-denver", "Geotechnical Engineer", 6, ("Denver", "Colorado", "CO"), False,
     ["geotechnical"], ["civil engineer", "geologist", "engineering geologist"],
     ["geotechnical", "soil", "slope stability", "AutoCAD"]),
    ("teacher-phoenix", "High School Math Teacher", 6, ("Phoenix", "Arizona", "AZ"), False,
     ["teacher"], ["instructor", "tutor", "educator", "substitute"],
     ["lesson planning", "classroom management", "curriculum", "mathematics"]),
    ("finance-nyc", "Financial Analyst", 3, ("New York", "New York", "NY"), False,
     ["financial analyst", "finance analyst"], ["analyst", "accountant", "fp&a"],
     ["Excel", "financial modeling", "forecasting", "SQL", "budgeting"]),
    ("ba-dc", "Business Analyst", 5, ("Arlington", "Virginia", "VA"), False,
     ["business analyst"], ["business systems analyst", "data analyst", "systems analyst"],
     ["requirements", "SQL", "Agile", "JIRA", "process improvement"]),
    ("loans-charlotte", "Loan Officer", 6, ("Charlotte", "North Carolina", "NC"), False,
     ["loan officer", "mortgage loan"], ["banker", "underwriter", "credit analyst", "lending"],
     ["lending", "underwriting", "credit", "customer service"]),
    ("chef-vegas", "Executive Chef", 8, ("Las Vegas", "Nevada", "NV"), False,
     ["chef"], ["cook", "kitchen manager", "culinary"],
     ["menu development", "food safety", "kitchen management", "culinary"]),
    ("trainer-miami", "Personal Trainer", 3, ("Miami", "Florida", "FL"), False,
     ["personal trainer", "fitness"], ["coach", "trainer", "instructor"],
     ["personal training", "CPR", "nutrition", "strength"]),
    ("mech-detroit", "Mechanical Engineer", 5, ("Detroit", "Michigan", "MI"), False,
     ["mechanical engineer"], ["design engineer", "manufacturing engineer", "product engineer"],
     ["SolidWorks", "AutoCAD", "GD&T", "FEA", "MATLAB"]),
    ("hr-atlanta", "HR Generalist", 4, ("Atlanta", "Georgia", "GA"), False,
     ["human resources", "hr generalist", "hr "], ["recruiter", "talent acquisition", "people operations"],
     ["recruiting", "onboarding", "HRIS", "employee relations", "benefits"]),
    ("pm-construction-phoenix", "Construction Project Manager", 10, ("Phoenix", "Arizona", "AZ"), False,
     ["project manager"], ["construction manager", "superintendent", "project engineer"],
     ["project management", "construction", "scheduling", "budget", "Primavera"]),
    ("sales-chicago", "Business Development Manager", 5, ("Chicago", "Illinois", "IL"), False,
     ["business development", "sales"], ["account executive", "account manager"],
     ["CRM", "Salesforce", "B2B", "negotiation", "lead generation"]),
    ("fullstack-remote", "Full Stack Developer", 4, ("Denver", "Colorado", "CO"), True,
     ["full stack", "fullstack", "front end", "frontend", "web developer"], ["software engineer", "software developer", "developer"],
     ["JavaScript", "React", "Node.js", "TypeScript", "SQL"]),
]

SENIOR_WORDS = re.compile(r"\b(senior|sr\.?|lead|principal|staff|director|head|vp|chief|manager)\b", re.I)
JUNIOR_WORDS = re.compile(r"\b(junior|jr\.?|intern|internship|entry[- ]level|graduate|trainee|associate)\b", re.I)


def resume(profile):
    """A JSON Resume document for one profile (years of experience from two positions)."""
    name, label, years, (city, region, code), remote, _, _, skills = profile
    first = 2026 - years
    middle = first + max(1, years // 2)
    doc = {
        "basics": {
            "name": f"Bench {name}",
            "label": label,
            "email": f"{name}@example.org",
            "summary": f"{label} with {years} years of experience" + (", looking for remote work" if remote else "."),
            "location": {"city": city, "region": region, "countryCode": "US"},
        },
        "work": [
            {"company": "Example Two", "position": label, "startDate": f"{middle}-01-01", "endDate": ""},
            {"company": "Example One", "position": label, "startDate": f"{first}-01-01", "endDate": f"{middle}-01-01"},
        ],
        "skills": [{"name": "Skills", "keywords": skills}],
    }
    return doc


def has_phrase(text, phrase):
    return re.search(r"(?<![a-z0-9])" + re.escape(phrase.lower()) + r"(?![a-z0-9])", text) is not None


def grade(profile, posting):
    """0-3 by the rules in bench/match_relevance.md."""
    _, _, years, (city, region, code), remote, targets, related, skills = profile
    title = posting.get("title", "").lower()
    text = (posting.get("title", "") + "\n" + posting.get("description", "")).lower()
    location = (posting.get("location") or "").lower()
    title_match = 2 if any(has_phrase(title, p.strip()) for p in targets) else (
        1 if any(has_phrase(title, p.strip()) for p in related) else 0)
    coverage = sum(1 for s in skills if has_phrase(text, s)) / len(skills)
    is_remote = posting.get("remote") == "remote" or "remote" in location
    in_state = re.search(r"(?<![a-z])" + code.lower() + r"(?![a-z])", location) is not None or region.lower() in location
    local = city.lower() in location
    place_ok = is_remote or local or (in_state and not remote)
    if remote:
        place_ok = is_remote or local
    if title_match == 2 and coverage >= 0.5 and place_ok:
        g = 3
    elif (title_match == 2 and (coverage >= 0.5 or place_ok)) or (title_match == 1 and coverage >= 0.5 and place_ok):
        g = 2
    elif title_match >= 1 or coverage >= 0.5:
        g = 1
    else:
        g = 0
    if years < 3 and SENIOR_WORDS.search(title):
        g = min(g, 1)
    if years >= 8 and JUNIOR_WORDS.search(title):
        g = min(g, 1)
    return g


def ndcg(ranked, labels, k=10):
    dcg = sum((2 ** labels.get(pid, 0) - 1) / math.log2(i + 2) for i, pid in enumerate(ranked[:k]))
    ideal = sorted(labels.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg > 0 else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hg", required=True, help="the hg binary")
    parser.add_argument("--bench", required=True, help="the match_bench binary")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--work", default=None, help="directory for the store and files (default: a temp dir)")
    parser.add_argument("--profiles-out", default=os.path.join(REPO_ROOT, "bench", "match_profiles"),
                        help="where the profile JSON Resumes are written")
    args = parser.parse_args()

    with gzip.open(args.corpus, "rt", encoding="utf-8") as handle:
        postings = [json.loads(line) for line in handle if line.strip()]
    work = args.work or tempfile.mkdtemp(prefix="hg-match-relevance-")
    os.makedirs(work, exist_ok=True)
    os.makedirs(args.profiles_out, exist_ok=True)
    paths = []
    for profile in PROFILES:
        path = os.path.join(args.profiles_out, profile[0] + ".json")
        with open(path, "w", encoding="utf-8") as out:
            json.dump(resume(profile), out, indent=2)
            out.write("\n")
        paths.append(path)
    labels = {p[0]: {post["id"]: grade(p, post) for post in postings} for p in PROFILES}

    corpus = os.path.join(work, "postings.jsonl")
    with open(corpus, "w", encoding="utf-8") as out:
        for post in postings:
            out.write(json.dumps(post) + "\n")
    store = os.path.join(work, "relevance.db")
    for leftover in (store, store + "-wal", store + "-shm", store + ".match"):
        if os.path.exists(leftover):
            os.remove(leftover)
    env = dict(os.environ, HG_DB=store, HG_NOW="2026-11-21T12:00:00Z")
    subprocess.run([args.hg, "-q", "import", "jobs", corpus], env=env, check=True)
    ranked = subprocess.run([args.bench, "rank", store] + paths, env=env, check=True,
                            capture_output=True, text=True).stdout
    rows = [json.loads(line) for line in ranked.splitlines() if line.strip()]

    print(f"{'profile':26} {'grade 3/2/1':>12} {'hg':>6} {'baseline':>9}")
    totals = {"hg": 0.0, "baseline": 0.0}
    for row, profile in zip(rows, PROFILES):
        name = profile[0]
        counts = [sum(1 for g in labels[name].values() if g == k) for k in (3, 2, 1)]
        scores = {system: ndcg(row[system], labels[name]) for system in ("hg", "baseline")}
        for system in totals:
            totals[system] += scores[system]
        print(f"{name:26} {'/'.join(map(str, counts)):>12} {scores['hg']:6.3f} {scores['baseline']:9.3f}")
    n = len(rows)
    print(f"{'mean NDCG@10':26} {'':>12} {totals['hg'] / n:6.3f} {totals['baseline'] / n:9.3f}")


if __name__ == "__main__":
    sys.exit(main())
