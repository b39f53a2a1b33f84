#!/usr/bin/env python3
"""Writes synthetic UN Comtrade CSV at Comtrade scale, for benchmarks.

The benchmarks of loading trade data (`summitctl load-trade` into summit_ingest) and of the
trade queries (GetTradeStatistics, GetBilateralOverview) need inputs far larger than
samples/trade/china_canada_sample.csv and shaped like real Comtrade downloads: the same
header and column order, HS codes at every level (TOTAL, 2-digit chapters, 4-digit
headings, 6-digit subheadings), skewed values and sparse rows. This script makes them. From
the repository root:

    python3 bench/gen_comtrade.py [--size small|large | --rows N] [--seed S] [--monthly]
                                  [--out FILE]
    python3 bench/gen_comtrade.py --check FILE

--size small   about 1,000,000 rows (the default; ~5 s on one core, ~155 MB);
--size large   at least 20,000,000 rows (aims at 21,000,000; ~100 s, ~3.3 GB).
--rows N       aims at N rows instead (for tests, e.g. 2000). Up to 200,000 the plan is
               checked by counting and lands within a few percent of N; above, the
               expected count is used, within about 1% at 1,000,000 and more.
--seed S       an integer, default 1.
--monthly      writes, after each year's annual rows, its monthly rows (freqCode M,
               refMonth 1..12, period YYYYMM, refPeriodId YYYYMM01); the row target counts
               both kinds. Annual rows are the same with and without it.
--out FILE     default standard output.
--check FILE   re-reads a CSV this script wrote and verifies every invariant below and each
               row's format; prints a summary on stdout and the first 20 problems on
               stderr, and exits 1 when there is any problem, 0 otherwise.
A summary goes to stderr: the row count, the grid and every pair (reporter-partner).

The rows: reporters x partners (CHN reporting on CAN is always among them; the grid grows
a partner or a reporter at a time, biggest traders first, until the target is in reach),
flows X (Export) and M (Import), years 1995..2024, annual rows freqCode A, refMonth 52,
period YYYY, refPeriodId YYYY0101. Countries have their real ISO alpha-3 and Comtrade
numeric codes and names (USA 842, France 251, India 699, Switzerland 757, ...). Commodity
codes are synthetic but well formed: the 96 real chapters 01..97 without 77, 5..25
headings each, 2..9 subheadings a heading, 5,012 subheadings (HS 2022 has 5,612); the tree
is the same for every seed. cmdDesc is made-up text ("Chapter 27, heading 2709,
subheading 270910"), always quoted as in the sample. TOTAL rows are aggrLevel 0,
qtyUnitCode -1, qtyUnitAbbr N/A, empty qty and netWgt, isAggregate true; other rows
aggrLevel 2, 4 or 6, qtyUnitCode 8, kg, qty = netWgt, isAggregate false; isLeaf is true
for subheadings only (the sample's TOTAL rows say true).

The values: a pair-flow's yearly value follows gravity (exporter's exports x importer's
imports) with its own growth, the world's dips (2009, 2015-16, 2020) and noise.
Subheading weights are log-normal by chapter and code (a few codes carry most of the
value: the top 10% of a pair-flow's subheadings about 85% of it), with a per-pair
affinity and yearly noise and drift. A pair-flow trades only some subheadings: more for
big flows, fewer in early years, persistently from year to year with churn at the margin;
a density scale thins all pairs alike so that the rows reach the target. netWgt (kg) is
value over a per-code price (per chapter, from bulk fuels to gems) with noise.

Invariants (--check verifies all but the last):
- Every row has primaryValue > 0 with exactly two decimals; a code that did not trade has
  no row.
- Within one reporter, partner, flow and period, parents are exact sums in cents (and in
  kg) of the rows below them: a heading of its subheadings, a chapter of its headings, TOTAL
  of its chapters; a parent has a row exactly when one of its children has.
- With --monthly, a code's months sum exactly (cents and kg) to its annual row, and a code
  has monthly rows exactly when it has an annual row.
- Rows of one reporter, partner, flow and year are contiguous.
- Determinism: the same flags give the same bytes. Every random draw comes from a
  random.Random seeded with --seed and a stream's name (one a pair-flow, one for its
  months, one for the commodities) or, for the HS tree, with a fixed seed; never the
  global generator or the clock.

Python 3 standard library only.
"""

import argparse
import bisect
import csv
import io
import itertools
import math
import random
import re
import statistics
import sys
import time

HEADER = (
    "typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,"
    "reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,classificationCode,"
    "cmdCode,cmdDesc,aggrLevel,isLeaf,qtyUnitCode,qtyUnitAbbr,qty,netWgt,primaryValue,"
    "isAggregate"
)
FIRST_YEAR = 1995
LAST_YEAR = 2024
YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))
FLOWS = (("X", "Export"), ("M", "Import"))
FLOW_DESC = dict(FLOWS)

# Row targets; large aims 5% above its promised 20,000,000 to stay above it.
SIZES = {"small": 1_000_000, "large": 21_000_000}
FIXED_REPORTER = "CHN"
FIXED_PARTNER = "CAN"

