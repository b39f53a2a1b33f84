#!/usr/bin/env python3
"""Helper of pg_trade.sh (Python 3 standard library only): writes the SQL of the trade
questions and turns psql output and pgbench logs into the peers' JSON line.

    pg_trade_helper.py scripts QUESTIONS DIR
        For each question writes DIR/ID.bench.sql (pgbench script: :reporter, :partner,
        :start_year, :end_year are pgbench variables, sent as parameters with -M prepared)
        and DIR/ID.answer.sql (the same statements with literals, for psql); writes
        DIR/defines (pgbench -D arguments, one a line) and prints the question ids.
    pg_trade_helper.py report QUESTIONS ID DIR OS_CACHE
        Prints the JSON line of question ID from DIR/ID.answer.txt (psql -At -F'|'),
        the pgbench logs DIR/log.ID.cold.* (first run) and DIR/log.ID.warm.* (warm runs).

Values are integer cents throughout (numeric -> bigint; sums are numeric), printed as
JSON strings. Series rows are S|sector|flow|year|cents, top rows T|flow|code|cents.
"""

import glob
import json
import math
import sys

PARAMS = ("reporter", "partner", "start_year", "end_year")
# The flows are named, as summit's requests name them: with the primary key
# (reporter, partner, flow, cmd_code, year, month), PostgreSQL then reads each
# (flow, code) range of the index instead of every row of the pair.
WHERE = ("t.reporter = @reporter@ AND t.partner = @partner@ AND t.flow IN ('M', 'X')"
         " AND t.year BETWEEN @start_year@ AND @end_year@")


def lit(s):
    return "'" + str(s).replace("'", "''") + "'"


def in_list(codes):
    return "(" + ", ".join(lit(c) for c in codes) + ")"


def series_sql(codes):
    return (f"SELECT 'S', '', t.flow, t.year, sum(t.cents) FROM trade t\n"
            f"WHERE {WHERE} AND t.cmd_code IN {in_list(codes)}\n"
            f"GROUP BY t.flow, t.year ORDER BY t.flow, t.year;\n")


def sectors_sql(sectors):
    pairs = ", ".join(f"({lit(name)}, {lit(c)})" for name, codes in sectors.items() for c in codes)
    return (f"SELECT 'S', s.sector, t.flow, t.year, sum(t.cents)\n"
            f"FROM trade t JOIN (VALUES {pairs}) AS s(sector, code) ON t.cmd_code = s.code\n"
            f"WHERE {WHERE}\n"
            f"GROUP BY s.sector, t.flow, t.year ORDER BY s.sector, t.flow, t.year;\n")


def top_sql(condition, limit):
    return (f"SELECT 'T', flow, cmd_code, cents FROM (\n"
            f"  SELECT t.flow, t.cmd_code, sum(t.cents) AS cents, row_number() OVER (\n"
            f"    PARTITION BY t.flow ORDER BY sum(t.cents) DESC, t.cmd_code) AS rank\n"
            f"  FROM trade t WHERE {WHERE} AND {condition}\n"
            f"  GROUP BY t.flow, t.cmd_code) ranked\n"
            f"WHERE rank <= {int(limit)} ORDER BY flow, rank;\n")


def question_sql(spec, q):
    sql = ""
    if "sectors" in q:
        sql += sectors_sql(q["sectors"])
    elif "codes" in q:
        sql += series_sql(q["codes"])
    if q.get("top"):
        cond = (f"t.cmd_code IN {in_list(q['codes'])}" if "codes" in q
                else f"length(t.cmd_code) = {int(q['digits'])}")
        sql += top_sql(cond, spec["top_limit"])
    return sql


def scripts(questions, outdir):
    spec = json.load(open(questions))
    for q in spec["questions"]:
        sql = question_sql(spec, q)
        bench, answer = sql, sql
        for p in PARAMS:
            bench = bench.replace(f"@{p}@", f":{p}")
            value = spec[p]
            answer = answer.replace(f"@{p}@", str(int(value)) if "year" in p else lit(value))
        open(f"{outdir}/{q['id']}.bench.sql", "w").write(bench)
        open(f"{outdir}/{q['id']}.answer.sql", "w").write(answer)
        print(q["id"])
    with open(f"{outdir}/defines", "w") as f:
        for p in PARAMS:
            f.write(f"{p}={spec[p]}\n")


def latencies_ms(pattern):
    """Per-transaction latencies from pgbench --log files (3rd field, microseconds)."""
    out = []
    for name in glob.glob(pattern):
        with open(name) as f:
            out += [int(line.split()[2]) / 1000.0 for line in f if line.strip()]
    return sorted(out)


def percentile(sorted_values, p):
    """Nearest-rank percentile."""
    return sorted_values[max(0, math.ceil(p * len(sorted_values)) - 1)] if sorted_values else None


def answer_of(q, path):
    series, top, sectors = [], [], {name: [] for name in q.get("sectors", {})}
    for line in open(path):
        f = line.rstrip("\n").split("|")
        if f[0] == "S":
            point = {"flow": f[2], "year": int(f[3]), "cents": str(int(f[4]))}
            (sectors[f[1]] if "sectors" in q else series).append(point)
        elif f[0] == "T":
            top.append({"flow": f[1], "code": f[2], "cents": str(int(f[3]))})
    answer = {}
    if "sectors" in q:
        answer["sectors"] = sectors
    elif "codes" in q:
        answer["series"] = series
    if q.get("top"):
        answer["top"] = top
    return answer


def report(questions, qid, outdir, os_cache):
    spec = json.load(open(questions))
    q = next(q for q in spec["questions"] if q["id"] == qid)
    cold = latencies_ms(f"{outdir}/log.{qid}.cold.*")
    warm = latencies_ms(f"{outdir}/log.{qid}.warm.*")
    r = lambda x: None if x is None else round(x, 3)
    line = {"tool": "postgresql", "question": qid, "first_ms": r(cold[0] if cold else None),
            "p50_ms": r(percentile(warm, 0.5)), "p99_ms": r(percentile(warm, 0.99)),
            "runs": len(warm)}
    if os_cache != "dropped":
        line["os_cache"] = "warm"
    line["answer"] = answer_of(q, f"{outdir}/{qid}.answer.txt")
    print(json.dumps(line, separators=(",", ":")))


if __name__ == "__main__":
    if sys.argv[1:2] == ["scripts"] and len(sys.argv) == 4:
        scripts(*sys.argv[2:])
    elif sys.argv[1:2] == ["report"] and len(sys.argv) == 6:
        report(*sys.argv[2:])
    else:
        sys.exit(__doc__)
