#!/usr/bin/env python3
"""Builds reference/data/leaders.json from Wikidata's raw leader tables.

Run from the repository root:

    python3 reference/leaders/generate_leaders.py [--shared DIR] [--check] [--verbose]

Inputs: DIR/reference/leaders/leaders_history.csv and leaders_current.csv (default DIR
../shared), plus two curated files committed beside this script: office_titles.csv (the
title of office per country and role where it is not the default) and corrections.csv
(English names, aliases, fixes of the raw data and changes after the snapshot).

--check regenerates into memory and exits 1, with a summary of the differences, when the
committed reference/data/leaders.json differs; it exits 0 when they are identical. When
DIR/reference/leaders is missing, --check exits 77 (skipped), or 1 if the environment
variable CI is set.
Without --check the file is (re)written. A summary of the rows read, dropped (by reason)
and flagged goes to stderr either way.

Output shape (a protobuf JSON parser reads it; every key lowerCamelCase, values are
strings, arrays and objects only):

    {"people": [
    {"aliases": ["Xi", "Xi Jinping", ...], "name": "Xi Jinping", "qid": "Q15031",
     "terms": [{"country": "CHN", "end": "", "role": "OFFICE_KIND_HEAD_OF_STATE",
                "start": "2013-03-14", "title": "President"}]},
    ...
    ]}

- qid: the Wikidata item; name: an English name; aliases: the names the person is called
  by, as written (no case folding), de-duplicated and sorted, the name included.
- terms: country is ISO 3166-1 alpha-3; role is a value of summit.data.v1.OfficeKind
  (OFFICE_KIND_HEAD_OF_STATE or OFFICE_KIND_HEAD_OF_GOVERNMENT); start and end are
  YYYY-MM-DD, end "" while in office; title is the English title of the office.
- One person per line, people sorted by the number of their qid, terms by start (France
  and the United Kingdom first among terms held in personal union), country and role,
  keys sorted, no timestamps: the same inputs give the same bytes.

Python 3 standard library only.
"""

import argparse
import csv
import datetime
import difflib
import json
import os
import re
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join("reference", "data", "leaders.json")
TITLES_CSV = os.path.join(HERE, "office_titles.csv")
CORRECTIONS_CSV = os.path.join(HERE, "corrections.csv")

# The exit code ctest reads as "skipped" (SKIP_RETURN_CODE of leaders_table_reproducible).
SKIP_CODE = 77

# Terms that ended before this date are left out; open terms are kept whatever their start.
CUTOFF = "1990-01-01"
# Terms this short are reported as possibly acting (see build).
SHORT_TERM_DAYS = 31
# Stands for "still in office" when terms are compared.
OPEN_END = "9999-12-31"

ROLES = {
    "head_of_state": "OFFICE_KIND_HEAD_OF_STATE",
    "head_of_government": "OFFICE_KIND_HEAD_OF_GOVERNMENT",
}
DEFAULT_TITLES = {"head_of_state": "President", "head_of_government": "Prime Minister"}

# Offices that several people hold at once (Switzerland's Federal Council, San Marino's two
# Captains Regent, Andorra's two co-princes, Bosnia and Herzegovina's three-member
# presidency): a successor's start says nothing about when another holder left, so an
# open term there is never given an inferred end (see resolve_open_terms).
SHARED_OFFICES = {
    ("CHE", "head_of_state"),
    ("SMR", "head_of_state"),
    ("AND", "head_of_state"),
    ("BIH", "head_of_state"),
}

# Family name first (Chinese and Korean names): the first word is the family name and
# the last word is a given name, never an alias on its own.
FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK"}
# Vietnamese names are family-first too, but English-language reports call leaders by the
# last word (the given name) as well, so both are kept.
FAMILY_FIRST_BOTH = {"VNM"}
# Japanese names are written given-family in English media and family-given at home.
BOTH_ORDERS = {"JPN"}
# Offices held in personal union: the French president is also co-prince of Andorra and
# head of France's territories, the British monarch also monarch of the other realms and
# the Crown dependencies. Among terms that start on the same day the home country's comes
# first, which the extractor takes when a report names no country.
PERSONAL_UNION_HOMES = {"FRA", "GBR"}
# Ethiopian and Eritrean names are a given name, the father's and the grandfather's, with
# no family name: reports call a leader by the given name or the first two names.
PATRONYMIC_NAMES = {"ETH", "ERI"}