# ISO alpha-3, Comtrade numeric code, Comtrade name, exports and imports (USD bn, about
# 2023; they size the flows). Ordered by total trade.
COUNTRIES = (
    ("CHN", 156, "China", 3380, 2560),
    ("USA", 842, "USA", 2020, 3170),
    ("DEU", 276, "Germany", 1690, 1460),
    ("NLD", 528, "Netherlands", 930, 840),
    ("JPN", 392, "Japan", 720, 790),
    ("FRA", 251, "France", 650, 790),
    ("ITA", 380, "Italy", 680, 640),
    ("GBR", 826, "United Kingdom", 520, 790),
    ("KOR", 410, "Rep. of Korea", 630, 640),
    ("HKG", 344, "China, Hong Kong SAR", 570, 650),
    ("MEX", 484, "Mexico", 590, 600),
    ("CAN", 124, "Canada", 570, 570),
    ("IND", 699, "India", 430, 670),
    ("BEL", 56, "Belgium", 560, 540),
    ("SGP", 702, "Singapore", 470, 420),
    ("ESP", 724, "Spain", 420, 460),
    ("ARE", 784, "United Arab Emirates", 420, 350),
    ("CHE", 757, "Switzerland", 420, 350),
    ("POL", 616, "Poland", 380, 360),
    ("RUS", 643, "Russian Federation", 420, 300),
    ("VNM", 704, "Viet Nam", 350, 330),
    ("AUS", 36, "Australia", 370, 290),
    ("TUR", 792, "Türkiye", 260, 360),
    ("BRA", 76, "Brazil", 340, 250),
    ("MYS", 458, "Malaysia", 310, 260),
    ("THA", 764, "Thailand", 280, 290),
    ("SAU", 682, "Saudi Arabia", 320, 210),
    ("IDN", 360, "Indonesia", 260, 220),
    ("CZE", 203, "Czechia", 250, 230),
    ("AUT", 40, "Austria", 220, 230),
    ("SWE", 752, "Sweden", 200, 200),
    ("IRL", 372, "Ireland", 220, 140),
    ("HUN", 348, "Hungary", 150, 140),
    ("NOR", 579, "Norway", 170, 100),
    ("DNK", 208, "Denmark", 140, 125),
    ("PHL", 608, "Philippines", 73, 126),
    ("ROU", 642, "Romania", 95, 120),
    ("ZAF", 710, "South Africa", 110, 110),
    ("PRT", 620, "Portugal", 90, 110),
    ("CHL", 152, "Chile", 95, 80),
    ("FIN", 246, "Finland", 80, 85),
    ("ISR", 376, "Israel", 60, 90),
    ("KAZ", 398, "Kazakhstan", 78, 60),
    ("GRC", 300, "Greece", 55, 85),
    ("ARG", 32, "Argentina", 67, 74),
    ("BGD", 50, "Bangladesh", 55, 70),
    ("COL", 170, "Colombia", 50, 60),
    ("EGY", 818, "Egypt", 40, 80),
    ("PER", 604, "Peru", 65, 50),
    ("NGA", 566, "Nigeria", 60, 50),
    ("NZL", 554, "New Zealand", 40, 50),
    ("PAK", 586, "Pakistan", 28, 55),
)
COUNTRY = {c[0]: c for c in COUNTRIES}

# A flow's LAST_YEAR value in cents: exporter's exports x importer's imports (USD bn) x this
# (CHN->CAN: about USD 64 bn, as in the sample), times noise.
GRAVITY_CENTS = 3.3e6
# Value shocks of world trade, relative to the trend.
YEAR_SHOCKS = {2001: 0.95, 2002: 0.97, 2009: 0.78, 2010: 0.92, 2015: 0.9, 2016: 0.88,
               2020: 0.9, 2023: 0.97}
# Share of subheadings traded grows from this (in FIRST_YEAR) to 1 (in LAST_YEAR).
FIRST_YEAR_BREADTH = 0.55
# Presence churns: a code is present when its persistent draw is below breadth x U(lo, hi).
CHURN_LO = 0.8
CHURN_HI = 1.2

HS_TREE_SEED = 2022  # The HS tree is the same for every --seed.
CHAPTERS = [c for c in range(1, 98) if c != 77]
# Chapters that carry much of the world's trade value (weight multipliers).
BIG_CHAPTERS = {27: 8, 84: 8, 85: 10, 87: 5, 30: 3, 71: 3, 90: 3, 39: 2.5, 72: 2, 29: 2}
# Median USD per kg of a chapter range (first chapter, last chapter, price).
CHAPTER_PRICES = ((1, 24, 2.5), (25, 27, 0.4), (28, 38, 6), (30, 30, 120), (39, 40, 3),
                  (41, 43, 15), (44, 49, 1.5), (50, 63, 12), (64, 67, 20), (68, 70, 2),
                  (71, 71, 4000), (72, 83, 3), (84, 85, 45), (86, 89, 15), (90, 92, 150),
                  (93, 93, 60), (94, 96, 8), (97, 97, 600))

AMOUNT = re.compile(r"[0-9]+\.[0-9][0-9]")  # primaryValue, as --check wants it
NUMBER = re.compile(r"[0-9]+")
TOTAL_MID = 'TOTAL,"All Commodities",0,false,-1,N/A,,,'
NOISE_BITS = 10  # Noise tables have 2**NOISE_BITS entries.
X_GRID_LOW = -6  # log10 of the smallest breadth in the row-count table.
X_GRID_HIGH = 2
X_GRID_STEPS = 8  # Grid points a decade.
# Targets up to this many rows are checked by counting (Plan.calibrate).
CALIBRATION_MAX_ROWS = 200_000
CALIBRATION_STEPS = 6
CALIBRATION_TOLERANCE = 0.02
MONTH_BASE_CHANCE = 0.25  # A traded subheading's chance to move in a month, at the least.


