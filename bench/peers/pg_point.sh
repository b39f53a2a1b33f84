#!/usr/bin/env bash
# PostgreSQL 15 peer of summit's GetSummit RPC (measured with h2load, 8 connections x 32
# streams): a primary-key point lookup of one ~5 KB record, driven by pgbench over a unix
# socket, in a private throwaway cluster (pg_cluster.sh).
#
#   bench/peers/pg_point.sh [--rows N (10000)] [--seconds S (10)] [--clients C (8)]
#
# Table summits(id text primary key, record bytea) with N rows 'summit-1'..'summit-N' of
# 5,120 random bytes each (md5 digests, so incompressible: stored out of line in TOAST),
# VACUUM ANALYZE, then pgbench -n -M prepared -c C -j 2 -T S with one SELECT of a random
# id per transaction. p50/p99 come from the per-transaction --log of every client.
# stdout: one JSON line {"tool":"postgresql","question":"point_lookup","tps":..,"p50_ms":..,
# "p99_ms":..,"clients":C}; progress on stderr.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROWS=10000 SECONDS_RUN=10 CLIENTS=8
while [ $# -gt 0 ]; do
  case $1 in
    --rows) ROWS=$2; shift 2 ;;
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --clients) CLIENTS=$2; shift 2 ;;
    *) echo "usage: $0 [--rows N] [--seconds S] [--clients C]" >&2; exit 2 ;;
  esac
done
log() { echo "pg_point: $*" >&2; }

# shellcheck source=pg_cluster.sh
. "$HERE/pg_cluster.sh"
pg_cluster_start
WORK=$PG_TMP/work
mkdir -p "$WORK"

log "filling $ROWS rows"
pg_run "${PSQL[@]}" -v rows="$ROWS" <<'EOF'
CREATE TABLE summits (id text PRIMARY KEY, record bytea NOT NULL);
INSERT INTO summits
SELECT 'summit-' || i,
       (SELECT decode(string_agg(md5(i || ':' || j || ':' || random()), ''), 'hex')
        FROM generate_series(1, 320) AS j)  -- 320 x 16 bytes = 5,120 bytes
FROM generate_series(1, :rows) AS i;
VACUUM ANALYZE summits;
EOF

cat >"$WORK/select.sql" <<'EOF'
\set n random(1, :rows)
SELECT record FROM summits WHERE id = 'summit-' || :n;
EOF
log "pgbench: $CLIENTS clients, $SECONDS_RUN s"
pg_run "${PGBENCH[@]}" -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_RUN" -D rows="$ROWS" \
  -f "$WORK/select.sql" --log --log-prefix="$WORK/log" postgres >"$WORK/pgbench.out"
cat "$WORK/pgbench.out" >&2

python3 - "$WORK" "$CLIENTS" <<'EOF'
import glob, json, math, re, sys
work, clients = sys.argv[1], int(sys.argv[2])
tps = float(re.search(r"^tps = ([0-9.]+)", open(f"{work}/pgbench.out").read(), re.M).group(1))
lat = []
for name in glob.glob(f"{work}/log.*"):
    lat += [int(line.split()[2]) / 1000.0 for line in open(name) if line.strip()]
lat.sort()
pct = lambda p: round(lat[max(0, math.ceil(p * len(lat)) - 1)], 3)  # nearest rank
print(json.dumps({"tool": "postgresql", "question": "point_lookup", "tps": round(tps, 1),
                  "p50_ms": pct(0.5), "p99_ms": pct(0.99), "clients": clients},
                 separators=(",", ":")))
EOF
