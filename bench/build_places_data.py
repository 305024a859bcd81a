#!/usr/bin/env python3
"""Builds hg's compact gazetteer (data/places/*.tsv) from the GeoNames and i18n-iso-countries
reference files.

Usage (from the repository root, or anywhere: paths are relative to this script):
    python3 bench/build_places_data.py [REFERENCE_PLACES_DIR]

REFERENCE_PLACES_DIR holds cities15000.tsv, admin1.tsv, countries.tsv and country_names.tsv as
described in the reference data README (default: ../../shared/data/reference/places relative to
this script). Python 3 standard library only; the output is deterministic (sorted, no dates).

Every key written is the "folded" form the C++ side compares (lib/normalize/location.cpp, fold()):
lower case ASCII, Latin diacritics removed, "." and apostrophes dropped, any other run of
punctuation or space turned into one space. fold() here must stay in step with that function.
"""

import csv
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SOURCE = os.path.join(HERE, "..", "..", "shared", "data", "reference", "places")
OUT_DIR = os.path.join(HERE, "..", "data", "places")

# Cities at or above this population keep their Latin-script alternate names (exonyms such as
# Munich/München/Múnich, Cologne/Köln); smaller ones keep only their name and ASCII name.
ALIAS_MIN_POPULATION = 100_000
# Longer alternate names are mostly descriptive ("Lungsod ng München", "Francoforte sul Meno").
MAX_ALIAS_WORDS = 3

# Country-name languages kept from i18n-iso-countries (Latin-script languages job posts use).
COUNTRY_LANGS = {"en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da", "nb", "fi", "cs",
                 "ro", "tr", "id"}

# Hand-picked additions, kept short on purpose: abbreviations job boards use that GeoNames does
# not list, keyed by (asciiname, country, admin1).
EXTRA_CITY_KEYS = {
    ("New York City", "US", "NY"): ["nyc", "new york", "new york city", "manhattan"],
    ("San Francisco", "US", "CA"): ["sf", "san francisco bay area", "sf bay area", "bay area",
                                    "sfba"],
    ("Los Angeles", "US", "CA"): ["la", "greater los angeles"],
    ("Washington", "US", "DC"): ["dc", "washington dc", "washington d c"],
    ("Philadelphia", "US", "PA"): ["philly"],
    ("Las Vegas", "US", "NV"): ["vegas"],
    ("Salt Lake City", "US", "UT"): ["slc"],
    ("Bengaluru", "IN", "19"): ["bangalore"],
    ("Mumbai", "IN", "16"): ["bombay"],
    ("Ho Chi Minh City", "VN", "20"): ["hcmc", "saigon"],
    ("Mexico City", "MX", "09"): ["cdmx"],
}
# Postal abbreviations of Canadian provinces and Australian states (US states already use
# theirs as GeoNames codes).
EXTRA_ADMIN1_KEYS = {
    "CA.01": ["ab"], "CA.02": ["bc"], "CA.03": ["mb"], "CA.04": ["nb"], "CA.05": ["nl"],
    "CA.07": ["ns"], "CA.13": ["nt"], "CA.14": ["nu"], "CA.08": ["on"], "CA.09": ["pe"],
    "CA.10": ["qc", "quebec province"], "CA.11": ["sk"], "CA.12": ["yt"],
    "AU.02": ["nsw"], "AU.07": ["vic"], "AU.04": ["qld"], "AU.05": ["sa"], "AU.08": ["wa"],
    "AU.06": ["tas"], "AU.03": ["nt"], "AU.01": ["act"],
    "US.DC": ["washington dc", "washington d c"],
}
EXTRA_COUNTRY_KEYS = {
    "US": ["united states", "usa", "us", "america"],
    "GB": ["uk", "great britain", "britain", "united kingdom"],
    "AE": ["uae"],
    "NL": ["holland", "the netherlands"],
    "KR": ["korea"],
    "CZ": ["czechia"],
    "RU": ["russia"],
}

SPECIAL = {"ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
           "ł": "l", "Ł": "l", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ı": "i", "ð": "d",
           "Ð": "d", "ħ": "h", "Ħ": "h", "ŀ": "l", "Ŀ": "l", "ŉ": "n", "ĸ": "k", "ŋ": "n",
           "Ŋ": "n", "ſ": "s"}
DROPPED = {".", "'", "’", "`", "‘"}


def fold_char(ch):
    """The ASCII folding of one character, or None to keep it as it is (non-Latin)."""
    if ch in DROPPED:
        return ""
    if ch in SPECIAL:
        return SPECIAL[ch]
    if ord(ch) < 0x80:
        return ch.lower() if ch.isalnum() else " "
    if 0xC0 <= ord(ch) <= 0x24F:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        base = base.lower()
        if base and all(ord(c) < 0x80 and c.isalnum() for c in base):
            return base
        return " "  # × ÷ and the like
    return None


