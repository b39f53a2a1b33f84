#!/usr/bin/env bash
# Measures summit_query's reads with h2load against the ceiling of
# grpc.health.v1.Health/Check, which the same binary serves in the same run
# without touching the database: the point reads (GetSummit, GetParticipant),
# a page of 10 summits in the default BASIC view (ListSummits) and China's
# trade with Canada (GetTradeStatistics, TOTAL over all years). The methods
# run interleaved in rounds, after a warm-up, with 8 connections x 32
# concurrent streams. Prints requests/s, p50/p90/p99 latency and each read's
# ratio to the ceiling.
#
# By default the services run on a fresh database holding the sample data.
# With SUMMIT_QUERY_ADDR=host:port it measures that running summit_query
# instead, which must hold the samples (bench/run_all.sh starts one holding
# them and a Comtrade-sized trade set). With SUMMIT_BENCH_TABLE=FILE it also
# appends tab-separated rows (measure, summit, anchor, ratio) to FILE.
#
# Usage: bench/run_query_bench.sh [REQUESTS]   (per method, default 200000)
# Env: SUMMIT_BUILD_DIR (default build/default). Needs h2load and nghttp
# (Debian's nghttp2-client), protoc and python3.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly kSummit=summits/2026-04-08-beijing-chn-nzl
readonly kParticipant=participants/xi-jinping
readonly kRounds=3
readonly kMethods=(grpc.health.v1.Health/Check summit.v1.QueryService/GetSummit
  summit.v1.QueryService/GetParticipant summit.v1.QueryService/ListSummits
  summit.v1.QueryService/GetTradeStatistics)
requests="${1:-200000}"
bin="${SUMMIT_BUILD_DIR:-build/default}"
load=(-c 8 -m 32 -t 2)
headers=(-H 'content-type: application/grpc' -H 'te: trailers')
if ! [[ "${requests}" =~ ^[0-9]+$ ]] || ((requests < kRounds * 256 * 10)); then
  echo "REQUESTS must be a number >= $((kRounds * 256 * 10))" >&2
  exit 2
fi

# Waits up to a minute for a binary (it may be being rebuilt).
need() {
  for _ in $(seq 1 120); do [[ -x "$1" ]] && return 0; sleep 0.5; done
  echo "missing $1; build it first" >&2 && return 1
}

# shellcheck source=start_service.sh
source bench/start_service.sh

# Writes NAME.body, a gRPC-framed message: flag 0, 4-byte big-endian length,
# then TYPE encoded from TEXT (protobuf text format).
frame() {
  local name="$1" type="$2" file="$3" text="$4"
  protoc --encode="${type}" -I proto -I /usr/share/grpc-proto "${file}" <<<"${text}" |
    python3 -c 'import struct, sys; m = sys.stdin.buffer.read()
sys.stdout.buffer.write(b"\0" + struct.pack(">I", len(m)) + m)' >"${work}/${name}.body"
}

# Sends the body once with nghttp, which shows trailers (h2load does not),
# and fails unless grpc-status is 0. Retries while the follower catches up.
check() {
  local method="$1" out
  for _ in $(seq 1 30); do
    out="$(nghttp -n -v "${headers[@]}" -d "${work}/${method##*/}.body" \
      "http://127.0.0.1:${port}/${method}" 2>&1 || true)"
    grep -aq 'grpc-status: 0$' <<<"${out}" && return 0
    sleep 0.2
  done
  echo "${method} does not answer OK:" >&2
  grep -a 'recv.*: ' <<<"${out}" >&2
  return 1
}

# Runs h2load; appends "method requests req/s" to results and the latencies
# to METHOD.lat. h2load counts any HTTP 200 as success, so every response
# must also carry at least a framed message (a failed call has no data).
run() {
  local method="$1" n="$2" name="${1##*/}" out data
  rm -f "${work}/run.log"  # h2load appends to its log file
  out="$(h2load "${load[@]}" "${headers[@]}" -n "${n}" --log-file="${work}/run.log" \
    -d "${work}/${name}.body" "http://127.0.0.1:${port}/${method}")"
  data="$(sed -n 's/^traffic:.*(\([0-9]*\)) data$/\1/p' <<<"${out}")"
  if ! grep -q "^requests: ${n} total, ${n} started, ${n} done, ${n} succeeded" <<<"${out}" ||
    ((${data:-0} < 5 * n)); then
    echo "h2load run of ${method} had failures:" >&2
    echo "${out}" >&2
    return 1
  fi
  [[ "$3" == warmup ]] && return 0
  echo "${method} ${n} $(sed -n 's/^finished in .*, \([0-9.]*\) req\/s.*/\1/p' <<<"${out}")" \
    >>"${work}/results"
  cut -f3 "${work}/run.log" >>"${work}/${name}.lat"
}

