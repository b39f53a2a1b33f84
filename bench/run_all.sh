#!/usr/bin/env bash
# Every benchmark of summit at one data size, in one run, each beside its
# anchor or peer measured in the same run, ending with one table (measure,
# summit, anchor or peer, ratio; a ratio above 1 means summit is better, or
# for the reads against Health/Check, the share of that ceiling reached):
#
#  1. a Comtrade-shaped CSV (bench/gen_comtrade.py, kept under
#     $SUMMIT_BENCH_DATA, default /tmp/summit-bench-data, for the next run)
#     loaded with `summitctl load-trade` into summit_ingest: rows/s, the
#     database's size on disk against the CSV's, summit_ingest's peak memory;
#  2. the trade questions of bench/trade_questions.json against a freshly
#     started summit_query (first call cold, with the OS page cache dropped
#     when this user may), then warm p50/p99; the same questions to DuckDB
#     and PostgreSQL 15 over the same CSV (bench/peers/); every answer
#     checked equal to DuckDB's and PostgreSQL's to the cent;
#  3. reads under load with h2load against Health/Check (run_query_bench.sh),
#     and PostgreSQL's point lookup under pgbench beside GetSummit.
#
# Usage: bench/run_all.sh [small|large] [--smoke]
#   small  about 1M rows (a few minutes); large  21M rows (under 30 minutes
#   on 2 cores). --smoke: a few calls each, to check that everything runs
#   and every answer agrees (the test suite runs `small --smoke`); its
#   timings mean nothing.
# Exit 0 when every step ran and every answer agreed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

size=small
smoke=false
for arg in "$@"; do
  case "${arg}" in
    small | large) size="${arg}" ;;
    --smoke) smoke=true ;;
    *) echo "usage: $0 [small|large] [--smoke]" >&2 && exit 2 ;;
  esac
done
bin="${SUMMIT_BUILD_DIR:-build/default}"
data="${SUMMIT_BENCH_DATA:-${TMPDIR:-/tmp}/summit-bench-data}"
csv="${data}/comtrade_${size}.csv"
if "${smoke}"; then
  runs=(--runs 3 --max_seconds 2)
  h2load_requests=7680
  pg_seconds=2
else
  runs=(--runs 200 --max_seconds 10)
  h2load_requests=150000
  pg_seconds=10
fi

# shellcheck source=start_service.sh
source bench/start_service.sh
table="${work}/table"
step() { echo "== $* ($(date +%T))" >&2; }
row() { printf '%s\t%s\t%s\t%s\n' "$@" >>"${table}"; }
seconds_since() { python3 -c "import sys, time; print(f'{time.time() - float(sys.argv[1]):.2f}')" "$1"; }

drop_os_cache() {
  sync
  if echo 3 2>/dev/null >/proc/sys/vm/drop_caches; then echo dropped; else echo warm; fi
}

step "build"
[[ -f "${bin}/build.ninja" ]] || cmake --preset default >/dev/null
cmake --build "${bin}" --target summit_ingest summit_query summitctl trade_questions >/dev/null
[[ -d bench/peers/node_modules/@duckdb/node-api ]] ||
  (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error)

if [[ ! -s "${csv}" ]]; then
  step "generate ${csv}"
  mkdir -p "${data}"
  python3 bench/gen_comtrade.py --size "${size}" --out "${csv}.part" 2>/dev/null
  mv "${csv}.part" "${csv}"
fi
csv_rows=$(($(wc -l <"${csv}") - 1))
csv_bytes=$(stat -L -c %s "${csv}")

step "summit: load ${csv_rows} rows"
start ingest "${bin}/ingest_service/summit_ingest" --db_path="${work}/db"
ingest="127.0.0.1:${port}"
ingest_pid="${pids[-1]}"
"${bin}/tools/summitctl" load-articles --ingest_addr="${ingest}" samples/reports >/dev/null
t0=$(date +%s.%N)
"${bin}/tools/summitctl" load-trade --ingest_addr="${ingest}" --load_timeout=60m "${csv}" |
  tail -1 >&2
