#!/usr/bin/env python3
"""Sanity checks of reference/data/leaders.json (the committed, generated leaders table).

Run from anywhere: python3 tests/reference/leaders_table_test.py

It needs only the committed file. That the file is what generate_leaders.py makes of the
raw tables in ../shared is the other test, leaders_table_reproducible
(generate_leaders.py --check).
"""

import json
import os
import re
import sys

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TABLE = os.path.join(SOURCE_DIR, "reference", "data", "leaders.json")
ISO_CODES = "/usr/share/iso-codes/json/iso_3166-1.json"
HOS = "OFFICE_KIND_HEAD_OF_STATE"
HOG = "OFFICE_KIND_HEAD_OF_GOVERNMENT"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def person(people, qid):
    matches = [p for p in people if p["qid"] == qid]
    check(len(matches) == 1, f"{qid}: {len(matches)} entries")
    return matches[0] if matches else {"terms": [], "aliases": [], "name": ""}


def has_term(people, qid, country, role, title, start, end=None):
    entry = person(people, qid)
    found = [t for t in entry["terms"] if t["country"] == country and t["role"] == role
             and t["start"] == start and (end is None or t["end"] == end)]
    check(found, f"{qid} {entry['name']}: no {country} {role} term from {start}"
                 + (f" to {end or 'now'}" if end is not None else "")
                 + f"; terms are {entry['terms']}")
    if found:
        check(found[0]["title"] == title,
              f"{qid} {entry['name']}: title {found[0]['title']!r}, expected {title!r}")


def check_shape(text, table):
    check(text.endswith("\n") and not text.endswith("\n\n"), "file ends with one newline")
    check(list(table) == ["people"], f"top-level keys {list(table)}")
    people = table["people"]
    check(len(people) > 1000, f"only {len(people)} people")
    check(text.count("\n") == len(people) + 2, "one person per line")
    numbers = [int(p["qid"][1:]) for p in people]
    check(numbers == sorted(numbers), "people sorted by qid")
    check(len(set(numbers)) == len(numbers), "duplicate qids")
    iso3 = None
    if os.path.exists(ISO_CODES):
        with open(ISO_CODES, encoding="utf-8") as handle:
            iso3 = {c["alpha_3"] for c in json.load(handle)["3166-1"]}
    date = re.compile(r"^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$")
    for p in people:
        where = f"{p.get('qid')} {p.get('name')}"
        check(sorted(p) == ["aliases", "name", "qid", "terms"], f"{where}: keys {sorted(p)}")
        check(re.match(r"^Q[1-9][0-9]*$", p["qid"]), f"{where}: bad qid")
        check(p["name"] and p["name"] in p["aliases"], f"{where}: name missing from aliases")
        check(p["aliases"] == sorted(set(p["aliases"])), f"{where}: aliases not sorted/unique")
        check(all(isinstance(a, str) and a.strip() == a and a for a in p["aliases"]),
              f"{where}: blank or padded alias")
        check(p["terms"], f"{where}: no terms")
        # By start, the home country of offices held in personal union first.
        keys = [(t["start"], t["country"] not in ("FRA", "GBR"), t["country"], t["role"],
                 t["end"]) for t in p["terms"]]
        check(keys == sorted(keys), f"{where}: terms not sorted")
        for t in p["terms"]:
            check(sorted(t) == ["country", "end", "role", "start", "title"],
                  f"{where}: term keys {sorted(t)}")
            check(re.match(r"^[A-Z]{3}$", t["country"])
                  and (iso3 is None or t["country"] in iso3),
                  f"{where}: {t['country']} is not an ISO 3166-1 alpha-3 code")
            check(t["role"] in (HOS, HOG), f"{where}: role {t['role']}")
            check(t["title"], f"{where}: empty title")
            check(date.match(t["start"]), f"{where}: start {t['start']!r}")
            check(t["end"] == "" or date.match(t["end"]), f"{where}: end {t['end']!r}")
            check(t["end"] == "" or t["end"] >= t["start"], f"{where}: ends before it starts")
            check(t["end"] == "" or t["end"] >= "1990-01-01", f"{where}: ended before 1990")
        for a, b in zip(p["terms"], p["terms"][1:]):
            same = [x for x in p["terms"] if (x["country"], x["role"]) == (a["country"], a["role"])]
            check(len(same) == len({x["start"] for x in same}), f"{where}: duplicate terms")
    return people