# ---------------------------------------------------------------------------- the HS tree


class HsTree:
    """The synthetic HS codes and their row text (cmdCode..qtyUnitAbbr, precomputed).

    Subheadings (leaves), headings and chapters are numbered from 0 in code order.
    """

    def __init__(self):
        self.chapter_codes = []  # "01"
        self.heading_codes = []  # "0101"
        self.heading_chapter = []  # heading number -> chapter number
        self.heading_leaves = []  # heading number -> range of leaf numbers
        self.leaf_codes = []  # "010110"
        self.leaf_heading = []  # leaf number -> heading number
        self.leaf_chapter = []  # leaf number -> chapter number
        self.chapter_headings = []  # chapter number -> range of heading numbers
        rng = random.Random(HS_TREE_SEED)
        for chapter in CHAPTERS:
            self._add_chapter(chapter, rng)
        self.chapter_mid = [code_mid(c, f"Chapter {c} goods", 2) for c in self.chapter_codes]
        self.heading_mid = [code_mid(h, f"Chapter {h[:2]}, heading {h}", 4)
                            for h in self.heading_codes]
        self.leaf_mid = [code_mid(s, f"Chapter {s[:2]}, heading {s[:4]}, subheading {s}", 6)
                         for s in self.leaf_codes]

    def _add_chapter(self, chapter, rng):
        """Adds a chapter with 5..25 headings (few usual) of 2..9 subheadings each."""
        self.chapter_codes.append(f"{chapter:02d}")
        first_heading = len(self.heading_codes)
        for h in range(5 + int(21 * rng.random() ** 2)):
            heading = f"{chapter:02d}{h + 1:02d}"
            count = 2 + int(8 * rng.random() ** 1.5)
            first = len(self.leaf_codes)
            for k in range(count):
                suffix = 90 if k == count - 1 else 10 * (k + 1)  # 10, 20, ..., 90 (other)
                self.leaf_codes.append(f"{heading}{suffix:02d}")
                self.leaf_heading.append(len(self.heading_codes))
                self.leaf_chapter.append(len(self.chapter_codes) - 1)
            self.heading_leaves.append(range(first, len(self.leaf_codes)))
            self.heading_codes.append(heading)
            self.heading_chapter.append(len(self.chapter_codes) - 1)
        self.chapter_headings.append(range(first_heading, len(self.heading_codes)))


def code_mid(code, description, level):
    """The columns cmdCode..qtyUnitAbbr of a code's rows, with the trailing comma."""
    leaf = "true" if level == 6 else "false"
    return f'{code},"{description}",{level},{leaf},8,kg,'


def chapter_price(chapter):
    """Median USD per kg of a chapter (the last matching range wins)."""
    price = 5.0
    for first, last, median in CHAPTER_PRICES:
        if first <= chapter <= last:
            price = median
    return price


class CodeModel:
    """Per-subheading parameters drawn from --seed: value weight, breadth, price, drift."""

    def __init__(self, tree, seed):
        rng = random.Random(f"{seed}/commodities")
        chapter_weight = [rng.lognormvariate(0, 1.0) * BIG_CHAPTERS.get(int(c), 1)
                          for c in tree.chapter_codes]
        self.weight = []  # Relative value: log-normal, so a few codes carry most of it.
        self.breadth = []  # Relative chance of being traded by a pair; big codes more.
        self.kg_per_cent = []
        drift = []  # Yearly log growth relative to the pair-flow's.
        for heading in tree.leaf_heading:
            chapter = tree.heading_chapter[heading]
            z = rng.gauss(0, 1)
            self.weight.append(chapter_weight[chapter] * math.exp(2.0 * z))
            self.breadth.append(math.exp(0.45 * z + 0.6 * rng.gauss(0, 1) + 0.25))
            price = chapter_price(int(tree.chapter_codes[chapter])) * rng.lognormvariate(0, 0.8)
            self.kg_per_cent.append(1 / (100 * price))
            drift.append(rng.gauss(0, 0.03))
        # year_factor[year index][leaf]: the drift's factor relative to LAST_YEAR.
        self.year_factor = [[math.exp(d * (y - LAST_YEAR)) for d in drift] for y in YEARS]


def noise_table(sigma):
    """2**NOISE_BITS quantiles of a log-normal of mean 1, indexed by random bits."""
    normal = statistics.NormalDist()
    n = 1 << NOISE_BITS
    return [math.exp(sigma * normal.inv_cdf((k + 0.5) / n) - sigma * sigma / 2)
            for k in range(n)]


VALUE_NOISE = noise_table(0.35)
PRICE_NOISE = noise_table(0.15)
SEASON = (0.92, 0.88, 1.0, 0.98, 1.0, 1.02, 1.0, 0.97, 1.02, 1.05, 1.08, 1.08)


def year_breadth(year):
    """A pair-flow's breadth in a year relative to LAST_YEAR's: trade widens over time."""
    return FIRST_YEAR_BREADTH + (1 - FIRST_YEAR_BREADTH) * (year - FIRST_YEAR) / (
        LAST_YEAR - FIRST_YEAR)


# ------------------------------------------------------------------------- the pair-flows