# Leading honorifics that are not part of the name news reports use. Longest first.
HONORIFICS = [
    "Datuk Seri", "Dato' Seri", "Dato Seri", "Tan Sri", "Sheikha", "Sheikh", "Shaikh",
    "Datuk", "Dato'", "Dato", "Tun", "Haji", "Hajah", "Alhaji", "Sir", "Dame", "Dr.", "Dr",
]
# Lower-case words that belong to the surname that follows them ("von der Leyen",
# "da Silva", "Al Thani").
PARTICLES = {
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du",
    "la", "le", "ter", "ten", "zu", "af", "al", "el",
}
# Arabic patronymic links: "Tamim bin Hamad Al Thani" is Tamim son of Hamad.
PATRONYMIC = {"bin", "bint", "ibn"}
# Monarchies of the Gulf: their royals are named by given name ("Sheikh Tamim", "Emir
# Tamim") as often as by given name + patronymic.
GULF = {"SAU", "ARE", "QAT", "KWT", "BHR", "OMN"}
# Given names too common to stand alone for one royal: they get no given-name alias.
COMMON_GIVEN_NAMES = {
    "Mohammed", "Mohamed", "Mohammad", "Muhammad", "Ahmad", "Ahmed", "Abdullah", "Abdallah",
    "Khalid", "Salman", "Hamad", "Sabah", "Khalifa", "Sultan",
}
ROMAN_NUMERAL = re.compile(r"^[IVXL]+$")

# Labels that are Portuguese (the query's label language fell back to Portuguese) or no
# label at all: they need an English name from corrections.csv. The pattern is a
# heuristic: it only decides what is reported, never what is dropped.
PORTUGUESE_HINT = re.compile(
    r"\b(Papa|Príncipe|Princesa|Rainha|Rei|Imperador|Grão-Duque|grão-duque|Senhor|"
    r"Senhora|Baronesa|Marquês|Herdeiro|Conselho|Maomé|Leão)\b|"
    r"\bDuque de |, | [IVXL]+ (da|do|de|dos) |"
    r" (da|do|de|dos) (Reino Unido|Suécia|Noruega|Dinamarca|Espanha|Bélgica|Luxemburgo|"
    r"Mónaco|Mônaco|Jordânia|Marrocos|Lesoto|Arábia Saudita|Países Baixos|Japão|Brunei|"
    r"Johor|Quedá|Kelantan|Essuatíni|Bulgária|Liechtenstein)\b")
QID = re.compile(r"^Q[1-9][0-9]*$")
DATE = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})T00:00:00Z$")
ANCIENT = re.compile(r"^(-|\+0|0)")


class Rows:
    """Counts of what happened to the rows, for the summary."""

    def __init__(self):
        self.counts = {}
        self.examples = {}

    def note(self, what, example=None):
        self.counts[what] = self.counts.get(what, 0) + 1
        if example is not None:
            self.examples.setdefault(what, []).append(example)

    def summary(self):
        lines = []
        for what in sorted(self.counts):
            lines.append(f"  {what}: {self.counts[what]}")
        return "\n".join(lines)


