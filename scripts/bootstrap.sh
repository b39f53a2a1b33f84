#!/usr/bin/env bash
# Installs what summit needs to build and test on Debian 12, and nothing that
# is already present: the apt packages below and the Buf CLI pinned in
# tools/package-lock.json. Safe to run repeatedly; a no-op when all is there.
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Build and test dependencies, all from Debian 12.
readonly kAptPackages=(
  cmake ninja-build g++ pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler grpc-proto
  librocksdb-dev rocksdb-tools libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev
  libicu-dev libcsv-dev libspdlog-dev libssl-dev openssl iso-codes
  clang-14 libclang-rt-14-dev
)

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
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Buf, pinned by tools/package-lock.json; `npm ci` only when the pinned
# version is not already installed.
tools_dir="${root_dir}/tools"
buf_bin="${tools_dir}/node_modules/.bin/buf"
want="$(node -p "require('${tools_dir}/package-lock.json').packages['node_modules/@bufbuild/buf'].version")"
if [[ ! -x "${buf_bin}" ]] || [[ "$("${buf_bin}" --version 2>/dev/null)" != "${want}" ]]; then
  echo "bootstrap: installing @bufbuild/buf ${want} from npm" >&2
  (cd "${tools_dir}" && npm ci --no-audit --no-fund --loglevel=error)
fi