class FlowParams:
    """A reporter-partner-flow's scalars: value in LAST_YEAR, breadth, yearly scale.

    Its random stream (self.rng) goes on with the per-subheading draws (FlowState) and then
    the rows, year after year; the monthly split has a stream of its own, so the annual rows
    are the same with and without --monthly.
    """

    def __init__(self, seed, reporter, partner, flow):
        name = f"{seed}/{reporter}/{partner}/{flow}"
        self.rng = random.Random(name)
        self.month_rng = random.Random(f"{name}/months")
        rng = self.rng
        exporter, importer = (reporter, partner) if flow == "X" else (partner, reporter)
        self.cents = (GRAVITY_CENTS * COUNTRY[exporter][3] * COUNTRY[importer][4]
                      * rng.lognormvariate(0, 0.4))
        # Big flows trade most subheadings (1 ~ CHN->CAN), small ones few.
        self.breadth = min(1.25, max(0.02, (math.log10(self.cents / 100) - 7.0) / 4.0))
        rate = 0.04 + 0.05 * rng.random()
        if {"CHN", "VNM", "IND"} & {reporter, partner}:
            rate += 0.03
        self.year_scale = [math.exp(rate * (y - LAST_YEAR)) * YEAR_SHOCKS.get(y, 1.0)
                           * rng.lognormvariate(0, 0.06) for y in YEARS]


class FlowState:
    """A pair-flow's per-subheading draws, kept for its 30 years.

    Only candidates (subheadings present in some year) are kept, in code order: a leaf is
    present in a year when its threshold (a persistent uniform draw over its reach) is below
    year_breadth(year) x U(CHURN_LO, CHURN_HI). base is its LAST_YEAR value in cents; reach
    (its traded share at breadth 1) sets how many months it moves.
    """

    def __init__(self, params, model, scale):
        rng = params.rng
        self.params = params
        draws = [(rng.random(), rng.lognormvariate(0, 1.0)) for _ in model.weight]
        # The value of every subheading at breadth 1 sums to the flow's value.
        norm = params.cents / sum(w * a for w, (_, a) in zip(model.weight, draws))
        flow_reach = scale * params.breadth
        self.leaves, self.threshold, self.base, self.reach = [], [], [], {}
        for leaf, (draw, affinity) in enumerate(draws):
            reach = flow_reach * model.breadth[leaf]
            if draw < reach * CHURN_HI:
                self.leaves.append(leaf)
                self.threshold.append(draw / reach)
                self.base.append(norm * model.weight[leaf] * affinity)
                self.reach[leaf] = reach


def leaf_values(state, year_index, model):
    """The present subheadings of a pair-flow in a year: [(leaf, cents, kg)] in code order."""
    tau = year_breadth(YEARS[year_index])
    low, high, span = tau * CHURN_LO, tau * CHURN_HI, tau * (CHURN_HI - CHURN_LO)
    rng = state.params.rng
    uniform, bits = rng.random, rng.getrandbits
    scale = state.params.year_scale[year_index]
    factor = model.year_factor[year_index]
    kg_per_cent = model.kg_per_cent
    mask = (1 << NOISE_BITS) - 1
    present = []
    for leaf, threshold, base in zip(state.leaves, state.threshold, state.base):
        if threshold >= high or (threshold >= low and threshold >= low + span * uniform()):
            continue
        noise = bits(2 * NOISE_BITS)
        cents = int(base * factor[leaf] * scale * VALUE_NOISE[noise & mask]) + 100
        kg = int(cents * kg_per_cent[leaf] * PRICE_NOISE[noise >> NOISE_BITS]) + 1
        present.append((leaf, cents, kg))
    return present


def split_months(present, state, year_index):
    """Splits each present leaf over the months: 12 lists of (leaf, cents, kg), exact sums.

    Big, widely traded leaves move in every month, marginal ones in a few; a leaf moves in
    at least one month and each month it moves in gets at least a cent (a leaf has >= 100).
    """
    tau = year_breadth(YEARS[year_index])
    rng = state.params.month_rng
    uniform = rng.random
    months = [[] for _ in range(12)]
    for leaf, cents, kg in present:
        chance = min(1.0, MONTH_BASE_CHANCE + state.reach[leaf] * tau)
        weights = []
        for month in range(12):
            draw = uniform()
            if draw < chance:
                weights.append((month, 1 + int(1000 * SEASON[month] * (0.3 + draw / chance))))
        if not weights:
            weights.append((rng.randrange(12), 1))
        add_month_parts(months, leaf, cents, kg, weights)
    return months


