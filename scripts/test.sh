#!/usr/bin/env bash
# Builds summit and runs the whole test suite. Exit code 0 only when every
# test passed. SUMMIT_PRESET picks the CMake preset (default, asan).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

./scripts/bootstrap.sh
preset="${SUMMIT_PRESET:-default}"
cmake --preset "${preset}" >/dev/null
cmake --build --preset "${preset}"
ctest --preset "${preset}"
