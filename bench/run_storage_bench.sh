#!/usr/bin/env bash
# Measures the trade bulk-load path (TradeStore::PutFlows, batches of 1000
# rows) against RocksDB's own db_bench fillrandom with the same batch size
# and 200-byte values, one after the other in the same run on the same disk,
# so that our figure reads as a fraction of what RocksDB does on this machine.
# Goal: PutFlows rows/s >= 0.5 x db_bench ops/s.
#
# Usage: bench/run_storage_bench.sh [--num=N]   (N rows/ops, default 1000000)
# Needs db_bench, from Debian's rocksdb-tools package.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly kBatchSize=1000
readonly kValueSize=200
readonly kGoalRatio=0.5
num=1000000

usage() { sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }
while (($#)); do
  case "$1" in
    --num=*) num="${1#--num=}" ;;
    --num) num="${2:?--num wants a value}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
if ! [[ "${num}" =~ ^[1-9][0-9]*$ ]] || ((num % kBatchSize)); then
  echo "--num must be a positive multiple of ${kBatchSize}" >&2
  exit 2
fi

if ! command -v db_bench >/dev/null; then
  echo "db_bench not found; install it with: apt-get install rocksdb-tools" >&2
  exit 1
fi

# Build trade_write_bench if needed (a no-op when up to date).
[[ -f build/default/build.ninja ]] || cmake --preset default >/dev/null
cmake --build --preset default --target trade_write_bench >/dev/null
readonly trade_bench=build/default/bench/trade_write_bench

work="$(mktemp -d "${TMPDIR:-/tmp}/run_storage_bench.XXXXXX")"
trap 'rm -rf "${work}"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# run_logged NAME COMMAND...: runs COMMAND with its output in ${work}/NAME.log,
# which is shown if it fails.
run_logged() {
  local name="$1" log="${work}/$1.log"
  shift
  echo "+ $*" >&2
  if ! "$@" >"${log}" 2>&1; then
    cat "${log}" >&2
    echo "${name} failed" >&2
    exit 1
  fi
}

# RocksDB's anchor: random keys (16 bytes), 200-byte values, WAL on, no sync.
run_logged db_bench db_bench --benchmarks=fillrandom --batch_size="${kBatchSize}" \
  --value_size="${kValueSize}" --num="${num}" --db="${work}/db_bench"
# "fillrandom   :  3.608 micros/op 277157 ops/sec 3.608 seconds ...; 57.1 MB/s"
db_line="$(grep -E '^fillrandom +:' "${work}/db_bench.log")" || {
  cat "${work}/db_bench.log" >&2
  echo "no fillrandom result in db_bench's output" >&2
  exit 1
}
db_ops="$(sed -E 's/.* ([0-9.]+) ops\/sec.*/\1/' <<<"${db_line}")"
db_mbs="$(sed -E 's/.*; +([0-9.]+) MB\/s.*/\1/' <<<"${db_line}")"

# Ours; its database goes under ${work} through TMPDIR.
TMPDIR="${work}" run_logged trade_write_bench "${trade_bench}" --rows="${num}" \
  --batch_rows="${kBatchSize}" --benchmark_format=json
json="${work}/trade_write_bench.log"
# The JSON reporter writes one "key": value per line.
counter() {
  sed -nE "s/^ *\"$1\": *([-+.0-9eE]+),?$/\1/p" "${json}" | head -n 1
}
our_rows="$(counter items_per_second)"
our_bytes_s="$(counter bytes_per_second)"
row_bytes="$(counter row_bytes)"
written_bytes="$(counter written_bytes_per_row)"
if [[ -z "${our_rows}" ]]; then
  cat "${json}" >&2
  echo "no result in trade_write_bench's output" >&2
  exit 1
fi

awk -v db_ops="${db_ops}" -v db_mbs="${db_mbs}" -v value_size="${kValueSize}" \
  -v rows="${our_rows}" -v bytes_s="${our_bytes_s}" -v row_bytes="${row_bytes}" \
  -v written="${written_bytes}" -v goal="${kGoalRatio}" -v num="${num}" '
BEGIN {
  ratio = rows / db_ops
  printf "%d ops/rows each, batches of 1000, WAL on, no sync\n", num
  printf "%-30s %12s %9s %14s\n", "", "ops|rows/s", "MB/s", "bytes/op|row"
  printf "%-30s %12.0f %9.1f %14s\n", "db_bench fillrandom", db_ops, db_mbs,
         sprintf("%d+16", value_size)
  printf "%-30s %12.0f %9.1f %14s\n", "TradeStore::PutFlows", rows,
         bytes_s / 1048576, sprintf("%.0f (%.0f)", written, row_bytes)
  printf "%-30s %12.2f %9.2f\n", "ratio PutFlows / db_bench", ratio,
         (bytes_s / 1048576) / db_mbs
  printf "goal >= %.1f: %s\n", goal, (ratio >= goal ? "met" : "NOT met")
  printf "(a row is one RocksDB entry; bytes/row are key + value written,\n"
  printf " in parentheses the serialized TradeFlow)\n"
}'