def fold(text):
    out = []
    for ch in text:
        folded = fold_char(ch)
        out.append(ch if folded is None else folded)
    return " ".join("".join(out).split())


def is_ascii_key(key):
    return key != "" and all(c.isascii() for c in key)


def read_tsv(name, source):
    with open(os.path.join(source, name), encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header = rows[0]
    return [dict(zip(header, row)) for row in rows[1:]]


def is_latin_alias(alias):
    if not alias or alias.isupper() or alias == alias.lower():
        return False  # IATA codes, "NY"; lower-case romanisations ("mu ni hei")
    if any(c.isdigit() or c in "(),/;'’" for c in alias):
        return False
    if len(alias.split()) > MAX_ALIAS_WORDS:
        return False
    return all(ord(c) < 0x250 for c in alias)


def clean(text):
    return text.replace("\t", " ").replace("\n", " ").replace("|", " ").strip()


def build_cities(source):
    rows = read_tsv("cities15000.tsv", source)
    out = []
    for row in rows:
        population = int(row["population"] or 0)
        primary = []
        for name in (row["name"], row["asciiname"]):
            key = fold(name)
            if is_ascii_key(key) and key not in primary:
                primary.append(key)
        aliases = []
        extra = EXTRA_CITY_KEYS.get((row["asciiname"], row["country"], row["admin1"]), [])
        for key in extra:
            if key not in primary and key not in aliases:
                aliases.append(key)
        if population >= ALIAS_MIN_POPULATION:
            found = sorted({fold(a) for a in row["alternatenames"].split(",") if is_latin_alias(a)},
                           key=lambda k: (len(k), k))
            found = [k for k in found if is_ascii_key(k) and len(k) > 3]
            for key in found:
                if key not in primary and key not in aliases:
                    aliases.append(key)
        if not primary:
            continue
        ascii_name = row["asciiname"] if row["asciiname"] != row["name"] else ""
        out.append((row["country"], row["admin1"], -population, row["name"], ascii_name,
                    "%.3f" % float(row["lat"]), "%.3f" % float(row["lon"]),
                    "|".join(primary), "|".join(aliases)))
    out.sort()
    lines = ["name\tascii\tcountry\tadmin1\tpopulation\tlat\tlon\tkeys\taliases"]
    for country, admin1, neg_pop, name, ascii_name, lat, lon, keys, aliases in out:
        lines.append("\t".join([clean(name), clean(ascii_name), country, admin1, str(-neg_pop),
                                lat, lon, keys, aliases]))
    return lines


def build_admin1(source):
    rows = read_tsv("admin1.tsv", source)
    out = []
    for row in rows:
        code = row["code"]
        keys = []
        candidates = [row["name"], row["name_ascii"]]
        if code.startswith("US."):
            candidates.append(code[3:])
        candidates += EXTRA_ADMIN1_KEYS.get(code, [])
        for name in candidates:
            key = fold(name)
            if is_ascii_key(key) and key not in keys:
                keys.append(key)
        if keys:
            out.append((code, clean(row["name"]), "|".join(keys)))
    out.sort()
    return ["code\tname\tkeys"] + ["\t".join(row) for row in out]


def build_countries(source):
    countries = read_tsv("countries.tsv", source)
    names = read_tsv("country_names.tsv", source)
    keys = {c["iso2"]: [] for c in countries}
    owners = {}  # key -> set of iso2, to drop keys that name two countries
    def add(iso2, text):
        key = fold(text)
        if not is_ascii_key(key) or iso2 not in keys:
            return
        owners.setdefault(key, set()).add(iso2)
        if key not in keys[iso2]:
            keys[iso2].append(key)
    for c in countries:
        add(c["iso2"], c["name"])
        add(c["iso2"], c["iso2"])
        add(c["iso2"], c["iso3"])
    for iso2, extra in EXTRA_COUNTRY_KEYS.items():
        for key in extra:
            add(iso2, key)
    for n in sorted(names, key=lambda n: (n["lang"] != "en", n["lang"], n["iso2"], n["name"])):
        if n["lang"] in COUNTRY_LANGS:
            add(n["iso2"], n["name"])
    lines = ["iso2\tiso3\tname\tcontinent\tpopulation\tkeys"]
    for c in sorted(countries, key=lambda c: c["iso2"]):
        own = [k for k in keys[c["iso2"]] if len(owners[k]) == 1]
        lines.append("\t".join([c["iso2"], c["iso3"], clean(c["name"]), c["continent"],
                                str(int(c["population"] or 0)), "|".join(own)]))
    return lines


def write(name, lines):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{name}: {len(lines) - 1} rows, {os.path.getsize(path)} bytes", file=sys.stderr)


def main():
    source = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_SOURCE
    os.makedirs(OUT_DIR, exist_ok=True)
    write("cities.tsv", build_cities(source))
    write("admin1.tsv", build_admin1(source))
    write("countries.tsv", build_countries(source))


if __name__ == "__main__":
    main()