report() {
  python3 - "${work}" "${SUMMIT_BENCH_TABLE:-}" "${kMethods[@]}" <<'PY'
import sys
work, table, methods = sys.argv[1], sys.argv[2], sys.argv[3:]
runs = [l.split() for l in open(f"{work}/results")]
rows = []
print(f"{'RPC':<42}{'req/s':>10}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'ratio':>8}")
for i, m in enumerate(methods):
    mine = [(int(n), float(r)) for name, n, r in runs if name == m]
    rps = sum(n for n, _ in mine) / sum(n / r for n, r in mine)
    lat = sorted(int(x) for x in open(f"{work}/{m.split('/')[-1]}.lat"))
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] / 1000
    ceiling = rps if i == 0 else ceiling
    ratio = "ceiling" if i == 0 else f"{rps / ceiling:.2f}"
    print(f"{m:<42}{rps:>10.0f}{p(.5):>9.2f}{p(.9):>9.2f}{p(.99):>9.2f}{ratio:>8}")
    if i > 0:
        rows.append(f"{m.split('/')[-1]} req/s, vs Health/Check\t{rps:.0f}\t{ceiling:.0f}\t{ratio}\n")
if table:
    open(table, "a").writelines(rows)
PY
}

for b in ingest_service/summit_ingest query_service/summit_query tools/summitctl; do
  need "${bin}/${b}"
done
if [[ -n "${SUMMIT_QUERY_ADDR:-}" ]]; then
  port="${SUMMIT_QUERY_ADDR##*:}"
else
  start ingest "${bin}/ingest_service/summit_ingest" --db_path="${work}/db"
  "${bin}/tools/summitctl" load-articles --ingest_addr="127.0.0.1:${port}" samples/reports >/dev/null
  "${bin}/tools/summitctl" load-trade --ingest_addr="127.0.0.1:${port}" \
    samples/trade/china_canada_sample.csv >/dev/null
  start query "${bin}/query_service/summit_query" --db_path="${work}/db" \
    --secondary_path="${work}/secondary"
fi

frame Check grpc.health.v1.HealthCheckRequest grpc/health/v1/health.proto ''
frame GetSummit summit.v1.GetSummitRequest summit/v1/query_service.proto "name: \"${kSummit}\""
frame GetParticipant summit.v1.GetParticipantRequest summit/v1/query_service.proto \
  "name: \"${kParticipant}\""
frame ListSummits summit.v1.ListSummitsRequest summit/v1/query_service.proto 'page_size: 10'
frame GetTradeStatistics summit.v1.GetTradeStatisticsRequest summit/v1/query_service.proto \
  'reporter_code: "CHN" partner_code: "CAN"'
for m in "${kMethods[@]}"; do check "${m}"; done

echo "summit_query: $(realpath "${bin}/query_service/summit_query")" \
  "(built $(date -r "${bin}/query_service/summit_query" '+%F %T'))"
echo "h2load: ${load[*]}; ${requests} requests per method in ${kRounds}" \
  "interleaved rounds after a warm-up of $((requests / 10)); reads of ${kSummit}," \
  "${kParticipant}, a ListSummits page of 10, GetTradeStatistics CHN-CAN"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for m in "${kMethods[@]}"; do run "${m}" "$((requests / 10))" warmup; done
for ((r = 0; r < kRounds; r++)); do
  n=$((requests / kRounds + (r == kRounds - 1 ? requests % kRounds : 0)))
  for ((i = 0; i < ${#kMethods[@]}; i++)); do  # rotate the order each round
    run "${kMethods[(i + r) % ${#kMethods[@]}]}" "${n}" measured
  done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
report
