#!/usr/bin/env bash
# Installs what summit needs to build and test on Debian 12, and nothing that
# is already present: the apt packages below and the npm tools pinned in
# tools/package-lock.json. Safe to run repeatedly; a no-op when all is there.
# With --build-only, just what building the binaries without tests and
# benchmarks needs (deploy/Dockerfile's builder stage uses it).
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

build_only=false
case "${1:-}" in
  "") ;;
  --build-only) build_only=true ;;
  *) echo "usage: $0 [--build-only]" >&2; exit 2 ;;
esac

# Build dependencies, all from Debian 12. libgeonames-dev and wamerican are
# read while building only: the binaries carry GeoNames' cities and the
# word marks (reference/CMakeLists.txt) and need neither at run time.
readonly kBuildPackages=(
  cmake ninja-build g++ pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  librocksdb-dev libabsl-dev libicu-dev libcsv-dev libspdlog-dev libssl-dev iso-codes
  prometheus-cpp-dev
  libgeonames-dev wamerican
)
# Tests, benchmarks and fuzzing, also from Debian 12: h2load and nghttp
# (nghttp2-client), PostgreSQL 15 with pgbench and runuser (util-linux) are
# the load generator and a peer of bench/run_all.sh, whose smoke run is a
# test.
readonly kTestPackages=(
  rocksdb-tools libgtest-dev libgmock-dev libbenchmark-dev openssl
  python3-grpcio python3-protobuf
  clang-14 libclang-rt-14-dev clang-tidy-14
  nghttp2-client postgresql-15 postgresql-client-15 util-linux
)
kAptPackages=("${kBuildPackages[@]}")
"${build_only}" || kAptPackages+=("${kTestPackages[@]}")

missing=()
for pkg in "${kAptPackages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null | grep -q '^ii'; then
    missing+=("$pkg")
  fi
done

# Run apt as root directly, or through sudo otherwise.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# Node.js may come from another apt source whose nodejs bundles npm (and
# conflicts with Debian's npm): ask for Debian's only when the commands are absent.
if ! "${build_only}"; then
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi

if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if "${build_only}"; then exit 0; fi

# npm packages pinned by package-lock.json files: tools/ (the Buf CLI;
# kubernetes-models and yaml, which validate deploy/k8s) and bench/peers/
# (DuckDB, a benchmark peer). `npm ci` only when node_modules was not
# installed from this very lock file.
for npm_dir in "${root_dir}/tools" "${root_dir}/bench/peers"; do
  stamp="${npm_dir}/node_modules/.installed-lock.sha256"
  lock_sum="$(sha256sum <"${npm_dir}/package-lock.json" | cut -d' ' -f1)"
  if [[ "$(cat "${stamp}" 2>/dev/null)" != "${lock_sum}" ]]; then
    echo "bootstrap: installing ${npm_dir}/package-lock.json's packages from npm" >&2
    (cd "${npm_dir}" && npm ci --no-audit --no-fund --loglevel=error)
    echo "${lock_sum}" >"${stamp}"
  fi
done
