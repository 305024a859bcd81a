#!/usr/bin/env python3
"""Builds data/visa/uk_sponsors.txt from the UK Home Office register of licensed sponsors.

Usage: bench/build_visa_data.py REGISTER_TSV [OUT_FILE]

REGISTER_TSV is the project's reference copy of the register (one header line,
`organisation_name` in the first column; more columns are ignored). OUT_FILE defaults to
data/visa/uk_sponsors.txt next to this script's parent. Python 3 stdlib only; the output
depends only on the input (names sorted bytewise and unique, no time stamps).

Each organisation name becomes one line: its key under the same rules as
hg::normalize::sponsor_name_key (lib/normalize/visa.cpp), which SponsorRegister::contains
applies to the name it is asked about. A "T/A" (trading as) name gives two lines, the legal
name and the trading name, since postings use either: "108 RETAIL LIMITED T/A SPAR" ->
"108 retail" and "spar".
"""
import csv
import pathlib
import re
import sys

LEGAL_FORMS = {"ltd", "limited", "plc", "llp", "lp", "llc", "inc", "incorporated", "corp",
               "corporation"}

# "T/A", "t/as", "T/A:", "trading as" between a legal name and a trading name.
TRADING_AS = re.compile(r"\bt/as?\b:?|\btrading as\b", re.IGNORECASE)


def name_key(name: str) -> str:
    """sponsor_name_key in lib/normalize/visa.cpp, character for character."""
    out = []
    for ch in name:
        if ch in "'\u2019":
            continue
        if ch == "&":
            out.append(" and ")
        elif not ch.isascii() or ch.isalnum():
            out.append(ch.lower() if ch.isascii() else ch)
        else:
            out.append(" ")
    words = "".join(out).split(" ")
    words = [w for w in words if w]
    begin, end = 0, len(words)
    if end - begin > 1 and words[begin] == "the":
        begin += 1
    while end - begin > 1 and words[end - 1] in LEGAL_FORMS:
        end -= 1
    return " ".join(words[begin:end])


def names_of(organisation: str) -> list:
    """The legal name and, for "X T/A Y", the trading name too."""
    return [part for part in TRADING_AS.split(organisation) if part.strip()]


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    source = pathlib.Path(sys.argv[1])
    root = pathlib.Path(__file__).resolve().parent.parent
    target = pathlib.Path(sys.argv[2]) if len(sys.argv) == 3 else root / "data/visa/uk_sponsors.txt"
    keys = set()
    rows = 0
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if not header or header[0] != "organisation_name":
            print(f"build_visa_data: {source}: expected an organisation_name column", file=sys.stderr)
            return 1
        for row in reader:
            if not row:
                continue
            rows += 1
            for name in names_of(row[0]):
                key = name_key(name)
                if key:
                    keys.add(key)
    target.parent.mkdir(parents=True, exist_ok=True)
    ordered = sorted(keys, key=lambda k: k.encode("utf-8"))
    target.write_text("".join(k + "\n" for k in ordered), encoding="utf-8")
    print(f"build_visa_data: {rows} organisations -> {len(ordered)} names in {target.name}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
