#!/usr/bin/env bash
# The container test (ctest label "container"): builds both images of
# deploy/Dockerfile, runs deploy/compose.yaml under a project of its own, and
# checks the pair as an operator would use it: health, loads through the
# published ingest port with the token, answers through the published query
# port (buf curl), non-root users, read-only roots, data surviving an ingest
# restart, a clean SIGTERM as PID 1 (Kubernetes runs no init), and
# `compose down -v` leaving nothing behind. Everything it creates is removed,
# on failure too; the build cache stays.
#
# Usage: tests/deploy/container_test.sh SUMMITCTL BUF
#        tests/deploy/container_test.sh --probe   (prints the engine; exit 77 when none)
# Engine: podman with podman-compose, else docker with `docker compose`
# (SUMMIT_CONTAINER_ENGINE=podman|docker picks one). Exit 77 (ctest: skipped)
# when there is none, unless SUMMIT_REQUIRE_CONTAINERS=1, which makes it a failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

# ---- the engine
engine_works() {
  case "$1" in
    podman) command -v podman >/dev/null && command -v podman-compose >/dev/null &&
      podman info >/dev/null 2>&1 ;;
    docker) command -v docker >/dev/null && docker info >/dev/null 2>&1 &&
      docker compose version >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}
engine=""
for candidate in ${SUMMIT_CONTAINER_ENGINE:-podman docker}; do
  if engine_works "${candidate}"; then engine="${candidate}"; break; fi
done
if [[ -z "${engine}" ]]; then
  echo "container test: no container engine (podman + podman-compose, or docker + docker compose)" >&2
  [[ "${SUMMIT_REQUIRE_CONTAINERS:-0}" == 1 ]] && exit 1
  exit 77
