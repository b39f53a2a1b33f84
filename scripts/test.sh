#!/usr/bin/env bash
# Builds summit and runs the whole test suite. Exit code 0 only when every
# test passed. SUMMIT_PRESET picks the CMake preset (default, asan).
# The container test (ctest label "container") runs after the main suite
# when podman or docker is available, and is reported as skipped otherwise;
# SUMMIT_REQUIRE_CONTAINERS=1 makes a missing engine a failure (CI).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

./scripts/bootstrap.sh
preset="${SUMMIT_PRESET:-default}"
cmake --preset "${preset}" >/dev/null
cmake --build --preset "${preset}"
ctest --preset "${preset}"

probe=0
engine="$(tests/deploy/container_test.sh --probe)" || probe=$?
case "${probe}" in
  0)
    echo "test.sh: container test with ${engine}" >&2
    ctest --test-dir "build/${preset}" -L '^container$' --output-on-failure
    ;;
  77)
    echo "test.sh: container test SKIPPED: no container engine (podman + podman-compose," \
      "or docker + docker compose); as root, ../shared/containers/setup-podman.sh sets up podman" >&2
    ;;
  *) exit "${probe}" ;;
esac