def parse_date(text):
    """YYYY-MM-DD for a well-formed Wikidata timestamp, "" for an empty one, None otherwise.

    Rejects five-digit years ("20254-04-01"), blank-node URIs (unknown values), year 0000
    and impossible months or days.
    """
    if text == "":
        return ""
    if ANCIENT.match(text) and re.match(r"^[-+]?[0-9]{4}-[0-9]{2}-[0-9]{2}T", text):
        return "0000-01-01"
    match = DATE.match(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def day_after(date):
    return (datetime.date.fromisoformat(date) + datetime.timedelta(days=1)).isoformat()


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_titles(path):
    titles = {}
    for line, row in enumerate(read_csv(path), start=2):
        if row["role"] not in ROLES:
            raise SystemExit(f"{path}:{line}: unknown role {row['role']!r}")
        for key in ("from", "to"):
            if row[key] and parse_date(row[key] + "T00:00:00Z") is None:
                raise SystemExit(f"{path}:{line}: bad date {row[key]!r}")
        titles.setdefault((row["iso3"], row["role"]), []).append(
            (row["from"] or "0000-01-01", row["to"] or OPEN_END, row["title"]))
    return titles


class Corrections:
    """corrections.csv: one action per line (see README.md for the actions)."""

    def __init__(self, path):
        self.names = {}
        self.aliases = {}
        self.drop_people = {}
        self.fix_dates = {}
        self.drop_terms = set()
        self.end_terms = []
        self.add_terms = []
        for line, row in enumerate(read_csv(path), start=2):
            where = f"{path}:{line}"
            action, qid = row["action"], row["qid"]
            if not QID.match(qid):
                raise SystemExit(f"{where}: bad qid {qid!r}")
            if not row["source"] or not row["reason"]:
                raise SystemExit(f"{where}: every correction needs a source and a reason")
            if action in ("fix_start", "fix_end", "drop_term", "end_term", "add_term") and (
                    row["role"] not in ROLES or not re.match(r"^[A-Z]{3}$", row["iso3"])):
                raise SystemExit(f"{where}: {action} needs iso3 and role")
            if action == "name":
                self.names[qid] = row["value"]
            elif action == "alias":
                self.aliases.setdefault(qid, []).append(row["value"])
            elif action == "drop_person":
                self.drop_people[qid] = row["reason"]
            elif action in ("fix_start", "fix_end"):
                # value: the raw text of the CSV; start/end: what it should read.
                column = action[4:]
                fixed = row[column]
                if parse_date(fixed + "T00:00:00Z") is None:
                    raise SystemExit(f"{where}: bad {column} {fixed!r}")
                key = (row["iso3"], row["role"], qid, column, row["value"])
                self.fix_dates[key] = fixed + "T00:00:00Z"
            elif action == "drop_term":
                self.drop_terms.add((row["iso3"], row["role"], qid, row["start"]))
            elif action == "end_term":
                self.end_terms.append((row["iso3"], row["role"], qid, row["end"], where))
            elif action == "add_term":
                self.add_terms.append(
                    (row["iso3"], row["role"], qid, row["start"], row["end"], row["value"], where))
            else:
                raise SystemExit(f"{where}: unknown action {action!r}")


def clean_rows(history, current, fixes, stats):
    """Valid rows as terms: dicts with iso3, role, qid, label, start, end, confirmed."""
    current_keys = {}
    for row in current:
        current_keys.setdefault((row["iso3"], row["role"], row["person_qid"]), []).append(row)
    terms = []
    for source, rows in (("history", history), ("current", current)):
        for row in rows:
            stats.note(f"rows in: {source}")
            iso3, role, qid = row["iso3"], row["role"], row["person_qid"]
            key = (iso3, role, qid)
            raw = {"start": row["start"], "end": row["end"]}
            for column in ("start", "end"):
                fixed = fixes.fix_dates.get(key + (column, raw[column]))
                if fixed is not None:
                    raw[column] = fixed
                    stats.note(f"corrected: {column} date", f"{qid} {row['start']}")
            start, end = parse_date(raw["start"]), parse_date(raw["end"])
            reason = None
            if not re.match(r"^[A-Z]{3}$", iso3) or role not in ROLES:
                reason = "bad country or role"
            elif not QID.match(qid):
                # Blank nodes ("unknown value") instead of a person.
                reason = "person is not a Wikidata item"
            elif qid in fixes.drop_people:
                reason = "person dropped by corrections.csv"
            elif start is None or end is None:
                # Five-digit years, blank nodes (unknown value), month or day 00.
                reason = "malformed date"
            elif ANCIENT.match(raw["start"]) or ANCIENT.match(raw["end"]):
                # Negative years and years before 1000 (legendary Japanese emperors):
                # valid dates, but centuries before the cutoff.
                reason = "date before year 1000"
            elif start == "":
                # Mostly fictional or legendary holders without any dates (the USA's list
                # carries comic-book presidents) and stale current rows of territories.
                reason = "no start date"
            elif end and end < start:
                reason = "end before start"
            elif (iso3, role, qid, start) in fixes.drop_terms:
                reason = "term dropped by corrections.csv"
            if reason:
                stats.note(f"dropped ({source}): {reason}", f"{iso3} {role} {qid} {row['person']}")
                continue
            terms.append({
                "iso3": iso3, "role": role, "qid": qid, "label": row["person"],
                "start": start, "end": end, "source": source,
                "confirmed": key in current_keys,
            })
    return terms


def merge_duplicates(terms, stats):
    """One term per (iso3, role, qid, start).

    Wikidata has a statement per source or per re-election, so the same term comes back
    several times, sometimes with different ends: a closed end beats an open one unless
    leaders_current.csv lists the person in that office (a stale statement left open),
    and of two closed ends the later is kept (they differ by a day at most in practice).
    """
    groups = {}
    for term in terms:
        groups.setdefault((term["iso3"], term["role"], term["qid"], term["start"]), []).append(term)
    merged = []
    for key in sorted(groups):
        group = groups[key]
        if len(group) > 1:
            for _ in group[1:]:
                stats.note("merged: duplicate rows (same iso3, role, qid, start)")
        closed = sorted(t["end"] for t in group if t["end"])
        from_current = any(t["source"] == "current" for t in group)
        term = dict(group[0])
        term["source"] = "current" if from_current else "history"
        term["end"] = closed[-1] if closed and not from_current else ""
        merged.append(term)
    return merged


def resolve_open_terms(terms, stats):
    """Decides what to do with terms open in the history that leaders_current.csv lacks.

    Such a term either ended without Wikidata recording it (a successor has a dated
    term), or is vandalism or a mistake (a "Phil Baker" President of the USA from 2018,
    Governors-General as heads of state of the realms). The rules, conservative:
    - it starts strictly inside a firm term of someone else in the same office (firm: a
      closed term, or one leaders_current.csv confirms): contradicted, dropped;
    - else, in a single-holder office, the next firm term of someone else gives its end
      (flagged "end inferred from successor");
    - else it is dropped as unconfirmed.
    """
    firm = {}
    for term in terms:
        if term["end"] or term["confirmed"]:
            firm.setdefault((term["iso3"], term["role"]), []).append(term)
    kept = []
    for term in terms:
        if term["end"] or term["confirmed"]:
            kept.append(term)
            continue
        office = (term["iso3"], term["role"])
        others = [t for t in firm.get(office, []) if t["qid"] != term["qid"]]
        label = f"{term['iso3']} {term['role']} {term['qid']} {term['label']} {term['start']}"
        if office not in SHARED_OFFICES and any(
                t["start"] < term["start"] < (t["end"] or OPEN_END) for t in others):
            stats.note("dropped: open term inside someone else's term (vandalism-like or stale)",
                       label)
            continue
        later = sorted(t["start"] for t in others if t["start"] > term["start"])
        if later and office not in SHARED_OFFICES:
            term = dict(term, end=later[0])
            stats.note("flagged: end inferred from successor", label + " -> " + later[0])
            kept.append(term)
            continue
        stats.note("dropped: open term not confirmed by leaders_current.csv", label)
    return kept


def merge_overlaps(terms, stats):
    """Joins terms of one person in one office that overlap or follow on the next day."""
    by_holder = {}
    for term in terms:
        by_holder.setdefault((term["iso3"], term["role"], term["qid"]), []).append(term)
    merged = []
    for key in sorted(by_holder):
        run = None
        for term in sorted(by_holder[key], key=lambda t: (t["start"], t["end"] or OPEN_END)):
            if run is not None and (not run["end"] or term["start"] <= day_after(run["end"])):
                stats.note("merged: overlapping or consecutive terms of one holder")
                if not run["end"] or not term["end"]:
                    run["end"] = ""
                else:
                    run["end"] = max(run["end"], term["end"])
                continue
            if run is not None:
                merged.append(run)
            run = dict(term)
        merged.append(run)
    return merged


def add_terms(terms, fixes, stats):
    """add_term lines: terms the raw data lacks (changes after the snapshot, holders the
    raw data misses). Applied before overlapping terms are merged."""
    for iso3, role, qid, start, end, name, where in fixes.add_terms:
        if any((t["iso3"], t["role"], t["qid"], t["start"]) == (iso3, role, qid, start)
               for t in terms):
            raise SystemExit(f"{where}: add_term duplicates a term already in the data")
        terms.append({"iso3": iso3, "role": role, "qid": qid, "label": name, "start": start,
                      "end": end, "source": "corrections", "confirmed": True})
        stats.note("corrected: term added")
    return terms


def end_terms(terms, fixes, stats):
    """end_term lines: the open term of a holder ends (after merging, so there is one)."""
    for iso3, role, qid, end, where in fixes.end_terms:
        matches = [t for t in terms
                   if (t["iso3"], t["role"], t["qid"]) == (iso3, role, qid) and not t["end"]]
        if len(matches) != 1:
            raise SystemExit(f"{where}: end_term matches {len(matches)} open terms")
        if end < matches[0]["start"]:
            raise SystemExit(f"{where}: end_term ends before the term starts")
        matches[0]["end"] = end
        stats.note("corrected: term ended")
    return terms


def title_for(term, titles, terms_by_person):
    """The curated title whose dates overlap the term most; else, for a head of
    government who is head of state of the same country at the same time, the head of
    state's title; else the default."""
    def pick(iso3, role, start, end):
        best = None
        for frm, to, title in titles.get((iso3, role), []):
            first, last = max(start, frm), min(end, to)
            if first >= last:
                continue
            length = (datetime.date.fromisoformat(last) - datetime.date.fromisoformat(first)).days
            if best is None or length > best[0]:
                best = (length, title)
        return best[1] if best else None

    end = term["end"] or OPEN_END
    title = pick(term["iso3"], term["role"], term["start"], end)
    if title:
        return title
    if term["role"] == "head_of_government":
        for other in terms_by_person[term["qid"]]:
            if (other["iso3"] == term["iso3"] and other["role"] == "head_of_state"
                    and other["start"] < end and term["start"] < (other["end"] or OPEN_END)):
                return title_for(other, titles, terms_by_person)
    return DEFAULT_TITLES[term["role"]]


def fold(text):
    """Diacritics removed: NFKD, combining marks dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def strip_honorifics(name):
    changed = True
    while changed:
        changed = False
        for honorific in HONORIFICS:
            if name.startswith(honorific + " ") and len(name) > len(honorific) + 1:
                name = name[len(honorific) + 1:].strip()
                changed = True
    return name


def surname(words):
    """The last word with the lower-case particles before it ("von der Leyen").

    None for regnal names ("Charles III") and for Arabic names with a patronymic but no
    family name ("Mahathir bin Mohamad" is not called "Mohamad"); "Al Thani" counts.
    """
    if len(words) < 2 or ROMAN_NUMERAL.match(words[-1]):
        return None
    if any(word.lower() in PATRONYMIC for word in words):
        if words[-2].lower() == "al":
            return " ".join(words[-2:])
        if words[-1][:3].lower() == "al-":
            return words[-1]
        return None
    first = len(words) - 1
    while first > 1 and words[first - 1].lower() in PARTICLES:
        first -= 1
    return " ".join(words[first:])


def aliases_for(name, countries, extra):
    """The names a person is called by (see README.md): the name, the name without
    honorifics, the surname, family names of East Asian names, both orders of Japanese
    names, the given name and first two names of Ethiopian and Eritrean names, given
    name + patronymic (and given name alone for Gulf royals), curated aliases, full names
    with their hyphens as spaces, and all of these with diacritics folded."""
    out = set()
    base = strip_honorifics(name)
    for full in {name, base}:
        out.add(full)
        words = full.split()
        if len(words) < 2:
            continue
        if countries & FAMILY_NAME_FIRST:
            out.add(words[0])
        elif not countries & PATRONYMIC_NAMES:
            last = surname(words)
            if last:
                out.add(last)
                # "al-Assad" is also "Assad" in English-language reports; not so for the
                # Gulf dynasties' names ("al-Khalifa" is not "Khalifa").
                if (re.match(r"^(al|el)-\w", last, re.IGNORECASE) and " " not in last
                        and not countries & GULF):
                    out.add(last[3:])
        if countries & FAMILY_FIRST_BOTH:
            out.add(words[0])
        if countries & PATRONYMIC_NAMES and len(words) >= 3:
            out.add(words[0])
            out.add(" ".join(words[:2]))
        if countries & BOTH_ORDERS and len(words) == 2:
            out.add(words[1] + " " + words[0])
        for i, word in enumerate(words):
            if word.lower() in PATRONYMIC and 0 < i < len(words) - 1:
                # "Mohammed bin Abdul Rahman": Abdul/Abd are half of a compound name.
                end = i + 2
                if words[i + 1] in ("Abdul", "Abd", "Abdel") and end < len(words):
                    end += 1
                out.add(" ".join(words[:end]))
                if countries & GULF and words[0] not in COMMON_GIVEN_NAMES:
                    out.add(words[0])
                break
        else:
            if (countries & GULF and words[1][:3].lower() == "al-"
                    and words[0] not in COMMON_GIVEN_NAMES):
                out.add(words[0])
    out.update(extra)
    # "Moon Jae-in" is also written "Moon Jae In".
    out |= {re.sub(r"(?<=\w)-(?=\w)", " ", alias) for alias in out if " " in alias}
    out |= {fold(alias) for alias in out}
    return sorted(alias for alias in out if alias)


def build(shared, stats):
    folder = os.path.join(shared, "reference", "leaders")
    history = read_csv(os.path.join(folder, "leaders_history.csv"))
    current = read_csv(os.path.join(folder, "leaders_current.csv"))
    titles = read_titles(TITLES_CSV)
    fixes = Corrections(CORRECTIONS_CSV)

    terms = clean_rows(history, current, fixes, stats)
    terms = merge_duplicates(terms, stats)
    terms = resolve_open_terms(terms, stats)
    terms = add_terms(terms, fixes, stats)
    terms = merge_overlaps(terms, stats)
    terms = end_terms(terms, fixes, stats)
    # One label per person; a label from leaders_current.csv wins (they agree anyway).
    labels = {}
    for term in sorted(terms, key=lambda t: t["source"] != "current"):
        labels.setdefault(term["qid"], term["label"])

    kept = []
    for term in terms:
        if term["end"] and term["end"] < CUTOFF:
            stats.note("left out: ended before " + CUTOFF)
            continue
        # Acting holders: the raw data does not mark them, and a short term is a hint
        # only (Liz Truss served 49 days), so they are kept and reported, never dropped.
        if term["end"] and (datetime.date.fromisoformat(term["end"])
                            - datetime.date.fromisoformat(term["start"])).days <= SHORT_TERM_DAYS:
            stats.note(f"flagged: term of {SHORT_TERM_DAYS} days or less (acting holder?), kept",
                       f"{term['iso3']} {term['role']} {term['qid']} {term['label']} "
                       f"{term['start']} {term['end']}")
        kept.append(term)

    terms_by_person = {}
    for term in kept:
        terms_by_person.setdefault(term["qid"], []).append(term)

    people = []
    for qid in sorted(terms_by_person, key=lambda q: int(q[1:])):
        label = labels[qid]
        name = fixes.names.get(qid, label)
        if qid not in fixes.names and (QID.match(label) or PORTUGUESE_HINT.search(label)):
            stats.note("flagged: label looks non-English, no name in corrections.csv",
                       f"{qid} {label}")
        if QID.match(name):
            for _ in terms_by_person[qid]:
                stats.note("dropped: person without any label")
            continue
        out_terms = []
        for term in terms_by_person[qid]:
            out_terms.append({
                "country": term["iso3"],
                "role": ROLES[term["role"]],
                "title": title_for(term, titles, terms_by_person),
                "start": term["start"],
                "end": term["end"],
            })
        out_terms.sort(key=lambda t: (t["start"], t["country"] not in PERSONAL_UNION_HOMES,
                                      t["country"], t["role"], t["end"]))
        countries = {t["country"] for t in out_terms}
        people.append({
            "qid": qid,
            "name": name,
            "aliases": aliases_for(name, countries, fixes.aliases.get(qid, [])),
            "terms": out_terms,
        })
    for qid in fixes.names:
        if qid not in terms_by_person:
            stats.note("flagged: name correction for a person not in the table", qid)

    lines = [json.dumps(person, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
             for person in people]
    text = '{"people":[\n' + ",\n".join(lines) + "\n]}\n"
    stats.note_people = len(people)
    stats.note_terms = sum(len(p["terms"]) for p in people)
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default=os.path.join("..", "shared"),
                        help="the shared folder holding reference/leaders/ (default ../shared)")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the committed output differs from a fresh build")
    parser.add_argument("--verbose", action="store_true",
                        help="list every dropped or flagged row")
    args = parser.parse_args()

    folder = os.path.join(args.shared, "reference", "leaders")
    if not os.path.isdir(folder):
        # ../shared is not part of the repository. For --check (the ctest
        # leaders_table_reproducible, SKIP_RETURN_CODE 77): skipped on a developer's
        # machine, a failure in CI, where the folder must be provided.
        print(f"generate_leaders: {folder} is missing (../shared is not part of the "
              "repository; pass --shared DIR)", file=sys.stderr)
        if not args.check:
            return 2
        if os.environ.get("CI"):
            print("generate_leaders --check: CI is set, so the raw tables must be there: "
                  "provide ../shared beside the checkout", file=sys.stderr)
            return 1
        print("generate_leaders --check: skipped", file=sys.stderr)
        return SKIP_CODE
    started = time.monotonic()
    stats = Rows()
    text = build(args.shared, stats)
    elapsed = time.monotonic() - started

    print(stats.summary(), file=sys.stderr)
    if args.verbose:
        for what in sorted(stats.examples):
            for example in stats.examples[what]:
                print(f"  [{what}] {example}", file=sys.stderr)
    print(f"  people: {stats.note_people}, terms: {stats.note_terms}, "
          f"bytes: {len(text.encode('utf-8'))}, {elapsed:.2f} s", file=sys.stderr)

    if args.check:
        try:
            with open(OUTPUT, encoding="utf-8") as handle:
                committed = handle.read()
        except FileNotFoundError:
            print(f"generate_leaders --check: {OUTPUT} is missing", file=sys.stderr)
            return 1
        if committed == text:
            print(f"generate_leaders --check: {OUTPUT} is up to date", file=sys.stderr)
            return 0
        diff = list(difflib.unified_diff(committed.splitlines(), text.splitlines(),
                                         "committed", "regenerated", lineterm="", n=0))
        changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
        print(f"generate_leaders --check: {OUTPUT} differs from a fresh build "
              f"({len(changed)} changed lines); first ones:", file=sys.stderr)
        for line in changed[:20]:
            print("  " + line[:160], file=sys.stderr)
        print("regenerate with: python3 reference/leaders/generate_leaders.py", file=sys.stderr)
        return 1
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
