#!/usr/bin/env python3
"""Checks summit's trade answers against DuckDB's and PostgreSQL's, and tabulates latency.

Reads the JSON Lines that bench/trade_questions (summit), bench/peers/duckdb_trade.mjs and
bench/peers/pg_trade.sh print for bench/trade_questions.json. Every answer must equal
DuckDB's to the cent (series per flow and year, top commodities in rank order, the
overview's series per sector); PostgreSQL's too. Prints one table row per question:
summit's p50/p99/first against each peer's, with the ratio peer p50 / summit p50 (above 1:
summit is faster). A "load" line in each file (rows, seconds, db_bytes) adds the load
rate and the size on disk, with ratios where above 1 means summit is better. With
--table FILE, also appends tab-separated rows (measure, summit,
peer, ratio) for bench/run_all.sh's summary. Exits 1 when an answer differs or is missing.

    python3 bench/compare_trade.py [--table FILE] SUMMIT.jsonl DUCKDB.jsonl [POSTGRES.jsonl]
"""

import json
import sys


def read(path):
    """Lines by question id."""
    with open(path, encoding="utf-8") as lines:
        return {row["question"]: row for row in map(json.loads, filter(str.strip, lines))}


def series_key(series):
    return sorted((p["flow"], p["year"], int(p["cents"])) for p in series)


def top_key(top):
    """Per flow, the ranked (code, cents), in rank order."""
    by_flow = {}
    for item in top:
        by_flow.setdefault(item["flow"], []).append((item["code"], int(item["cents"])))
    return by_flow


def normalized(answer):
    out = {}
    if "series" in answer:
        out["series"] = series_key(answer["series"])
    if "top" in answer:
        out["top"] = top_key(answer["top"])
    if "sectors" in answer:
        out["sectors"] = {name: series_key(s) for name, s in answer["sectors"].items()}
    return out


def differences(ours, theirs):
    """What `ours` gets wrong against `theirs` (only the keys `theirs` has)."""
    problems = []
    for key, expected in theirs.items():
        got = ours.get(key)
        if got != expected:
            problems.append(f"{key}: summit {str(got)[:200]} != {str(expected)[:200]}")
    return problems


def main(argv):
    table = None
    if len(argv) > 2 and argv[1] == "--table":
        table = open(argv[2], "a", encoding="utf-8")
        argv = argv[:1] + argv[3:]
    if len(argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    ours = read(argv[1])
    peers = [(name, read(path)) for name, path in zip(("duckdb", "postgresql"), argv[2:])]
    failed = False
    header = f"{'question':<10}{'summit p50/p99/first ms':>26}"
    for name, _ in peers:
        header += f"{name + ' p50/p99/first ms':>32}{'ratio':>8}"
    print(header + "  answers")
    for question, mine in ours.items():
        if question == "load":
            continue
        line = (f"{question:<10}"
                f"{mine['p50_ms']:>10.2f}{mine['p99_ms']:>8.2f}{mine['first_ms']:>8.2f}")
        verdicts = []
        for name, rows in peers:
            theirs = rows.get(question)
            if theirs is None:
                verdicts.append(f"{name}: missing")
                failed = True
                continue
            line += (f"{theirs['p50_ms']:>16.2f}{theirs['p99_ms']:>8.2f}"
                     f"{theirs['first_ms']:>8.2f}{theirs['p50_ms'] / mine['p50_ms']:>8.1f}")
            if table:
                table.write(f"{question} p50 ms, vs {name}\t{mine['p50_ms']:.2f}\t"
                            f"{theirs['p50_ms']:.2f}\t{theirs['p50_ms'] / mine['p50_ms']:.1f}\n")
                table.write(f"{question} first (cold) ms, vs {name}\t{mine['first_ms']:.2f}\t"
                            f"{theirs['first_ms']:.2f}\t"
                            f"{theirs['first_ms'] / mine['first_ms']:.1f}\n")
            problems = differences(normalized(mine["answer"]), normalized(theirs["answer"]))
            verdicts.append(f"{name}: " + ("equal" if not problems else "DIFFERENT"))
            for problem in problems:
                print(f"  {question} vs {name}: {problem}", file=sys.stderr)
            failed = failed or bool(problems)
        print(line + "  " + ", ".join(verdicts))
    mine = ours.get("load")
    for name, rows in peers:
        load = rows.get("load")
        if not (load and mine):
            continue
        for measure, ours_value, theirs_value, better in (
                ("load rows/s", mine["rows"] / mine["seconds"], load["rows"] / load["seconds"],
                 "higher"),
                ("database bytes", mine["db_bytes"], load["db_bytes"], "lower")):
            ratio = (ours_value / theirs_value if better == "higher"
                     else theirs_value / ours_value)
            print(f"{measure}: summit {ours_value:.0f}, {name} {theirs_value:.0f}, "
                  f"ratio {ratio:.2f}")
            if table:
                table.write(f"{measure}, vs {name}\t{ours_value:.0f}\t{theirs_value:.0f}\t"
                            f"{ratio:.2f}\n")
    if table:
        answers = "DIFFERENT" if failed else "equal to the cent"
        table.write(f"answers vs {', '.join(name for name, _ in peers)}\t{answers}\t\t\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