def add_month_parts(months, leaf, cents, kg, weights):
    """Shares cents (>= 1 a month) and kg by integer weights; the largest takes the rest."""
    total = sum(w for _, w in weights)
    spare = cents - len(weights)
    parts = [[month, 1 + spare * w // total, kg * w // total] for month, w in weights]
    largest = max(range(len(parts)), key=lambda k: weights[k][1])
    parts[largest][1] += cents - sum(p[1] for p in parts)
    parts[largest][2] += kg - sum(p[2] for p in parts)
    for month, part_cents, part_kg in parts:
        months[month].append((leaf, part_cents, part_kg))


# ------------------------------------------------------------------------------- the rows


def group_prefix(year, month, reporter, partner, flow):
    """The columns typeCode..classificationCode of a group's rows (month 0: annual)."""
    if month:
        period = f"{year}{month:02d}"
        time_cols = f"M,{period}01,{year},{month},{period}"
    else:
        time_cols = f"A,{year}0101,{year},52,{year}"
    return (f"C,{time_cols},{country_cols(reporter)},{flow},{FLOW_DESC[flow]},"
            f"{country_cols(partner)},HS,")


def country_cols(iso):
    """Code, ISO and name columns of a country, the name quoted when it has a comma."""
    _, code, name, _, _ = COUNTRY[iso]
    if "," in name:
        name = f'"{name}"'
    return f"{code},{iso},{name}"


def emit_group(prefix, leaves, tree, pieces):
    """Appends one group's rows to pieces, a row a piece: TOTAL, then depth first.

    leaves: the group's present subheadings, [(leaf, cents, kg)] in code order. Parents
    are the exact sums of the rows below them, and a parent without present children has
    no row: a parent's row is appended as a placeholder and filled once its sum is known.
    Returns the number of rows.
    """
    if not leaves:
        return 0
    first = len(pieces)
    pieces.append(None)
    total = 0
    leaf_chapter = tree.leaf_chapter
    for chapter, runs in itertools.groupby(leaves, lambda item: leaf_chapter[item[0]]):
        total += emit_chapter(prefix, chapter, runs, tree, pieces)[0]
    pieces[first] = f"{prefix}{TOTAL_MID}{total // 100}.{total % 100:02d},true\n"
    return len(pieces) - first


def emit_chapter(prefix, chapter, leaves, tree, pieces):
    """Appends a chapter's row and its headings'. Returns the chapter's (cents, kg)."""
    slot = len(pieces)
    pieces.append(None)
    chapter_cents = chapter_kg = 0
    leaf_heading = tree.leaf_heading
    for heading, runs in itertools.groupby(leaves, lambda item: leaf_heading[item[0]]):
        cents, kg = emit_heading(prefix, heading, runs, tree, pieces)
        chapter_cents += cents
        chapter_kg += kg
    pieces[slot] = code_row(prefix, tree.chapter_mid[chapter], chapter_cents, chapter_kg)
    return chapter_cents, chapter_kg


def emit_heading(prefix, heading, leaves, tree, pieces):
    """Appends a heading's row and its subheadings'. Returns the heading's (cents, kg)."""
    slot = len(pieces)
    pieces.append(None)
    heading_cents = heading_kg = 0
    leaf_mid = tree.leaf_mid
    for leaf, cents, kg in leaves:
        pieces.append(f"{prefix}{leaf_mid[leaf]}{kg},{kg},{cents // 100}.{cents % 100:02d},false\n")
        heading_cents += cents
        heading_kg += kg
    pieces[slot] = code_row(prefix, tree.heading_mid[heading], heading_cents, heading_kg)
    return heading_cents, heading_kg


def code_row(prefix, mid, cents, kg):
    """A row of a code other than TOTAL (mid: its columns cmdCode..qtyUnitAbbr)."""
    return f"{prefix}{mid}{kg},{kg},{cents // 100}.{cents % 100:02d},false\n"


def flow_groups(reporter, partner, flow, state, model, monthly):
    """A pair-flow's groups in output order: (prefix, [(leaf, cents, kg)]) by year."""
    for year_index, year in enumerate(YEARS):
        present = leaf_values(state, year_index, model)
        yield group_prefix(year, 0, reporter, partner, flow), present
        if monthly:
            for month, leaves in enumerate(split_months(present, state, year_index), 1):
                yield group_prefix(year, month, reporter, partner, flow), leaves


def write_flow(out, groups, tree):
    """Writes a pair-flow's groups. Returns the number of rows."""
    rows = 0
    pieces = []
    for prefix, leaves in groups:
        rows += emit_group(prefix, leaves, tree, pieces)
        if len(pieces) > 50_000:
            out.write("".join(pieces))
            pieces = []
    out.write("".join(pieces))
    return rows


def group_rows(leaves, tree):
    """How many rows emit_group makes of a group's leaves."""
    if not leaves:
        return 0
    headings = {tree.leaf_heading[leaf] for leaf, _, _ in leaves}
    chapters = {tree.heading_chapter[h] for h in headings}
    return len(leaves) + len(headings) + len(chapters) + 1


# ----------------------------------------------------------------------------- the plan


def presence_chance(reach):
    """P(leaf present) when U(0,1) < reach x U(CHURN_LO, CHURN_HI)."""
    if reach * CHURN_HI <= 1:
        return reach
    if reach * CHURN_LO >= 1:
        return 1.0
    cut = 1 / reach  # the churn factor above which the leaf is always present
    span = CHURN_HI - CHURN_LO
    return (reach * (cut * cut - CHURN_LO * CHURN_LO) / 2 + (CHURN_HI - cut)) / span


def expected_group_rows(x, tree, model, monthly):
    """Expected rows of one group (a pair-flow's year, annual and its months) at breadth x.

    Leaves are independent, so a parent's chance of a row is 1 - prod(1 - child's).
    """
    rows = 0.0
    none_total, none_total_month = 1.0, 1.0
    for headings in tree.chapter_headings:
        none_chapter, none_chapter_month = 1.0, 1.0
        for heading in headings:
            none_heading, none_heading_month = 1.0, 1.0
            for leaf in tree.heading_leaves[heading]:
                reach = x * model.breadth[leaf]
                p = presence_chance(reach)
                chance = min(1.0, MONTH_BASE_CHANCE + reach)
                p_month = p * (chance + (1 - chance) ** 12 / 12)
                rows += p + (12 * p_month if monthly else 0)
                none_heading *= 1 - p
                none_heading_month *= 1 - p_month
            rows += 1 - none_heading + (12 * (1 - none_heading_month) if monthly else 0)
            none_chapter *= none_heading
            none_chapter_month *= none_heading_month
        rows += 1 - none_chapter + (12 * (1 - none_chapter_month) if monthly else 0)
        none_total *= none_chapter
        none_total_month *= none_chapter_month
    return rows + 1 - none_total + (12 * (1 - none_total_month) if monthly else 0)


class RowTable:
    """Expected rows of a group as a function of breadth, interpolated on a log grid."""

    def __init__(self, tree, model, monthly):
        self.xs = [10 ** (X_GRID_LOW + k / X_GRID_STEPS)
                   for k in range((X_GRID_HIGH - X_GRID_LOW) * X_GRID_STEPS + 1)]
        self.rows = [expected_group_rows(x, tree, model, monthly) for x in self.xs]

    def lookup(self, x):
        """Expected rows at breadth x (linear below the grid, flat above it)."""
        if x <= self.xs[0]:
            return self.rows[0] * x / self.xs[0]
        k = bisect.bisect_right(self.xs, x)
        if k >= len(self.xs):
            return self.rows[-1]
        x0, x1 = self.xs[k - 1], self.xs[k]
        t = (math.log(x) - math.log(x0)) / (math.log(x1) - math.log(x0))
        return self.rows[k - 1] + t * (self.rows[k] - self.rows[k - 1])


class Plan:
    """Which pairs, and how densely they trade, to reach a row target."""

    def __init__(self, target, seed, table):
        self.seed, self.table = seed, table
        self.reporter_order = [FIXED_REPORTER] + [c[0] for c in COUNTRIES
                                                  if c[0] != FIXED_REPORTER]
        self.partner_order = [FIXED_PARTNER] + [c[0] for c in COUNTRIES
                                                if c[0] != FIXED_PARTNER]
        self._breadth = {}
        self.reporters, self.partners = self._grow_grid(target)
        self.pairs = [(r, p) for r in self.reporters for p in self.partners if r != p]
        self.limit = 1.0 if self.expected(1.0) >= target else 100.0
        self.scale = self._solve_scale(target, self.limit)

    def _grow_grid(self, target):
        """The smallest grid (reporters x partners, grown in turn) whose rows reach target."""
        n_r = n_p = 1
        n = len(COUNTRIES)
        while n_r < n or n_p < n:
            pairs = [(r, p) for r in self.reporter_order[:n_r]
                     for p in self.partner_order[:n_p] if r != p]
            if self.expected(1.0, pairs) >= target:
                break
            if (n_p <= n_r and n_p < n) or n_r == n:
                n_p += 1
            else:
                n_r += 1
        return self.reporter_order[:n_r], self.partner_order[:n_p]

    def flow_breadth(self, reporter, partner, flow):
        """A pair-flow's breadth (memoized: it takes a FlowParams)."""
        key = (reporter, partner, flow)
        if key not in self._breadth:
            self._breadth[key] = FlowParams(self.seed, *key).breadth
        return self._breadth[key]

    def expected(self, scale, pairs=None):
        """Expected rows of pairs (default self.pairs) at a density scale."""
        taus = [year_breadth(y) for y in YEARS]
        return sum(self.table.lookup(scale * self.flow_breadth(r, p, f) * tau)
                   for r, p in (self.pairs if pairs is None else pairs)
                   for f, _ in FLOWS for tau in taus)

    def _solve_scale(self, target, limit):
        """The density scale in (0, limit] at which the expected rows are target."""
        low, high = math.log(1e-9), math.log(limit)
        if self.expected(limit) <= target:
            return limit
        for _ in range(50):
            middle = (low + high) / 2
            if self.expected(math.exp(middle)) < target:
                low = middle
            else:
                high = middle
        return math.exp((low + high) / 2)

    def calibrate(self, target, count):
        """Moves the scale to where count(scale), the real row count, is near target.

        For small targets: with few leaves a pair-flow, the persistent draws make the real
        count stray from the expectation. Newton steps on log rows against log scale, with
        the slope from the expectation; the closest scale tried wins. Returns the row
        count at that scale.
        """
        scale, best = self.scale, None
        for _ in range(CALIBRATION_STEPS):
            rows = count(scale)
            if best is None or abs(rows - target) < abs(best[1] - target):
                best = (scale, rows)
            if abs(rows - target) <= CALIBRATION_TOLERANCE * target:
                break
            step = (target / rows) ** (1 / self.elasticity(scale)) if rows else 4.0
            scale = min(self.limit, scale * step)
        self.scale = best[0]
        return best[1]

    def elasticity(self, scale):
        """d log(expected rows) / d log(scale), at least 0.1."""
        up, down = self.expected(scale * 1.1), self.expected(scale / 1.1)
        if up <= 0 or down <= 0:
            return 1.0
        return max(0.1, (math.log(up) - math.log(down)) / (2 * math.log(1.1)))


# ----------------------------------------------------------------------------- generating


def generate(args):
    """Writes the CSV the flags ask for and reports on stderr."""
    started = time.monotonic()
    target = args.rows if args.rows else SIZES[args.size]
    tree = HsTree()
    model = CodeModel(tree, args.seed)
    plan = Plan(target, args.seed, RowTable(tree, model, args.monthly))
    log(f"{len(tree.leaf_codes)} subheadings, {len(tree.heading_codes)} headings, "
        f"{len(tree.chapter_codes)} chapters; {len(plan.pairs)} pairs, density scale "
        f"{plan.scale:.4g}, about {plan.expected(plan.scale):,.0f} rows expected")
    if target <= CALIBRATION_MAX_ROWS:
        rows = plan.calibrate(target, lambda s: count_rows(plan, s, model, tree, args.monthly))
        log(f"calibrated by counting: density scale {plan.scale:.4g}, {rows:,} rows")
    rows = 0
    with open_output(args.out) as out:
        out.write(HEADER + "\n")
        for number, groups in enumerate(pair_flows(plan, model, args.monthly), 1):
            rows += write_flow(out, groups, tree)
            if number % 20 == 0:
                log(f"  {number}/{2 * len(plan.pairs)} pair-flows, {rows:,} rows, "
                    f"{time.monotonic() - started:.0f} s")
    report(plan, rows, target, time.monotonic() - started)


def pair_flows(plan, model, monthly, scale=None):
    """The groups of each planned pair-flow, in output order (see flow_groups)."""
    for reporter, partner in plan.pairs:
        for flow, _ in FLOWS:
            params = FlowParams(plan.seed, reporter, partner, flow)
            state = FlowState(params, model, plan.scale if scale is None else scale)
            yield flow_groups(reporter, partner, flow, state, model, monthly)


def count_rows(plan, scale, model, tree, monthly):
    """The rows the plan makes at a density scale, counted without writing them."""
    return sum(group_rows(leaves, tree) for groups in pair_flows(plan, model, monthly, scale)
               for _, leaves in groups)


def open_output(path):
    """A buffered UTF-8 text file for path ("-": standard output), "\\n" line ends."""
    if path == "-":
        return io.open(sys.stdout.fileno(), "w", encoding="utf-8", newline="",
                       buffering=1 << 20, closefd=False)
    return open(path, "w", encoding="utf-8", newline="", buffering=1 << 20)


def report(plan, rows, target, seconds):
    """The summary on stderr: rows, grid, pairs, time."""
    log(f"wrote {rows:,} rows (data rows, header not counted; aimed at {target:,}) in "
        f"{seconds:.1f} s: {len(plan.reporters)} reporters x {len(plan.partners)} partners = "
        f"{len(plan.pairs)} pairs x {len(FLOWS)} flows x {len(YEARS)} years "
        f"({FIRST_YEAR}-{LAST_YEAR})")
    log("reporters: " + " ".join(plan.reporters))
    log("partners: " + " ".join(plan.partners))
    log("pairs (reporter-partner): " + " ".join(f"{r}-{p}" for r, p in plan.pairs))


def log(message):
    """A line on stderr."""
    print(f"gen_comtrade: {message}", file=sys.stderr, flush=True)


# -------------------------------------------------------------------------------- checking


class Checker:
    """Verifies a CSV block by block; a block is one reporter, partner, flow and year."""

    MAX_SHOWN = 20

    def __init__(self):
        self.errors = 0
        self.rows = self.blocks = self.groups = self.parents = self.monthly_codes = 0
        self.seen = set()

    def error(self, message):
        """Counts a problem; shows the first MAX_SHOWN on stderr."""
        self.errors += 1
        if self.errors <= self.MAX_SHOWN:
            print(f"check: {message}", file=sys.stderr)

    def check_file(self, path):
        """Reads path and checks every block. Returns the exit code (0: all hold)."""
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader, [])
            if ",".join(header) != HEADER:
                self.error("the header differs from the sample's")
            key, block = None, {}
            for line, row in enumerate(reader, 2):
                row_key = (row[7], row[12], row[9], row[3]) if len(row) == 25 else None
                if row_key != key:
                    self.check_block(key, block)
                    key, block = row_key, {}
                    if key in self.seen:
                        self.error(f"line {line}: block {key} is not contiguous")
                    self.seen.add(key)
                self.add_row(line, row, block)
        self.check_block(key, block)
        return self.summary(path)

    def add_row(self, line, row, block):
        """Checks a row's fields and files it under its group: (freqCode, refMonth)."""
        self.rows += 1
        values = parse_row(row)
        if isinstance(values, str):
            self.error(f"line {line}: {values}")
            return
        group = block.setdefault((row[1], row[4]), {})
        if row[15] in group:
            self.error(f"line {line}: {row[15]} twice in its group")
        group[row[15]] = values + (line,)

    def check_block(self, key, block):
        """Parents are exact sums within each group; months sum to the year."""
        if key is None:
            return
        self.blocks += 1
        for (freq, month), group in block.items():
            self.groups += 1
            self.check_parents(f"{key} {freq} {month}", group)
        months = [group for (freq, _), group in block.items() if freq == "M"]
        if months:
            self.check_months(key, block.get(("A", "52"), {}), months)

    def check_parents(self, where, group):
        """Each parent row equals the sum of its children's; every row has its parent."""
        sums = {}
        for code, (cents, qty, kg, line) in group.items():
            parent = parent_code(code)
            if parent is None:
                continue
            if parent not in group:
                self.error(f"line {line}: {code} has no {parent} row ({where})")
            total = sums.setdefault(parent, [0, 0, 0])
            total[0] += cents
            total[1] += qty
            total[2] += kg
        for code, (cents, qty, kg, line) in group.items():
            if len(code) == 6:
                continue
            self.parents += 1
            total = sums.get(code)
            if total is None:
                self.error(f"line {line}: {code} has no rows below it ({where})")
            elif total[0] != cents or (code != "TOTAL" and (total[1], total[2]) != (qty, kg)):
                self.error(f"line {line}: {code} is {cents} cents, {qty}/{kg} kg; its rows below "
                           f"sum to {total[0]} cents, {total[1]}/{total[2]} kg ({where})")

    def check_months(self, key, annual, months):
        """Each code's months sum to its annual row (absent rows count as zero)."""
        codes = set(annual).union(*months)
        for code in sorted(codes):
            self.monthly_codes += 1
            summed = [0, 0, 0]
            for group in months:
                if code in group:
                    for k in range(3):
                        summed[k] += group[code][k]
            year = annual.get(code, (0, 0, 0, "-"))
            if summed != list(year[:3]):
                self.error(f"{key} {code}: months sum to {summed}, the annual row "
                           f"(line {year[3]}) has {list(year[:3])}")

    def summary(self, path):
        """Prints the counts and the verdict. Returns the exit code."""
        verdict = "OK" if self.errors == 0 else "MISMATCH"
        print(f"check {path}: {self.rows:,} rows, {self.blocks:,} blocks (reporter, partner, "
              f"flow, year), {self.groups:,} groups (block x period), {self.parents:,} parent "
              f"rows summed from their children, {self.monthly_codes:,} codes summed from "
              f"their months; {self.errors} problems: {verdict}")
        return 0 if self.errors == 0 else 1


def parse_row(row):
    """(cents, qty, kg) of a row whose fields are well formed, else what is wrong."""
    if len(row) != 25:
        return f"{len(row)} fields, not 25"
    (type_code, freq, period_id, year, month, period, reporter_code, reporter, _, flow,
     flow_desc, partner_code, partner, _, classification, code, _, level, leaf, unit_code,
     unit, qty, kg, value, aggregate) = row
    problem = check_period(freq, period_id, year, month, period)
    if problem:
        return problem
    if (type_code, classification) != ("C", "HS") or FLOW_DESC.get(flow) != flow_desc:
        return "typeCode, classificationCode or flow is off"
    if reporter == partner or not (country_matches(reporter_code, reporter)
                                   and country_matches(partner_code, partner)):
        return f"reporter or partner is off: {reporter_code} {reporter}, {partner_code} {partner}"
    if level != ("0" if code == "TOTAL" else str(len(code))) or leaf != (
            "true" if len(code) == 6 else "false"):
        return f"aggrLevel or isLeaf of {code} is off"
    cents = value_cents(value)
    if cents is None:
        return f"primaryValue {value!r} is not a positive amount with two decimals"
    if code == "TOTAL":
        ok = (unit_code, unit, qty, kg, aggregate) == ("-1", "N/A", "", "", "true")
        return (cents, 0, 0) if ok else "TOTAL's unit, qty, netWgt or isAggregate is off"
    if (unit_code, unit, aggregate) != ("8", "kg", "false") or not (
            NUMBER.fullmatch(qty) and qty == kg):
        return f"unit, qty, netWgt or isAggregate of {code} is off"
    return cents, int(qty), int(kg)


def country_matches(code, iso):
    """Whether a country's numeric code and ISO alpha-3 are one of COUNTRIES."""
    return iso in COUNTRY and str(COUNTRY[iso][1]) == code


def value_cents(value):
    """A primaryValue in cents when it is positive with exactly two decimals, else None."""
    if not AMOUNT.fullmatch(value):
        return None
    cents = int(value.replace(".", ""))
    return cents if cents > 0 else None


def check_period(freq, period_id, year, month, period):
    """What is wrong with a row's period columns, or None."""
    if freq == "A":
        ok = (month, period, period_id) == ("52", year, f"{year}0101")
    elif freq == "M":
        ok = (NUMBER.fullmatch(month) and 1 <= int(month) <= 12
              and (period, period_id) == (f"{year}{int(month):02d}", f"{period}01"))
    else:
        ok = False
    return None if ok and NUMBER.fullmatch(year) else f"period columns off: {freq} {year} {month}"


def parent_code(code):
    """The code a code's value is summed into (None for TOTAL)."""
    if code == "TOTAL":
        return None
    return {2: "TOTAL", 4: code[:2], 6: code[:4]}.get(len(code), "?")


# ---------------------------------------------------------------------------------- main


def parse_args(argv):
    """The flags (see the module's docstring)."""
    parser = argparse.ArgumentParser(
        description="Writes synthetic UN Comtrade CSV for benchmarks, or checks one.")
    parser.add_argument("--size", choices=sorted(SIZES), default="small",
                        help="small: about 1,000,000 rows; large: at least 20,000,000")
    parser.add_argument("--rows", type=int, help="aim at this many rows instead of --size")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--monthly", action="store_true",
                        help="also write monthly rows (they count toward the target)")
    parser.add_argument("--out", default="-", help="output file (default standard output)")
    parser.add_argument("--check", metavar="FILE", help="verify FILE's invariants and exit")
    args = parser.parse_args(argv)
    if args.rows is not None and args.rows <= 0:
        parser.error("--rows must be positive")
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.check:
        return Checker().check_file(args.check)
    generate(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
