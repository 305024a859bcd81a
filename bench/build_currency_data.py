#!/usr/bin/env python3
"""Builds data/currency/{currencies,symbols,countries}.tsv from the reference place data.

Usage: bench/build_currency_data.py PLACES_DIR [OUT_DIR]

PLACES_DIR holds the project's reference files currencies.tsv (ISO 4217 as shipped in the
currency-codes package, with symbols from currency-symbol-map) and countries.tsv (GeoNames).
OUT_DIR defaults to data/currency next to this script's parent. Python 3 stdlib only; the
output depends only on the inputs (rows sorted, no time stamps), so re-running it is a no-op.

Outputs (UTF-8, tab-separated, one header line):
  currencies.tsv  code, minor_units ("" when ISO says N.A.), name
  symbols.tsv     symbol, codes: the currencies a symbol or currency word can mean, the one
                  to assume without a country hint first. Order: the preferred code below,
                  then by the population of the countries using each currency (GeoNames).
  countries.tsv   country (ISO 3166 alpha-2), currency (ISO 4217)
"""
import csv
import pathlib
import sys

# Which currency a bare ambiguous symbol means in job postings when the country is unknown.
# Population order alone would make "£" Egyptian and "¥" Chinese; postings say otherwise:
# "£" is overwhelmingly GBP, and "¥" in English-language postings is mostly Japanese yen
# (Chinese postings write RMB/CNY). A country hint (CN, EG ...) still wins at parse time.
PREFERRED = {"$": "USD", "£": "GBP", "¥": "JPY", "kr": "SEK", "лв": "BGN"}

# Spellings job postings use that the symbol list lacks. "@x" means "the codes of symbol x".
# Single ASCII letters ("R", "K", "L" ...) are left out on purpose: next to a number they
# mean thousands or are abbreviations far more often than rand, kyat or lek.
EXTRA = [
    ("US$", "USD"), ("U$S", "USD"), ("CA$", "CAD"), ("C$", "CAD NIO"), ("A$", "AUD"),
    ("AU$", "AUD"), ("NZ$", "NZD"), ("HK$", "HKD"), ("SG$", "SGD"), ("MX$", "MXN"),
    ("Fr", "CHF"), ("SFr", "CHF"), ("Rs", "INR PKR LKR NPR MUR SCR"), ("RMB", "CNY"),
    ("元", "CNY"), ("円", "JPY"), ("yen", "JPY"), ("yuan", "CNY"), ("euro", "EUR"),
    ("euros", "EUR"), ("€", "EUR"), ("dollar", "@$"), ("dollars", "@$"), ("pound", "@£"),
    ("pounds", "@£"), ("sterling", "GBP"), ("rupee", "@Rs"), ("rupees", "@Rs"),
    ("franken", "CHF"), ("francs", "CHF XOF XAF XPF"), ("zloty", "PLN"), ("złoty", "PLN"),
]


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def usable_symbol(symbol, code):
    if not symbol or symbol == code:
        return False  # no symbol, or the code itself (codes are matched as codes)
    if len(symbol) == 1 and symbol.isascii() and symbol.isalpha():
        return False
    return True


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    places = pathlib.Path(argv[1])
    out = pathlib.Path(argv[2]) if len(argv) > 2 else (
        pathlib.Path(__file__).resolve().parent.parent / "data" / "currency")
    currencies = read_tsv(places / "currencies.tsv")
    countries = read_tsv(places / "countries.tsv")

    population = {}
    country_rows = []
    for row in countries:
        code = row["currency_code"].strip()
        if not code:
            continue  # Antarctica
        country_rows.append((row["iso2"].strip(), code))
        population[code] = population.get(code, 0) + int(row["population"] or 0)

    known = set()
    currency_rows = []
    by_symbol = {}
    for row in currencies:
        code = row["code"].strip()
        units = row["minor_units"].strip()
        known.add(code)
        currency_rows.append((code, units if units.isdigit() else "", row["name"].strip()))
        symbol = row["symbol"].strip()
        if usable_symbol(symbol, code):
            by_symbol.setdefault(symbol, []).append(code)

    def ordered(symbol, codes):
        first = PREFERRED.get(symbol)
        rest = sorted(set(codes) - {first}, key=lambda c: (-population.get(c, 0), c))
        return ([first] if first in codes else []) + rest

    # Dollars and pesos written "S$", "NT$", "R$" are written plain "$" at home as well:
    # a bare "$" can mean them too (after the currencies whose own symbol is "$").
    for symbol, codes in list(by_symbol.items()):
        if symbol.endswith("$") and symbol != "$":
            by_symbol["$"] += [c for c in codes if c not in by_symbol["$"]]
    symbols = {symbol: ordered(symbol, codes) for symbol, codes in by_symbol.items()}
    for symbol, spec in EXTRA:
        if spec.startswith("@"):
            codes = symbols[spec[1:]]
        else:
            codes = spec.split()
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise SystemExit(f"{symbol}: unknown codes {unknown}")
        merged = codes + [c for c in symbols.get(symbol, []) if c not in codes]
        symbols[symbol] = merged

    out.mkdir(parents=True, exist_ok=True)
    with open(out / "currencies.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tminor_units\tname\n")
        for code, units, name in sorted(currency_rows):
            f.write(f"{code}\t{units}\t{name}\n")
    with open(out / "symbols.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("symbol\tcodes\n")
        for symbol in sorted(symbols):
            f.write(f"{symbol}\t{','.join(symbols[symbol])}\n")
    with open(out / "countries.tsv", "w", encoding="utf-8", newline="\n") as f:
        f.write("country\tcurrency\n")
        for iso2, code in sorted(country_rows):
            f.write(f"{iso2}\t{code}\n")
    missing = sorted({code for _, code in country_rows} - known)
    print(f"{len(currency_rows)} currencies, {len(symbols)} symbols, {len(country_rows)} countries"
          + (f"; country currencies without an ISO row: {' '.join(missing)}" if missing else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
