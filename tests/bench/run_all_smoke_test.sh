#!/usr/bin/env bash
# bench/run_all.sh small --smoke as a test: every benchmark runs end to end
# on a fresh small Comtrade-shaped set, and every trade answer of summit
# equals DuckDB's and PostgreSQL's to the cent. Timings are printed, never
# checked. Usage: run_all_smoke_test.sh BUILD_DIR (from the repository root).
set -euo pipefail
data="$(mktemp -d)"
trap 'rm -rf "${data}"' EXIT
out="${data}/out"
SUMMIT_BUILD_DIR="$1" SUMMIT_BENCH_DATA="${data}" bench/run_all.sh small --smoke | tee "${out}"
fail() { echo "FAIL: $*" >&2 && exit 1; }
grep -q '^answers vs duckdb, postgresql *equal to the cent' "${out}" ||
  fail "the trade answers were not all checked equal"
for question in total chapter sector top6 overview; do
  grep -q "^${question} p50 ms, vs postgresql " "${out}" || fail "no figure for ${question}"
done
for rpc in GetSummit GetParticipant ListSummits GetTradeStatistics; do
  grep -q "^${rpc} req/s, vs Health/Check " "${out}" || fail "no h2load figure for ${rpc}"
done
grep -q '^GetSummit req/s, vs PostgreSQL point lookup tps' "${out}" ||
  fail "no PostgreSQL point lookup figure"
echo "PASS: every benchmark ran; every answer agreed"
