#!/usr/bin/env bash
# PostgreSQL 15 peer for the trade benchmark: loads a Comtrade CSV (bench/gen_comtrade.py)
# into a private throwaway cluster (pg_cluster.sh) and answers bench/trade_questions.json,
# so a driver can compare PostgreSQL's latency and exact answers with summit's and DuckDB's.
#
#   bench/peers/pg_trade.sh --csv FILE --questions bench/trade_questions.json \
#                           [--runs 200] [--max_seconds 10]
#
# Load: COPY into an unlogged text staging table, INSERT the annual rows (freqCode A) into
# trade(reporter, partner, flow, cmd_code text, year, month int, cents bigint, net_wgt
# bigint) with cents = (primaryValue::numeric * 100)::bigint, then the primary key
# (reporter, partner, flow, cmd_code, year, month) and VACUUM ANALYZE; the load session uses
# synchronous_commit = off. Load seconds include the index; db_bytes is
# pg_total_relation_size('trade').
# Latency: pgbench -n -M prepared -c 1 -j 1 with one script per question (its statements are
# one "transaction" in the --log), reporter/partner/years passed with -D as parameters.
# Cold: one server restart (and an OS page cache drop when allowed), then each question's
# first run, in order. Warm: after 2 unlogged warm-up runs, --runs runs, fewer when the
# warm-up's mean says they would take over --max_seconds. Answers come from psql.
# stdout: JSON Lines as duckdb_trade.mjs; progress on stderr.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CSV='' QUESTIONS='' RUNS=200 MAX_SECONDS=10
while [ $# -gt 0 ]; do
  case $1 in
    --csv) CSV=$2; shift 2 ;;
    --questions) QUESTIONS=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    --max_seconds) MAX_SECONDS=$2; shift 2 ;;
    *) echo "usage: $0 --csv FILE --questions FILE [--runs R] [--max_seconds S]" >&2; exit 2 ;;
  esac
done
if [ ! -r "$CSV" ] || [ ! -r "$QUESTIONS" ]; then
  echo "pg_trade: need readable --csv and --questions" >&2; exit 2
fi
log() { echo "pg_trade: $*" >&2; }
now() { date +%s.%N; }

# shellcheck source=pg_cluster.sh
. "$HERE/pg_cluster.sh"
pg_cluster_start
WORK=$PG_TMP/work
mkdir -p "$WORK"
log "cluster in $PG_TMP"

# --- load ---
cat >"$WORK/load.sql" <<'EOF'
SET synchronous_commit = off;
CREATE UNLOGGED TABLE staging (
  typeCode text, freqCode text, refPeriodId text, refYear text, refMonth text, period text,
  reporterCode text, reporterISO text, reporterDesc text, flowCode text, flowDesc text,
  partnerCode text, partnerISO text, partnerDesc text, classificationCode text,
  cmdCode text, cmdDesc text, aggrLevel text, isLeaf text, qtyUnitCode text,
  qtyUnitAbbr text, qty text, netWgt text, primaryValue text, isAggregate text);
\copy staging FROM pstdin WITH (FORMAT csv, HEADER true)
CREATE TABLE trade (
  reporter text NOT NULL, partner text NOT NULL, flow text NOT NULL, cmd_code text NOT NULL,
  year int NOT NULL, month int NOT NULL, cents bigint NOT NULL, net_wgt bigint);
INSERT INTO trade
SELECT reporterISO, partnerISO, flowCode, cmdCode, refYear::int, refMonth::int,
       (primaryValue::numeric * 100)::bigint, nullif(netWgt, '')::bigint
FROM staging WHERE freqCode = 'A';
DROP TABLE staging;
ALTER TABLE trade ADD PRIMARY KEY (reporter, partner, flow, cmd_code, year, month);
VACUUM ANALYZE trade;
EOF
log "loading $CSV"
t0=$(now)
pg_run "${PSQL[@]}" -f "$WORK/load.sql" <"$CSV"
t1=$(now)
read -r ROWS BYTES < <("${PSQL[@]}" -At -F' ' -c "SELECT count(*), pg_total_relation_size('trade') FROM trade")
SECONDS_LOAD=$(python3 -c "print(round($t1 - $t0, 3))")
echo "{\"tool\":\"postgresql\",\"question\":\"load\",\"rows\":$ROWS,\"seconds\":$SECONDS_LOAD,\"db_bytes\":$BYTES}"
log "loaded $ROWS rows in $SECONDS_LOAD s, $BYTES bytes"

# --- answers (psql), before the restart so that the cold runs stay cold ---
mapfile -t IDS < <(python3 "$HERE/pg_trade_helper.py" scripts "$QUESTIONS" "$WORK")
DEFINES=()
while read -r d; do DEFINES+=(-D "$d"); done <"$WORK/defines"
for id in "${IDS[@]}"; do
  pg_run "${PSQL[@]}" -At -F'|' -f "$WORK/$id.answer.sql" >"$WORK/$id.answer.txt"
done

bench() { # ID TAG pgbench-args...: one pgbench run of question ID; stdout to WORK/ID.TAG.out
  local id=$1 tag=$2; shift 2
  pg_run "${PGBENCH[@]}" -n -M prepared -c 1 -j 1 "${DEFINES[@]}" -f "$WORK/$id.bench.sql" \
    "$@" postgres >"$WORK/$id.$tag.out" 2>"$WORK/$id.$tag.err" || {
    cat "$WORK/$id.$tag.err" >&2; return 1; }
}

# --- cold: one restart, then each question's first run ---
pg_restart_cold
log "restarted (OS page cache $PG_OS_CACHE)"
for id in "${IDS[@]}"; do
  bench "$id" cold -t 1 --log --log-prefix="$WORK/log.$id.cold"
done

# --- warm ---
for id in "${IDS[@]}"; do
  bench "$id" warmup -t 2
  mean=$(awk '/^latency average/ {print $4}' "$WORK/$id.warmup.out")
  runs=$(python3 -c "print(max(1, min($RUNS, int($MAX_SECONDS * 1000 / max($mean, 0.001)))))")
  bench "$id" warm -t "$runs" --log --log-prefix="$WORK/log.$id.warm"
  python3 "$HERE/pg_trade_helper.py" report "$QUESTIONS" "$id" "$WORK" "$PG_OS_CACHE"
  log "$id: warm-up mean $mean ms, $runs warm runs"
done