fi
if [[ "${1:-}" == --probe ]]; then echo "${engine}"; exit 0; fi
if (($# != 2)); then echo "usage: $0 SUMMITCTL BUF | --probe" >&2; exit 2; fi
summitctl="$1"
buf="$2"
if [[ "${engine}" == podman ]]; then compose=(podman-compose); else compose=(docker compose); fi

project="summit-ctest-$$"
ingest_image="localhost/summit-ingest:${project}"
query_image="localhost/summit-query:${project}"
work="$(mktemp -d)"
label="com.docker.compose.project=${project}"
started=$(date +%s)

log() { echo "[container test +$(($(date +%s) - started))s] $*" >&2; }
fail() {
  echo "container test FAILED: $*" >&2
  exit 1
}
# A free TCP port on 127.0.0.1 (the kernel's pick).
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
ingest_port="$(free_port)"
query_port="$(free_port)"
while [[ "${query_port}" == "${ingest_port}" ]]; do query_port="$(free_port)"; done

export SUMMIT_TOKEN_FILE="${work}/ingest_token"
export SUMMIT_INGEST_PORT="${ingest_port}" SUMMIT_QUERY_PORT="${query_port}"
export SUMMIT_INGEST_IMAGE="${ingest_image}" SUMMIT_QUERY_IMAGE="${query_image}"
compose() { "${compose[@]}" -p "${project}" -f deploy/compose.yaml "$@"; }

# Containers, volumes and networks of the project, one name per line.
leftovers() {
  "${engine}" ps -a --filter "label=${label}" --format '{{.Names}}'
  "${engine}" volume ls --filter "label=${label}" --format '{{.Name}}'
  "${engine}" network ls --filter "label=${label}" --format '{{.Name}}'
}
cleanup() {
  local rc=$?
  trap - EXIT
  if ((rc != 0)) && [[ -n "$("${engine}" ps -a --filter "label=${label}" -q 2>/dev/null)" ]]; then
    for c in $("${engine}" ps -a --filter "label=${label}" --format '{{.Names}}'); do
      echo "---- logs of ${c}" >&2
      "${engine}" logs --tail 50 "${c}" >&2 || true
    done
  fi
  compose down -t 15 -v >/dev/null 2>&1 || true
  "${engine}" rm -f -v "${project}-pid1" >/dev/null 2>&1 || true
  # podman-compose 1.0 leaves the project's network behind.
  for n in $("${engine}" network ls --filter "label=${label}" --format '{{.Name}}' 2>/dev/null); do
    "${engine}" network rm "${n}" >/dev/null 2>&1 || true
  done
  "${engine}" rmi "${ingest_image}" "${query_image}" >/dev/null 2>&1 || true
  rm -rf "${work}"
  exit "${rc}"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# ---- build (nice: the build is long and the machine is shared)
for target in ingest query; do
  image_var="${target}_image"
  log "building --target ${target} with ${engine}"
  t0=$(date +%s)
  nice -n 19 "${engine}" build -q -f deploy/Dockerfile --target "${target}" \
    -t "${!image_var}" . >/dev/null
  size="$("${engine}" image inspect --format '{{.Size}}' "${!image_var}")"
  log "built ${!image_var}: $((size / 1000000)) MB in $(($(date +%s) - t0))s"
done

# ---- up, with a fresh token readable by the images' uid
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"${SUMMIT_TOKEN_FILE}"
chmod 0444 "${SUMMIT_TOKEN_FILE}"
log "compose up (project ${project}, ingest 127.0.0.1:${ingest_port}, query 127.0.0.1:${query_port})"
compose up -d --no-build >"${work}/up.log" 2>&1 || { cat "${work}/up.log" >&2; fail "compose up"; }

container_of() {
  "${engine}" ps -a --filter "label=${label}" \
    --filter "label=com.docker.compose.service=$1" --format '{{.Names}}' | head -1
}
ingest_ctr="$(container_of ingest)"
query_ctr="$(container_of query)"
[[ -n "${ingest_ctr}" && -n "${query_ctr}" ]] || fail "compose up did not create both containers"

# Waits until ADDR answers SERVING, through the host's summitctl.
wait_serving() {
  local addr="$1"
  for _ in $(seq 1 120); do
    "${summitctl}" health --addr="${addr}" --timeout=1s >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  fail "${addr} not SERVING within 60s"
}
# The compose healthcheck itself (summitctl inside the image) passes.
healthcheck_passes() {
  if [[ "${engine}" == podman ]]; then
    podman healthcheck run "$1" >/dev/null
  else
    for _ in $(seq 1 60); do
      [[ "$(docker inspect --format '{{.State.Health.Status}}' "$1")" == healthy ]] && return 0
      sleep 1
    done
    return 1
  fi
}
wait_serving "127.0.0.1:${ingest_port}"
wait_serving "127.0.0.1:${query_port}"
healthcheck_passes "${ingest_ctr}" || fail "healthcheck of ${ingest_ctr}"
healthcheck_passes "${query_ctr}" || fail "healthcheck of ${query_ctr}"
log "both services SERVING; compose healthchecks pass"

# ---- users and filesystems
for ctr in "${ingest_ctr}" "${query_ctr}"; do
  uid="$("${engine}" exec "${ctr}" id -u)"
  [[ "${uid}" =~ ^[1-9][0-9]*$ ]] || fail "${ctr} runs as uid ${uid}"
  "${engine}" exec "${ctr}" cat /proc/mounts | grep -Eq '^[^ ]+ / [^ ]+ ro[ ,]' ||
    fail "${ctr}: root filesystem not read-only"
  log "${ctr}: uid ${uid}, read-only root"
done
"${engine}" exec "${query_ctr}" touch /var/lib/summit/db/x 2>/dev/null &&
  fail "${query_ctr}: the shared volume is writable by the query service"

# ---- loads through the published ingest port: without the token refused, with it accepted
ingest="127.0.0.1:${ingest_port}"
query="127.0.0.1:${query_port}"
if env -u SUMMIT_TOKEN "${summitctl}" load-trade --ingest_addr="${ingest}" \
  samples/trade/china_canada_sample.csv >"${work}/noauth.log" 2>&1; then
  fail "a load without the token was accepted"
fi
grep -q 'code 16' "${work}/noauth.log" || # UNAUTHENTICATED
  fail "not UNAUTHENTICATED without the token: $(cat "${work}/noauth.log")"
"${summitctl}" load-articles --ingest_addr="${ingest}" --token_file="${SUMMIT_TOKEN_FILE}" \
  samples/reports >"${work}/articles.log" 2>&1 || { cat "${work}/articles.log" >&2; fail "load-articles"; }
"${summitctl}" load-trade --ingest_addr="${ingest}" --token_file="${SUMMIT_TOKEN_FILE}" \
  samples/trade/china_canada_sample.csv >"${work}/trade.log" 2>&1 || { cat "${work}/trade.log" >&2; fail "load-trade"; }
grep -Eq '[1-9][0-9]* created.* 0 failed' "${work}/articles.log" || fail "load-articles: $(tail -1 "${work}/articles.log")"
grep -q '308 accepted, 0 rejected' "${work}/trade.log" || fail "load-trade: $(tail -1 "${work}/trade.log")"
log "loaded: $(tail -1 "${work}/articles.log"); $(tail -1 "${work}/trade.log")"

# ---- answers through the published query port
curl_query() {
  timeout 20 "${buf}" curl --protocol grpc --http2-prior-knowledge --connect-timeout 5 \
    -d "$2" "http://${query}/summit.v1.QueryService/$1" 2>&1
}
# Retries until the answer to METHOD BODY contains every PATTERN (the
# secondary catches up every 100ms).
expect_answer() {
  local method="$1" body="$2" out=""
  shift 2
  for _ in $(seq 1 40); do
    out="$(curl_query "${method}" "${body}")" || true
    local all=1
    for pattern in "$@"; do grep -q -- "${pattern}" <<<"${out}" || all=0; done
    ((all)) && return 0
    sleep 0.25
  done
  fail "${method} ${body}: expected $*; got: ${out:0:600}"
}
check_loaded_data() {
  expect_answer GetSummit '{"name":"summits/2026-04-08-beijing-chn-nzl"}' \
    '"displayName": "Xi Jinping"' '"displayName": "Christopher Luxon"' '"city": "Beijing"'
  expect_answer GetParticipant '{"name":"participants/christopher-luxon"}' \
    '"countryCode": "NZL"' '"summitCount": 1'
  # The CSV's 2019 exports of HS chapter 27: 405,438,166.84 USD.
  expect_answer GetTradeStatistics \
    '{"reporter_code":"CHN","partner_code":"CAN","directions":["TRADE_FLOW_DIRECTION_EXPORT"],"commodity_codes":["27"],"start_year":2019,"end_year":2019}' \
    '"year": 2019' '"valueUsdCents": "40543816684"'
  # Every row stored: fsck, run inside the query container beside the live
  # services (it reads through a temporary secondary in /tmp).
  local fsck
  fsck="$("${engine}" exec "${query_ctr}" summitctl fsck --db=/var/lib/summit/db)" ||
    fail "fsck in ${query_ctr}: ${fsck}"
  grep -Eq '[1-9][0-9]* summits, .* 308 trade rows, .* 0 problems' <<<"${fsck}" || fail "fsck: ${fsck}"
  log "answers: GetSummit, GetParticipant, GetTradeStatistics; ${fsck}"
}
check_loaded_data

# ---- an online backup through the ingest container's AdminService, into
# the image's --backup_dir on the volume, verified there
backup="$("${engine}" exec "${ingest_ctr}" summitctl backup --ingest_addr=127.0.0.1:50051 \
  --token_file=/run/secrets/ingest_token 2>&1)" || fail "backup in ${ingest_ctr}: ${backup}"
verify="$("${engine}" exec "${ingest_ctr}" summitctl backup --verify \
  --to=/var/lib/summit/backups 2>&1)" || fail "backup --verify in ${ingest_ctr}: ${verify}"
grep -q '1 backups, every file present with its checksum' <<<"${verify}" ||
  fail "backup --verify: ${verify}"
log "online backup: ${backup}"

# ---- the ingest restarts: its data survives (fsck reads the volume afresh)
# and the query service keeps following it
log "restarting ${ingest_ctr}"
"${engine}" restart -t 15 "${ingest_ctr}" >"${work}/restart.log" 2>&1 ||
  { cat "${work}/restart.log" >&2; fail "restart ${ingest_ctr}"; }
wait_serving "${ingest}"
check_loaded_data
echo "authorization: Bearer $(cat "${SUMMIT_TOKEN_FILE}")" >"${work}/auth_header"
timeout 20 "${buf}" curl --protocol grpc --http2-prior-knowledge --connect-timeout 5 \
  -H @"${work}/auth_header" \
  -d '{"summit":{"name":"summits/2025-06-16-kananaskis-can-jpn","date":{"year":2025,"month":6,"day":16},"participants":[{"participant":"participants/mark-carney","countryCode":"CAN"},{"participant":"participants/shigeru-ishiba","countryCode":"JPN"}]}}' \
  "http://${ingest}/summit.v1.IngestService/UpsertSummit" >"${work}/upsert.log" 2>&1 ||
  { cat "${work}/upsert.log" >&2; fail "UpsertSummit after the restart"; }
expect_answer GetSummit '{"name":"summits/2025-06-16-kananaskis-can-jpn"}' \
  'participants/mark-carney' 'participants/shigeru-ishiba'
log "data survived the restart; a write after it reached the query service"
# A restarted query service rebuilds its secondary from the volume.
"${engine}" restart -t 15 "${query_ctr}" >"${work}/restart.log" 2>&1 ||
  { cat "${work}/restart.log" >&2; fail "restart ${query_ctr}"; }
wait_serving "${query}"
check_loaded_data
expect_answer GetSummit '{"name":"summits/2025-06-16-kananaskis-can-jpn"}' 'participants/mark-carney'
log "the restarted query service answers from the volume"

# ---- SIGTERM to each binary as PID 1, no init (as in Kubernetes), read-only
# root, a fresh anonymous volume
for target in ingest query; do
  image_var="${target}_image"
  name="${project}-pid1"
  "${engine}" run -d --name "${name}" --read-only --tmpfs /tmp \
    -v "${SUMMIT_TOKEN_FILE}:/run/secrets/ingest_token:ro" "${!image_var}" >/dev/null
  for _ in $(seq 1 40); do
    [[ "$("${engine}" exec "${name}" cat /proc/1/comm 2>/dev/null)" == "summit_${target}" ]] && break
    sleep 0.25
  done
  sleep 1 # past its signal setup
  t0=$(date +%s)
  "${engine}" stop -t 30 "${name}" >/dev/null
  code="$("${engine}" inspect --format '{{.State.ExitCode}}' "${name}")"
  elapsed=$(($(date +%s) - t0))
  if ((code != 0 || elapsed >= 12)); then
    "${engine}" logs "${name}" >&2 || true
    fail "summit_${target} as PID 1: exit ${code} after ${elapsed}s on SIGTERM"
  fi
  "${engine}" rm -v "${name}" >/dev/null # -v: its anonymous /var/lib/summit
  log "summit_${target} as PID 1 exits 0 on SIGTERM in ${elapsed}s"
done

# ---- down -v leaves nothing
t0=$(date +%s)
compose down -t 15 -v >"${work}/down.log" 2>&1 || { cat "${work}/down.log" >&2; fail "compose down"; }
log "compose down -v took $(($(date +%s) - t0))s"
for n in $("${engine}" network ls --filter "label=${label}" --format '{{.Name}}'); do
  "${engine}" network rm "${n}" >/dev/null # podman-compose 1.0 keeps it
done
left="$(leftovers)"
[[ -z "${left}" ]] || fail "left after down -v: ${left}"
log "PASSED"
