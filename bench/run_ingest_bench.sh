#!/usr/bin/env bash
# Measures `summitctl load-trade` into a real summit_ingest (client and server
# on this machine) beside the storage layer's raw batched writes
# (trade_write_bench), in the same run. Goal: at least 100k rows/s.
# Usage: bench/run_ingest_bench.sh [ROWS]   (default 500000)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rows="${1:-500000}"

[[ -f build/default/build.ninja ]] || cmake --preset default >/dev/null
cmake --build --preset default --target summit_ingest summitctl trade_write_bench >/dev/null
work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "${server}" ]] && kill "${server}" 2>/dev/null && wait "${server}" 2>/dev/null
  rm -rf "${work}"
}
trap cleanup EXIT

# A Comtrade-shaped CSV of distinct rows: reporters x partners x flows x
# years x HS codes.
awk -v n="${rows}" 'BEGIN {
  split("CHN USA DEU JPN KOR FRA GBR ITA NLD CAN MEX IND BRA AUS ESP", c, " ");
  print "refYear,refMonth,reporterISO,partnerISO,flowCode,cmdCode,cmdDesc,primaryValue,netWgt,qty,qtyUnitAbbr";
  srand(7);
  for (i = 0; i < n; i++) {
    r = c[1 + i % 15]; p = c[1 + int(i / 15) % 15]; if (p == r) p = "W00";
    f = (int(i / 225) % 2) ? "M" : "X"; y = 1995 + int(i / 450) % 31;
    code = sprintf("%06d", 10000 + int(i / 13950) * 7 % 990000);
    printf "%d,52,%s,%s,%s,%s,Sample commodity %d,%.2f,%d,%d,kg\n", y, r, p, f, code, i, rand() * 1e9, rand() * 1e7, rand() * 1e7;
  }
}' > "${work}/trade.csv"

build/default/ingest_service/summit_ingest --listen=127.0.0.1:0 --port_file="${work}/port" \
  --db_path="${work}/db" > "${work}/ingest.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do [[ -s "${work}/port" ]] && break; sleep 0.1; done
port="$(cat "${work}/port")"

start=$(date +%s.%N)
build/default/tools/summitctl load-trade --ingest_addr="127.0.0.1:${port}" "${work}/trade.csv" | tail -1
end=$(date +%s.%N)
raw="$(TMPDIR="${work}" build/default/bench/trade_write_bench --rows="${rows}" \
  --benchmark_format=json | sed -n 's/.*"items_per_second": \([0-9.e+]*\).*/\1/p' | head -1)"
awk -v rows="${rows}" -v s="${start}" -v e="${end}" -v raw="${raw}" 'BEGIN {
  rate = rows / (e - s);
  printf "%-40s %12.0f rows/s\n", "summitctl load-trade -> summit_ingest", rate;
  printf "%-40s %12.0f rows/s\n", "TradeStore::PutFlows (storage, raw)", raw;
  printf "ratio %.2f; goal >= 100000 rows/s: %s\n", rate / raw, (rate >= 100000 ? "met" : "NOT met");
}'
