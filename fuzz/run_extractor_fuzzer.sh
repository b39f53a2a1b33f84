#!/usr/bin/env bash
# Builds the extractor's libFuzzer target with clang (the "fuzz" preset) and
# runs it for a bounded time from the sample reports. Exit 0 only when it
# ran the whole time without a crash or a sanitizer report.
# Usage: fuzz/run_extractor_fuzzer.sh [SECONDS]   (default 30)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-30}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target extractor_fuzzer
corpus="$(mktemp -d)"
trap 'rm -rf "${corpus}"' EXIT
cp samples/reports/*.txt "${corpus}/"
[[ -f ../shared/seeds/000_331c6ec46661bd9f.txt ]] && cp ../shared/seeds/*.txt "${corpus}/"
build/fuzz/fuzz/extractor_fuzzer -max_total_time="${seconds}" -max_len=8192 \
  -rss_limit_mb=2048 -print_final_stats=1 "${corpus}"