load_seconds=$(seconds_since "${t0}")
peak_kb=$(sed -n 's/^VmHWM:\s*\([0-9]*\) kB/\1/p' "/proc/${ingest_pid}/status")
tools/node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge \
  -d @bench/data/overview_summit.json \
  "http://${ingest}/summit.v1.IngestService/UpsertSummit" >/dev/null
db_bytes=$(du -sb "${work}/db" | cut -f1)
echo "{\"tool\":\"summit\",\"question\":\"load\",\"rows\":${csv_rows},\"seconds\":${load_seconds},\"db_bytes\":${db_bytes}}" \
  >"${work}/summit.jsonl"
row "CSV rows, bytes" "${csv_rows}" "${csv_bytes}" ""
row "summit database bytes / CSV bytes" "${db_bytes}" "${csv_bytes}" \
  "$(python3 -c "print(f'{${db_bytes} / ${csv_bytes}:.2f}')")"
row "summit_ingest peak RSS MB while loading" "$((peak_kb / 1024))" "" ""

step "summit: trade questions (cold start, OS cache $(drop_os_cache))"
start query "${bin}/query_service/summit_query" --db_path="${work}/db" \
  --secondary_path="${work}/secondary"
query="127.0.0.1:${port}"
"${bin}/bench/trade_questions" --addr="${query}" --questions=bench/trade_questions.json \
  "${runs[@]}" >>"${work}/summit.jsonl"

step "DuckDB: load and trade questions"
node bench/peers/duckdb_trade.mjs --csv "${csv}" --questions bench/trade_questions.json \
  --db "${work}" "${runs[@]}" >"${work}/duckdb.jsonl" 2>"${work}/duckdb.log" ||
  { cat "${work}/duckdb.log" >&2 && exit 1; }
step "PostgreSQL: load and trade questions"
bench/peers/pg_trade.sh --csv "${csv}" --questions bench/trade_questions.json "${runs[@]}" \
  >"${work}/postgresql.jsonl" 2>"${work}/postgresql.log" ||
  { cat "${work}/postgresql.log" >&2 && exit 1; }
answers=0
python3 bench/compare_trade.py --table "${table}" "${work}/summit.jsonl" \
  "${work}/duckdb.jsonl" "${work}/postgresql.jsonl" || answers=$?

step "reads under load (h2load) and PostgreSQL's point lookup"
SUMMIT_QUERY_ADDR="${query}" SUMMIT_BENCH_TABLE="${table}" SUMMIT_BUILD_DIR="${bin}" \
  bench/run_query_bench.sh "${h2load_requests}"
bench/peers/pg_point.sh --seconds "${pg_seconds}" >"${work}/pg_point.jsonl" \
  2>"${work}/pg_point.log" || { cat "${work}/pg_point.log" >&2 && exit 1; }
python3 - "${work}/pg_point.jsonl" "${table}" <<'PY'
import json, sys
point = json.loads(open(sys.argv[1]).read())
rows = [l.split("\t") for l in open(sys.argv[2])]
ours = next(float(r[1]) for r in rows if r[0].startswith("GetSummit req/s"))
with open(sys.argv[2], "a") as table:
    table.write(f"GetSummit req/s, vs PostgreSQL point lookup tps\t{ours:.0f}\t"
                f"{point['tps']:.0f}\t{ours / point['tps']:.2f}\n")
PY

echo
echo "bench/run_all.sh ${size}$("${smoke}" && echo " --smoke") on $(nproc) cores," \
  "$(date -u '+%F %H:%M UTC'); summit load ${load_seconds} s" \
  "($(python3 -c "print(f'{${csv_rows} / ${load_seconds}:.0f}')") rows/s)"
python3 - "${table}" <<'PY'
import sys
rows = [["measure", "summit", "anchor or peer", "ratio"]]
rows += [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
widths = [max(len(row[i]) for row in rows) for i in range(4)]
for row in rows:
    print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
PY
exit "${answers}"
