#!/usr/bin/env bash
# Builds summit, starts summit_ingest (127.0.0.1:50051) and summit_query
# (127.0.0.1:50052) on the database ./data, prints example calls, and runs
# until Ctrl-C, which stops both services cleanly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"

readonly kIngestAddr=127.0.0.1:50051
readonly kQueryAddr=127.0.0.1:50052

./scripts/bootstrap.sh
cmake --preset default >/dev/null
cmake --build --preset default
bin="${root}/build/default"
summitctl="${bin}/tools/summitctl"
buf="${root}/tools/node_modules/.bin/buf"

mkdir -p .run
pids=()
stop() {
  trap - INT TERM EXIT
  echo "stopping services..." >&2
  # Query first: it follows the ingest service's database.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    wait "${pids[i]}" 2>/dev/null || true
  done
  echo "stopped" >&2
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

# Starts a service in the background and waits until it reports SERVING.
start() {
  local name="$1" addr="$2"
  shift 2
  "$@" >".run/${name}.log" 2>&1 &
  pids+=("$!")
  for _ in $(seq 1 100); do
    if "${summitctl}" health --addr="${addr}" --timeout=1s >/dev/null 2>&1; then
      echo "${name} serving on ${addr} (log: .run/${name}.log)" >&2
      return 0
    fi
    if ! kill -0 "${pids[-1]}" 2>/dev/null; then
      echo "${name} exited; its log follows:" >&2
      cat ".run/${name}.log" >&2
      return 1
    fi
    sleep 0.1
  done
  echo "${name} did not become healthy within 10 s; see .run/${name}.log" >&2
  return 1
}

start ingest "${kIngestAddr}" "${bin}/ingest_service/summit_ingest" \
  --listen="${kIngestAddr}" --db_path=./data
start query "${kQueryAddr}" "${bin}/query_service/summit_query" \
  --listen="${kQueryAddr}" --db_path=./data --secondary_path=./.run/query-secondary

# The sample data shipped in the repo: written reports and made-up trade;
# and the seed report of the 2026-01-17 Beijing meeting when ../shared
# (beside the clone) has it.
"${summitctl}" load-articles --ingest_addr="${kIngestAddr}" samples/reports
readonly kSeed=../shared/seeds/000_331c6ec46661bd9f.txt
if [[ -f "${kSeed}" ]]; then
  "${summitctl}" load-articles --ingest_addr="${kIngestAddr}" "${kSeed}"
fi
"${summitctl}" load-trade --ingest_addr="${kIngestAddr}" samples/trade/china_canada_sample.csv

q="http://${kQueryAddr}/summit.v1.QueryService"
cat <<MSG

summit is running. Try, in another terminal (buf is the project's pinned copy;
grpcurl takes the same calls as 'grpcurl -plaintext ADDR METHOD'):

  # services and methods, through server reflection
  ${buf} curl --protocol grpc --http2-prior-knowledge --list-methods http://${kQueryAddr}

  # who took part in the 2026-01-17 Beijing summit? (the seed report)
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"summit":"summits/2026-01-17-beijing-can-chn"}' ${q}/ListParticipants

  # which summits touched energy? (pages of 5; pass nextPageToken as pageToken)
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"sector":"sectors/energy","pageSize":5}' ${q}/ListSummits

  # China-Canada trade 2020-2025: yearly series, balance, growth, stated amounts
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"reporterCode":"CHN","partnerCode":"CAN","startYear":2020,"endYear":2025}' \\
    ${q}/GetTradeStatistics

  # the China-Canada overview: timeline, agreements by sector, sector trade
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"countryCodes":["CHN","CAN"]}' ${q}/GetBilateralOverview

  # a summit, a participant and a sector
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"name":"summits/2026-04-08-beijing-chn-nzl"}' ${q}/GetSummit
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"name":"participants/xi-jinping"}' ${q}/GetParticipant
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"name":"sectors/energy"}' ${q}/GetSector

  # health of the query service
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    http://${kQueryAddr}/grpc.health.v1.Health/Check

  # health of the ingest service, through summitctl
  ${summitctl} health --addr=${kIngestAddr}

  # what the extractor makes of a report (nothing is written)
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"article":{"text":"Chinese President Xi Jinping met Canadian Prime Minister Mark Carney in Beijing on January 17, 2026."}}' \\
    http://${kIngestAddr}/summit.v1.IngestService/ExtractArticle

  # store a curated record, then check the database
  ${buf} curl --protocol grpc --http2-prior-knowledge \\
    -d '{"summit":{"name":"summits/2025-06-16-kananaskis-can-jpn","date":{"year":2025,"month":6,"day":16},"participants":[{"participant":"participants/mark-carney","countryCode":"CAN"},{"participant":"participants/shigeru-ishiba","countryCode":"JPN"}]}}' \\
    http://${kIngestAddr}/summit.v1.IngestService/UpsertSummit
  ${summitctl} fsck --db=./data

Press Ctrl-C to stop both services.
MSG

wait -n "${pids[@]}" || true
echo "a service exited on its own; see .run/*.log" >&2