def check_content(people):
    has_term(people, "Q15031", "CHN", HOS, "President", "2013-03-14", "")      # Xi Jinping
    check("Xi" in person(people, "Q15031")["aliases"], "Xi Jinping: family-name alias")
    has_term(people, "Q4414390", "CHN", HOG, "Premier", "2023-03-11", "")      # Li Qiang
    has_term(people, "Q192533", "CAN", HOG, "Prime Minister", "2025-03-14", "")  # Mark Carney
    has_term(people, "Q61053", "DEU", HOG, "Chancellor", "2021-12-08", "2025-05-06")  # Scholz
    has_term(people, "Q566257", "DEU", HOG, "Chancellor", "2025-05-06", "")    # Friedrich Merz
    has_term(people, "Q1058", "IND", HOG, "Prime Minister", "2014-05-26", "")  # Narendra Modi
    has_term(people, "Q6383803", "GBR", HOG, "Prime Minister", "2024-07-05", "")  # Keir Starmer
    has_term(people, "Q43274", "GBR", HOS, "King", "2022-09-08", "")           # Charles III
    has_term(people, "Q9682", "GBR", HOS, "Queen", "1952-02-06", "2022-09-08")  # Elizabeth II
    has_term(people, "Q6892571", "SAU", HOG, "Prime Minister", "2022-09-27", "")  # MBS
    mbs = person(people, "Q6892571")
    check("Mohammed bin Salman" in mbs["aliases"] and "MBS" in mbs["aliases"],
          f"Mohammed bin Salman: aliases {mbs['aliases']}")
    has_term(people, "Q22686", "USA", HOS, "President", "2025-01-20", "")      # Donald Trump
    has_term(people, "Q22686", "USA", HOG, "President", "2025-01-20", "")
    has_term(people, "Q1855372", "QAT", HOS, "Emir", "2013-06-25", "")         # Tamim
    has_term(people, "Q1335527", "JPN", HOG, "Prime Minister", "2024-10-01", "2025-10-21")
    has_term(people, "Q1705028", "JPN", HOG, "Prime Minister", "2025-10-21", "")  # Takaichi
    ishiba = person(people, "Q1335527")["aliases"]
    check("Ishiba" in ishiba and "Ishiba Shigeru" in ishiba, f"Ishiba: aliases {ishiba}")
    has_term(people, "Q217096", "JPN", HOS, "Emperor", "2019-05-01", "")       # Naruhito
    check(person(people, "Q217096")["name"] == "Naruhito", "Naruhito: Portuguese label kept")
    lula = person(people, "Q37181")["aliases"]
    check("da Silva" in lula and "Luiz Inacio Lula da Silva" in lula, f"Lula: aliases {lula}")
    # Vandalism-like row of the raw data: "Phil Baker", head of state of the USA from 2018.
    check(not [p for p in people if p["qid"] == "Q107054330"], "Phil Baker is in the table")
    # No raw Portuguese labels left for these.
    for p in people:
        check(" do Reino Unido" not in p["name"] and not p["name"].startswith("Papa "),
              f"{p['qid']}: Portuguese name {p['name']!r}")
    # At most one open term per single-holder office.
    shared = {("CHE", HOS), ("SMR", HOS), ("AND", HOS), ("BIH", HOS), ("NIC", HOS), ("NIC", HOG)}
    holders = {}
    for p in people:
        for t in p["terms"]:
            if t["end"] == "":
                holders.setdefault((t["country"], t["role"]), []).append(p["name"])
    for office, names in sorted(holders.items()):
        if office not in shared and office[0] in ("USA", "CHN", "DEU", "GBR", "FRA", "JPN",
                                                   "IND", "CAN", "ITA", "SAU", "BRA"):
            check(len(names) == 1, f"{office}: several open terms {names}")


def main():
    with open(TABLE, encoding="utf-8") as handle:
        text = handle.read()
    people = check_shape(text, json.loads(text))
    check_content(people)
    for failure in failures:
        print("FAIL: " + failure, file=sys.stderr)
    if failures:
        return 1
    print(f"OK: {len(people)} people, {sum(len(p['terms']) for p in people)} terms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
